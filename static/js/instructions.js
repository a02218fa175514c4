// Races you can see: the last instructions of the student's code, one row
// each in the order they ran, in a column per thread — the textbook's
// table of two threads interleaving counter++ — with the C line each
// belongs to. A store that writes over another thread's update made after
// its own load (a lost update) is marked ⚠, and the two interleaved
// sequences that lost it stay shown above, the stale load ①, the other
// thread's store ② and the losing store ③ marked by number as well as
// colour. The server watches while the page steps or runs slowly
// (api/doc.go, 1.3: instructions, lostUpdate).
import {html} from "./svg.js";
import {patch} from "./patch.js";
import {procClass} from "./palette.js";
import {t} from "./i18n.js";
import {threadLabel} from "./procs.js";

const KEEP = 96, SHOW = 48, WATCH_TICKS = 1000; // api/session.go: watchKeep, watchTicks
const hex = (n) => "0x" + Number(n).toString(16);

// describe says what one instruction did, as an assembly listing would.
export function describe(i) {
  const where = i.var || hex(i.addr);
  if (i.size && i.store) return `store ${i.value} → ${where}`;
  if (i.size) return `load ${where} → ${i.value}`;
  switch (i.op) {
    case "const": return `const ${Math.abs(i.b || 0) >= 65536 ? hex(i.b) : i.b || 0}`;
    case "add": case "add32": return `add → ${i.value}`;
    case "addi": case "addi32": return `add ${i.b || 0} → ${i.value}`;
    case "sub": case "sub32": return `sub → ${i.value}`;
    case "local": return `get local#${i.a || 0} → ${i.value}`;
    case "local2": return "get locals";
    case "setlocal": return `set local#${i.a || 0}`;
    case "teelocal": return `set local#${i.a || 0} = ${i.value}`;
    case "addlocal": return `local#${i.a || 0} += ${i.b || 0}`;
    case "frameaddr": return `address of a local → ${hex(i.value)}`;
    case "call": case "calli": return `call ${i.callee || "?"}()`;
    case "ret": case "retl": return "return";
    case "jmp": return "jump";
    case "enter": return "enter (new frame)";
  }
  if (i.op.startsWith("j")) return `${i.op} (branch)`;
  return `${i.op} → ${i.value}`;
}

export class Instructions {
  // lineText(file, line) returns the line of the program that runs.
  constructor(section, lineText) {
    this.canvas = section.querySelector('[data-canvas="instructions"]');
    this.onlyMemory = section.querySelector('[data-control="instr-memory"]');
    this.lineText = lineText || (() => "");
    if (this.onlyMemory) this.onlyMemory.addEventListener("change", () => { this.dirty = true; this.render(); });
    this.table = null;
    this.reset();
  }

  reset() {
    this.fast = false;
    this.list = [];
    this.lost = null;
    this.dirty = true;
  }

  event() {}

  state(snap, table) {
    this.table = table;
    // The server watches while stepping or running at most WATCH_TICKS a batch.
    const fast = !!(snap.running && snap.speed && snap.speed.ticks > WATCH_TICKS);
    if (fast !== this.fast) { this.fast = fast; this.dirty = true; }
    const got = snap.instructions || [];
    if (got.length) {
      const last = this.list.length ? this.list[this.list.length - 1].seq : -1;
      if (got[0].seq <= last) this.list = []; // a new machine (reset, rewind) numbers them again
      this.list = this.list.concat(got).slice(-KEEP);
      this.dirty = true;
    }
    if (snap.lostUpdate) {
      this.lost = snap.lostUpdate;
      this.dirty = true;
    }
    if (snap.status === "empty" && (this.list.length || this.lost)) this.reset();
  }

  // who names the column of a thread: "T3", or "pid 2" for a process of one thread.
  who(i) {
    const p = this.table && this.table.get(i.pid);
    if (i.tid === i.pid && !(p && this.table.multi(p))) return `pid ${i.pid}`;
    return threadLabel(i.tid);
  }

