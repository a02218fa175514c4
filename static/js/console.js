// The console: the terminal the processes share. Each piece of output is
// in its process's colour and carries its pid (shown in the margin, so
// colour is not the only clue); standard error is marked; what the user
// typed is shown as typed. The input line sends stdin; Ctrl-D ends it and
// Ctrl-C interrupts the foreground process.
//
// The whole output of the run is kept as text (the server bounds it,
// max_output); the page holds only its last lines as elements, so that a
// long run costs each frame only what it added. Above them, "earlier
// lines" brings the rest back a thousand lines at a time, and "Copy all"
// copies the whole output. New output is appended, never redrawn; the
// console follows the end while it is scrolled to the end (follow.js).
import {html, clear} from "./svg.js";
import {procClass, describe} from "./consolefmt.js";
import {t} from "./i18n.js";
import {kernelText} from "./kerneltext.js";
import {Follow} from "./follow.js";

const DOM_LINES = 500; // the lines held as elements while following the end
const TRIM_AT = 750; // … trimmed back to DOM_LINES once this many
const HOLD_AT = 5000; // … or this many when scrolled away from the end
const SHOW_MORE = 1000; // the earlier lines one press brings back

export class Console {
  constructor(section, send) {
    this.out = section.querySelector(".console-out");
    this.form = section.querySelector("form");
    this.input = section.querySelector('[data-control="stdin-line"]');
    this.send = send;
    this.firstPID = 0;
    // The output's parts: the earlier lines' bar, the lines, and the
    // element the browser keeps in view while the console follows the end.
    this.count = html("span", {class: "count"});
    this.copied = html("span", {class: "copied", role: "status"});
    this.bar = html("div", {class: "earlier", hidden: true}, this.count,
      html("button", {type: "button", class: "small", "data-action": "console-earlier", text: t("console.showEarlier"),
        onclick: () => this.showEarlier()}),
      html("button", {type: "button", class: "small", "data-action": "console-copy", text: t("console.copyAll"),
        onclick: () => this.copyAll()}),
      this.copied);
    this.body = html("div", {class: "console-lines"});
    this.follow = new Follow(this.out, this.body);
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
    this.lines = []; // the whole output: [{parts: [{pid, cls, text}], pids: [pid], el}]
    this.shown = 0; // lines[shown:] are elements; the earlier ones are text only
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
    if (this.input.placeholder !== t("console.input")) this.input.placeholder = t("console.input");
  }

  render() {
    if (this.cleared) {
      clear(this.out);
      clear(this.body);
      this.bar.hidden = true;
      this.copied.textContent = "";
      this.out.append(this.bar, this.body, this.follow.end);
      this.cleared = false;
      this.follow.set(true);
      if (this.queue.length === 0) {
        this.body.appendChild(html("p", {class: "placeholder", text: t("console.empty")}));
        return;
      }
    }
    if (this.queue.length === 0) return;
    if (this.lines.length === 0) clear(this.body); // the placeholder
    const added = document.createDocumentFragment();
    for (const chunk of this.queue) this.write(chunk, added);
    this.queue = [];
    this.body.appendChild(added);
    const held = this.lines.length - this.shown;
    const follow = this.follow.on;
    if (held > (follow ? TRIM_AT : HOLD_AT)) this.hide(this.lines.length - (follow ? DOM_LINES : HOLD_AT - (TRIM_AT - DOM_LINES)));
    this.showBar();
  }

  // write adds text, splitting it at newlines, to the lines and to their
  // elements (new lines into added); a line written by several processes
  // shows each one's part in its colour.
  write({pid, text, cls}, added) {
    const parts = text.split("\n");
    parts.forEach((part, i) => {
      if (!this.line) {
        this.line = {parts: [], pids: [], el: html("div", {class: "line"}, html("span", {class: "who", "aria-hidden": "true"}))};
        this.lines.push(this.line);
        added.appendChild(this.line.el);
      }
      if (part !== "") {
        const l = this.line;
        l.parts.push({pid, cls, text: part});
        if (pid && !l.pids.includes(pid)) l.pids.push(pid);
        if (l.el) this.drawPart(l.el, {pid, cls, text: part}, pid && l.pids.length > l.el.firstChild.childElementCount);
      }
      if (i < parts.length - 1) this.line = null; // a newline ends the line
    });
  }

  // drawPart adds a part to a line's element, and its pid to the margin
  // when it is the first part of that process on the line.
  drawPart(el, {pid, cls, text}, newPID) {
    const span = html("span", {class: `${cls} ${pid ? procClass(pid) : ""}`, "data-pid": pid || null, text});
    if (cls === "stderr") span.title = t("console.stderr");
    if (cls === "typed") span.title = t("console.typed");
    el.appendChild(span);
    if (newPID) el.firstChild.appendChild(html("span", {class: `pid ${procClass(pid)}`, text: String(pid)}));
  }

  // element makes a line's element afresh (an earlier line shown again).
  element(l) {
    const el = html("div", {class: "line"}, html("span", {class: "who", "aria-hidden": "true"}));
    const seen = [];
    for (const p of l.parts) {
      const first = p.pid && !seen.includes(p.pid);
      if (first) seen.push(p.pid);
      this.drawPart(el, p, first);
    }
    return el;
  }

  // hide keeps the lines before `upto` as text only.
  hide(upto) {
    for (let i = this.shown; i < upto; i++) {
      const l = this.lines[i];
      if (l.el) l.el.remove();
      l.el = null;
    }
    this.shown = Math.max(this.shown, upto);
  }

  // showEarlier brings back up to SHOW_MORE lines before those shown; the
  // browser keeps the lines in view where they were (scroll anchoring).
  showEarlier() {
    const from = Math.max(0, this.shown - SHOW_MORE);
    const back = document.createDocumentFragment();
    for (let i = from; i < this.shown; i++) {
      this.lines[i].el = this.element(this.lines[i]);
      back.appendChild(this.lines[i].el);
    }
    this.body.prepend(back);
    this.shown = from;
    this.showBar();
  }

  showBar() {
    this.bar.hidden = this.shown === 0;
    if (this.shown === this.barCount) return;
    this.barCount = this.shown;
    this.count.textContent = t("console.earlier", {n: this.shown.toLocaleString()});
  }

  // text is the whole output as it was printed, line by line.
  text() {
    const lines = this.lines.map((l) => l.parts.map((p) => p.text).join(""));
    return lines.join("\n") + (this.lines.length && !this.line ? "\n" : "");
  }

  async copyAll() {
    const text = this.text();
    let ok = false;
    try {
      await navigator.clipboard.writeText(text);
      ok = true;
    } catch {
      // Without the clipboard's interface (a page not served securely):
      // the text selected in a field of its own, and copied.
      const area = html("textarea", {class: "visually-hidden", readonly: true, "aria-hidden": "true"});
      area.value = text;
      document.body.appendChild(area);
      area.select();
      ok = document.execCommand("copy");
      area.remove();
    }
    const n = text.split("\n").length - (text.endsWith("\n") ? 1 : 0);
    this.copied.textContent = t(ok ? "console.copied" : "console.copyFailed", {n: n.toLocaleString()});
  }
}
