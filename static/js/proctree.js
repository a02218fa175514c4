// The process tree: every process of the run, parent above child, as
// `ps -ef` and slide 3.21 draw it. Each node carries data-pid and
// data-state (the kernel's state), shows its state by glyph and word as
// well as colour, and marks zombies (exited, not yet reaped), reaped
// processes and orphans adopted by init. A process with several threads
// holds a chip per thread (data-tid, data-state), its tid and its state's
// glyph: the threads live inside their process.
import {svg, clear, titled} from "./svg.js";
import {procClass, glyph, stateLabel, displayState} from "./palette.js";
import {t} from "./i18n.js";
import {kernelText} from "./kerneltext.js";
import {threadLabel} from "./procs.js";

const W = 132, H0 = 50, GAPX = 18, GAPY = 34, PAD = 10;
const CHIP_W = 38, CHIP_H = 18, CHIP_GAP = 2, CHIPS = 3; // thread chips, CHIPS to a line

export class ProcTree {
  constructor(canvas, onSelect) {
    this.canvas = canvas;
    this.onSelect = onSelect;
    this.selected = 0;
    this.table = null;
    this.dirty = true;
    this.cpus = new Map();
    // A view resized (enlarged, the window) may need the roots brought
    // back into view.
    if (typeof ResizeObserver !== "undefined") new ResizeObserver(() => { this.resized = true; }).observe(canvas);
  }

  reset() { this.dirty = true; }
  event() { this.dirty = true; }

  state(snap, table) {
    this.table = table;
    this.cpus = new Map(snap.procs.map((p) => [p.pid, p.cpu]));
    // A run the server or the kernel stopped early (a limit): no process
    // runs any more, whatever state it was stopped in.
    this.halted = snap.status === "done" && !!snap.halt;
    this.dirty = true;
  }

  select(pid) { this.selected = pid; this.dirty = true; this.render(); }

  // layout places leaves left to right and each parent above the middle
  // of its children.
  layout(table) {
    const pos = new Map();
    let next = 0;
    let depthMax = 0;
    const place = (pid, depth) => {
      const p = table.get(pid);
      depthMax = Math.max(depthMax, depth);
      const kids = p.children.filter((c) => table.get(c));
      if (kids.length === 0) {
        pos.set(pid, {x: next++, y: depth});
        return;
      }
      for (const c of kids) place(c, depth + 1);
      const xs = kids.map((c) => pos.get(c).x);
      pos.set(pid, {x: (Math.min(...xs) + Math.max(...xs)) / 2, y: depth});
    };
    const roots = table.list().filter((p) => !table.get(p.creator)).map((p) => p.pid);
    for (const r of roots) place(r, 0);
    return {pos, cols: Math.max(next, 1), rows: depthMax + 1};
  }

