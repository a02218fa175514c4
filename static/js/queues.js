// The queueing diagram of slide 3.16: the ready queue feeding the CPU(s),
// and the queues of processes waiting for an event — a child's exit
// (wait), terminal input (the device queue), a timer (sleep) — which lead
// back to the ready queue. Zombies wait for their parent to reap them.
//
// Threads wait in a queue per synchronisation object (the snapshot's
// sync): a mutex with its owner, a semaphore with its value, a barrier
// with the threads arrived of how many, a condition variable, a join. A
// cell of a thread shows its tid ("T3", data-tid) in its process's colour.
import {svg, titled} from "./svg.js";
import {patch} from "./patch.js";
import {procClass} from "./palette.js";
import {t} from "./i18n.js";
import {threadLabel} from "./procs.js";

const hex = (n) => "0x" + Number(n).toString(16);

// SYNC are the kinds of waits that a synchronisation object's queue shows.
const SYNC = new Set(["mutex", "semaphore", "condvar", "rwlock", "barrier", "once", "futex", "join"]);

// syncLabel is an object's row label: its kind, where it is, and its state.
export function syncLabel(o) {
  const what = o.kind === "join" ? `${t("sync.join")}: ${t("wf.exitOf", {who: threadLabel(o.addr)})}` : `${t("sync." + o.kind)} ${o.name || o.var || hex(o.addr)}`;
  const parts = [what];
  if ((o.kind === "mutex" || o.kind === "rwlock") && o.owner) parts.push(`${t("sync.owner")}: ${threadLabel(o.owner)}`);
  if (o.kind === "mutex" && !o.owner) parts.push(t("sync.free"));
  if (o.kind === "semaphore") parts.push(`${t("sync.value")} ${o.value}`);
  if (o.kind === "barrier" && o.count) parts.push(`${t("sync.arrived")} ${o.arrived}/${o.count}`);
  return parts.join(" · ");
}

const CELL = 30, GAP = 4, LEFT = 40, QX = 150, QW = 300, CPUX = 480, CPUW = 110, RIGHT = 620;
const WAITS = [
  {key: "child", label: "queue.child"},
  {key: "tty", label: "queue.tty"},
  {key: "timer", label: "queue.timer"},
];

export class Queues {
  constructor(canvas, onSelect, onChoose) {
    this.canvas = canvas;
    this.onSelect = onSelect;
    this.onChoose = onChoose;
    this.snap = null;
    this.table = null;
    // One listener for every cell (the cells are kept from one drawing to
    // the next): a click or Enter selects its process, or chooses its
    // thread to run when the ready queue is choosable.
    const act = (ev) => {
      const c = ev.target.closest && ev.target.closest(".cell");
      if (!c || !canvas.contains(c)) return;
      if (ev.type === "keydown" && ev.key !== "Enter") return;
      const pid = Number(c.dataset.pid), tid = Number(c.dataset.tid) || 0;
      const q = c.closest(".queue");
      if (q && q.classList.contains("queue-ready") && q.classList.contains("choosable")) this.onChoose(tid || pid);
      else this.onSelect(pid);
    };
    canvas.addEventListener("click", act);
    canvas.addEventListener("keydown", act);
    this.reset();
  }

  reset() {
    this.since = new Map(); // pid → order it began to wait
    this.count = 0;
    this.dirty = true;
  }

  event(e) {
    if (e.k === "state" && e.to === "waiting") this.since.set(e.pid, this.count++);
  }

  state(snap, table) { this.snap = snap; this.table = table; this.dirty = true; }

