// The lecture's five-state diagram (slide 3.5): new, ready, running,
// waiting, terminated, and the stopped state of a process SIGSTOP stopped
// until SIGCONT. Each process is a token in its state — a circle — and
// each thread of a process with several is one of its own: a square in
// the process's colour, labelled with its tid (data-pid and data-tid); each
// arrow counts how often a process or thread took it.
import {svg, clear, titled} from "./svg.js";
import {procClass, glyph, stateLabel} from "./palette.js";
import {t} from "./i18n.js";
import {threadLabel} from "./procs.js";

const NODES = {
  new: {x: 80, y: 52},
  terminated: {x: 560, y: 52},
  ready: {x: 185, y: 165},
  running: {x: 455, y: 165},
  waiting: {x: 320, y: 272},
  stopped: {x: 565, y: 272},
};
const RX = 66, RY = 28;

// The arrows of the slide, with where their label sits.
const ARROWS = [
  {from: "new", to: "ready", label: "tr.admitted", d: "M118,74 L160,140", lx: 98, ly: 116},
  {from: "ready", to: "running", label: "tr.dispatch", d: "M236,146 Q320,108 404,146", lx: 320, ly: 112},
  {from: "running", to: "ready", label: "tr.interrupt", d: "M404,184 Q320,222 236,184", lx: 320, ly: 200},
  {from: "running", to: "waiting", label: "tr.wait", d: "M470,192 L380,260", lx: 500, ly: 238},
  {from: "waiting", to: "ready", label: "tr.wakeup", d: "M262,262 L170,192", lx: 140, ly: 238},
  {from: "running", to: "terminated", label: "tr.exit", d: "M492,140 L530,76", lx: 532, ly: 116},
  {from: "running", to: "stopped", label: "tr.sigstop", d: "M490,190 L545,246", lx: 590, ly: 214},
  {from: "stopped", to: "ready", label: "tr.sigcont", d: "M540,298 C470,352 200,352 170,193", lx: 320, ly: 330},
];

export class States {
  constructor(canvas) {
    this.canvas = canvas;
    this.table = null;
    this.reset();
  }

  reset() {
    this.counts = new Map(); // "from>to" → count
    this.dirty = true;
  }

  event(e) {
    if (e.k !== "state") return;
    const key = `${e.from}>${e.to}`;
    this.counts.set(key, (this.counts.get(key) || 0) + 1);
    this.dirty = true;
  }

  state(snap, table) {
    this.table = table;
    // A run stopped early (a limit): the token left in running runs no more.
    this.halted = snap.status === "done" && !!snap.halt;
    this.dirty = true;
  }

  // render draws the diagram once and then changes only what changed: an
  // arrow's count, the tokens in a state, the list of other transitions.
  render() {
    if (!this.dirty) return;
    this.dirty = false;
    let d = this.drawn;
    if (!d || d.root.parentNode !== this.canvas) d = this.draw();
    d.root.setAttribute("aria-label", this.summary());
    for (const a of d.arrows) {
      const n = this.counts.get(a.key) || 0;
      if (n === a.n) continue;
      a.n = n;
      a.g.setAttribute("class", n ? "arrow used" : "arrow");
      a.g.setAttribute("data-count", n);
      a.count.textContent = n ? ` ×${n}` : "";
    }
    const tokens = this.tokens();
    for (const node of d.nodes) {
      const list = tokens.get(node.name) || [];
      const stopped = node.name === "running" && this.halted;
      const key = JSON.stringify([stopped, list.length, list.slice(0, 6)]);
      if (key === node.key) continue;
      node.key = key;
      this.drawTokens(node.tokens, node.name, list, stopped);
    }
    // Transitions the slide does not draw (a process killed while ready or
    // waiting, init waiting from the start) are listed, not hidden.
    const others = [...this.counts.entries()].filter(([k]) => !d.known.has(k));
    const text = others.length ? `${t("tr.other")}: ` + others.map(([k, n]) => {
      const [a, b] = k.split(">");
      return `${stateLabel(a)} → ${stateLabel(b)} ×${n}`;
    }).join(", ") : "";
    if (text !== d.other.textContent) d.other.textContent = text;
  }

