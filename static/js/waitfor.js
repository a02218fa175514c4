// The wait-for graph of the deadlock lecture: an arrow goes from each
// blocked thread to the thread that holds what it waits for (a mutex's
// owner, the thread a join waits for); a wait for an object with no single
// holder (a semaphore, a condition variable, a child) ends at a box for
// the object. A cycle of arrows is a deadlock: its threads and arrows are
// drawn thick and dashed, marked ⟳ and listed in words, so that it reads
// without colour. Drawn from the snapshot's "waits" (api/doc.go, 1.3).
import {svg, html, titled} from "./svg.js";
import {patch} from "./patch.js";
import {procClass} from "./palette.js";
import {t} from "./i18n.js";
import {threadLabel} from "./procs.js";

const hex = (n) => "0x" + Number(n).toString(16);
const R = 22; // a thread's circle

// cycles finds the cycles of a graph in which each node has at most one
// successor (next: tid → holder), each as the list of its tids from its
// smallest.
export function cycles(next) {
  const out = [];
  const done = new Set();
  for (const start of [...next.keys()].sort((a, b) => a - b)) {
    const path = [];
    const at = new Map();
    let cur = start;
    while (cur !== undefined && !done.has(cur) && !at.has(cur)) {
      at.set(cur, path.length);
      path.push(cur);
      cur = next.get(cur);
    }
    if (cur !== undefined && at.has(cur)) {
      const c = path.slice(at.get(cur));
      const i = c.indexOf(Math.min(...c));
      out.push(c.slice(i).concat(c.slice(0, i)));
    }
    for (const n of path) done.add(n);
  }
  return out;
}

// objectText names what a wait is for: "mutex 0x64f028".
function objectText(w) {
  if (w.kind === "join") return t("wf.exitOf", {who: threadLabel(w.addr)});
  if (w.kind === "child") return `${t("wf.child")} (pid ${w.addr})`;
  const k = t("sync." + w.kind);
  return w.var || w.addr ? `${k} ${w.var || hex(w.addr)}` : k;
}

export class WaitFor {
  // lineText(file, line) returns the program's source line, or "".
  constructor(canvas, onSelect, lineText) {
    this.canvas = canvas;
    this.onSelect = onSelect;
    this.lineText = lineText || (() => "");
    // One listener for every thread's node (kept from one drawing to the
    // next): a click, Enter or Space selects its process.
    const act = (ev) => {
      const g = ev.target.closest && ev.target.closest(".wf-node");
      if (!g || !canvas.contains(g)) return;
      if (ev.type === "keydown") {
        if (ev.key !== "Enter" && ev.key !== " ") return;
        ev.preventDefault();
      }
      this.onSelect(Number(g.dataset.pid));
    };
    canvas.addEventListener("click", act);
    canvas.addEventListener("keydown", act);
    this.reset();
  }

  reset() {
    this.waits = [];
    this.reported = null; // the kernel's last deadlock event
    this.names = new Map();
    this.dirty = true;
  }

  event(e) {
    if (e.k === "deadlock") { this.reported = e; this.dirty = true; }
  }

  state(snap) {
    // init waiting for orphans is no part of any deadlock: left out.
    const waits = (snap.waits || []).filter((w) => w.pid !== 1);
    if (JSON.stringify(waits) !== JSON.stringify(this.waits)) this.dirty = true;
    this.waits = waits;
    this.names = new Map(snap.procs.map((p) => [p.pid, p.name]));
  }

  render() {
    if (!this.dirty) return;
    this.dirty = false;
    // Drawn afresh off the page; the page keeps its nodes and takes only
    // what changed.
    const fresh = document.createDocumentFragment();
    this.draw(fresh);
    patch(this.canvas, fresh);
  }

