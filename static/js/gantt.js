// The Gantt chart: each CPU's time, tick by tick — which process ran,
// context switches (hatched) and idle time — built from dispatch, switch
// and idle events, as the kernel's own Gantt does. A thread other than its
// process's main one is labelled by its tid ("T3", data-tid) in its
// process's colour. With "a row per thread" the chart has a row for each
// thread (or process) that ran, labelled with its name, instead of one per
// CPU.
import {svg, clear, titled} from "./svg.js";
import {procClass} from "./palette.js";
import {t} from "./i18n.js";
import {threadLabel} from "./procs.js";

const ROW = 34, TOP = 8, LABEL = 56, AXIS = 26, TICK_PX = 8, MAX_PX = 24000;

export class Gantt {
  constructor(canvas, onSelect) {
    this.canvas = canvas;
    this.onSelect = onSelect;
    this.snap = null;
    this.fit = false; // the whole run in the view's width, or TICK_PX per tick and a scroll bar
    this.reset();
  }

  // setByThread switches between a row per CPU and a row per thread.
  setByThread(on) {
    this.byThread = on;
    this.dirty = true;
    this.render();
  }

  // lanes are the chart's rows: each CPU's segments, or each thread's runs.
  lanes(ncpu) {
    if (!this.byThread) {
      return Array.from({length: ncpu}, (_, c) => ({label: `CPU${c}`, attrs: {"data-cpu": c}, segs: this.cpus[c] || []}));
    }
    const rows = new Map();
    this.cpus.forEach((segs, c) => {
      for (const s of segs) {
        if (s.what !== "run") continue;
        const key = `${s.pid}/${s.tid || s.pid}`;
        if (!rows.has(key)) {
          const p = this.table && this.table.get(s.pid);
          const multi = s.tid || (p && this.table.multi(p));
          rows.set(key, {pid: s.pid, tid: s.tid || s.pid, label: multi ? threadLabel(s.tid || s.pid) : `pid ${s.pid}`,
            attrs: {"data-pid": s.pid, "data-thread": s.tid || s.pid}, segs: []});
        }
        rows.get(key).segs.push({...s, cpu: c});
      }
    });
    return [...rows.values()].sort((a, b) => a.pid - b.pid || a.tid - b.tid).map((r) => {
      r.segs.sort((a, b) => a.start - b.start);
      return r;
    });
  }

  // setFit switches between the whole run at once and a readable scale.
  setFit(on) {
    this.fit = on;
    this.dirty = true;
    this.render();
  }

  reset() {
    this.cpus = []; // per CPU: [{start, end, what: "run"|"switch"|"idle", pid}]
    this.names = new Map();
    this.switches = 0; // dispatches of another process than the CPU ran last, as the kernel's metrics count
    this.last = [];    // per CPU: the process it last dispatched
    this.end = 0;
    this.preempts = []; // preemptions a schedule of the explorer made: [{t, cpu, pid, tid, to}]
    this.dirty = true;
  }

  event(e) {
    if (e.t > this.end && e.t < 2 ** 52) this.end = e.t;
    switch (e.k) {
      case "create": case "exec":
        this.names.set(e.pid, (e.name || "").split("/").pop());
        break;
      case "switch":
        this.open(e.cpu, e.t, "switch", e.other, e.otherTid || 0);
        break;
      case "dispatch": {
        const who = e.tid || e.pid; // the thread, as the kernel's metrics count switches
        if (this.last[e.cpu] && this.last[e.cpu] !== who) this.switches++;
        this.last[e.cpu] = who;
        this.open(e.cpu, e.t, "run", e.pid, e.tid || 0);
        break;
      }
      case "idle":
        this.open(e.cpu, e.t, "idle", 0);
        break;
      case "preempt":
        if (!e.causeText || e.causeText.code !== "manual.switch") return;
        this.preempts.push({t: e.t, cpu: e.cpu, pid: e.pid, tid: e.tid || 0, to: (e.causeText.args || {}).who});
        break;
      default:
        return;
    }
    this.dirty = true;
  }