  render() {
    if (!this.dirty || !this.snap) return;
    this.dirty = false;
    const snap = this.snap;
    const names = new Map(snap.procs.map((p) => [p.pid, p.name]));
    this.names = names;
    // A run stopped early (a limit) leaves no process on a CPU.
    const halted = snap.status === "done" && !!snap.halt;
    const cpus = snap.cpus.length ? snap.cpus.map((c) => (halted ? {...c, pid: 0} : c)) : [{id: 0, pid: 0}];
    const shared = snap.ready.every((q) => JSON.stringify(q) === JSON.stringify(snap.ready[0] || []));
    const readyRows = shared ? [{label: t("queue.ready"), pids: snap.ready[0] || []}]
      : snap.ready.map((q, i) => ({label: `${t("queue.ready")} (cpu${i})`, pids: q}));

    // Wait queues: the three of the lecture, the devices (the first of
    // each queue is being served), then any other the kernel names; the
    // threads of a process with several wait there one by one, or in the
    // queue of their synchronisation object.
    const multi = new Map(snap.procs.filter((p) => p.threads).map((p) => [p.pid, p]));
    // The ready queues and the CPUs name threads by tid: a thread of a
    // process with several is drawn as one.
    this.owner = new Map();
    for (const p of multi.values()) for (const th of p.threads) this.owner.set(th.tid, p.pid);
    const waiting = snap.procs.filter((p) => p.state === "waiting" && !multi.has(p.pid));
    const rows = WAITS.map((w) => ({key: w.key, label: t(w.label), pids: []}));
    const onDevice = new Set();
    for (const d of snap.devices || []) {
      rows.push({key: d.name, label: `${t("queue.device")}: ${d.name}`, pids: d.queue});
      for (const pid of d.queue) onDevice.add(pid);
    }
    const extra = [];
    if ((snap.swapped || []).length) extra.push({key: "swapped", label: t("queue.swapped"), pids: snap.swapped});
    if ((snap.jobs || []).length) extra.push({key: "jobs", label: t("queue.jobs"), pids: snap.jobs});
    this.choosing = (snap.asking || []).length > 0;
    for (const p of waiting.sort((a, b) => (this.since.get(a.pid) ?? 0) - (this.since.get(b.pid) ?? 0))) {
      if (onDevice.has(p.pid)) continue;
      let row = rows.find((r) => r.key === (p.waitOn || "?"));
      if (!row) {
        row = {key: p.waitOn || "?", label: `${t("queue.other")}: ${p.waitOn || "?"}`, pids: []};
        rows.push(row);
      }
      row.pids.push(p.pid);
    }
    for (const p of multi.values()) {
      for (const th of p.threads) {
        if (th.state !== "waiting" || SYNC.has(th.waitOn)) continue;
        let row = rows.find((r) => r.key === (th.waitOn || "?"));
        if (!row) {
          row = {key: th.waitOn || "?", label: `${t("queue.other")}: ${th.waitOn || "?"}`, pids: []};
          rows.push(row);
        }
        row.pids.push({pid: p.pid, tid: th.tid});
      }
    }
    for (const o of snap.sync || []) {
      rows.push({key: `${o.kind}-${o.addr}`, label: syncLabel(o), sync: o,
        pids: o.waiters.map((tid) => ({pid: o.pid, tid}))});
    }
    const zombies = snap.procs.filter((p) => p.state === "terminated").map((p) => p.pid);
    rows.push(...extra);

    const readyTop = 34;
    const cpuTop = 24;
    const cpuH = cpus.length * 40;
    const readyH = readyRows.length * 44;
    const top = Math.max(readyTop + readyH, cpuTop + cpuH) + 30;
    const rowH = 46;
    const preemptY = top;
    const firstWait = top + 30;
    const height = firstWait + rows.length * rowH + 56;
    // Drawn at its size, never shrunk: the view scrolls when narrower.
    const root = svg("svg", {viewBox: `0 0 ${RIGHT + 20} ${height}`, width: RIGHT + 20, height, class: "queues", role: "group",
      "aria-label": t("view.queues")});
    root.appendChild(svg("defs", {}, svg("marker", {id: "q-arrow", viewBox: "0 0 10 10", refX: 9, refY: 5,
      markerWidth: 6, markerHeight: 6, orient: "auto"}, svg("path", {d: "M0,0 L10,5 L0,10 z", class: "arrowhead"}))));

    // Ready queue(s) → CPUs.
    readyRows.forEach((r, i) => {
      const y = readyTop + i * 44;
      root.appendChild(svg("text", {x: QX, y: y - 6, class: "q-label", text: r.label}));
      this.cells(root, r.pids, names, QX, y, QW, this.choosing ? "ready choosable" : "ready");
      root.appendChild(svg("path", {d: `M${QX + QW + 4},${y + CELL / 2} L${CPUX - 4},${cpuTop + cpuH / 2}`,
        class: "flow", "marker-end": "url(#q-arrow)"}));
    });
    cpus.forEach((c, i) => {
      const y = cpuTop + i * 40;
      const g = svg("g", {class: `cpu${c.pid ? " busy" : " idle"}${c.switching ? " switching" : ""}`, "data-cpu": c.id});
      g.appendChild(svg("rect", {x: CPUX, y, width: CPUW, height: 34, rx: 6}));
      g.appendChild(svg("text", {x: CPUX + 8, y: y + 22, class: "cpu-name", text: `CPU${c.id}`}));
      if (c.pid) {
        const p = multi.get(c.pid);
        const th = p && p.threads.find((x) => x.cpu === c.id);
        const cell = this.cell(th ? {pid: c.pid, tid: th.tid} : c.pid, names.get(c.pid), CPUX + CPUW - CELL - 4, y + 2, "running");
        g.appendChild(cell);
        if (c.switching) g.appendChild(svg("text", {x: CPUX + 50, y: y + 22, class: "note", text: "⇄"}));
      } else {
        g.appendChild(svg("text", {x: CPUX + 50, y: y + 22, class: "note", text: halted ? "■ " + t("queue.stopped") : t("queue.idle")}));
      }
      root.appendChild(g);
    });
    // CPU → exit.
    const cpuMid = cpuTop + cpuH / 2;
    root.appendChild(svg("path", {d: `M${CPUX + CPUW},${cpuMid} L${RIGHT},${cpuMid}`, class: "flow", "marker-end": "url(#q-arrow)"}));
    root.appendChild(svg("text", {x: RIGHT - 2, y: cpuMid - 6, class: "q-label", "text-anchor": "end", text: t("queue.exitArc")}));

    // The loop back: CPU → (preemption | wait queues) → ready queue.
    const busX = CPUX + CPUW / 2;
    const lastY = firstWait + (rows.length - 1) * rowH + CELL / 2;
    root.appendChild(svg("path", {d: `M${busX},${cpuTop + cpuH} L${busX},${lastY}`, class: "flow bus"}));
    root.appendChild(svg("path", {d: `M${LEFT},${lastY} L${LEFT},${readyTop + CELL / 2} L${QX - 4},${readyTop + CELL / 2}`,
      class: "flow bus", "marker-end": "url(#q-arrow)"}));
    root.appendChild(svg("path", {d: `M${busX},${preemptY} L${LEFT},${preemptY}`, class: "flow"}));
    root.appendChild(svg("text", {x: (busX + LEFT) / 2, y: preemptY - 5, class: "q-label", "text-anchor": "middle",
      text: t("queue.preempt")}));
    rows.forEach((r, i) => {
      const y = firstWait + i * rowH;
      root.appendChild(svg("path", {d: `M${busX},${y + CELL / 2} L${QX + QW + 4},${y + CELL / 2}`, class: "flow",
        "marker-end": "url(#q-arrow)"}));
      root.appendChild(svg("path", {d: `M${QX - 4},${y + CELL / 2} L${LEFT},${y + CELL / 2}`, class: "flow"}));
      root.appendChild(svg("text", {x: QX, y: y - 5, class: "q-label", text: r.label}));
      if (r.sync) this.syncQueue(root, r, names, y);
      else this.cells(root, r.pids, names, QX, y, QW, "waiting", r.key);
    });
    // Zombies, apart: they wait for nothing but their parent's wait().
    const zy = firstWait + rows.length * rowH + 8;
    root.appendChild(svg("text", {x: QX, y: zy - 4, class: "q-label", text: t("queue.zombies")}));
    this.cells(root, zombies, names, QX, zy, QW, "zombie");
    // Drawn afresh off the page; the page keeps its nodes and takes only
    // what changed.
    const fresh = document.createDocumentFragment();
    fresh.appendChild(root);
    patch(this.canvas, fresh);
  }

