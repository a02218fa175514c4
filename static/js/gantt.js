// The Gantt chart: each CPU's time, tick by tick — which process ran,
// context switches (hatched) and idle time — built from dispatch, switch
// and idle events, as the kernel's own Gantt does. A thread other than its
// process's main one is labelled by its tid ("T3", data-tid) in its
// process's colour. With "a row per thread" the chart has a row for each
// thread (or process) that ran, labelled with its name, instead of one per
// CPU.
import {svg, html, titled} from "./svg.js";
import {patch} from "./patch.js";
import {procClass} from "./palette.js";
import {t} from "./i18n.js";
import {threadLabel} from "./procs.js";

const ROW = 34, TOP = 8, LABEL = 56, AXIS = 30, PAD = 16;
const MAX_TICK_PX = 32, MAX_SPAN = 60000; // the widest zoom: a tick's pixels, the chart's

export class Gantt {
  constructor(canvas, onSelect) {
    this.canvas = canvas;
    this.onSelect = onSelect;
    this.snap = null;
    // Nothing here reads the page's layout while the chart draws (that
    // would lay out the whole page in the middle of a frame): the view's
    // width and scroll position are read when the browser has laid out —
    // in the scroll event and by a ResizeObserver, which also scrolls a
    // chart that follows its end, after layout and before paint.
    this.width = null;
    this.scrollX = 0;
    this.atEnd = true;
    this.following = false;
    canvas.addEventListener("scroll", () => { this.readScroll(); this.pinNames(); }, {passive: true});
    if (typeof ResizeObserver !== "undefined") {
      this.sized = new ResizeObserver(() => this.laidOut());
      this.sized.observe(canvas);
    }
    // One listener for every segment (kept from one drawing to the next):
    // a click on a process's turn selects it.
    canvas.addEventListener("click", (ev) => {
      const g = ev.target.closest && ev.target.closest(".seg.run");
      if (g && canvas.contains(g)) this.onSelect(Number(g.dataset.pid));
    });
    this.zoom = 1; // 1: the whole run in the view's width; 2, 4, …: wider, with a scroll bar
    this.reset();
  }

  // readScroll notes where the view is scrolled to, and whether to its end.
  readScroll() {
    const c = this.canvas;
    this.scrollX = c.scrollLeft;
    this.atEnd = c.scrollLeft + c.clientWidth >= c.scrollWidth - 12;
  }

