// The message sequence chart of the run: a lifeline per process and per
// thread, time going down in the order things happened (each row one
// event, its tick on the left), and an arrow for each thing that passes
// between them — fork and thread creation, a wait that reaps a child, a
// join, a signal, the bytes of a pipe's write to the read that took them,
// a message from its send to its receive — with exec, exit and writes
// into shared memory marked on the line of whoever did them. Every arrow
// and mark is a button: a click (or Enter) moves the timeline to its
// tick. A preemption a schedule of the explorer made (a preempt event
// whose cause is manual.switch) is a ▼ on the preempted thread's line
// with a dashed arrow to the thread the schedule runs instead, as the
// Gantt chart marks it. Drawn from the events ("ipc" and "transfer" since api 1.4); after
// a rewind the run's later events stay, faded, until the run reaches them
// again. Only the last ROWS rows are drawn, and the view says so.
import {svg, html, titled} from "./svg.js";
import {patch} from "./patch.js";
import {procClass} from "./palette.js";
import {kernelText} from "./kerneltext.js";
import {t} from "./i18n.js";
import {threadLabel} from "./procs.js";

const ROWS = 300; // rows drawn at most: the last ones
const RUNNING_EVERY = 500; // ms between two drawings while the run goes on
const KEEP = 20000; // events kept at most
const LANES = 24; // lifelines drawn at most
const COL = 104, ROW = 24, TOP = 44, LEFT = 74;

const KINDS = new Set(["create", "exec", "exit", "reap", "signal", "thread", "texit", "join", "transfer", "preempt"]);

// schedulePreempt reports whether e is a preemption made by a schedule
// (the explorer's), not by the policy: the ones the chart marks.
const schedulePreempt = (e) => e.k === "preempt" && !!e.causeText && e.causeText.code === "manual.switch";

// preemptedFor is the thread a schedule's preemption runs instead: {pid, tid}.
const preemptedFor = (e) => ((e.causeText && e.causeText.args) || {}).who || {};

// ascii shows bytes (hex) as text, dots for what does not print.
export function ascii(hexText, max = 24) {
  let s = "";
  for (let i = 0; i + 1 < (hexText || "").length && s.length < max; i += 2) {
    const b = parseInt(hexText.slice(i, i + 2), 16);
    s += b >= 32 && b < 127 ? String.fromCharCode(b) : "·";
  }
  return s;
}

// The kinds' short names on the chart, as ipcs and ls name them.
const SHORT = {pipe: "pipe", fifo: "fifo", msgq: "msq", mqueue: "mq", shm: "shm", posix_shm: "shm", shm_anon: "shm", sem: "sem", semset: "semset", socket: "sock",
  mailbox: "mbox", link: "link→", port: "port", port_set: "pset", monitor: "mon", event: "event"};

// objName is an object's short name: "pipe 1", "msq 0", "mq /queue".
export function objName(o) {
  if (!o) return "";
  const k = SHORT[o.kind] || o.kind;
  return o.name && o.kind !== "msgq" && o.kind !== "shm" ? `${k} ${o.name}` : `${k} ${o.id}`;
}

const laneOf = (e) => e.tid || e.pid;

// Transfers that put something in an object (numbered in it), and those
// that take it out, naming what they took.
const GIVES = new Set(["write", "send", "sem_post", "unlock", "wake"]);
const TAKES = new Set(["read", "receive", "sem_wait", "lock", "woken"]);

export class MSC {
  // onTick(tick): move the timeline to tick.
  constructor(canvas, onTick) {
    this.canvas = canvas;
    this.onTick = onTick;
    this.drawnAt = 0;
    // One listener for every row: a click or Enter on a row moves the
    // timeline to its tick.
    const act = (ev) => {
      const row = ev.target.closest && ev.target.closest(".msc-row");
      if (!row || !this.canvas.contains(row)) return;
      if (ev.type === "keydown" && ev.key !== "Enter" && ev.key !== " ") return;
      ev.preventDefault();
      this.onTick(Number(row.dataset.tick));
    };
    canvas.addEventListener("click", act);
    canvas.addEventListener("keydown", act);
    this.reset();
  }

  reset() {
    this.items = []; // relevant events, by number
    this.dropped = 0;
    this.count = Infinity; // events that have happened: those numbered below
    this.names = new Map();
    this.dirty = true;
  }

