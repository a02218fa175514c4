// The kernel's events as text, newest last, as `osplay run --trace` prints
// them: a window on what every other view is drawn from.
import {html, clear} from "./svg.js";
import {procClass} from "./palette.js";
import {kernelText} from "./kerneltext.js";
import {t} from "./i18n.js";

const KEEP = 400;

function detail(e) {
  switch (e.k) {
    case "create": return `${(e.argv || []).join(" ")} (parent ${e.other || 0})`;
    case "state": return `${e.from} → ${e.to}: ${kernelText(e.cause || "")}`;
    case "dispatch": case "preempt": case "sched": return kernelText(e.cause || "");
    case "switch": return `${e.pid ? "pid " + e.pid : "idle"} → pid ${e.other} (${e.ticks || 0} ticks)`;
    case "idle": return "nothing ready";
    case "syscall": return e.text || e.name;
    case "sysret": return `${e.name} = ${e.result || 0}${e.errno ? " " + e.errno : ""}`;
    case "exec": return `${e.name} ${JSON.stringify(e.argv || [])}`;
    case "exit": return `${kernelText(e.cause || "")} (status 0x${(e.status || 0).toString(16).padStart(4, "0")})`;
    case "reap": return `child ${e.other} (status 0x${(e.status || 0).toString(16).padStart(4, "0")})`;
    case "adopt": return `new parent ${e.other}`;
    case "signal": return `${e.signal} to pid ${e.other}`;
    case "fault": return `${e.signal} at 0x${(e.addr || 0).toString(16)}: ${kernelText(e.msg || "")}`;
    case "output": return `fd ${e.fd || 1} ${JSON.stringify(e.data || "")}`;
    case "input": return e.msg || JSON.stringify(e.data || "");
    case "oom": return t("trace.oom");
    default: return kernelText(e.msg || "");
  }
}

export class Trace {
  constructor(canvas) {
    this.canvas = canvas;
    this.list = html("ol", {class: "trace", "aria-live": "off"});
    canvas.appendChild(this.list);
    this.reset();
  }

  reset() { this.events = []; this.total = 0; this.shown = -1; }

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

  state() {}

  render() {
    if (this.total === this.shown) return;
    const stick = this.canvas.scrollTop + this.canvas.clientHeight >= this.canvas.scrollHeight - 8;
    clear(this.list);
    for (const e of this.events.slice(-KEEP)) {
      if (e.k === "gap") {
        this.list.appendChild(html("li", {class: "ev ev-gap", text: t("trace.gap", {n: e.count})}));
        continue;
      }
      this.list.appendChild(html("li", {class: `ev ev-${e.k}`, "data-n": e.n},
        html("span", {class: "t", text: String(e.t)}),
        html("span", {class: "c", text: e.cpu >= 0 ? `cpu${e.cpu}` : ""}),
        html("span", {class: `p ${procClass(e.pid)}`, text: e.pid ? String(e.pid) + (e.tid ? ` T${e.tid}` : "") : "—"}),
        html("span", {class: "k", text: e.k}),
        html("span", {class: "d", text: detail(e)})));
    }
    this.shown = this.total;
    if (stick) this.canvas.scrollTop = this.canvas.scrollHeight;
  }
}
