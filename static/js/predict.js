// Prediction mode: before a step is revealed, the page asks the student
// to predict it — which process or thread runs next, which state a
// process moves to, how many processes exist after this fork, which line
// prints, the value of a variable after the step (the snapshot's
// "globals": a line near the running one assigns it) — then takes the
// step and says whether the prediction was right
// (✓/✗ and words, not colour alone), keeping the accuracy for the run.
// Turned on by the settings' checkbox, ?predict=1 in a link, or an
// exercise's front matter (predict: true).
import {t} from "./i18n.js";
import {html, clear} from "./svg.js";
import {threadLabel} from "./procs.js";

export class Predictor {
  // opts: predict (on at start), lineText(file, line).
  constructor(root, opts) {
    this.root = root;
    this.opts = opts;
    const $ = (sel) => root.querySelector(sel);
    this.panel = $('[data-view="predict"]');
    this.question = $('[data-show="predict-question"]');
    this.choices = $('[data-show="predict-choices"]');
    this.verdict = $('[data-show="predict-verdict"]');
    this.scoreEl = $('[data-show="predict-score"]');
    this.toggle = $('[data-control="predict"]');
    this.toggle.checked = !!opts.predict;
    this.toggle.addEventListener("change", () => this.setOn(this.toggle.checked));
    $('[data-action="predict-answer"]').addEventListener("click", () => this.answer());
    $('[data-action="predict-skip"]').addEventListener("click", () => this.skip());
    this.choices.addEventListener("keydown", (ev) => this.key(ev));
    this.snap = null;
    this.pending = null;   // the question on screen, waiting for an answer
    this.waiting = null;   // an answered question, waiting for the step that reveals it
    this.right = 0;
    this.asked = 0;
    this.turn = 0;
    this.setOn(this.toggle.checked);
  }

  setOn(on) {
    this.on = on;
    this.panel.hidden = !on;
    if (!on) { this.pending = null; this.waiting = null; clear(this.choices); this.question.textContent = ""; }
    this.showScore();
  }

  // batch sees what the server sent: the snapshot questions are made of,
  // and the events that reveal the answer of a waiting prediction.
  batch(b) {
    if (b.state && b.state.tick === 0 && (!this.snap || this.snap.tick > 0)) this.resetRun();
    if (b.state && b.state.procs) this.snap = b.state;
    else if (b.state && this.snap) this.snap = {...this.snap, ...b.state, procs: this.snap.procs};
    if (this.waiting) this.reveal(this.waiting, b);
  }

  resetRun() {
    this.right = 0;
    this.asked = 0;
    this.waiting = null;
    this.verdict.textContent = "";
    this.showScore();
  }

  // ask puts a question before the step; step runs once it is answered.
  ask(step) {
    if (!this.on || this.waiting || !this.snap || this.snap.status === "done" || this.snap.status === "empty") {
      step();
      return;
    }
    const q = this.make();
    if (!q) { step(); return; }
    this.pending = {...q, step};
    this.question.textContent = q.text;
    this.verdict.textContent = "";
    clear(this.choices);
    q.choices.forEach((c, i) => {
      const id = `predict-${i}`;
      const input = html("input", {type: "radio", name: "predict", id, value: String(i), "data-choice": c.key});
      const label = html("label", {for: id, class: "predict-choice"}, input, html("span", {class: "predict-n", text: String(i + 1)}), " ", c.label);
      this.choices.appendChild(label);
    });
    const first = this.choices.querySelector("input");
    if (first) { first.checked = true; first.focus(); }
    this.panel.dataset.state = "asking";
  }

  key(ev) {
    if (/^[1-9]$/.test(ev.key)) {
      const input = this.choices.querySelectorAll("input")[+ev.key - 1];
      if (input) { input.checked = true; input.focus(); ev.preventDefault(); }
    } else if (ev.key === "Enter") {
      ev.preventDefault();
      this.answer();
    } else if (ev.key === "Escape") {
      ev.preventDefault();
      this.skip();
    }
  }

  answer() {
    const p = this.pending;
    if (!p) return;
    const input = this.choices.querySelector("input:checked");
    if (!input) return;
    const choice = p.choices[+input.value];
    this.pending = null;
    this.waiting = {...p, guess: choice};
    this.panel.dataset.state = "waiting";
    for (const i of this.choices.querySelectorAll("input")) i.disabled = true;
    p.step();
  }