  // rewind keeps the events past the new tick, drawn as the future.
  rewind(n) {
    this.count = n;
    this.dirty = true;
  }

  event(e) {
    if (e.k === "create") this.names.set(e.pid, e.name);
    if (e.k === "exec") this.names.set(e.pid, (e.name || "").split("/").pop());
    if (!KINDS.has(e.k) || (e.k === "transfer" && !e.ipc) || (e.k === "preempt" && !schedulePreempt(e))) return;
    // An event numbered as one kept is the run again after a rewind: what
    // was kept from there on is replaced by what comes now.
    while (this.items.length && this.items[this.items.length - 1].n >= e.n) this.items.pop();
    this.items.push(e);
    if (this.items.length > KEEP) {
      const cut = this.items.length - KEEP / 2;
      this.items = this.items.slice(cut);
      this.dropped += cut;
    }
    this.dirty = true;
  }

  state(snap) {
    if (snap.events !== this.count) this.dirty = true;
    this.count = snap.events ?? Infinity;
    // Throttled only while the run goes on: a stalled run (every thread
    // waiting) sends nothing more, so its last events are drawn at once.
    this.running = snap.status === "running";
  }

  render() {
    if (!this.dirty) return;
    // While the run goes on, a long chart is drawn twice a second at
    // most; the batch that stops the run draws it at once.
    const now = performance.now();
    if (this.running && now - this.drawnAt < RUNNING_EVERY) return;
    this.drawnAt = now;
    this.dirty = false;
    const focused = document.activeElement && this.canvas.contains(document.activeElement) ? document.activeElement.dataset.n : null;
    // Drawn afresh off the page; the page keeps its nodes (each row by its
    // event's number) and takes only what changed.
    const out = document.createDocumentFragment();
    const box = this.chart(out);
    patch(this.canvas, out);
    if (!box) return;
    const live = this.canvas.querySelector(".msc-scroll");
    if (focused) {
      const again = live.querySelector(`[data-n="${focused}"]`);
      if (again && again !== document.activeElement) again.focus();
    } else {
      live.scrollTop = live.scrollHeight;
    }
  }

