// An exercise's page: the playground below, the exercise above. This
// module orders the views the exercise opens first, locks the settings
// it fixes, reveals the hints one at a time, and runs Check: the program
// and the answers go to the server, which runs the checks with the
// exercise's own settings; each check shows its verdict and explanation,
// and compile errors are marked in the editor.
import {setStrings, t} from "./i18n.js";
import {setTexts} from "./kerneltext.js";
import {openEmbed} from "./share.js";
import {recordCheck} from "./work.js";
import {ExercisePredictions} from "./xpredict.js";
import {metricsTable} from "./metrics.js";

const boot = JSON.parse(document.getElementById("osplay-boot").textContent);
setStrings(boot.strings, boot.lang);
setTexts(boot.texts);
const x = JSON.parse(document.getElementById("osplay-exercise").textContent);
const panel = document.querySelector(".exercise");
const form = panel.querySelector('[data-control="checks"]');

// The views to open first come first (an exercise's "views", or ?view=).
const viewOf = {tree: "proctree", states: "states", queues: "queues", gantt: "gantt", pcb: "pcb", memory: "pcb", events: "trace",
  msc: "msc", ipc: "ipc", waitfor: "waitfor"};
{
  const first = (x.views || []).map((v) => viewOf[v]).filter(Boolean);
  const sections = [...document.querySelectorAll(".views > .view")];
  for (const s of sections) {
    const i = first.indexOf(s.dataset.view);
    s.style.order = i >= 0 ? String(i - first.length) : "0";
    s.classList.toggle("x-first", i >= 0);
  }
}

// Settings the exercise fixes cannot be changed.
{
  const all = ["sched", "quantum", "cpus", "seed", "ctxswitch", "childFirst", "monitor"];
  const locked = (x.locked || []).includes("all") ? all : (x.locked || []);
  for (const name of locked) {
    for (const f of document.querySelectorAll(`[data-setting="${name}"]` + (name === "sched" ? ', [data-setting="schedOptions"]' : ""))) {
      f.disabled = true;
      f.title = t("x.locked");
    }
  }
  const grid = document.querySelector(".settings-grid");
  if (locked.length && grid) {
    const note = document.createElement("p");
    note.className = "help x-locked-note";
    note.textContent = `🔒 ${t("x.locked")}: ${locked.join(", ")}`;
    grid.before(note);
  }
}

// Hints, one at a time.
const hintButton = panel.querySelector('[data-action="hint"]');
if (hintButton) {
  const hints = [...panel.querySelectorAll("[data-hint]")];
  const count = panel.querySelector('[data-show="hint-count"]');
  hintButton.addEventListener("click", () => {
    const next = hints.find((h) => h.hidden);
    if (next) {
      next.hidden = false;
      next.tabIndex = -1;
      next.focus();
    }
    const shown = hints.filter((h) => !h.hidden).length;
    count.textContent = `${shown} / ${hints.length}`;
    if (shown === hints.length) {
      hintButton.disabled = true;
      hintButton.textContent = t("x.noMoreHints");
    }
  });
}

// Predictions asked during the run, at their ticks: Run stops there.
if ((x.predictions || []).length) {
  const preds = new ExercisePredictions(form, x.predictions);
  window.osplayHooks = {run: (fresh, snap) => preds.run(fresh, snap), batch: (b) => preds.batch(b)};
}

// answers are the question boxes' values by check id.
function answers() {
  const out = {};
  for (const el of form.querySelectorAll("[data-answer]")) {
    if (el.type === "radio") {
      if (el.checked) out[el.dataset.answer] = el.value;
    } else if (el.value.trim() !== "") {
      out[el.dataset.answer] = el.value;
    }
  }
  return out;
}

const summary = panel.querySelector('[data-show="x-summary"]');
const checkButton = form.querySelector('[data-action="check"]');
const revealButton = form.querySelector('[data-action="reveal"]');

function say(text, kind) {
  summary.textContent = text;
  summary.dataset.kind = kind;
}

// show puts a report's verdicts next to the checks.
function show(report) {
  for (const c of report.checks) {
    const li = form.querySelector(`[data-check="${CSS.escape(c.id)}"]`);
    if (!li) continue;
    li.dataset.result = c.passed ? "passed" : "failed";
    li.querySelector(".x-mark").textContent = c.passed ? "✓" : "✗";
    li.querySelector('[data-show="verdict"]').textContent = c.passed ? t("x.passed") : t("x.failed");
    const m = li.querySelector('[data-show="message"]');
    m.textContent = c.message;
    m.hidden = !c.message;
    const w = li.querySelector('[data-show="hint"]');
    if (w) {
      w.textContent = c.hint || "";
      w.hidden = !c.hint;
    }
    const e = li.querySelector('[data-show="expected"]');
    if (e) {
      const more = c.expected && c.expected !== c.message; // a passed check expected what it says
      e.textContent = more ? `${t("x.expected")} ${c.expected}` : "";
      e.hidden = !more;
    }
  }
  showMetrics(report.sched);
  // What the checks expected, only on request and only after an attempt.
  revealButton.hidden = false;
  const editor = window.osplay && window.osplay.editor;
  if (editor) editor.setErrors(report.compile || []);
  let text = report.passed ? t("x.allPassed", {total: report.total}) : t("x.summary", {score: report.score, total: report.total});
  if (report.compile && report.compile.length) text += " " + t("x.compile");
  else if (report.error) text += " " + report.error;
  say(text, report.passed ? "passed" : "failed");
}

// showMetrics puts the checked run's metrics table under the checks: the
// server sends it once every question is answered, since it shows what
// they ask; a later report without it takes it away again.
const metricsPanel = document.querySelector('[data-view="x-metrics"]');
function showMetrics(m) {
  if (!metricsPanel) return;
  const place = metricsPanel.querySelector('[data-show="x-metrics-table"]');
  place.replaceChildren(...(m ? [metricsTable(m)] : []));
  metricsPanel.querySelector('[data-show="x-metrics-note"]').hidden = !!m;
}

async function check(reveal = false) {
  const program = window.osplay && window.osplay.program;
  if (!program) return;
  checkButton.disabled = true;
  revealButton.disabled = true;
  say(t("x.checking"), "busy");
  try {
    const files = program.files.map((f) => ({name: f.name, text: f.text}));
    const r = await fetch(x.checkURL, {method: "POST", headers: {"Content-Type": "application/json"},
      body: JSON.stringify({files, answers: answers(), lang: x.lang, reveal})});
    const body = await r.json().catch(() => ({}));
    if (r.status === 503) {
      say(body.message || t("x.busy"), "error");
      return;
    }
    if (!r.ok) throw new Error(body.message || r.statusText);
    show(body);
    recordCheck(x.slug, body.passed);
    window.osplay.report = body;
    document.dispatchEvent(new CustomEvent("osplay:checks", {detail: body}));
  } catch (err) {
    say(t("x.failedRequest", {msg: err.message}), "error");
  } finally {
    checkButton.disabled = false;
    revealButton.disabled = false;
  }
}

form.addEventListener("submit", (ev) => {
  ev.preventDefault();
  check();
});
revealButton.addEventListener("click", () => check(true));
panel.querySelector('[data-action="embed"]').addEventListener("click", () => openEmbed(x.url));
window.osplayExercise = {check};