  // laidOut follows the chart's end when it should, and draws the chart
  // again at the view's new width.
  laidOut() {
    const c = this.canvas;
    if (this.following) {
      this.following = false;
      c.scrollLeft = c.scrollWidth;
    }
    this.readScroll();
    this.pinNames();
    const w = c.clientWidth;
    if (w === this.width) return;
    const drawn = this.width !== null && this.cpus.length > 0;
    this.width = w;
    if (drawn) {
      this.dirty = true;
      requestAnimationFrame(() => this.render()); // not in the observer: the chart's own size would call it again
    }
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

  // The zoom: 1 shows the whole run in the view's width; each step in
  // doubles the ticks' width, up to MAX_TICK_PX. zoomBy keeps the tick in
  // the middle of the view where it was.
  get fit() { return this.zoom === 1; }
  set fit(on) { if (on) this.zoom = 1; }

  zoomBy(factor) {
    const c = this.canvas;
    const middle = this.px ? (c.scrollLeft + c.clientWidth / 2 - LABEL) / this.px : 0;
    const z = factor === 0 ? 1 : Math.min(Math.max(this.zoom * factor, 1), this.maxZoom || 1);
    if (z === this.zoom) return;
    this.zoom = z;
    this.dirty = true;
    this.render();
    if (this.px) c.scrollLeft = Math.max(0, LABEL + middle * this.px - c.clientWidth / 2);
    this.following = false; // the tick in the middle stays there
    this.readScroll();
    this.pinNames();
    this.showZoom();
  }

  // setZoomControls takes the view's zoom buttons and its keys (+, −, 0)
  // while the chart has the focus.
  setZoomControls(buttons, keys) {
    this.zoomButtons = buttons;
    for (const [b, f] of [[buttons.in, 2], [buttons.out, 0.5], [buttons.fit, 0]]) {
      if (b) b.addEventListener("click", () => this.zoomBy(f));
    }
    keys.addEventListener("keydown", (ev) => {
      if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
      const f = {"+": 2, "=": 2, "-": 0.5, "_": 0.5, "0": 0}[ev.key];
      if (f === undefined) return;
      ev.preventDefault();
      ev.stopPropagation();
      this.zoomBy(f);
    });
    this.showZoom();
  }

  showZoom() {
    const b = this.zoomButtons;
    if (!b) return;
    if (b.in) b.in.disabled = this.zoom >= (this.maxZoom || 1);
    if (b.out) b.out.disabled = this.zoom <= 1;
    if (b.fit) b.fit.setAttribute("aria-pressed", String(this.zoom === 1));
    if (b.level) b.level.textContent = this.zoom === 1 ? t("gantt.fit") : `×${this.zoom}`;
  }

  render() {
    if (!this.dirty) return;
    this.dirty = false;
    const ncpu = Math.max(this.cpus.length, this.snap ? this.snap.cpus.length : 1);
    const end = Math.max(this.end, 1);
    this.px = 0;
    // Drawn afresh off the page; the page keeps its nodes (lanes, each
    // lane's segments in order, the axis) and takes only what changed:
    // new segments, the last one grown, the ticks moved by a new scale.
    const out = document.createDocumentFragment();
    if (this.cpus.length === 0) {
      this.laneNames = null;
      out.appendChild(Object.assign(document.createElement("p"), {className: "help", textContent: t("gantt.empty")}));
      patch(this.canvas, out);
      if (this.statsEl) this.statsEl.textContent = "";
      if (this.legendEl) this.legendEl.replaceChildren();
      return;
    }
    const lanes = this.lanes(ncpu);
    const laneBottom = TOP + lanes.length * (ROW + 6);
    const height = laneBottom + AXIS;
    const avail = Math.max((this.width === null ? this.canvas.clientWidth : this.width) - 4, 300);
    const fitPx = (avail - LABEL - PAD) / end;
    this.maxZoom = 2 ** Math.max(0, Math.floor(Math.log2(Math.min(MAX_TICK_PX, MAX_SPAN / end) / fitPx)));
    if (this.zoom > this.maxZoom) this.zoom = Math.max(1, this.maxZoom);
    const px = fitPx * this.zoom;
    this.px = px;
    const W = LABEL + end * px + PAD;
    const follow = this.zoom > 1 && this.atEnd;
    const root = svg("svg", {viewBox: `0 0 ${W} ${height}`, width: W, height, class: "gantt", role: "group",
      "aria-label": t("view.gantt"), "data-zoom": this.zoom});
    root.appendChild(svg("defs", {}, svg("pattern", {id: "hatch", width: 6, height: 6, patternUnits: "userSpaceOnUse",
      patternTransform: "rotate(45)"}, svg("rect", {width: 6, height: 6, class: "hatch-bg"}),
    svg("line", {x1: 0, y1: 0, x2: 0, y2: 6, class: "hatch-line"}))));
    const span = end * px;
    const x = (tick) => LABEL + tick * px;
    const seen = new Map(); // the processes and threads drawn, for the legend
    let summed = false;
    // The lanes' names stay at the left edge of the view when it scrolls.
    const names = svg("g", {class: "lane-names"}, svg("rect", {x: 0, y: 0, width: LABEL - 2, height, class: "lane-names-bg"}));
    lanes.forEach((lane, c) => {
      const y = TOP + c * (ROW + 6);
      names.appendChild(svg("text", {x: 4, y: y + ROW / 2 + 5, class: `cpu-label${lane.pid ? " " + procClass(lane.pid) : ""}`, text: lane.label}));
      root.appendChild(svg("rect", {x: LABEL, y, width: span, height: ROW, class: "lane"}));
      const row = svg("g", {class: "row", ...lane.attrs});
      const segs = this.summed(lane.segs, end, px);
      if (segs !== lane.segs) summed = true;
      for (const s of segs) {
        const x1 = x(s.start), x2 = x(s.end ?? end);
        const w = Math.max(x2 - x1, 0.6);
        const run = s.what === "run" || s.what === "busy";
        if (run) seen.set(`${s.pid}/${s.tid || 0}`, {pid: s.pid, tid: s.tid || 0});
        const cls = run ? `seg run ${procClass(s.pid)}${s.what === "busy" ? " busy" : ""}` : s.what === "switch" ? "seg switch" :
          s.what === "mixed" ? "seg mixed" : "seg idle";
        const g = svg("g", {class: cls, "data-pid": run ? s.pid : null, "data-tid": run && s.tid ? s.tid : null, "data-what": s.what,
          "data-start": s.start, "data-end": s.end ?? end});
        g.appendChild(svg("rect", {x: x1, y, width: w, height: ROW}));
        const name = this.names.get(s.pid) || "";
        const proc = this.table && this.table.get(s.pid);
        const short = s.tid || (proc && this.table.multi(proc)) ? threadLabel(s.tid || s.pid) : String(s.pid);
        if (run && w > 22) {
          g.appendChild(svg("text", {x: x1 + 4, y: y + ROW / 2 + 5, class: "seg-label",
            text: w > 80 ? `${short} ${name}` : short}));
        }
        const runner = s.tid ? `pid ${s.pid} ${name} ${threadLabel(s.tid)}` : `pid ${s.pid} ${name}`;
        const what = s.what === "run" ? runner : s.what === "busy" ? `${runner} ${t("gantt.mostly", {share: s.share})}` :
          s.what === "switch" ? `${t("gantt.switch")} → ${s.tid ? threadLabel(s.tid) : s.pid}` :
          s.what === "mixed" ? t("gantt.mixed") : t("gantt.idle");
        titled(g, `${what}: ${s.start}–${s.end ?? end}${s.cpu !== undefined ? ` (CPU${s.cpu})` : ""}`);
        row.appendChild(g);
      }
      root.appendChild(row);
    });
    // Axis: round ticks, the last label kept inside the chart, and the
    // axis's name.
    const ay = laneBottom + 2;
    const step = niceStep(60 / px);
    for (let tk = 0; tk <= end; tk += step) {
      const anchor = tk === 0 ? "start" : x(tk) + 20 > W ? "end" : "middle";
      root.appendChild(svg("line", {x1: x(tk), y1: ay, x2: x(tk), y2: ay + 5, class: "axis"}));
      root.appendChild(svg("text", {x: x(tk), y: ay + 17, class: "axis-label", "text-anchor": anchor, text: String(tk)}));
    }
    root.appendChild(svg("line", {x1: LABEL, y1: ay, x2: x(end), y2: ay, class: "axis"}));
    names.appendChild(svg("text", {x: 4, y: ay + 17, class: "axis-title", text: t("gantt.axis")}));
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
    root.appendChild(names);
    names.setAttribute("transform", `translate(${this.scrollX} 0)`); // as pinNames keeps it
    out.appendChild(root);
    patch(this.canvas, out);
    this.laneNames = this.canvas.querySelector(".lane-names");
    // The chart's size is watched, to follow its end once laid out.
    const chart = this.canvas.querySelector("svg.gantt");
    if (this.sized && chart !== this.watched) {
      if (this.watched) this.sized.unobserve(this.watched);
      this.sized.observe(chart);
      this.watched = chart;
    }
    if (follow) {
      if (this.sized) this.following = true;
      else this.canvas.scrollLeft = this.canvas.scrollWidth;
    }
    this.pinNames();
    this.legend = this.legendItems(seen, lanes.some((l) => l.segs.some((s) => s.what === "switch")), summed,
      lanes.some((l) => l.segs.some((s) => s.what === "mixed")));
    if (this.legendEl) {
      const items = document.createDocumentFragment();
      items.append(...this.legend.map(legendHTML));
      patch(this.legendEl, items);
    }
    if (this.statsEl) {
      const stats = this.stats(end);
      if (this.statsEl.textContent !== stats) this.statsEl.textContent = stats;
    }
    this.showZoom();
  }

  // legendItems are what the chart's colours and marks mean: a swatch per
  // process (or thread) drawn, then the CPU's other states.
  legendItems(seen, switches, summed, mixed) {
    const items = [...seen.values()].sort((a, b) => a.pid - b.pid || a.tid - b.tid).map(({pid, tid}) => {
      const name = this.names.get(pid) || "";
      return {kind: "proc", pid, tid, text: tid && tid !== pid ? `${threadLabel(tid)} (pid ${pid} ${name})` : `pid ${pid} ${name}`.trim()};
    });
    if (switches) items.push({kind: "switch", text: t("gantt.switch")});
    items.push({kind: "idle", text: t("gantt.idle")});
    if (this.preempts.length) items.push({kind: "preempt", text: t("gantt.preemptLegend")});
    if (summed) items.push({kind: "busy", text: t("gantt.summed")});
    if (mixed) items.push({kind: "mixed", text: t("gantt.mixed")});
    return items;
  }

  // legendSVG draws the legend as SVG rows of width w, for an exported
  // chart that must stand alone; it returns the group and its height.
  legendSVG(w) {
    const g = svg("g", {class: "gantt-legend"});
    let lx = 4, ly = 0;
    for (const it of this.legend || []) {
      const width = 26 + it.text.length * 7.5;
      if (lx > 4 && lx + width > w) { lx = 4; ly += 20; }
      g.appendChild(legendMark(it, lx, ly));
      g.appendChild(svg("text", {x: lx + 20, y: ly + 12, class: "legend-text", text: it.text}));
      lx += width + 10;
    }
    return {g, height: ly + 22};
  }

  // pinNames keeps the lanes' names in sight as the chart scrolls.
  pinNames() {
    if (!this.laneNames) return;
    const at = `translate(${this.scrollX} 0)`;
    if (this.laneNames.getAttribute("transform") !== at) this.laneNames.setAttribute("transform", at);
  }

  // exportSVG is what an exported chart adds below itself, the legend, and
  // how its copy is made whole: the lanes' names back at its left edge.
  exportSVG(chart) {
    const legend = this.legendSVG(Number(chart.getAttribute("width")) || 600);
    legend.clean = (copy) => {
      const n = copy.querySelector(".lane-names");
      if (n) n.removeAttribute("transform");
    };
    return legend;
  }

  // summed keeps a lane readable when a tick is narrower than a pixel and
  // its segments crowd: the run is cut into spans a few pixels wide, each
  // drawn in the colour of the process that ran most of it ("busy", with
  // its share in the tooltip); spans where nothing ran stay empty. A lane
  // with room for every segment is returned as it is.
  summed(segs, end, px) {
    if (px >= 1 || segs.length < (end * px) / 4) return segs;
    const bucket = Math.ceil(3 / px);
    const out = [];
    let i = 0;
    for (let b0 = 0; b0 < end; b0 += bucket) {
      const b1 = Math.min(b0 + bucket, end);
      const share = new Map();
      while (i < segs.length && (segs[i].end ?? end) <= b0) i++;
      for (let j = i; j < segs.length && segs[j].start < b1; j++) {
        const s = segs[j];
        if (s.what !== "run" && s.what !== "mixed") continue; // a thinned stretch stays one
        const k = s.what === "mixed" ? "mixed" : `${s.pid}/${s.tid || 0}`;
        const d = Math.min(s.end ?? end, b1) - Math.max(s.start, b0);
        if (d > 0) share.set(k, {s, n: (share.get(k)?.n || 0) + d});
      }
      let top = null;
      for (const v of share.values()) if (!top || v.n > top.n) top = v;
      if (!top) continue;
      const last = out[out.length - 1];
      const what = top.s.what === "mixed" ? "mixed" : "busy";
      if (last && last.end === b0 && last.what === what && last.pid === top.s.pid && last.tid === top.s.tid) {
        last.end = b1;
        last.ran += top.n;
      } else {
        out.push({start: b0, end: b1, what, pid: top.s.pid, tid: top.s.tid, cpu: top.s.cpu, ran: top.n});
      }
    }
    for (const s of out) s.share = Math.round((100 * s.ran) / (s.end - s.start));
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

// legendMark is a legend entry's swatch at (x, y), as the chart draws it
// (class "mark", not "seg": a swatch is no part of the run).
function legendMark(it, x, y) {
  const box = () => svg("rect", {x, y: y + 1, width: 16, height: 14});
  switch (it.kind) {
    case "proc":
      return svg("g", {class: `mark run ${procClass(it.pid)}`, "data-tid": it.tid && it.tid !== it.pid ? it.tid : null}, box());
    case "busy":
      return svg("g", {class: "mark run busy proc-none"}, box());
    case "switch":
      return svg("g", {class: "mark switch"}, box());
    case "mixed":
      return svg("g", {class: "mark mixed"}, box());
    case "preempt":
      return svg("g", {class: "mark"}, svg("line", {x1: x + 8, y1: y, x2: x + 8, y2: y + 16, class: "preempt-line"}),
        svg("path", {d: `M${x + 2} ${y} L${x + 14} ${y} L${x + 8} ${y + 8} Z`, class: "preempt-tri"}));
    default:
      return svg("g", {class: "mark idle"}, svg("rect", {x, y: y + 1, width: 16, height: 14, class: "lane"}));
  }
}

// legendHTML is a legend entry for the page: its swatch in a small SVG
// (the hatch of a context switch refers to the chart's pattern) and its text.
function legendHTML(it) {
  const mark = svg("svg", {width: 18, height: 16, viewBox: "0 -1 18 17", class: "gantt", "aria-hidden": "true"}, legendMark(it, 1, 0));
  return html("li", {"data-legend": it.kind, "data-pid": it.pid ?? null}, mark, " ", it.text);
}
