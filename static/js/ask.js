// The manual scheduler's question, "who runs next?": when the kernel asks
// (the snapshot's asking lists, per CPU, the ready processes), a panel
// with one button per ready process; the first button takes the focus and
// the digits 1–9 choose too. Answering sends {"op":"choose","pid":P}.
//
// An answered question stays hidden until the server's next state: a
// drawing before it (another view's, or a batch sent before the server
// took the choice) still holds the question just answered, and showing it
// again would invite a second answer to a question no longer asked. A
// question is the tick and the asking CPUs with their ready lists; a
// refused answer (bad_choice) shows the question again.
import {html, clear} from "./svg.js";
import {procClass} from "./palette.js";
import {t} from "./i18n.js";

export class AskPanel {
  constructor(el, onChoose) {
    this.el = el;
    this.onChoose = onChoose;
    this.key = "";
    this.asking = [];
    this.question = ""; // the question in the state last taken
    this.answered = ""; // the question answered last
    document.addEventListener("keydown", (ev) => this.keydown(ev));
  }

  reset() { this.asking = []; this.snap = null; this.question = ""; this.answered = ""; }
  event() {}
  state(snap) {
    this.snap = snap;
    this.asking = snap.asking || [];
    this.question = this.asking.length ? JSON.stringify([snap.tick, this.asking]) : "";
    if (this.answered && this.question !== this.answered) this.answered = "";
    if (this.answered) this.asking = []; // answered: hidden until the next question
  }

  render() {
    if (!this.el) return;
    const key = JSON.stringify(this.asking);
    if (key === this.key) return;
    this.key = key;
    clear(this.el);
    this.el.hidden = this.asking.length === 0;
    if (!this.asking.length) return;
    const names = new Map(((this.snap && this.snap.procs) || []).map((p) => [p.pid, p.name]));
    const a = this.asking[0]; // one question at a time: the first CPU that asks
    this.el.appendChild(html("h2", {id: "ask-title", text: t("ask.title", {cpu: a.cpu})}));
    this.el.appendChild(html("p", {class: "help", text: t("ask.help")}));
    const group = html("div", {class: "ask-choices", role: "group", "aria-labelledby": "ask-title"});
    a.ready.forEach((pid, i) => {
      const name = names.get(pid) || "";
      group.appendChild(html("button", {type: "button", class: `choice ${procClass(pid)}`, "data-action": "choose", "data-pid": pid,
        "aria-keyshortcuts": i < 9 ? String(i + 1) : null, onclick: () => this.choose(pid)},
      html("span", {class: "swatch", "aria-hidden": "true"}),
      i < 9 ? html("kbd", {text: String(i + 1)}) : null,
      ` pid ${pid} ${name}`));
    });
    this.el.appendChild(group);
    const first = group.querySelector("button");
    if (first && !document.activeElement?.closest?.("input, textarea, select, .cm-editor")) first.focus({preventScroll: false});
  }

  choose(pid) {
    this.answered = this.question;
    this.asking = [];
    this.render();
    this.onChoose(pid);
  }

  // refused shows the question answered last again: the server did not
  // take the answer.
  refused() {
    if (!this.answered || !this.snap) return;
    this.answered = "";
    this.state(this.snap);
    this.render();
  }

  keydown(ev) {
    if (!this.asking.length || ev.ctrlKey || ev.metaKey || ev.altKey) return;
    if (ev.target.closest && ev.target.closest("input, textarea, select, [contenteditable], .cm-editor")) return;
    const n = Number(ev.key);
    const ready = this.asking[0].ready;
    if (Number.isInteger(n) && n >= 1 && n <= Math.min(9, ready.length)) {
      ev.preventDefault();
      this.choose(ready[n - 1]);
    }
  }
}
