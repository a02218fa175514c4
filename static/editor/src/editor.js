// The playground's C editor: CodeMirror 6 with C highlighting, lint-style
// compile errors, and a marker at the current line of every process.
// Bundled by build.mjs into ../editor.bundle.js, an ES module that exports
// createEditor.
import {EditorState, StateEffect, StateField, RangeSetBuilder, Compartment} from "@codemirror/state";
import {
  EditorView, keymap, lineNumbers, highlightActiveLineGutter, highlightSpecialChars,
  drawSelection, highlightActiveLine, Decoration, gutter, GutterMarker,
} from "@codemirror/view";
import {defaultKeymap, history, historyKeymap, indentWithTab} from "@codemirror/commands";
import {
  indentOnInput, bracketMatching, foldGutter, foldKeymap, syntaxHighlighting,
  defaultHighlightStyle,
} from "@codemirror/language";
import {closeBrackets, closeBracketsKeymap} from "@codemirror/autocomplete";
import {searchKeymap, highlightSelectionMatches} from "@codemirror/search";
import {setDiagnostics, lintGutter} from "@codemirror/lint";
import {cpp} from "@codemirror/lang-cpp";

// Process markers: [{line, pid, color, state}] → a gutter label and a line tint.
const setMarkers = StateEffect.define();

const markerField = StateField.define({
  create() { return []; },
  update(value, tr) {
    for (const e of tr.effects) if (e.is(setMarkers)) value = e.value;
    if (tr.docChanged && value.length) value = [];
    return value;
  },
});

class PidMarker extends GutterMarker {
  constructor(procs) { super(); this.procs = procs; }
  eq(other) {
    return other.procs.length === this.procs.length &&
      other.procs.every((p, i) => p.pid === this.procs[i].pid && p.color === this.procs[i].color && p.state === this.procs[i].state && p.title === this.procs[i].title);
  }
  toDOM() {
    const span = document.createElement("span");
    span.className = "cm-pid-markers";
    for (const p of this.procs) {
      const b = document.createElement("span");
      b.className = `cm-pid-marker proc-c${p.color} state-${p.state}`;
      b.textContent = String(p.pid);
      b.title = p.title || `pid ${p.pid}`;
      span.appendChild(b);
    }
    return span;
  }
}

function byLine(doc, markers) {
  const lines = new Map();
  for (const m of markers) {
    if (m.line < 1 || m.line > doc.lines) continue;
    if (!lines.has(m.line)) lines.set(m.line, []);
    lines.get(m.line).push(m);
  }
  return [...lines.entries()].sort((a, b) => a[0] - b[0]);
}

const pidGutter = gutter({
  class: "cm-pid-gutter",
  markers(view) {
    const b = new RangeSetBuilder();
    for (const [line, procs] of byLine(view.state.doc, view.state.field(markerField))) {
      b.add(view.state.doc.line(line).from, view.state.doc.line(line).from, new PidMarker(procs));
    }
    return b.finish();
  },
  initialSpacer: () => new PidMarker([{pid: 99, color: 0, state: "ready"}]),
});

const lineTint = EditorView.decorations.compute([markerField], (state) => {
  const b = new RangeSetBuilder();
  for (const [line, procs] of byLine(state.doc, state.field(markerField))) {
    const running = procs.some((p) => p.state === "running");
    b.add(state.doc.line(line).from, state.doc.line(line).from,
      Decoration.line({class: running ? "cm-proc-line cm-proc-running" : "cm-proc-line"}));
  }
  return b.finish();
});

// createEditor makes an editor in parent. opts: doc, label (accessible
// name), nonce (the page's CSP nonce for style sheets), onChange(text),
// onRun() for Ctrl-Enter.
export function createEditor(parent, opts = {}) {
  const readOnly = new Compartment();
  const extensions = [
    lineNumbers(), pidGutter, lintGutter(), foldGutter(), highlightActiveLineGutter(),
    highlightSpecialChars(), history(), drawSelection(), indentOnInput(),
    syntaxHighlighting(defaultHighlightStyle, {fallback: true}), bracketMatching(),
    closeBrackets(), highlightActiveLine(), highlightSelectionMatches(),
    markerField, lineTint, cpp(), readOnly.of(EditorState.readOnly.of(false)),
    EditorView.contentAttributes.of({"aria-label": opts.label || "C source"}),
    EditorView.cspNonce.of(opts.nonce || ""),
    keymap.of([
      {key: "Mod-Enter", run: () => { opts.onRun && opts.onRun(); return true; }},
      ...closeBracketsKeymap, ...defaultKeymap, ...searchKeymap, ...historyKeymap,
      ...foldKeymap, indentWithTab,
    ]),
    EditorView.updateListener.of((u) => {
      if (u.docChanged && opts.onChange) opts.onChange(u.state.doc.toString());
    }),
  ];
  const states = new Map(); // file name → EditorState, one per tab
  const view = new EditorView({
    state: EditorState.create({doc: opts.doc || "", extensions}),
    parent,
  });
  return {
    view,
    getDoc() { return view.state.doc.toString(); },
    // setDoc replaces the text (a new file or example); undo history restarts.
    setDoc(text) {
      view.setState(EditorState.create({doc: text, extensions}));
    },
    // switchTo saves the current tab's state under from and shows to's.
    switchTo(from, to, text) {
      if (from) states.set(from, view.state);
      const st = states.get(to) || EditorState.create({doc: text, extensions});
      view.setState(st);
    },
    forget(name) { states.delete(name); },
    setMarkers(markers) { view.dispatch({effects: setMarkers.of(markers)}); },
    // setErrors shows compile errors: [{line, col, msg, severity}].
    setErrors(errors) {
      const doc = view.state.doc;
      const diags = [];
      for (const e of errors) {
        if (!e.line || e.line > doc.lines) continue;
        const l = doc.line(e.line);
        const from = Math.min(l.from + Math.max((e.col || 1) - 1, 0), l.to);
        diags.push({from, to: Math.max(from, Math.min(l.to, from + 1)) , severity: e.severity || "error", message: e.msg});
      }
      view.dispatch(setDiagnostics(view.state, diags));
    },
    setReadOnly(on) { view.dispatch({effects: readOnly.reconfigure(EditorState.readOnly.of(on))}); },
    scrollToLine(line) {
      const doc = view.state.doc;
      if (line < 1 || line > doc.lines) return;
      view.dispatch({effects: EditorView.scrollIntoView(doc.line(line).from, {y: "nearest"})});
    },
    focus() { view.focus(); },
  };
}