  // syncQueue draws a synchronisation object's queue: its waiters, and
  // at the lane's end the thread that holds it (a mutex's owner), marked.
  syncQueue(root, r, names, y) {
    const o = r.sync;
    const owner = (o.kind === "mutex" || o.kind === "rwlock") && o.owner ? o.owner : 0;
    const width = owner ? QW - CELL - 26 : QW;
    const g = this.cells(root, r.pids, names, QX, y, width, "waiting", r.key);
    g.classList.add("sync", `sync-${o.kind}`);
    g.setAttribute("data-kind", o.kind);
    g.setAttribute("data-addr", String(o.addr));
    g.setAttribute("aria-label", `${r.label}; ${t("sync.waiters")}: ${o.waiters.map(threadLabel).join(", ") || "—"}`);
    if (owner) {
      const ox = QX + QW - CELL;
      g.appendChild(svg("text", {x: ox - 6, y: y + 20, class: "note", "text-anchor": "end", text: "⊸"}));
      const c = this.cell({pid: o.pid, tid: owner}, names.get(o.pid), ox, y, "owner");
      c.classList.add("owner");
      c.setAttribute("data-role", "owner");
      g.appendChild(c);
    }
  }

  cells(root, pids, names, x, y, width, kind, key) {
    const g = svg("g", {class: `queue queue-${kind.split(" ")[0]}${kind.includes("choosable") ? " choosable" : ""}`,
      "data-queue": key || kind.split(" ")[0]});
    g.appendChild(svg("rect", {x: x - 2, y: y - 2, width: width + 4, height: CELL + 4, rx: 4, class: "lane"}));
    const fit = Math.floor(width / (CELL + GAP));
    const shown = pids.length > fit ? pids.slice(0, fit - 1) : pids;
    shown.forEach((id, i) => g.appendChild(this.cell(id, names.get(id.pid ?? id), x + i * (CELL + GAP), y, kind)));
    if (shown.length < pids.length) {
      g.appendChild(svg("text", {x: x + shown.length * (CELL + GAP) + 4, y: y + 20, class: "note",
        text: `+${pids.length - shown.length}`}));
    }
    if (pids.length === 0) {
      g.appendChild(svg("text", {x: x + 8, y: y + 20, class: "empty", text: t("queue.empty")}));
    }
    root.appendChild(g);
    return g;
  }

  // cell is a process (a pid) or a thread ({pid, tid}) in a queue.
  cell(id, name, x, y, kind) {
    if (typeof id === "number" && this.owner && this.owner.has(id)) {
      id = {pid: this.owner.get(id), tid: id};
      name = this.names ? this.names.get(id.pid) : name;
    }
    const pid = id.pid ?? id, tid = id.tid && id.tid !== id.pid ? id.tid : 0;
    const who = tid ? `${threadLabel(tid)} (pid ${pid} ${name || ""})` : `pid ${pid} ${name || ""}`;
    const g = svg("g", {class: `cell ${procClass(pid)}${id.tid ? " thread" : ""}`, "data-pid": pid, "data-tid": id.tid || null,
      tabindex: 0, role: "button", "aria-label": who});
    g.appendChild(svg("rect", {x, y, width: CELL, height: CELL, rx: id.tid ? 1 : 5}));
    g.appendChild(svg("text", {x: x + CELL / 2, y: y + 20, "text-anchor": "middle", text: id.tid ? threadLabel(id.tid) : String(pid)}));
    titled(g, `${who} (${kind === "owner" ? t("sync.owner") : kind})`);
    return g;
  }
}
