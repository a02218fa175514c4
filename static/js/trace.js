// The kernel's events as text, newest last, as `osplay run --trace` prints
// them: a window on what every other view is drawn from.
import {html, clear} from "./svg.js";
import {procClass} from "./palette.js";
import {kernelText} from "./kerneltext.js";
import {t, has} from "./i18n.js";
import {Follow} from "./follow.js";
import {runsFast} from "./dispatcher.js";

// KEEP is how many events the list holds for the reader to scroll back
// through; TAIL, how many it holds while a run goes on too fast to read
// and the box follows its end: more than the box shows, and a sixth of
// the drawing. It fills up to KEEP again when the run stops or the reader
// scrolls up.
const KEEP = 400;
const TAIL = 60;

// pointer is a thread's value as C prints a pointer (Result is signed on
// the wire).
const pointer = (v) => v ? `0x${BigInt.asUintN(64, BigInt(v)).toString(16)}` : "NULL";
const status = (e) => `0x${(e.status || 0).toString(16).padStart(4, "0")}`;
const stateWord = (s) => has(`state.${s}`) ? t(`state.${s}`) : s;

// detail is the line's text in the page's language: the kernel's own
// texts from its catalogue (kerneltext.js), the words around them from
// the interface's strings.
function detail(e) {
  switch (e.k) {
    case "create": return t("trace.create", {argv: (e.argv || []).join(" "), parent: e.other || 0});
    case "state": return t("trace.state", {from: stateWord(e.from), to: stateWord(e.to), cause: kernelText(e.causeText || e.cause)});
    case "dispatch": case "preempt": case "sched": return kernelText(e.causeText || e.cause);
    case "switch": return t("trace.switch", {from: e.pid ? `pid ${e.pid}` : t("trace.switch.idle"), to: `pid ${e.other}`, ticks: e.ticks || 0});
    case "idle": return t("trace.idle");
    case "syscall": return e.text || e.name;
    case "sysret": return `${e.name} = ${e.result || 0}${e.errno ? " " + e.errno : ""}`;
    case "exec": return `${e.name} ${JSON.stringify(e.argv || [])}`;
    case "exit": return t("trace.exit", {cause: kernelText(e.causeText || e.cause), status: status(e)});
    case "reap": return t("trace.reap", {pid: e.other, status: status(e)});
    case "adopt": return t("trace.adopt", {pid: e.other});
    case "signal": return t("trace.signal", {signal: e.signal, pid: e.other});
    case "fault": return t("trace.fault", {signal: e.signal, addr: `0x${(e.addr || 0).toString(16)}`, msg: kernelText(e.msgText || e.msg)});
    case "output": return `fd ${e.fd || 1} ${JSON.stringify(e.data || "")}`;
    case "input": return e.msg || JSON.stringify(e.data || "");
    case "thread": return t("trace.thread", {tid: e.tid || e.pid, by: e.other});
    case "texit": return t("trace.texit", {tid: e.tid || e.pid, value: pointer(e.result)});
    case "join": return t("trace.join", {tid: e.other, value: pointer(e.result)});
    case "oom": return kernelText(e.msgText) || t("trace.oom");
    case "deadlock": return [kernelText(e.msgText || e.msg), ...(e.waits || []).map((w) => kernelText(w.text))].join("; ");
    default: return kernelText(e.msgText || e.msg);
  }
}

export class Trace {
  constructor(canvas) {
    this.canvas = canvas;
    this.list = html("ol", {class: "trace", "aria-live": "off"});
    this.follow = new Follow(canvas, this.list);
    canvas.append(this.list, this.follow.end);
    this.reset();
  }

  reset() { this.events = []; this.total = 0; this.shown = -1; this.fast = false; }

  event(e) {
    this.total++;
    this.events.push(e);
    if (this.events.length > KEEP * 2) this.events = this.events.slice(-KEEP);
  }

  // gap marks n events the server left out before the next ones.
  gap(n) {
    this.total++;
    this.events.push({k: "gap", n: -1, count: n});
  }

  state(s) { this.fast = runsFast(s); }

  // render adds the events that came since it last drew and removes the
  // oldest past the lines the list holds now (KEEP, or TAIL while a fast
  // run is followed), or adds older ones above when it may hold more: the
  // list is never drawn again whole while a run goes on, unless more
  // events came than it holds.
  render() {
    const n = this.events.length;
    const want = Math.min(this.fast && this.follow.on ? TAIL : KEEP, n);
    if (this.total === this.shown && this.list.childElementCount === want) return;
    const fresh = this.total - this.shown;
    if (this.shown < 0 || this.total < this.shown || fresh >= want) {
      clear(this.list);
      this.list.appendChild(this.items(this.events.slice(n - want)));
    } else {
      if (fresh > 0) this.list.appendChild(this.items(this.events.slice(n - fresh)));
      const have = this.list.childElementCount;
      if (have > want) {
        // The oldest lines go in one operation, not one by one.
        const old = document.createRange();
        old.setStartBefore(this.list.firstChild);
        old.setEndBefore(this.list.children[have - want]);
        old.deleteContents();
      } else if (have < want) {
        this.list.insertBefore(this.items(this.events.slice(n - want, n - have)), this.list.firstChild);
      }
    }
    this.shown = this.total;
  }

  items(events) {
    const out = document.createDocumentFragment();
    for (const e of events) {
      if (e.k === "gap") {
        out.appendChild(html("li", {class: "ev ev-gap", text: t("trace.gap", {n: e.count})}));
        continue;
      }
      out.appendChild(html("li", {class: `ev ev-${e.k}`, "data-n": e.n},
        html("span", {class: "t", text: String(e.t)}),
        html("span", {class: "c", text: e.cpu >= 0 ? `cpu${e.cpu}` : ""}),
        html("span", {class: `p ${procClass(e.pid)}`, text: e.pid ? String(e.pid) + (e.tid ? ` T${e.tid}` : "") : "—"}),
        html("span", {class: "k", "data-kind": e.k, text: has(`trace.k.${e.k}`) ? t(`trace.k.${e.k}`) : e.k}),
        html("span", {class: "d", text: detail(e)})));
    }
    return out;
  }
}