  // render draws the tree. While its size stays the same (a run going on)
  // only the nodes and edges that changed are drawn again, each compared
  // by what it shows (its key).
  render() {
    if (!this.dirty || !this.table) return;
    this.dirty = false;
    const table = this.table;
    if (table.list().length === 0) {
      clear(this.canvas);
      this.drawn = null;
      return;
    }
    const {pos, cols, rows} = this.layout(table);
    // Every node is as tall as the one with the most threads.
    let lines = 0;
    for (const p of table.list()) {
      if (table.multi(p)) lines = Math.max(lines, Math.ceil(table.liveThreads(p).length / CHIPS));
    }
    const H = H0 + lines * (CHIP_H + CHIP_GAP) + (lines ? 4 : 0);
    this.H = H;
    const width = PAD * 2 + cols * W + (cols - 1) * GAPX;
    const height = PAD * 2 + rows * H + (rows - 1) * GAPY;
    const at = (pid) => {
      const p = pos.get(pid);
      return {x: PAD + p.x * (W + GAPX), y: PAD + p.y * (H + GAPY)};
    };
    const size = `${width}x${height}/${H}`;
    let d = this.drawn;
    const fresh = !d || d.size !== size || d.root.parentNode !== this.canvas;
    if (fresh) {
      const left = this.canvas.scrollLeft; // the new drawing keeps the scroll
      clear(this.canvas);
      const root = svg("svg", {viewBox: `0 0 ${width} ${height}`, class: "proctree", role: "group",
        "aria-label": t("view.proctree"), style: null});
      // Drawn at its size, never shrunk: a wide tree scrolls, and the
      // scroll keeps the first processes (init, the program) in view.
      root.setAttribute("width", width);
      root.setAttribute("height", height);
      const edges = svg("g", {class: "edges"}); // under the nodes
      root.appendChild(edges);
      d = this.drawn = {size, root, edges, edgeKey: "", nodes: new Map()};
      this.canvas.appendChild(root);
      this.canvas.scrollLeft = left;
    }
    // Edges.
    const edgeList = table.list().filter((p) => pos.has(p.pid) && pos.has(p.creator));
    const edgeKey = edgeList.map((p) => `${p.creator}-${p.pid}${p.orphan ? "o" : ""}@${pos.get(p.pid).x},${pos.get(p.creator).x}`).join(" ");
    if (edgeKey !== d.edgeKey) {
      d.edgeKey = edgeKey;
      clear(d.edges);
      for (const p of edgeList) {
        const a = at(p.creator), b = at(p.pid);
        const x1 = a.x + W / 2, y1 = a.y + H, x2 = b.x + W / 2, y2 = b.y;
        const my = (y1 + y2) / 2;
        d.edges.appendChild(svg("path", {
          d: `M${x1},${y1} C${x1},${my} ${x2},${my} ${x2},${y2}`,
          class: p.orphan ? "edge orphan" : "edge",
        }));
      }
    }
    // Nodes, in the table's order.
    const seen = new Set();
    let prev = d.edges;
    for (const p of table.list()) {
      if (!pos.has(p.pid)) continue;
      seen.add(p.pid);
      const where = at(p.pid);
      const key = this.nodeKey(p, where);
      let n = d.nodes.get(p.pid);
      if (!n || n.key !== key) {
        const el = this.node(p, where);
        if (n) {
          const focused = document.activeElement === n.el; // the keyboard stays on the process
          n.el.replaceWith(el);
          if (focused) el.focus({preventScroll: true});
        }
        n = {key, el};
        d.nodes.set(p.pid, n);
      }
      if (n.el.previousSibling !== prev) prev.after(n.el);
      prev = n.el;
    }
    for (const [pid, n] of d.nodes) {
      if (!seen.has(pid)) { n.el.remove(); d.nodes.delete(pid); }
    }
    if (fresh || this.resized) this.keepRootsInView(pos, at, width);
    this.resized = false;
  }

  // nodeKey is everything a node shows: the same key, the same drawing.
  nodeKey(p, {x, y}) {
    const threads = this.table.multi(p) ? this.table.liveThreads(p).map((th) => [th.tid, th.state, th.cpu, th.cause]) : null;
    return JSON.stringify([x, y, this.H, p.pid, p.ppid, p.name, p.state, displayState(p), this.cpus.get(p.pid),
      this.halted, p.pid === this.selected, p.reaped, p.orphan, p.argv, p.cause, p.exitCause, threads]);
  }

  // keepRootsInView scrolls a tree wider than its view so that the
  // topmost processes (init, the program's first process) are in view,
  // when the tree's width changed and the student has not scrolled it
  // since.
  keepRootsInView(pos, at, width) {
    const c = this.canvas;
    if (width <= c.clientWidth) { this.shownWidth = width; return; }
    if (this.shownWidth === width && c.scrollLeft !== this.autoLeft) return;
    const tops = [...pos.entries()].filter(([, p]) => p.y <= 1).map(([pid]) => at(pid).x);
    const mid = (Math.min(...tops) + Math.max(...tops) + W) / 2;
    c.scrollLeft = Math.max(0, Math.round(mid - c.clientWidth / 2));
    this.autoLeft = c.scrollLeft;
    this.shownWidth = width;
  }