  skip() {
    const p = this.pending;
    if (!p) return;
    this.pending = null;
    clear(this.choices);
    this.question.textContent = "";
    this.panel.dataset.state = "";
    p.step();
  }

  // make chooses a question the next step can answer.
  make() {
    const s = this.snap;
    const live = (s.procs || []).filter((p) => p.state !== "terminated" && p.state !== "zombie");
    const runners = [];
    for (const p of live) {
      if (p.threads) {
        for (const th of p.threads) {
          if (th.state === "running" || th.state === "ready") runners.push({pid: p.pid, tid: th.tid, state: th.state, file: th.file, line: th.line});
        }
      } else if (p.state === "running" || p.state === "ready") {
        runners.push({pid: p.pid, tid: 0, state: p.state, file: p.file, line: p.line});
      }
    }
    const running = runners.find((r) => r.state === "running");
    this.turn++;
    // A fork on this line or the next few: the step may take it.
    const ahead = running ? [0, 1, 2, 3].map((k) => this.opts.lineText(running.file, running.line + k)).join("\n") : "";
    if (running && /\bfork\s*\(/.test(ahead)) {
      const n = live.length;
      const options = [...new Set([n, n + 1, 2 * n, n + 2])].sort((a, b) => a - b).slice(0, 4);
      return {kind: "procs", text: t("predict.procs"), choices: options.map((k) => ({key: String(k), label: String(k)}))};
    }
    const near = running ? [0, 1, 2].map((k) => this.opts.lineText(running.file, running.line + k)).join("\n") : "";
    if (running && /\b(printf|puts|putchar|write)\s*\(/.test(near)) {
      const lines = this.printLines(running.file);
      if (lines.length >= 2) {
        return {kind: "line", text: t("predict.line"), file: running.file,
          choices: lines.slice(0, 5).map((l) => ({key: String(l.line), label: `${l.line}: ${l.text.trim()}`, prefix: l.prefix}))};
      }
    }
    const v = running && this.varQuestion(running);
    if (v) return v;
    if (running && this.turn % 2 === 0) {
      const who = running.tid ? threadLabel(running.tid) : String(running.pid);
      const states = ["ready", "waiting", "terminated"];
      return {kind: "state", pid: running.pid, tid: running.tid, from: "running", text: t("predict.state", {pid: who}),
        choices: states.map((st) => ({key: st, label: t("state." + st)}))};
    }
    if (runners.length >= 2) {
      return {kind: "next", text: t("predict.next"), choices: runners.map((r) => ({key: `${r.pid}/${r.tid}`,
        label: r.tid ? `${threadLabel(r.tid)} (pid ${r.pid})` : `pid ${r.pid}`}))};
    }
    const one = running || runners[0] || live.find((p) => p.state === "new");
    if (one) {
      const from = one.state;
      const who = one.tid ? threadLabel(one.tid) : String(one.pid);
      const states = from === "running" ? ["ready", "waiting", "terminated"] : ["running", "ready", "waiting", "terminated"].filter((x) => x !== from);
      return {kind: "state", pid: one.pid, tid: one.tid || 0, from, text: t("predict.state", {pid: who}),
        choices: states.map((st) => ({key: st, label: t("state." + st)}))};
    }
    return null;
  }

  // varQuestion asks for the value of a global the running thread's line,
  // or one of the next two, assigns — one the snapshot has a value of.
  varQuestion(running) {
    const globals = (this.snap.globals || []).filter((g) => g.pid === running.pid);
    if (!globals.length) return null;
    const near = [0, 1, 2].map((k) => this.opts.lineText(running.file, running.line + k)).join("\n");
    for (const g of globals) {
      const name = g.var.replace(/[^\w]/g, "");
      if (!name) continue;
      const assigned = new RegExp(`(^|[^\\w.>])${name}\\s*(\\+\\+|--|[-+*/%]?=(?!=))|(\\+\\+|--)\\s*${name}\\b`, "m");
      if (!assigned.test(near)) continue;
      const cur = g.value;
      const step = new RegExp(`${name}\\s*(?:=\\s*${name}\\s*([-+])|([-+])=)\\s*(\\d+)`).exec(near);
      const values = [cur, cur + 1, cur - 1];
      if (step) values.push((step[1] || step[2]) === "-" ? cur - Number(step[3]) : cur + Number(step[3]));
      const nums = [...new Set(values)].sort((a, b) => a - b).slice(0, 4);
      const choices = nums.map((n) => ({key: String(n), label: `${g.var} = ${n}`}));
      choices.push({key: "other", label: t("predict.varOther")});
      const multi = new Set((this.snap.globals || []).map((x) => x.pid)).size > 1;
      return {kind: "var", pid: running.pid, name: g.var, tick: this.snap.tick, events: this.snap.events,
        text: t(multi ? "predict.varPid" : "predict.var", {v: g.var, pid: running.pid}), choices};
    }
    return null;
  }

  // printLines are the lines of file that print, with the text their
  // format starts with.
  printLines(file) {
    const out = [];
    for (let n = 1; n < 2000; n++) {
      const text = this.opts.lineText(file, n);
      if (text === "" && !this.opts.lineText(file, n + 1) && !this.opts.lineText(file, n + 2)) break;
      const m = /\b(?:printf|puts)\s*\(\s*"((?:[^"\\]|\\.)*)"/.exec(text);
      if (!m) continue;
      const prefix = m[1].split("%")[0].replace(/\\n/g, "\n").replace(/\\t/g, "\t").replace(/\\(.)/g, "$1");
      out.push({line: n, text, prefix});
    }
    return out;
  }

