// Data races in the page: with the setting "races" the kernel reports
// every pair of unordered accesses to a variable (the event "race"); this
// view lists them in the page's language — the variable, both lines and
// both threads, and whether a lock was common — and marks both lines in
// the editor.
import {t} from "./i18n.js";
import {kernelText} from "./kerneltext.js";
import {html, clear} from "./svg.js";
import {threadLabel} from "./procs.js";

export class Races {
  constructor(section, editor) {
    this.section = section;
    this.canvas = section.querySelector('[data-canvas="races"]');
    this.editor = editor;
    this.reset();
  }

  reset() {
    this.list = [];
    this.dirty = true;
  }

  event(e) {
    if (e.k !== "race" || !e.msgText) return;
    const a = e.msgText.args || {};
    this.list.push({text: e.msgText, tid: e.tid, other: e.other, t: e.t,
      lines: [{file: a.file, line: a.line}, {file: a.ofile, line: a.oline}]});
    this.dirty = true;
  }

  state() {}

  render() {
    if (!this.dirty) return;
    this.dirty = false;
    this.section.hidden = this.list.length === 0;
    clear(this.canvas);
    const marks = [];
    if (this.list.length) {
      this.canvas.appendChild(html("p", {class: "race-count", text: t("race.count", {n: this.list.length})}));
      const ul = html("ul", {class: "race-list"});
      for (const r of this.list) {
        const msg = kernelText(r.text);
        const threads = [r.tid, r.other].filter(Boolean).map((x) => threadLabel(x)).join(" ⟷ ");
        const li = html("li", {class: "race", "data-race": `${r.lines[0].line}:${r.lines[1].line}`},
          html("span", {class: "race-icon", "aria-hidden": "true", text: "⚠"}), " ",
          html("span", {class: "race-threads", text: threads}), " ",
          html("span", {class: "race-text", text: msg}), " ",
          html("span", {class: "race-tick", text: `t=${r.t}`}));
        for (const l of r.lines) {
          if (!l.file || !l.line) continue;
          marks.push({file: l.file, line: l.line, msg: "⚠ " + msg});
          li.appendChild(html("button", {type: "button", class: "small link", title: t("race.show"),
            onclick: () => { this.editor.show(l.file); this.editor.editor.scrollToLine(l.line); }}, `${l.file}:${l.line}`));
        }
        ul.appendChild(li);
      }
      this.canvas.appendChild(ul);
    }
    this.editor.setRaces(marks);
  }
}
