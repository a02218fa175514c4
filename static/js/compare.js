// The comparison of scheduling policies: one workload (or OSTEP problem)
// run under two to four policies by POST /api/run, each shown with its
// Gantt chart and its metrics, side by side; then the averages of every
// policy in one table, and the questions of each run, checked by the
// server. The address always says what is shown, so it can be shared.
import {setStrings, t, language, errorText} from "./i18n.js";
import {html, clear} from "./svg.js";
import {Gantt} from "./gantt.js";
import {Notice} from "./notice.js";
import {WorkloadEditor, cleanSettings} from "./workload.js";
import {metricsTable, averagesTable} from "./metrics.js";
import {questionList} from "./questions.js";
import {policyText} from "./policy.js";

const boot = JSON.parse(document.getElementById("osplay-boot").textContent);
setStrings(boot.strings, boot.lang);

const root = document.querySelector(".compare");
const $ = (sel) => root.querySelector(sel);
const notice = new Notice($('[data-show="notice"]'));
const statusEl = $('[data-show="compare-status"]');
const MAX = 4;

let ostep = boot.ostep || null;
const ostepField = $('[data-control="ostep"]');
let editor = ostep ? null : new WorkloadEditor($('[data-show="workload-editor"]'), boot.workload || "", () => {});

// The OSTEP problem becomes an ordinary workload, to edit.
const toWorkload = $('[data-action="to-workload"]');
if (toWorkload) {
  toWorkload.addEventListener("click", async () => {
    const data = await post("/api/run", {...problem(), settings: cleanSettings(boot.settings)});
    if (!data || !data.ok) return;
    ostep = null;
    ostepField.closest("label").remove();
    toWorkload.remove();
    $('[data-show="workload-help"]').hidden = false;
    editor = new WorkloadEditor($('[data-show="workload-editor"]'), data.workload, () => {});
    updateAddress();
  });
}

// problem is the workload part of a request.
function problem() {
  if (ostep) {
    const [command, ...args] = ostepField.value.trim().split(/\s+/);
    return {ostep: {command: command || "", args: args.join(" ")}};
  }
  return {workload: editor.text};
}

// The policies: a text field each, two to four.
const list = $('[data-show="policies"]');
function specs() {
  return [...list.querySelectorAll('[data-control="policy"]')].map((f) => f.value.trim()).filter(Boolean);
}
function policyRow(spec) {
  const n = list.children.length + 1;
  const label = t("cmp.policy", {n});
  const input = html("input", {type: "text", "data-control": "policy", value: spec, spellcheck: "false", autocomplete: "off",
    title: t("cmp.specHelp")});
  return html("li", {}, html("label", {}, html("span", {class: "visually-hidden", text: label}), input),
    html("button", {type: "button", class: "small", "data-action": "remove-policy", "aria-label": `${t("wl.remove")}: ${label}`, text: "✕"}));
}
list.addEventListener("click", (ev) => {
  const b = ev.target.closest('[data-action="remove-policy"]');
  if (b && list.children.length > 1) {
    b.closest("li").remove();
    syncPolicyButtons();
  }
});
const addPolicy = $('[data-action="add-policy"]');
addPolicy.addEventListener("click", () => {
  if (list.children.length >= MAX) return;
  const row = policyRow("rr:q=4");
  list.appendChild(row);
  row.querySelector("input").focus();
  syncPolicyButtons();
});
function syncPolicyButtons() {
  addPolicy.disabled = list.children.length >= MAX;
  for (const b of list.querySelectorAll('[data-action="remove-policy"]')) b.disabled = list.children.length <= 1;
}
syncPolicyButtons();

// updateAddress writes what is shown into the address.
function updateAddress() {
  const q = new URLSearchParams();
  const p = problem();
  if (p.ostep) {
    q.set("ostep", p.ostep.command);
    q.set("args", p.ostep.args);
  } else {
    q.set("workload", p.workload);
  }
  for (const s of specs()) q.append("sched", s);
  for (const [k, v] of Object.entries(cleanSettings(boot.settings))) q.set(k.toLowerCase(), String(v === true ? 1 : v));
  const lang = new URLSearchParams(location.search).get("lang");
  if (lang) q.set("lang", lang);
  history.replaceState(null, "", `${location.pathname}?${q.toString()}`);
}