  // chart makes the chart, off the page, in out; it returns its scrolling
  // box, or null when there is nothing to chart.
  chart(out) {
    const rows = this.items.slice(-ROWS);
    if (rows.length === 0) {
      out.appendChild(html("p", {class: "help", "data-show": "msc-none", text: t("msc.none")}));
      return null;
    }
    const capped = this.items.length - rows.length + this.dropped;
    // Lifelines in the order they appear; a process's threads after it.
    const lanes = [];
    const seen = new Set();
    const addLane = (id, pid) => {
      if (id === undefined || id === null || seen.has(id) || lanes.length >= LANES) return;
      seen.add(id);
      lanes.push({id, pid: pid ?? id});
    };
    for (const e of rows) {
      if (e.k === "signal" && !e.pid) addLane(0, 0);
      if (e.k === "create" && e.other > 1) addLane(e.other, e.other);
      addLane(laneOf(e), e.pid);
      if (e.k === "create") addLane(e.pid, e.pid);
      if (e.k === "thread") addLane(e.other, e.pid);
      if (e.k === "signal" || e.k === "reap") addLane(e.other, e.other);
      if (e.k === "join") addLane(e.other, e.pid);
      if (e.k === "preempt") { const w = preemptedFor(e); if (w.pid) addLane(w.tid || w.pid, w.pid); }
      for (const m of (e.ipc && e.ipc.matched) || []) addLane(m.tid || m.pid, m.pid);
    }
    const x = new Map(lanes.map((l, i) => [l.id, LEFT + i * COL + COL / 2]));
    const y = (i) => TOP + i * ROW + ROW / 2;
    const width = LEFT + lanes.length * COL + 150; // room for the last line's labels
    const height = TOP + rows.length * ROW + 10;

    // Where each lifeline begins and ends, and each write or send's row.
    const first = new Map(), last = new Map(), ended = new Set();
    const sent = new Map();
    const taken = new Map(); // writes and sends whose read is drawn (their arrow names them): the reader's lane
    rows.forEach((e, i) => {
      const ids = [laneOf(e), e.other];
      for (const id of ids) if (x.has(id)) { if (!first.has(id)) first.set(id, i); last.set(id, i); }
      if ((e.k === "exit" || e.k === "texit") && x.has(laneOf(e))) ended.add(laneOf(e));
      if (e.k === "exit") ended.add(e.pid);
      if (e.k === "transfer" && GIVES.has(e.ipc.op)) {
        sent.set(`${e.ipc.obj.kind}:${e.ipc.obj.id}:${e.ipc.seq}`, i);
      }
      if (e.k === "transfer" && TAKES.has(e.ipc.op)) {
        for (const m of e.ipc.matched || []) taken.set(`${e.ipc.obj.kind}:${e.ipc.obj.id}:${m.seq}`, laneOf(e));
      }
    });
    rows.forEach((e, i) => { if (e.k === "create" && x.has(e.pid)) first.set(e.pid, i); if (e.k === "thread" && x.has(laneOf(e))) first.set(laneOf(e), i); });

    const root = svg("svg", {viewBox: `0 0 ${width} ${height}`, class: "msc", role: "group", "aria-label": t("view.msc"),
      width, height});
    root.appendChild(svg("defs", {},
      ...["fork", "signal", "data", "wait", "scrambled", "preempt"].map((k) => svg("marker", {id: `msc-${k}`, viewBox: "0 0 10 10", refX: 9, refY: 5,
        markerWidth: 7, markerHeight: 7, orient: "auto"}, svg("path", {d: "M0,0 L10,5 L0,10 z", class: `head head-${k}`})))));

    // Lifelines and their heads.
    for (const l of lanes) {
      const lx = x.get(l.id);
      const top = first.has(l.id) && rows[first.get(l.id)].k === "create" || (first.has(l.id) && rows[first.get(l.id)].k === "thread")
        ? y(first.get(l.id)) : TOP;
      const bottom = ended.has(l.id) ? y(last.get(l.id)) : height - 6;
      const g = svg("g", {class: `lane ${procClass(l.pid)}`, "data-lane": l.id});
      const name = l.id === 0 ? t("msc.user") : l.id === l.pid ? `pid ${l.pid}` : threadLabel(l.id);
      const sub = l.id === 0 ? "" : l.id === l.pid ? (this.names.get(l.pid) || "") : `pid ${l.pid}`;
      g.appendChild(svg("rect", {x: lx - COL / 2 + 6, y: 4, width: COL - 12, height: 30, rx: 4, class: "lane-head"}));
      g.appendChild(svg("text", {x: lx, y: 17, "text-anchor": "middle", class: "lane-name", text: name}));
      g.appendChild(svg("text", {x: lx, y: 29, "text-anchor": "middle", class: "lane-sub", text: sub.slice(0, 14)}));
      g.appendChild(svg("line", {x1: lx, y1: Math.max(top, TOP - 8), x2: lx, y2: bottom, class: "lifeline"}));
      if (ended.has(l.id)) g.appendChild(svg("text", {x: lx, y: bottom + 12, "text-anchor": "middle", class: "lane-end", text: "✕"}));
      root.appendChild(g);
    }

    // The rows: the tick on the left, then the arrow or the mark.
    rows.forEach((e, i) => {
      const future = e.n >= this.count;
      const fault = e.ipc && e.ipc.fault ? ` fault-${e.ipc.fault}` : "";
      const row = svg("g", {class: `msc-row k-${e.k}${e.ipc ? " op-" + e.ipc.op : ""}${fault}${future ? " future" : ""}`,
        "data-n": e.n, "data-tick": e.t, "data-kind": e.k, tabindex: 0, role: "button"});
      row.appendChild(svg("text", {x: 4, y: y(i) + 4, class: "tick", text: String(e.t)}));
      const drawn = this.draw(row, e, i, x, y, sent, taken);
      if (!drawn) return;
      const words = this.sentence(e);
      row.setAttribute("aria-label", `${t("tick")} ${e.t}: ${words}`);
      titled(row, `${t("tick")} ${e.t}: ${words}`);
      root.appendChild(row);
    });
    // Now: a line across, below the last row that has happened.
    const past = rows.filter((e) => e.n < this.count).length;
    if (past < rows.length) {
      const ny = TOP + past * ROW;
      root.appendChild(svg("line", {x1: 0, y1: ny, x2: width, y2: ny, class: "now"}));
      root.appendChild(svg("text", {x: width - 4, y: ny + 11, "text-anchor": "end", class: "now-label", text: `▲ ${t("msc.now")}`}));
    }
    if (capped > 0) {
      out.appendChild(html("p", {class: "help msc-capped", "data-show": "msc-capped", role: "note",
        text: t("msc.capped", {shown: rows.length, total: rows.length + capped})}));
    }
    if (lanes.length >= LANES) {
      out.appendChild(html("p", {class: "help msc-capped", role: "note", text: t("msc.lanesCapped", {n: LANES})}));
    }
    const box = html("div", {class: "msc-scroll"});
    box.appendChild(root);
    out.appendChild(box);
    return box;
  }