  open(cpu, time, what, pid, tid = 0) {
    if (cpu < 0) return;
    while (this.cpus.length <= cpu) this.cpus.push([]);
    const segs = this.cpus[cpu];
    const last = segs[segs.length - 1];
    if (last) {
      last.end = time;
      if (last.start === time) segs.pop();
    }
    const prev = segs[segs.length - 1];
    if (prev && prev.what === what && prev.pid === pid && prev.tid === tid) {
      prev.end = null;
      return;
    }
    segs.push({start: time, end: null, what, pid, tid});
  }

  state(snap, table) {
    this.snap = snap;
    this.table = table;
    if (snap.tick > this.end) this.end = snap.tick;
    this.dirty = true;
  }

  render() {
    if (!this.dirty) return;
    this.dirty = false;
    clear(this.canvas);
    const ncpu = Math.max(this.cpus.length, this.snap ? this.snap.cpus.length : 1);
    const end = Math.max(this.end, 1);
    if (this.cpus.length === 0) {
      this.canvas.appendChild(Object.assign(document.createElement("p"), {className: "help", textContent: t("gantt.empty")}));
      if (this.statsEl) this.statsEl.textContent = "";
      return;
    }
    const lanes = this.lanes(ncpu);
    const height = TOP + lanes.length * (ROW + 6) + AXIS;
    const avail = Math.max(this.canvas.clientWidth - 4, 300);
    const px = this.fit ? (avail - LABEL - 10) / end : Math.max(Math.min(TICK_PX, MAX_PX / end), (avail - LABEL - 10) / end);
    const W = LABEL + end * px + 10;
    const follow = this.canvas.scrollLeft + this.canvas.clientWidth >= this.canvas.scrollWidth - 12;
    const root = svg("svg", {viewBox: `0 0 ${W} ${height}`, width: W, height, class: "gantt", role: "group",
      "aria-label": t("view.gantt")});
    root.appendChild(svg("defs", {}, svg("pattern", {id: "hatch", width: 6, height: 6, patternUnits: "userSpaceOnUse",
      patternTransform: "rotate(45)"}, svg("rect", {width: 6, height: 6, class: "hatch-bg"}),
    svg("line", {x1: 0, y1: 0, x2: 0, y2: 6, class: "hatch-line"}))));
    const span = end * px;
    const x = (tick) => LABEL + tick * px;
    lanes.forEach((lane, c) => {
      const y = TOP + c * (ROW + 6);
      root.appendChild(svg("text", {x: 4, y: y + ROW / 2 + 5, class: `cpu-label${lane.pid ? " " + procClass(lane.pid) : ""}`, text: lane.label}));
      root.appendChild(svg("rect", {x: LABEL, y, width: span, height: ROW, class: "lane"}));
      const row = svg("g", {class: "row", ...lane.attrs});
      for (const s of this.merged(lane.segs, end, span)) {
        const x1 = x(s.start), x2 = x(s.end ?? end);
        const w = Math.max(x2 - x1, 0.6);
        const cls = s.what === "run" ? `seg run ${procClass(s.pid)}` : s.what === "switch" ? "seg switch" : s.what === "mixed" ? "seg mixed" : "seg idle";
        const g = svg("g", {class: cls, "data-pid": s.what === "run" ? s.pid : null, "data-tid": s.what === "run" && s.tid ? s.tid : null, "data-what": s.what,
          "data-start": s.start, "data-end": s.end ?? end});
        g.appendChild(svg("rect", {x: x1, y, width: w, height: ROW}));
        const name = this.names.get(s.pid) || "";
        const proc = this.table && this.table.get(s.pid);
        const short = s.tid || (proc && this.table.multi(proc)) ? threadLabel(s.tid || s.pid) : String(s.pid);
        if (s.what === "run" && w > 22) {
          g.appendChild(svg("text", {x: x1 + 4, y: y + ROW / 2 + 5, class: "seg-label",
            text: w > 80 ? `${short} ${name}` : short}));
        }
        const runner = s.tid ? `pid ${s.pid} ${name} ${threadLabel(s.tid)}` : `pid ${s.pid} ${name}`;
        const what = s.what === "run" ? runner : s.what === "switch" ? `${t("gantt.switch")} → ${s.tid ? threadLabel(s.tid) : s.pid}` : s.what === "mixed" ? "…" : t("gantt.idle");
        titled(g, `${what}: ${s.start}–${s.end ?? end}${s.cpu !== undefined ? ` (CPU${s.cpu})` : ""}`);
        if (s.what === "run") g.addEventListener("click", () => this.onSelect(s.pid));
        row.appendChild(g);
      }
      root.appendChild(row);
    });
    // Axis: a few round ticks.
    const ay = TOP + lanes.length * (ROW + 6) + 2;
    const step = niceStep(60 / px);
    for (let tk = 0; tk <= end; tk += step) {
      root.appendChild(svg("line", {x1: x(tk), y1: ay, x2: x(tk), y2: ay + 5, class: "axis"}));
      root.appendChild(svg("text", {x: x(tk), y: ay + 17, class: "axis-label", "text-anchor": tk === 0 ? "start" : "middle", text: String(tk)}));
    }
    root.appendChild(svg("line", {x1: x(end), y1: TOP - 4, x2: x(end), y2: ay, class: "now"}));
    // The schedule's preemptions: a dashed line and a ▼ over the lanes.
    for (const p of this.preempts) {
      const px0 = x(p.t);
      const who = p.to ? (p.to.tid ? `${threadLabel(p.to.tid)} (pid ${p.to.pid})` : `pid ${p.to.pid}`) : "";
      const g = svg("g", {class: "preempt-mark", "data-preempt": p.t, "data-tid": p.tid || p.pid});
      g.appendChild(svg("line", {x1: px0, y1: TOP - 2, x2: px0, y2: ay, class: "preempt-line"}));
      g.appendChild(svg("path", {d: `M${px0 - 6} ${TOP - 8} L${px0 + 6} ${TOP - 8} L${px0} ${TOP + 2} Z`, class: "preempt-tri"}));
      titled(g, `t=${p.t}: ${t("gantt.preempt", {who})}`);
      root.appendChild(g);
    }
    this.canvas.appendChild(root);
    if (follow) this.canvas.scrollLeft = this.canvas.scrollWidth;
    if (this.statsEl) this.statsEl.textContent = this.stats(end);
  }