  draw(out) {
    const waits = this.waits;
    if (waits.length === 0) {
      out.appendChild(html("p", {class: "help", "data-show": "waitfor-none", text: t("wf.none")}));
      return;
    }
    const pidOf = new Map();
    const next = new Map();
    for (const w of waits) {
      pidOf.set(w.tid, w.pid);
      if (w.holder) {
        next.set(w.tid, w.holder);
        if (!pidOf.has(w.holder)) pidOf.set(w.holder, w.pid);
      }
    }
    const found = cycles(next);
    const inCycle = new Set(found.flat());
    const cycleEdge = new Set();
    for (const c of found) c.forEach((tid, i) => cycleEdge.add(`${tid}>${c[(i + 1) % c.length]}`));

    // Each cycle on a circle of its own, side by side; the other threads
    // in a column on the left, the objects without a holder in one on the
    // right.
    const others = [...pidOf.keys()].filter((tid) => !inCycle.has(tid)).sort((a, b) => a - b);
    const objects = [];
    const objectOf = new Map();
    for (const w of waits) {
      if (w.holder) continue;
      const key = `${w.kind}:${w.addr}`;
      if (!objectOf.has(key)) { objectOf.set(key, objects.length); objects.push(w); }
    }
    const pos = new Map();
    const left = others.length ? 90 : 20;
    let x = left, top = 30, bottom = 0;
    for (const c of found) {
      const radius = c.length === 1 ? 0 : Math.max(100, (c.length * (2 * R + 110)) / (2 * Math.PI));
      const cx = x + radius + R + 30, cy = top + radius + R + 10;
      c.forEach((tid, i) => {
        const a = -Math.PI / 2 + (2 * Math.PI * i) / c.length;
        pos.set(tid, {x: cx + radius * Math.cos(a), y: cy + radius * Math.sin(a)});
      });
      x = cx + radius + R + 30;
      bottom = Math.max(bottom, cy + radius + R + 20);
    }
    others.forEach((tid, i) => pos.set(tid, {x: 40, y: 40 + i * 64}));
    bottom = Math.max(bottom, 40 + others.length * 64, 60);
    // Without a cycle the other threads stand in a row instead.
    if (found.length === 0) {
      others.forEach((tid, i) => pos.set(tid, {x: 40 + i * 90, y: 40}));
      x = 40 + others.length * 90;
      bottom = 90;
    }
    const objX = x + 70;
    const objY = (i) => (found.length === 0 ? 140 + i * 44 : 40 + i * 44);
    const width = objects.length ? Math.max(objX + 180, x + 20) : x + 20;
    const height = Math.max(bottom, objects.length ? objY(objects.length - 1) + 30 : 0);

    // Drawn at its size, never shrunk: the view scrolls when narrower.
    const root = svg("svg", {viewBox: `0 0 ${width} ${height}`, width, height, class: "waitfor", role: "group",
      "aria-label": t("view.waitfor"), "data-cycles": found.map((c) => c.join(" ")).join(";") || null});
    root.appendChild(svg("defs", {},
      svg("marker", {id: "wf-arrow", viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: "auto"},
        svg("path", {d: "M0,0 L10,5 L0,10 z", class: "arrowhead"})),
      svg("marker", {id: "wf-arrow-cycle", viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 6, markerHeight: 6, orient: "auto"},
        svg("path", {d: "M0,0 L10,5 L0,10 z", class: "arrowhead cycle"}))));

    // Arrows first, under the nodes.
    for (const w of waits) {
      const a = pos.get(w.tid);
      let b, to;
      if (w.holder) {
        b = pos.get(w.holder);
        to = String(w.holder);
      } else {
        const i = objectOf.get(`${w.kind}:${w.addr}`);
        b = {x: found.length === 0 ? Math.max(objX - 200, 20) : objX, y: objY(i), box: true};
        to = `${w.kind}:${w.addr}`;
      }
      const dx = b.x - a.x, dy = b.y - a.y, len = Math.hypot(dx, dy) || 1;
      const x1 = a.x + (dx / len) * R, y1 = a.y + (dy / len) * R;
      const end = b.box ? 0 : R + 3;
      const x2 = b.x - (dx / len) * end, y2 = b.y - (dy / len) * end;
      // Bend each arrow a little to its left (out of a cycle drawn
      // clockwise), so that two threads waiting on each other draw two
      // arrows, not one line; its label sits beyond the bend.
      const mx = (x1 + x2) / 2 + (dy / len) * 14, my = (y1 + y2) / 2 - (dx / len) * 14;
      const cyc = cycleEdge.has(`${w.tid}>${w.holder}`);
      const g = svg("g", {class: `edge${cyc ? " cycle" : ""}`, "data-from": w.tid, "data-to": to, "data-kind": w.kind});
      g.appendChild(svg("path", {d: `M${x1},${y1} Q${mx},${my} ${x2},${y2}`, "marker-end": cyc ? "url(#wf-arrow-cycle)" : "url(#wf-arrow)"}));
      if (w.holder) {
        // On the arrow: the object, short ("mutex 0x64f028"; a join needs none).
        const lx = (x1 + x2) / 2 + (dy / len) * 22, ly = (y1 + y2) / 2 - (dx / len) * 22;
        g.appendChild(svg("text", {x: lx, y: ly + 4, class: "edge-label", "text-anchor": "middle",
          text: w.kind === "join" ? t("sync.join") : objectText(w)}));
      }
      titled(g, this.sentence(w));
      root.appendChild(g);
    }
    for (const tid of [...found.flat(), ...others]) {
      const p = pos.get(tid), pid = pidOf.get(tid);
      const cyc = inCycle.has(tid);
      const blocked = waits.some((w) => w.tid === tid);
      const g = svg("g", {class: `wf-node ${procClass(pid)}${cyc ? " in-cycle" : ""}${blocked ? " blocked" : ""}`,
        "data-tid": tid, "data-pid": pid, "data-in-cycle": cyc ? "true" : null,
        transform: `translate(${p.x},${p.y})`, tabindex: 0, role: "button",
        "aria-label": `${threadLabel(tid)} (pid ${pid} ${this.names.get(pid) || ""})${cyc ? ", " + t("wf.inCycle") : ""}`});
      if (cyc) g.appendChild(svg("circle", {r: R + 5, class: "halo"}));
      g.appendChild(svg("circle", {r: R, class: "disc"}));
      g.appendChild(svg("text", {y: 5, "text-anchor": "middle", class: "tid", text: threadLabel(tid)}));
      if (cyc) g.appendChild(svg("text", {x: R - 2, y: -R + 4, class: "mark", text: "⟳"}));
      titled(g, `${threadLabel(tid)} · pid ${pid} ${this.names.get(pid) || ""}`);
      root.appendChild(g);
    }
    objects.forEach((w, i) => {
      const y = objY(i), ox = found.length === 0 ? Math.max(objX - 200, 20) : objX;
      const g = svg("g", {class: "wf-object", "data-object": `${w.kind}:${w.addr}`});
      g.appendChild(svg("rect", {x: ox, y: y - 15, width: 170, height: 30, rx: 3}));
      g.appendChild(svg("text", {x: ox + 8, y: y + 5, text: objectText(w)}));
      root.appendChild(g);
    });
    out.appendChild(root);
    out.appendChild(this.words(found, waits));
  }

