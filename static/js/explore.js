// The schedule explorer in the playground: Explore runs the page's
// program under many schedules on the server (POST /api/explore, lines of
// JSON as it goes), shows the progress — runs per second, the strategy,
// the depth and the probability bound so far — with Stop, and what it
// found: why the failing run failed, its schedule, which the page then
// opens as a run like any other (settings.schedule: replayable, and in
// the links the page shares), its preemptions marked on the Gantt chart.
import {t, errorText} from "./i18n.js";
import {kernelText} from "./kerneltext.js";
import {html, clear} from "./svg.js";

export class Explorer {
  // opts: program, readFields(), open(schedule) to run a schedule,
  // clear() to drop it, onCompileErrors(errors).
  constructor(root, opts) {
    this.root = root;
    this.opts = opts;
    const $ = (sel) => root.querySelector(sel);
    this.panel = $('[data-view="explore"]');
    this.bar = $('[data-show="explore-bar"]');
    this.line = $('[data-show="explore-progress"]');
    this.result = $('[data-show="explore-result"]');
    this.startButton = $('[data-action="explore-start"]');
    this.stopButton = $('[data-action="explore-stop"]');
    this.strategy = $('[data-control="explore-strategy"]');
    this.depth = $('[data-control="explore-depth"]');
    this.preemptions = $('[data-control="explore-preemptions"]');
    this.runs = $('[data-control="explore-runs"]');
    this.abort = null;
    $('[data-action="explore"]').addEventListener("click", () => this.openPanel(true));
    $('[data-action="explore-close"]').addEventListener("click", () => this.closePanel());
    this.startButton.addEventListener("click", () => this.start());
    this.stopButton.addEventListener("click", () => this.stop());
    this.strategy.addEventListener("change", () => this.showOptions());
    this.showOptions();
    document.addEventListener("keydown", (ev) => {
      const el = ev.target;
      if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
      if (el.closest && el.closest("input, textarea, select, [contenteditable], .cm-editor")) return;
      if (ev.key === "x" || ev.key === "X") {
        ev.preventDefault();
        this.openPanel(true);
      } else if (ev.key === "Escape" && this.abort) {
        this.stop();
      }
    });
  }

  showOptions() {
    const s = this.strategy.value;
    this.depth.closest("label").hidden = s !== "pct";
    this.preemptions.closest("label").hidden = s !== "exhaustive";
    this.runs.closest("label").hidden = s === "exhaustive";
  }

  // openPanel shows the panel; with start, Explore starts at once.
  openPanel(start) {
    this.panel.hidden = false;
    if (start && !this.abort) this.start();
    else this.startButton.focus();
  }

  closePanel() {
    this.stop();
    this.panel.hidden = true;
  }

  request() {
    this.opts.readFields();
    const p = this.opts.program.wire();
    delete p.settings.schedule; // explore the program, not one schedule of it
    const req = {...p, strategy: this.strategy.value};
    const num = (el, lo, hi) => Math.min(Math.max(Math.round(Number(el.value) || 0), lo), hi);
    if (req.strategy === "pct") req.depth = num(this.depth, 0, 10);
    if (req.strategy === "exhaustive") req.preemptions = num(this.preemptions, 0, 3);
    else req.runs = num(this.runs, 1, 20000);
    this.wanted = req.runs || 0;
    return req;
  }

  async start() {
    if (this.abort) return;
    const req = this.request();
    this.abort = new AbortController();
    this.running(true);
    clear(this.result);
    this.line.textContent = "…";
    this.bar.value = 0;
    this.panel.dataset.state = "running";
    let last = null;
    try {
      const resp = await fetch("/api/explore", {method: "POST", headers: {"Content-Type": "application/json"},
        body: JSON.stringify(req), signal: this.abort.signal});
      const reader = resp.body.getReader();
      const dec = new TextDecoder();
      let buf = "";
      for (;;) {
        const {value, done} = await reader.read();
        if (done) break;
        buf += dec.decode(value, {stream: true});
        let i;
        while ((i = buf.indexOf("\n")) >= 0) {
          const text = buf.slice(0, i);
          buf = buf.slice(i + 1);
          if (!text.trim()) continue;
          last = JSON.parse(text);
          if (last.type === "progress") this.progress(last);
        }
      }
      if (buf.trim()) last = JSON.parse(buf);
    } catch (err) {
      if (err.name !== "AbortError") last = {type: "error", code: "", message: String(err.message || err)};
    }
    const stopped = this.abort.signal.aborted;
    this.abort = null;
    this.running(false);
    if (stopped && (!last || last.type === "progress")) {
      this.panel.dataset.state = "stopped";
      this.say(t("ex.stopped", {runs: last ? last.runs : 0}));
      return;
    }
    if (!last || last.type === "error" || last.error) {
      const e = last && (last.error && typeof last.error === "object" ? last.error : last) || {};
      this.panel.dataset.state = "error";
      if (e.code === "compile") {
        this.opts.onCompileErrors(e.errors || []);
        this.say(t("ex.compile"));
      } else {
        this.say(t("ex.failed", {msg: errorText(e) || e.message || e.error || ""}));
      }
      return;
    }
    this.progress(last);
    this.done(last);
  }

