// The editor pane: one tab per file of the program, the CodeMirror editor,
// compile errors (in the editor and as a list), and a marker at the
// current line of every process.
import {createEditor} from "../editor/editor.bundle.js";
import {html, clear} from "./svg.js";
import {procColorIndex} from "./palette.js";
import {safeName} from "./program.js";
import {t} from "./i18n.js";

export class EditorPane {
  constructor(section, program, {onChange, onRun, nonce}) {
    this.section = section;
    this.program = program;
    this.onChange = onChange;
    this.tabs = section.querySelector('[data-show="tabs"]');
    this.errorsBox = section.querySelector('[data-show="errors"]');
    this.current = program.main;
    this.errors = [];
    this.procs = [];
    this.editor = createEditor(section.querySelector('[data-view="editor"]'), {
      doc: program.file(this.current).text,
      label: t("editor.label"),
      nonce,
      onRun,
      onChange: (text) => {
        const f = this.program.file(this.current);
        if (f) f.text = text;
        this.onChange();
      },
    });
    section.querySelector('[data-action="add-file"]').addEventListener("click", () => this.addFile());
    this.renderTabs();
  }

  // reload shows the program afresh (a new example or draft).
  reload() {
    for (const f of this.program.files) this.editor.forget(f.name);
    this.current = this.program.main;
    this.editor.setDoc(this.program.file(this.current).text);
    this.renderTabs();
    this.setErrors([]);
  }

  show(name) {
    if (name === this.current || !this.program.file(name)) return;
    this.editor.switchTo(this.current, name, this.program.file(name).text);
    this.current = name;
    this.renderTabs();
    this.applyErrors();
    this.applyMarkers();
  }

  renderTabs() {
    clear(this.tabs);
    for (const f of this.program.files) {
      const selected = f.name === this.current;
      const tab = html("button", {type: "button", role: "tab", class: "tab", "aria-selected": String(selected),
        tabindex: selected ? 0 : -1, "data-file": f.name, onclick: () => this.show(f.name)}, f.name);
      if (f.name === this.program.main) tab.appendChild(html("span", {class: "main-badge", text: t("editor.main")}));
      tab.addEventListener("keydown", (ev) => {
        const names = this.program.files.map((x) => x.name);
        const i = names.indexOf(f.name);
        if (ev.key === "ArrowRight" || ev.key === "ArrowLeft") {
          const next = names[(i + (ev.key === "ArrowRight" ? 1 : names.length - 1)) % names.length];
          this.show(next);
          this.tabs.querySelector(`[data-file="${CSS.escape(next)}"]`).focus();
        }
      });
      const wrap = html("span", {class: "tab-wrap"}, tab);
      if (f.name !== this.program.main) {
        wrap.appendChild(html("button", {type: "button", class: "tab-close", "aria-label": `${t("editor.closeFile")} ${f.name}`,
          title: t("editor.closeFile"), onclick: () => this.closeFile(f.name)}, "×"));
      }
      this.tabs.appendChild(wrap);
    }
  }

  addFile() {
    const name = (prompt(t("editor.newName"), "util.c") || "").trim();
    if (!name) return;
    if (!safeName(name) || this.program.file(name)) {
      alert(t("editor.badName"));
      return;
    }
    this.program.files.push({name, text: name.endsWith(".h") ? "" : "#include <stdio.h>\n"});
    this.onChange();
    this.show(name);
  }

  closeFile(name) {
    if (name === this.program.main) return;
    this.program.files = this.program.files.filter((f) => f.name !== name);
    this.editor.forget(name);
    if (this.current === name) {
      this.current = "";
      this.show(this.program.main);
    }
    this.renderTabs();
    this.onChange();
  }

  // setErrors shows compile errors: [{file, line, col, msg}].
  setErrors(errors) {
    this.errors = errors || [];
    clear(this.errorsBox);
    this.errorsBox.hidden = this.errors.length === 0;
    if (this.errors.length) {
      this.errorsBox.appendChild(html("p", {class: "title", text: t("compile.title")}));
      const ul = html("ul");
      for (const e of this.errors) {
        ul.appendChild(html("li", {}, html("button", {type: "button", class: "link", title: t("compile.jump"),
          onclick: () => { this.show(e.file); this.editor.scrollToLine(e.line); this.editor.focus(); }},
        `${e.file}:${e.line}:${e.col}`), ` ${e.msg}`));
      }
      this.errorsBox.appendChild(ul);
      this.errorsBox.appendChild(html("p", {class: "help", text: t("compile.fix")}));
    }
    this.applyErrors();
  }

  applyErrors() {
    const races = (this.races || []).filter((e) => e.file === this.current);
    this.editor.setErrors(this.errors.filter((e) => e.file === this.current).concat(races));
  }

  // setRaces marks the lines of data races: [{file, line, msg}], as
  // warnings beside any compile error.
  setRaces(races) {
    this.races = (races || []).map((r) => ({...r, col: 1, severity: "warning"}));
    this.applyErrors();
  }

  // markers puts a marker at the current line of every live process, or
  // of every live thread of a process with several.
  markers(procs) {
    this.procs = procs;
    this.applyMarkers();
  }

  applyMarkers() {
    const marks = [];
    for (const p of this.procs) {
      if (p.threads) {
        // A marker per thread, named by its tid ("T3"), in its process's colour.
        for (const th of p.threads) {
          if (th.file !== this.current || !th.line || th.state === "terminated") continue;
          marks.push({line: th.line, pid: `T${th.tid}`, color: procColorIndex(p.pid), state: th.state,
            title: `T${th.tid} (pid ${p.pid} ${p.name}): ${th.func || ""}() line ${th.line}`});
        }
        continue;
      }
      if (p.file !== this.current || !p.line || p.state === "terminated") continue;
      marks.push({line: p.line, pid: p.pid, color: procColorIndex(p.pid), state: p.state,
        title: `pid ${p.pid} ${p.name}: ${p.func || ""}() line ${p.line}`});
    }
    const key = JSON.stringify(marks);
    if (key === this.lastMarks) return;
    this.lastMarks = key;
    this.editor.setMarkers(marks);
  }
}