  // sentence says one wait in words: "T3 waits for mutex 0x64f028 held by T4, line 12".
  sentence(w) {
    const where = w.line ? ` (${w.file}:${w.line})` : "";
    const vars = {who: threadLabel(w.tid), what: objectText(w), holder: threadLabel(w.holder)};
    return t(w.holder && w.kind !== "join" ? "wf.waitsHeld" : "wf.waits", vars) + where;
  }

  // words lists the cycles and every wait, with the line of the program.
  words(found, waits) {
    const box = html("div", {class: "wf-words"});
    for (const c of found) {
      box.appendChild(html("p", {class: "wf-cycle", "data-show": "deadlock", role: "status"},
        html("strong", {text: `⟳ ${t("wf.deadlock")}: `}), [...c, c[0]].map(threadLabel).join(" → ")));
    }
    if (found.length === 0) box.appendChild(html("p", {class: "help", text: t("wf.noCycle")}));
    const list = html("ul", {class: "wf-list"});
    for (const w of waits) {
      const src = w.line ? this.lineText(w.file, w.line).trim() : "";
      list.appendChild(html("li", {"data-tid": w.tid}, this.sentence(w),
        src ? html("code", {class: "src", text: src}) : null));
    }
    box.appendChild(list);
    return box;
  }
}