  stop() {
    if (this.abort) this.abort.abort();
  }

  running(on) {
    this.startButton.disabled = on;
    this.stopButton.disabled = !on;
    if (on) this.stopButton.focus();
  }

  // progress shows how far the search has come.
  progress(p) {
    const parts = [t("ex.progress", {strategy: p.strategy, runs: p.runs, rate: Math.round(p.perSecond)})];
    if (p.strategy === "pct") parts.push(t("ex.progressDepth", {depth: p.depth || 0}));
    if (p.strategy === "exhaustive") parts.push(t("ex.progressK", {k: p.preemptions || 0}));
    if (p.strategy === "pct") {
      parts.push(t("ex.bound", {threads: p.threads, steps: p.steps, depth: p.depth || 0, p: fmtBound(p.bound)}));
    }
    this.line.textContent = parts.join(" · ");
    if (p.strategy === "exhaustive" && !p.exhausted && p.type === "progress") this.bar.removeAttribute("value");
    else this.bar.value = p.exhausted ? 1 : this.wanted ? Math.min(p.runs / this.wanted, 1) : 1;
    this.bar.setAttribute("aria-valuetext", this.line.textContent);
  }

  say(text) {
    clear(this.result);
    this.result.appendChild(html("p", {text}));
  }

  // done shows the search's result.
  done(r) {
    clear(this.result);
    const cx = r.counterexample;
    if (!cx) {
      this.panel.dataset.state = "passed";
      let msg = r.exhausted ? t("ex.noneExhausted", {k: r.preemptions || 0, runs: r.runs}) : t("ex.none", {runs: r.runs});
      if (r.haltCode === "deadline") msg = t("ex.deadline", {runs: r.runs});
      else if (r.haltCode === "memory_limit") msg = t("ex.memory", {runs: r.runs});
      else if (r.stopped) msg = t("ex.stopped", {runs: r.runs});
      this.result.appendChild(html("p", {class: "explore-verdict", "data-verdict": "none", text: msg}));
      return;
    }
    this.panel.dataset.state = "found";
    this.found = cx;
    const el = this.result;
    el.appendChild(html("p", {class: "explore-verdict", "data-verdict": "found", text: t("ex.found", {run: cx.run})}));
    el.appendChild(html("p", {class: "explore-why", "data-show": "explore-why", text: kernelText(cx.why)}));
    if (cx.waits && cx.waits.length) {
      const ul = html("ul", {class: "explore-waits"});
      for (const w of cx.waits) ul.appendChild(html("li", {text: w.text ? kernelText(w.text) : `${w.kind} ${w.addr || ""}`}));
      el.appendChild(ul);
    }
    if (cx.run === 1) el.appendChild(html("p", {text: t("ex.first")}));
    el.appendChild(html("p", {"data-show": "explore-schedule",
      text: t("ex.schedule", {s: cx.schedule, p: cx.preemptions, n: cx.switches, found: cx.foundSwitches})}));
    if (r.expected && cx.stdout !== r.expected.stdout) {
      el.appendChild(html("div", {class: "explore-outputs"},
        html("div", {}, html("h3", {text: t("ex.expected")}), html("pre", {text: r.expected.stdout || "—"})),
        html("div", {}, html("h3", {text: t("ex.got")}), html("pre", {text: cx.stdout || "—"}))));
    }
    el.appendChild(html("p", {class: "explore-actions"},
      html("button", {type: "button", class: "primary", "data-action": "explore-open", onclick: () => this.opts.open(cx.schedule)}, t("ex.open")),
      html("button", {type: "button", "data-action": "explore-clear", onclick: () => this.opts.clear()}, t("ex.clear"))));
    this.opts.open(cx.schedule);
  }
}

// fmtBound writes a probability: 0.117, 1, 2.3e-5.
function fmtBound(p) {
  if (!p) return "0";
  if (p >= 0.9995) return "1";
  return p >= 0.001 ? p.toFixed(3) : p.toExponential(1);
}