  render() {
    if (!this.dirty) return;
    this.dirty = false;
    const old = this.canvas.querySelector(".instr-scroll");
    const stick = !old || old.scrollTop + old.clientHeight >= old.scrollHeight - 8;
    const was = old ? old.scrollTop : 0;
    // Drawn afresh off the page; the page keeps its nodes (each row by its
    // instruction's seq) and takes only what changed.
    const out = document.createDocumentFragment();
    if (this.fast) out.appendChild(html("p", {class: "help", "data-show": "instr-fast", text: t("instr.fast")}));
    if (this.lost) out.appendChild(this.lostPanel(this.lost));
    if (!this.list.length) {
      out.appendChild(html("p", {class: "help", text: t("instr.none")}));
      patch(this.canvas, out);
      return;
    }
    let rows = this.list;
    if (this.onlyMemory && this.onlyMemory.checked) rows = rows.filter((i) => i.size);
    out.appendChild(html("div", {class: "instr-scroll", tabindex: 0, role: "region", "aria-label": t("view.instructions")},
      this.grid(rows.slice(-SHOW), {}, "instr-live")));
    patch(this.canvas, out);
    const scroll = this.canvas.querySelector(".instr-scroll");
    if (stick) scroll.scrollTop = scroll.scrollHeight;
    else if (scroll !== old) scroll.scrollTop = was;
  }

  // grid is a table: tick, C line, then a column per thread; marks maps a
  // seq to its mark (①②③) in a lost update.
  grid(rows, marks, kind) {
    const cols = [];
    const key = (i) => `${i.pid}/${i.tid}`;
    for (const i of rows) if (!cols.some((c) => key(c) === key(i))) cols.push(i);
    cols.sort((a, b) => a.pid - b.pid || a.tid - b.tid);
    const multiCPU = rows.some((i) => i.cpu > 0);
    const head = html("tr", {}, html("th", {scope: "col", text: t("instr.tick")}),
      multiCPU ? html("th", {scope: "col", text: "CPU"}) : null,
      html("th", {scope: "col", text: t("instr.line")}),
      ...cols.map((c) => html("th", {scope: "col", class: `thread-col ${procClass(c.pid)}`, "data-tid": c.tid},
        html("span", {class: `pidchip ${procClass(c.pid)}`, text: this.who(c)}))));
    const body = html("tbody");
    let prevLine = "";
    for (const i of rows) {
      const mark = marks[i.seq] || "";
      const lost = i.lost && !kind.startsWith("instr-lost") ? "⚠ " : "";
      const src = i.line ? this.lineText(i.file, i.line).trim() : "";
      const lineKey = `${i.tid}:${i.file}:${i.line}`;
      const lineCell = html("td", {class: "line"}, i.line ? html("span", {class: "num", text: `${i.line}`}) : "",
        src && lineKey !== prevLine ? html("code", {text: " " + src}) : "");
      prevLine = lineKey;
      const tr = html("tr", {"data-seq": i.seq, "data-tid": i.tid, class: `${i.size ? (i.store ? "store" : "load") : "op"}${i.lost ? " lost" : ""}${mark ? " marked" : ""}`,
        title: `${this.who(i)} · ${i.func || ""}() ${i.file || ""}:${i.line || ""} · ${i.op}`},
      html("td", {class: "tick", text: String(i.t)}),
      multiCPU ? html("td", {text: `cpu${i.cpu}`}) : null,
      lineCell,
      ...cols.map((c) => (key(c) === key(i)
        ? html("td", {class: `ins ${procClass(i.pid)}`}, mark ? html("span", {class: "mark", text: mark + " "}) : "", lost + describe(i))
        : html("td", {class: "idle"}))));
      body.appendChild(tr);
    }
    return html("table", {class: `instr ${kind}`, "data-show": kind}, html("thead", {}, head), body);
  }

  // lostPanel shows the two sequences that lost an update, and says it.
  lostPanel(lost) {
    const ins = lost.instructions;
    const store = ins[ins.length - 1];
    const load = ins.find((i) => i.seq === store.lost.load) || ins[0];
    const other = ins.find((i) => i.seq === store.lost.overwritten);
    const marks = {[load.seq]: "①", [store.seq]: "③"};
    if (other) marks[other.seq] = "②";
    const where = store.var || hex(store.addr);
    const vars = {me: this.who(store), other: other ? this.who(other) : threadLabel(store.lost.other), where,
      loaded: load.value, stored: other ? other.value : "?", wrote: store.value,
      t1: load.t, t2: other ? other.t : "?", t3: store.t, n: lost.count};
    const box = html("div", {class: "instr-lost", "data-show": "lost-update", role: "status"},
      html("p", {class: "lost-says"}, html("strong", {text: `⚠ ${t("instr.lostTitle", vars)}: `}), t("instr.lostSays", vars)));
    const memOnly = ins.filter((i) => i.size || i.op.startsWith("add") || i.seq === load.seq);
    box.appendChild(this.grid(memOnly.length >= 3 ? memOnly : ins, marks, "instr-lost"));
    return box;
  }
}