  // merged joins segments too narrow to see into one grey "mixed" one, so
  // a long run stays a few hundred rectangles.
  merged(segs, end, span) {
    const min = end / span; // ticks per pixel
    if (segs.length < 400 || min < 0.5) return segs;
    const out = [];
    for (const s of segs) {
      const e = s.end ?? end;
      const last = out[out.length - 1];
      if (e - s.start < min && last && (last.end ?? end) - last.start < min * 2) {
        last.end = e;
        last.what = last.what === s.what && last.pid === s.pid && last.tid === s.tid ? last.what : "mixed";
        continue;
      }
      out.push({...s});
    }
    return out;
  }

  stats(end) {
    const parts = [`${t("gantt.ticks")}: ${end}`, `${t("gantt.switches")}: ${this.switches}`];
    if (this.snap && this.snap.cpus.length && this.snap.tick > 0) {
      const busy = this.snap.cpus.reduce((a, c) => a + c.busy, 0);
      const util = (100 * busy) / (this.snap.tick * this.snap.cpus.length);
      parts.push(`${t("gantt.util")}: ${util.toFixed(1)}%`);
    }
    return parts.join(" · ");
  }
}

function niceStep(x) {
  const p = 10 ** Math.floor(Math.log10(Math.max(x, 1)));
  for (const m of [1, 2, 5, 10]) if (m * p >= x) return m * p;
  return 10 * p;
}