  node(p, {x, y}) {
    const H = this.H;
    const shown = displayState(p);
    const cpu = this.cpus.get(p.pid);
    const stopped = this.halted && shown === "running";
    let label = `pid ${p.pid} ${p.name}: ${stopped ? t("state.halted") : stateLabel(shown)}`;
    if (this.table.multi(p)) {
      label += `; ${t("thread.many")}: ` + this.table.liveThreads(p).map((th) => `${threadLabel(th.tid)} ${stateLabel(th.state === "terminated" ? "zombie" : th.state)}`).join(", ");
    }
    const g = svg("g", {
      class: `node ${procClass(p.pid)} state-${shown}${p.pid === this.selected ? " selected" : ""}`,
      transform: `translate(${x},${y})`,
      "data-pid": p.pid, "data-state": p.state, "data-zombie": shown === "zombie" ? "true" : null,
      "data-reaped": p.reaped ? "true" : null, "data-halted": stopped ? "true" : null, "data-orphan": p.orphan ? "true" : null,
      role: "button", tabindex: 0, "aria-label": label,
    });
    g.addEventListener("click", () => this.onSelect(p.pid));
    g.addEventListener("keydown", (ev) => {
      if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); this.onSelect(p.pid); }
    });
    g.appendChild(svg("rect", {class: "box", width: W, height: H, rx: 7}));
    g.appendChild(svg("rect", {class: "stripe", width: 7, height: H, rx: 3}));
    g.appendChild(svg("text", {x: 14, y: 19, class: "pid"}, svg("tspan", {class: "num", text: String(p.pid)}), " ",
      svg("tspan", {class: "name", text: p.name})));
    let st = shown === "running" && cpu >= 0 ? `${stateLabel(shown)} · cpu${cpu}` : stateLabel(shown);
    if (stopped) st = t("state.halted");
    g.appendChild(svg("text", {x: 14, y: 39, class: "state"},
      svg("tspan", {class: "glyph", text: stopped ? "■" : glyph(shown)}), " ", st));
    if (p.orphan) {
      g.appendChild(titled(svg("text", {x: W - 6, y: 14, class: "orphan-tag", "text-anchor": "end",
        text: `↑${p.ppid}`}), t("state.orphan")));
    }
    if (this.table.multi(p)) this.chips(g, p);
    const details = [`pid ${p.pid}, ppid ${p.ppid}`, (p.argv || []).join(" "), kernelText(p.cause)];
    if (p.orphan) details.push(t("state.orphan"));
    if (p.exitCause) details.push(kernelText(p.exitCause));
    titled(g, details.filter(Boolean).join("\n"));
    return g;
  }

  // chips draws p's threads under its state, CHIPS to a line.
  chips(g, p) {
    const list = this.table.liveThreads(p);
    list.forEach((th, i) => {
      const cx = 12 + (i % CHIPS) * (CHIP_W + CHIP_GAP), cy = H0 + Math.floor(i / CHIPS) * (CHIP_H + CHIP_GAP);
      const st = th.state === "terminated" ? "zombie" : th.state;
      const c = svg("g", {class: `thread state-${st}`, "data-tid": th.tid, "data-state": th.state,
        transform: `translate(${cx},${cy})`});
      c.appendChild(svg("rect", {width: CHIP_W, height: CHIP_H, rx: 3}));
      c.appendChild(svg("text", {x: 3, y: 13, text: `${glyph(st)}${threadLabel(th.tid)}`}));
      titled(c, `${t("thread.one")} ${th.tid}${th.tid === p.pid ? " (" + t("thread.main") + ")" : ""}: ${stateLabel(st)}` +
        (th.cpu >= 0 ? ` · cpu${th.cpu}` : "") + (th.cause ? "\n" + kernelText(th.cause) : ""));
      g.appendChild(c);
    });
  }
}