  // draw makes the diagram's fixed parts: the states and the arrows.
  draw() {
    clear(this.canvas);
    // Drawn at its size (640 by 360 pixels), never shrunk: the view scrolls
    // when narrower, so its words stay readable.
    const root = svg("svg", {viewBox: "0 0 640 360", width: 640, height: 360, class: "states", role: "img"});
    root.appendChild(svg("defs", {}, svg("marker", {id: "st-arrow", viewBox: "0 0 10 10", refX: 9, refY: 5,
      markerWidth: 7, markerHeight: 7, orient: "auto-start-reverse"}, svg("path", {d: "M0,0 L10,5 L0,10 z", class: "arrowhead"}))));
    const d = {root, arrows: [], nodes: [], known: new Set()};
    for (const a of ARROWS) {
      const key = `${a.from}>${a.to}`;
      d.known.add(key);
      const g = svg("g", {class: "arrow", "data-transition": key, "data-count": 0});
      g.appendChild(svg("path", {d: a.d, "marker-end": "url(#st-arrow)"}));
      const count = svg("tspan", {class: "count", text: ""});
      g.appendChild(svg("text", {x: a.lx, y: a.ly, class: "arrow-label"}, t(a.label), count));
      root.appendChild(g);
      d.arrows.push({key, g, count, n: 0});
    }
    for (const [name, c] of Object.entries(NODES)) {
      const g = svg("g", {class: `state-node state-${name}`, "data-state": name});
      g.appendChild(svg("ellipse", {cx: c.x, cy: c.y, rx: RX, ry: RY}));
      g.appendChild(svg("text", {x: c.x, y: c.y - 6, class: "state-name", "text-anchor": "middle"},
        svg("tspan", {class: "glyph", text: glyph(name) + " "}), stateLabel(name)));
      // The tokens are the node's own children after its ellipse and
      // name (tests and styles find them there).
      root.appendChild(g);
      d.nodes.push({name, tokens: g, key: ""});
    }
    d.other = svg("text", {x: 10, y: 354, class: "other-transitions", text: ""});
    root.appendChild(d.other);
    this.canvas.appendChild(root);
    this.drawn = d;
    return d;
  }

  // drawTokens puts the tokens of the processes in a state into its node
  // (after the ellipse and the name).
  drawTokens(g, name, list, stopped) {
    while (g.childNodes.length > 2) g.lastChild.remove();
    const c = NODES[name];
    const shown = list.slice(0, 6);
    const w = 22;
    const x0 = c.x - ((shown.length - 1) * w) / 2;
    shown.forEach((p, i) => {
      const tok = svg("g", {class: `token ${procClass(p.pid)}${p.zombie ? " zombie" : ""}${p.tid ? " thread" : ""}${stopped ? " halted" : ""}`,
        "data-pid": p.pid, "data-tid": p.tid || null, "data-halted": stopped ? "true" : null,
        transform: `translate(${x0 + i * w},${c.y + 12})`});
      if (p.tid) {
        tok.appendChild(svg("rect", {x: -10, y: -10, width: 20, height: 20, rx: 2}));
        tok.appendChild(svg("text", {y: 4, "text-anchor": "middle", text: String(p.tid)}));
        titled(tok, `${threadLabel(p.tid)}: ${t("thread.one")} ${p.tid} · pid ${p.pid} ${p.name}${p.zombie ? " (" + t("state.zombie") + ")" : ""}`);
      } else {
        tok.appendChild(svg("circle", {r: 10}));
        tok.appendChild(svg("text", {y: 4, "text-anchor": "middle", text: String(p.pid)}));
        titled(tok, `pid ${p.pid} ${p.name}${p.zombie ? " (" + t("state.zombie") + ")" : ""}${stopped ? " (" + t("state.halted") + ")" : ""}`);
      }
      g.appendChild(tok);
    });
    if (list.length > shown.length) {
      g.appendChild(svg("text", {x: c.x + RX - 4, y: c.y + 26, class: "more", "text-anchor": "end",
        text: `+${list.length - shown.length}`}));
    }
  }

  // tokens groups the processes by state, a multi-threaded one by its
  // threads' states; reaped processes and joined threads have left.
  tokens() {
    const out = new Map();
    if (!this.table) return out;
    const put = (state, tok) => {
      if (!out.has(state)) out.set(state, []);
      out.get(state).push(tok);
    };
    for (const p of this.table.list()) {
      if (p.reaped) continue;
      if (this.table.multi(p) && p.state !== "terminated") {
        for (const th of this.table.liveThreads(p)) {
          put(th.state, {pid: p.pid, tid: th.tid, name: p.name, zombie: th.state === "terminated"});
        }
        continue;
      }
      put(p.state, {pid: p.pid, name: p.name, zombie: p.state === "terminated"});
    }
    return out;
  }

  summary() {
    const parts = [];
    for (const [state, list] of this.tokens()) {
      parts.push(`${stateLabel(state)}: ${list.map((p) => (p.tid ? threadLabel(p.tid) : p.pid)).join(", ")}`);
    }
    return `${t("view.states")}. ${parts.join("; ")}`;
  }
}
