// The console: the terminal the processes share. Each piece of output is
// in its process's colour and carries its pid (shown in the margin, so
// colour is not the only clue); standard error is marked; what the user
// typed is shown as typed. The input line sends stdin; Ctrl-D ends it and
// Ctrl-C interrupts the foreground process.
import {html, clear} from "./svg.js";
import {procClass, describe} from "./consolefmt.js";
import {t} from "./i18n.js";
import {kernelText} from "./kerneltext.js";

const MAX_LINES = 2000;

export class Console {
  constructor(section, send) {
    this.out = section.querySelector(".console-out");
    this.form = section.querySelector("form");
    this.input = section.querySelector('[data-control="stdin-line"]');
    this.send = send;
    this.firstPID = 0;
    this.reset();
    this.form.addEventListener("submit", (ev) => {
      ev.preventDefault();
      this.send({op: "input", data: this.input.value + "\n"});
      this.input.value = "";
    });
    this.input.addEventListener("keydown", (ev) => {
      if (ev.ctrlKey && ev.key === "d") { ev.preventDefault(); this.send({op: "eof"}); }
      if (ev.ctrlKey && ev.key === "c" && this.input.selectionStart === this.input.selectionEnd) {
        ev.preventDefault();
        this.send({op: "interrupt"});
      }
    });
    this.out.addEventListener("keydown", (ev) => {
      if (ev.ctrlKey && ev.key === "c" && !String(window.getSelection())) { ev.preventDefault(); this.send({op: "interrupt"}); }
    });
    section.querySelector('[data-action="eof"]').addEventListener("click", () => this.send({op: "eof"}));
    section.querySelector('[data-action="interrupt"]').addEventListener("click", () => this.send({op: "interrupt"}));
  }

  reset() {
    this.lines = []; // [{el, pids:Set}]
    this.line = null; // the line being written (no newline yet)
    this.firstPID = 0;
    this.queue = [];
    this.cleared = true;
    this.interruptAt = -1;
  }

  event(e) {
    switch (e.k) {
      case "create":
        if (e.pid > 1 && !this.firstPID) this.firstPID = e.pid;
        break;
      case "output":
        this.queue.push({pid: e.pid, text: e.data || "", cls: e.fd === 2 ? "stderr" : "stdout"});
        break;
      case "input":
        if (e.msg === "EOF") this.queue.push({pid: 0, text: `^D (${t("console.eofShown")})\n`, cls: "typed"});
        else this.queue.push({pid: 0, text: e.data || "", cls: "typed"});
        break;
      case "signal":
        // Ctrl-C signals every process of the foreground group, one
        // event each, at one tick: the terminal echoes it once.
        if (e.pid === 0 && e.signal === "SIGINT" && e.t !== this.interruptAt) {
          this.interruptAt = e.t;
          this.queue.push({pid: 0, text: "^C\n", cls: "typed"});
        }
        break;
      case "exit":
        if (e.pid === this.firstPID) {
          this.queue.push({pid: e.pid, text: `[pid ${e.pid} ${describe(e)}]\n`, cls: "system"});
        }
        break;
      case "limit":
        this.queue.push({pid: 0, text: `■ ${kernelText(e.msgText || e.msg)}\n`, cls: "system alert"});
        break;
    }
  }

  state(snap) {
    this.input.classList.toggle("wanted", snap.status === "input");
    this.input.placeholder = t("console.input");
  }

  render() {
    if (this.cleared) {
      clear(this.out);
      this.lines = [];
      this.line = null;
      this.cleared = false;
      if (this.queue.length === 0) {
        this.out.appendChild(html("p", {class: "placeholder", text: t("console.empty")}));
        return;
      }
    }
    if (this.queue.length === 0) return;
    const stick = this.out.scrollTop + this.out.clientHeight >= this.out.scrollHeight - 8;
    const ph = this.out.querySelector(".placeholder");
    if (ph) ph.remove();
    for (const chunk of this.queue) this.write(chunk);
    this.queue = [];
    while (this.lines.length > MAX_LINES) this.lines.shift().el.remove();
    if (stick) this.out.scrollTop = this.out.scrollHeight;
  }

  // write adds text, splitting it at newlines; a line written by several
  // processes shows each one's part in its colour.
  write({pid, text, cls}) {
    const parts = text.split("\n");
    parts.forEach((part, i) => {
      if (!this.line) {
        const el = html("div", {class: "line"}, html("span", {class: "who", "aria-hidden": "true"}));
        this.out.appendChild(el);
        this.line = {el, pids: new Set()};
        this.lines.push(this.line);
      }
      if (part !== "") {
        const span = html("span", {class: `${cls} ${pid ? procClass(pid) : ""}`, "data-pid": pid || null, text: part});
        if (cls === "stderr") span.title = t("console.stderr");
        if (cls === "typed") span.title = t("console.typed");
        this.line.el.appendChild(span);
        if (pid && !this.line.pids.has(pid)) {
          this.line.pids.add(pid);
          const who = this.line.el.firstChild;
          who.appendChild(html("span", {class: `pid ${procClass(pid)}`, text: String(pid)}));
        }
      }
      if (i < parts.length - 1) this.line = null; // a newline ends the line
    });
  }
}