async function post(url, body) {
  try {
    const resp = await fetch(url, {method: "POST", headers: {"Content-Type": "application/json"}, body: JSON.stringify(body)});
    const data = await resp.json();
    if (data.error) {
      const msg = data.error.message;
      if (editor && /workload/.test(msg)) editor.showError(msg);
      else notice.show(errorText(data.error), "error");
      return null;
    }
    return data;
  } catch (err) {
    notice.show(String(err), "error");
    return null;
  }
}

const runsEl = $('[data-show="runs"]');
const averagesEl = $('[data-show="averages"]');
const questionsEl = $('[data-show="questions"]');
let charts = [];

// compare runs the workload under every policy and draws the results.
async function compare() {
  notice.hide();
  if (editor) editor.showError("");
  const button = $('[data-action="compare"]');
  button.disabled = true;
  statusEl.textContent = t("cmp.running");
  const base = {...problem(), settings: cleanSettings(boot.settings)};
  const data = await post("/api/run", {...base, compare: specs(), lang: language()});
  button.disabled = false;
  statusEl.textContent = "";
  if (!data) return;
  updateAddress();
  draw(data, base);
}

function draw(data, base) {
  clear(runsEl);
  charts = [];
  const notes = data.notes || [];
  for (const old of root.querySelectorAll('[data-show="run-notes"]')) old.remove();
  if (notes.length && !root.querySelector('[data-show="notes"]')) {
    runsEl.before(html("div", {class: "notes", "data-show": "run-notes"}, html("strong", {text: t("wl.notes")}),
      html("ul", {}, notes.map((n) => html("li", {text: n})))));
  }
  for (const run of data.runs) {
    const canvas = html("div", {class: "canvas", "data-canvas": "gantt"});
    const watch = new URLSearchParams();
    if (base.ostep) {
      watch.set("ostep", base.ostep.command);
      watch.set("args", base.ostep.args);
    } else {
      watch.set("workload", data.workload);
    }
    watch.set("sched", run.sched);
    const lang = new URLSearchParams(location.search).get("lang");
    if (lang) watch.set("lang", lang);
    const section = html("section", {class: "view compare-run", "data-sched": run.sched, "aria-label": policyText(run.sched)},
      html("div", {class: "view-head"}, html("h2", {title: run.sched, text: policyText(run.sched)}),
        html("a", {href: `/play?${watch.toString()}`, class: "small", text: t("cmp.watch")})),
      html("div", {class: "view-gantt", "data-view": "gantt"}, canvas),
      run.ganttCut ? html("p", {class: "help", text: t("m.cut")}) : null,
      run.error ? html("p", {class: "compile-errors", role: "alert", text: run.error}) : null,
      html("div", {class: "figures"}, metricsTable(run.metrics, policyText(run.sched))));
    runsEl.appendChild(section);
    const g = new Gantt(canvas, () => {});
    g.fit = true;
    g.cpus = run.gantt.map((segs) => segs.map((s) => ({start: s.start, end: s.end, what: s.what, pid: s.pid || 0})));
    g.names = new Map(run.metrics.procs.map((p) => [p.pid, p.name]));
    g.end = run.metrics.ticks;
    g.switches = run.metrics.contextSwitches;
    charts.push(g);
  }
  for (const g of charts) { g.dirty = true; g.render(); }
  averagesEl.hidden = false;
  const avgHost = $('[data-show="averages-table"]');
  clear(avgHost);
  avgHost.appendChild(averagesTable(data.runs));
  questionsEl.hidden = false;
  const qHost = $('[data-show="questions-body"]');
  clear(qHost);
  const grid = html("div", {class: "questions-grid"});
  for (const run of data.runs) grid.appendChild(questionList(run, base));
  qHost.appendChild(grid);
}

// Hiding the figures leaves the Gantt charts to work the answers out from.
$('[data-control="hide-figures"]').addEventListener("change", (ev) => root.classList.toggle("hide-figures", ev.target.checked));

let resizeTimer = 0;
window.addEventListener("resize", () => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => { for (const g of charts) { g.dirty = true; g.render(); } }, 150);
});

$('[data-action="compare"]').addEventListener("click", compare);
document.addEventListener("keydown", (ev) => {
  if (ev.key === "Enter" && (ev.ctrlKey || ev.metaKey)) {
    ev.preventDefault();
    compare();
  }
});
$('[data-action="share"]').addEventListener("click", async () => {
  updateAddress();
  try {
    await navigator.clipboard.writeText(location.href);
    notice.show(t("btn.copied"), "info");
  } catch {
    prompt(t("cmp.share"), location.href);
  }
});

compare();
window.osplay = {compare, specs, problem};