  // reveal settles a waiting prediction once a batch shows its answer.
  reveal(w, b) {
    const events = b.events || [];
    let answer = null;
    switch (w.kind) {
      case "next": {
        const s = this.snap;
        for (const p of s.procs || []) {
          if (p.threads) {
            for (const th of p.threads) if (th.state === "running") answer = `${p.pid}/${th.tid}`;
          } else if (p.state === "running") answer = `${p.pid}/0`;
        }
        if (!answer) return;
        break;
      }
      case "state": {
        const e = events.find((e) => e.k === "state" && e.pid === w.pid && (e.tid || 0) === (w.tid || 0) && e.from === w.from);
        if (!e) {
          if (b.state && b.state.status === "done") answer = "terminated";
          else return;
        } else answer = e.to === "terminated" || e.to === "zombie" ? "terminated" : e.to;
        break;
      }
      case "procs": {
        if (!events.some((e) => e.k === "create" || e.k === "fork") && !events.some((e) => e.k === "exit")) return;
        answer = String((this.snap.procs || []).filter((p) => p.state !== "terminated" && p.state !== "zombie").length);
        break;
      }
      case "var": {
        // The step's batch: a later tick or more events than when asked.
        if (!b.state || (b.state.tick === w.tick && (b.state.events ?? 0) === w.events)) return;
        const g = (b.state.globals || []).find((x) => x.pid === w.pid && x.var === w.name);
        if (!g) answer = "gone";
        else answer = w.choices.some((c) => c.key === String(g.value)) ? String(g.value) : "other";
        w.value = g ? g.value : null;
        break;
      }
      case "line": {
        const out = events.find((e) => e.k === "output");
        if (!out) return;
        const text = out.data || out.text || "";
        const hit = w.choices.filter((c) => c.prefix && text.startsWith(c.prefix)).sort((a, b) => b.prefix.length - a.prefix.length)[0];
        answer = hit ? hit.key : "?";
        break;
      }
    }
    this.waiting = null;
    this.asked++;
    const ok = answer === w.guess.key;
    if (ok) this.right++;
    const found = w.choices.find((c) => c.key === answer);
    const said = w.kind === "var" ? (answer === "gone" ? t("predict.varGone") : `${w.name} = ${w.value}`)
      : found ? found.label : answer === "?" ? t("predict.other") : answer.replace(/^(\d+)\/0$/, "pid $1").replace(/^(\d+)\/(\d+)$/, "T$2 (pid $1)");
    this.verdict.textContent = ok ? t("predict.right", {a: said}) : t("predict.wrong", {g: w.guess.label, a: said});
    this.verdict.dataset.verdict = ok ? "right" : "wrong";
    this.panel.dataset.state = ok ? "right" : "wrong";
    for (const label of this.choices.querySelectorAll("label")) {
      const key = label.querySelector("input").dataset.choice;
      label.dataset.mark = key === answer ? "answer" : key === w.guess.key ? "guess" : "";
    }
    this.showScore();
  }

  showScore() {
    this.scoreEl.textContent = this.asked ? t("predict.score", {right: this.right, n: this.asked, pct: Math.round((100 * this.right) / this.asked)}) : "";
  }
}