  // draw adds event e's arrow or mark, on row i, to g; false when it has
  // nothing to draw (a lifeline not drawn).
  draw(g, e, i, x, y, sent, taken) {
    const at = (id) => x.get(id);
    const arrow = (from, to, yFrom, yTo, kind, label) => {
      if (from === undefined || to === undefined) return false;
      const dir = to >= from ? 1 : -1;
      const same = from === to;
      const d = same ? `M${from},${yFrom} C${from + 40},${yFrom} ${from + 40},${yTo} ${from + 4},${yTo}`
        : `M${from},${yFrom} L${to - dir * 4},${yTo}`;
      g.appendChild(svg("path", {d, class: `arrow a-${kind}`, "marker-end": `url(#msc-${kind})`}));
      const lx = same ? from + 44 : (from + to) / 2, ly = (yFrom + yTo) / 2 - 4;
      g.appendChild(svg("text", {x: lx, y: ly, "text-anchor": same ? "start" : "middle", class: "label", text: label}));
      return true;
    };
    const mark = (id, shape, label, left = false) => {
      const mx = at(id);
      if (mx === undefined) return false;
      const my = y(i);
      if (shape === "diamond") g.appendChild(svg("path", {d: `M${mx},${my - 6} L${mx + 6},${my} L${mx},${my + 6} L${mx - 6},${my} z`, class: "mark"}));
      else if (shape === "dot") g.appendChild(svg("circle", {cx: mx, cy: my, r: 4, class: "mark"}));
      else if (shape === "preempt") g.appendChild(svg("path", {d: `M${mx - 7},${my - 7} L${mx + 7},${my - 7} L${mx},${my + 6} z`, class: "mark preempt-tri"}));
      else if (shape === "cross") g.appendChild(svg("path", {d: `M${mx - 6},${my - 6} L${mx + 6},${my + 6} M${mx + 6},${my - 6} L${mx - 6},${my + 6}`, class: "mark cross"}));
      else g.appendChild(svg("rect", {x: mx - 6, y: my - 6, width: 12, height: 12, class: "mark"}));
      g.appendChild(svg("text", {x: left ? mx - 9 : mx + 9, y: my + 4, "text-anchor": left ? "end" : null, class: "label", text: label}));
      return true;
    };
    const yi = y(i);
    switch (e.k) {
      case "create": return arrow(at(e.other), at(e.pid), yi, yi, "fork", "fork");
      case "thread": return arrow(at(e.other), at(laneOf(e)), yi, yi, "fork", "pthread_create");
      case "exec": return mark(laneOf(e), "box", `exec ${(e.name || "").split("/").pop()}`);
      case "exit": return mark(laneOf(e), "box", kernelText(e.causeText || e.cause).slice(0, 28) || "exit");
      case "texit": return mark(laneOf(e), "box", "pthread_exit");
      case "reap": return arrow(at(e.other), at(laneOf(e)), yi, yi, "wait", `wait ← ${e.other}`);
      case "join": return arrow(at(e.other), at(laneOf(e)), yi, yi, "wait", "join");
      case "signal": return arrow(at(e.pid ? laneOf(e) : 0), at(e.other), yi, yi, "signal", `⚡ ${e.signal}`);
      case "preempt": {
        const w = preemptedFor(e);
        const to = w.tid || w.pid;
        if (!mark(laneOf(e), "preempt", "")) return false;
        g.classList.add("preempt-mark");
        if (to && at(to) !== undefined && to !== laneOf(e)) arrow(at(laneOf(e)), at(to), yi, yi, "preempt", `▼ ${t("msc.preempt")}`);
        else g.appendChild(svg("text", {x: at(laneOf(e)) + 10, y: yi + 4, class: "label", text: `▼ ${t("msc.preempt")}`}));
        return true;
      }
      case "transfer": {
        const o = e.ipc;
        const name = objName(o.obj);
        switch (o.op) {
          case "write": case "send": case "sem_post": case "unlock": case "wake": {
            if (o.fault === "lost") return mark(laneOf(e), "cross", `${name} #${o.seq} ✉ ✗ ${t("msc.lost")}`);
            const read = taken.has(`${o.obj.kind}:${o.obj.id}:${o.seq}`);
            const what = o.op === "write" ? `✎${o.bytes}B` : o.op === "send" ? "✉" : o.op === "sem_post" ? "V" : t(`msc.${o.op}`);
            // A Mach message's first copy, into the port, is written on
            // the side of the sender away from the arrow that leaves it.
            const copy = o.copy ? ` · ${t("msc.copy", {n: o.copy})}` : "";
            const reader = taken.get(`${o.obj.kind}:${o.obj.id}:${o.seq}`);
            if (read) return mark(laneOf(e), "dot", o.copy ? `${t("msc.copy", {n: o.copy})} → ${name}` : "", at(reader) >= at(laneOf(e)));
            return mark(laneOf(e), "dot", `${name} #${o.seq} ${what}${copy}`);
          }
          case "shm_write": return mark(laneOf(e), "diamond", `${name} [${o.lo || 0},${o.hi || 0}) "${ascii(o.hex, 10)}"`);
          case "read": case "receive": case "sem_wait": case "lock": case "woken": {
            let any = false;
            for (const m of o.matched || []) {
              const from = sent.get(`${o.obj.kind}:${o.obj.id}:${m.seq}`);
              const yFrom = from === undefined ? TOP : y(from);
              let label = o.op === "read" ? `${name} #${m.seq} ${m.bytes}B`
                : o.op === "receive" ? `${name} #${m.seq} ✉ ${o.type !== undefined ? o.type : ""}`
                : o.op === "lock" ? `${name} unlock→lock #${m.seq}` : o.op === "woken" ? `${name} ${t("msc.wake")} #${m.seq}` : `${name} V→P #${m.seq}`;
              if (o.copy) label += ` · ${t("msc.copy", {n: o.copy})}`;
              if (o.fault === "scrambled") label = `⚠ ${label} ${t("msc.scrambled")}`;
              any = arrow(at(m.tid || m.pid), at(laneOf(e)), yFrom, yi, o.fault === "scrambled" ? "scrambled" : "data", label) || any;
            }
            return any || mark(laneOf(e), "dot", o.op === "sem_wait" ? `${name} P` : `${name} ${o.op}`);
          }
        }
        return false;
      }
    }
    return false;
  }

  // sentence says the event in words, for the arrow's label and tooltip.
  sentence(e) {
    switch (e.k) {
      case "create": return t("msc.fork", {parent: e.other, child: e.pid});
      case "thread": return t("msc.thread", {by: threadLabel(e.other), tid: threadLabel(laneOf(e))});
      case "reap": return t("msc.reap", {parent: e.pid, child: e.other});
      case "join": return t("msc.join", {tid: threadLabel(laneOf(e)), other: threadLabel(e.other)});
      case "signal": return t("msc.signal", {from: e.pid ? `pid ${e.pid}` : t("msc.user"), signal: e.signal, to: e.other});
      case "exec": return `pid ${e.pid}: exec ${e.name}`;
      case "exit": return `pid ${e.pid}: ${kernelText(e.causeText || e.cause) || e.k}`;
      case "texit": return `${threadLabel(laneOf(e))}: pthread_exit`;
      case "preempt": {
        const w = preemptedFor(e);
        const who = (id, pid) => (id && id !== pid ? `${threadLabel(id)} (pid ${pid})` : `pid ${pid}`);
        return t("msc.preemptBy", {from: who(e.tid, e.pid), to: w.pid ? who(w.tid, w.pid) : "?"});
      }
      default: {
        const base = kernelText(e.msgText || e.msg);
        const bytes = e.ipc && e.ipc.hex ? ` "${ascii(e.ipc.hex, 64)}"` : "";
        return `pid ${e.pid}: ${base}${bytes}`;
      }
    }
  }
}
