// The playground page: it reads the page's start-up data, builds the
// program, the editor and the views, connects the session, and turns
// buttons into commands and server messages into pictures.
import {setStrings, t, errorText} from "./i18n.js";
import {setTexts} from "./kerneltext.js";
import {Program} from "./program.js";
import {EditorPane} from "./editor.js";
import {ProcessTable} from "./procs.js";
import {Dispatcher} from "./dispatcher.js";
import {Connection} from "./socket.js";
import {Controls, SPEEDS, DEFAULT_SPEED} from "./controls.js";
import {Notice} from "./notice.js";
import {ProcTree} from "./proctree.js";
import {States} from "./states.js";
import {Queues} from "./queues.js";
import {Gantt} from "./gantt.js";
import {Console} from "./console.js";
import {PCB} from "./pcb.js";
import {Trace} from "./trace.js";
import {WaitFor} from "./waitfor.js";
import {IPCView} from "./ipc.js";
import {MSC} from "./msc.js";
import {Instructions} from "./instructions.js";
import {openShare} from "./share.js";
import {WorkloadMode} from "./workload.js";
import {AskPanel} from "./ask.js";
import {Work, workKey} from "./work.js";
import {html} from "./svg.js";
import {Explorer} from "./explore.js";
import {Races} from "./races.js";
import {Predictor} from "./predict.js";
import {Exporter, OpenAt} from "./export.js";
import {Layout} from "./layout.js";
import {mergeState} from "./delta.js";

const boot = JSON.parse(document.getElementById("osplay-boot").textContent);
setStrings(boot.strings, boot.lang);
setTexts(boot.texts);

const root = document.querySelector(".play");
const $ = (sel) => root.querySelector(sel);
const notice = new Notice($('[data-show="notice"]'));

// The program: from the link (#code=), the example, or a blank one; then
// the draft of this address, if the page was reloaded.
const program = new Program();
const params = new URLSearchParams(location.search);
if (location.hash.includes("code=") && program.fromHash(location.hash)) {
  program.source = "code";
} else if (boot.example) {
  program.setFiles(boot.example.files, boot.example.main);
  program.argv = (boot.example.argv || []).join(" ");
  program.stdin = boot.example.stdin || "";
  program.source = "example:" + boot.example.name;
}
program.settings = {...boot.settings};
const draftKey = (() => {
  params.delete("lang");
  return location.pathname + "?" + params.toString() + location.hash;
})();
// The lecture's version, as the page opened it, before any draft: a
// student's edits of an example or an exercise are kept in the browser.
const key = boot.workload || boot.ostep ? "" : workKey(boot);
let editor = null;
const keep = key ? new Work(html("div", {class: "work", "data-show": "work", hidden: true}), key, program, {
  exercise: key.startsWith("x:"),
  apply(w) {
    program.setFiles(w.files, w.main);
    program.argv = w.argv || "";
    program.stdin = w.stdin || "";
    if (!editor) return; // the page is still being built from the program
    argvField.value = program.argv;
    stdinField.value = program.stdin;
    editor.reload();
    changed();
    saveNow(); // a reload right after a revert opens what it shows
  },
}) : null;
const restored = program.restoreDraft(draftKey);
if (keep) {
  root.querySelector(".program .pane-head").after(keep.el);
  keep.open(restored);
}
// A workload (jobs without code) or an OSTEP problem instead of C files.
const workload = boot.workload || boot.ostep ? new WorkloadMode(root, program, boot, () => changed()) : null;

// The form fields around the editor.
const argvField = $('[data-control="argv"]');
const stdinField = $('[data-control="stdin"]');
const settingFields = [...root.querySelectorAll("[data-setting]")];
argvField.value = program.argv;
stdinField.value = program.stdin;
{
  const [policy, options] = String(program.settings.sched || "").split(/:(.*)/s);
  const shown = {...program.settings, sched: policy || undefined, schedOptions: options || ""};
  for (const f of settingFields) {
    const v = shown[f.dataset.setting];
    if (f.type === "checkbox") f.checked = !!v;
    else if (v !== undefined && v !== "" && v !== 0) f.value = String(v);
  }
}

function readFields() {
  program.argv = argvField.value;
  program.stdin = stdinField.value;
  const s = {};
  for (const f of settingFields) {
    const k = f.dataset.setting;
    if (f.type === "checkbox") s[k] = f.checked;
    else if (f.type === "number") s[k] = f.value === "" ? 0 : Number(f.value);
    else s[k] = f.value.trim();
  }
  if (s.schedOptions) s.sched += ":" + s.schedOptions;
  delete s.schedOptions;
  program.settings = s;
}
readFields();

let saveTimer = 0;
function changed() {
  readFields();
  clearTimeout(saveTimer);
  saveTimer = setTimeout(saveNow, 300);
  $('[data-show="settings-changed"]').hidden = !(program.loaded && program.dirty());
}
function saveNow() {
  clearTimeout(saveTimer);
  program.saveDraft(draftKey);
  if (keep) keep.changed();
}
for (const f of [argvField, stdinField, ...settingFields]) f.addEventListener("input", changed);
for (const f of settingFields) f.addEventListener("change", changed);

// Selecting a process, from any view, shows its PCB.
let selected = 0;
function select(pid) {
  selected = pid;
  tree.select(pid);
  pcb.select(pid);
  conn.send({op: "inspect", pid});
}

const table = new ProcessTable();
const canvas = (name) => $(`[data-canvas="${name}"]`);
const tree = new ProcTree(canvas("proctree"), select);
const states = new States(canvas("states"));
const queues = new Queues(canvas("queues"), select, (pid) => send({op: "choose", pid}));
const gantt = new Gantt(canvas("gantt"), select);
gantt.statsEl = $('[data-show="gantt-stats"]');
gantt.legendEl = $('[data-show="gantt-legend"]');
gantt.setZoomControls({in: $('[data-action="gantt-zoom-in"]'), out: $('[data-action="gantt-zoom-out"]'),
  fit: $('[data-action="gantt-zoom-fit"]'), level: $('[data-show="gantt-zoom"]')}, canvas("gantt"));
$('[data-control="gantt-threads"]').addEventListener("change", (ev) => gantt.setByThread(ev.target.checked));
const cons = new Console($('[data-view="console"]'), (cmd) => send(cmd));
const pcb = new PCB($('[data-view="pcb"]'), (cmd) => send(cmd));
const trace = new Trace(canvas("trace"));
// The line of the program that runs (as loaded, not as edited since).
const lineText = (file, line) => {
  const f = loaded && (loaded.files || []).find((x) => x.name === file);
  return f ? (f.text.split("\n")[line - 1] || "") : "";
};
const waitfor = new WaitFor(canvas("waitfor"), select, lineText);
const instructions = new Instructions($('[data-view="instructions"]'), lineText);
const ipc = new IPCView(canvas("ipc"));
// A click on an arrow of the chart moves the timeline to just after its
// tick, where what it shows has happened.
const msc = new MSC(canvas("msc"), (tick) => actions.seek(tick + 1));
editor = new EditorPane($(".program"), program, {onChange: changed, onRun: () => actions.run(),
  nonce: boot.nonce});
// The editor's markers of where each process is, drawn as a view is; at
// full speed four times a second (each costs the editor a layout of the
// page, and a marker that moves faster cannot be followed anyway), and
// not while the editor is out of sight.
const markers = {name: "Markers", every: 250, el: $('[data-view="editor"]'), reset() {}, event() {}, state(s) { this.procs = s.procs; },
  render() { if (this.procs) editor.markers(this.procs); this.procs = null; }};
const races = new Races($('[data-view="races"]'), editor);

const ask = new AskPanel($('[data-view="ask"]'), (pid) => send({op: "choose", pid}));

let acked = 0;
const dispatcher = new Dispatcher(table, [tree, states, queues, waitfor, ipc, msc, instructions, gantt, cons, pcb, trace, markers, ask, races, ...(workload ? [workload] : [])], (seq) => {
  if (seq > acked) {
    acked = seq;
    conn.send({op: "ack", seq});
  }
});

let snapshot = null;
let deltas = 0; // batches whose state came as its changes
// The program sent last did not compile: the commands sent after it (Run
// sends load, then run) are refused for want of a program, which the
// compile errors already say. It holds until a program is loaded (a batch
// with one), not merely sent: a refusal of a command sent before the next
// load may still be on its way (Run, then Step at once, on a slow
// server).
let compileFailed = false;
// What the page keeps to resume its session on any server after the
// connection drops: the program it loaded and the input log as the
// server's batches said it (api/doc.go, "Resume").
let loaded = null;
let inputLog = [];
let resuming = false;
let speedLevel = DEFAULT_SPEED;
if (boot.speed > 0) {
  const i = SPEEDS.findIndex((s) => s.ticks >= boot.speed && s.interval === 33);
  if (i >= 0) speedLevel = i;
}

function send(cmd) {
  if (!conn.send(cmd)) notice.show(t("conn.lost"), "error", [{label: t("conn.reconnect"), run: reconnect}]);
}

// load sends the program when it changed or has ended; the views start over.
function load(force) {
  readFields();
  const ended = !snapshot || snapshot.status === "empty" || snapshot.status === "done";
  if (!force && !program.dirty() && !ended) return false;
  program.markLoaded();
  $('[data-show="settings-changed"]').hidden = true;
  editor.setErrors([]);
  controls.setCompileError(false);
  notice.hide(); // what was said of the last program is not said of this one
  dispatcher.reset();
  acked = 0;
  loaded = program.wire();
  inputLog = [];
  send({op: "load", program: loaded});
  return true;
}

// hooks: a page around the playground (an exercise's predictions) may
// say where Run stops — run(fresh, snapshot) returns {until: tick}, {}
// to run on, or null not to run — and see each batch (batch(b)).
const hooks = () => window.osplayHooks || {};

const actions = {
  run() {
    const fresh = load(false) || !snapshot || snapshot.status === "done" || snapshot.status === "empty";
    const h = hooks().run ? hooks().run(fresh, snapshot) : {};
    if (!h) return;
    send(h.until ? {op: "run", until: h.until} : {op: "run"});
  },
  pause() {
    dispatcher.hold(); // until the answer, the page's time is the answer's
    send({op: "pause"});
  },
  step() { load(false); send({op: "step", by: "tick"}); },
  "step-event"() { load(false); send({op: "step", by: "event"}); },
  "step-syscall"() { load(false); send({op: "step", by: "syscall"}); },
  reset() {
    if (program.dirty()) load(true);
    else { dispatcher.reset(); acked = 0; send({op: "reset"}); }
  },
  speed(s) { send({op: "speed", ticks: s.ticks, interval: s.interval}); },
  seek(tick) { send({op: "seek", tick}); },
  back() {
    if (snapshot && snapshot.tick > 0) {
      if (snapshot.running) send({op: "pause"});
      send({op: "seek", tick: snapshot.tick - 1});
    }
  },
  keys() { layout.showKeys(); },
  focus(what) { return layout.focus(what); },
  share() {
    readFields();
    openShare(program);
  },
};
const controls = new Controls(root, actions);
const layout = new Layout(root, {
  redraw() {
    for (const v of [tree, states, queues, gantt, waitfor, ipc, msc, pcb, instructions]) v.dirty = true;
    dispatcher.schedule();
  },
});
controls.setSpeed(speedLevel);

// The schedule explorer; a schedule it found opens as the program's run.
const scheduleField = $('[data-setting="schedule"]');
function setSchedule(s) {
  scheduleField.value = s;
  changed();
}
if (workload) $('[data-action="explore"]').hidden = true; // jobs without code have no threads to interleave
new Explorer(root, {program, readFields,
  open(s) {
    setSchedule(s);
    departure = true;
    actions.run();
    notice.show(t("ex.replaying", {s}), "info");
  },
  clear() { setSchedule(""); notice.hide(); actions.reset(); },
  onCompileErrors(errors) { editor.setErrors(errors); controls.setCompileError(errors.length > 0); },
});
// departure: the failing run just opened stops where its schedule first
// preempts a thread, where it departs from the default schedule.
let departure = false;
function stopAtDeparture(b) {
  if (!departure) return;
  const e = (b.events || []).find((e) => e.k === "preempt" && e.causeText && e.causeText.code === "manual.switch");
  if (e) {
    departure = false;
    send({op: "pause"});
    send({op: "seek", tick: e.t + 1}); // the end of the preemption's tick: the switch drawn
  } else if (b.state && b.state.status === "done") departure = false;
}
// Prediction mode: a step waits for the student's prediction.
const predictor = new Predictor(root, {predict: boot.predict, table, lineText, send: (cmd) => send(cmd)});
for (const a of ["step", "step-event", "step-syscall"]) {
  const plain = actions[a];
  actions[a] = () => predictor.ask(plain, a);
}

// A view that scrolls and holds nothing to focus (the state diagram on a
// narrow screen, the list of events) takes the focus itself, so that the
// keyboard's arrows scroll it.
for (const name of ["states", "trace"]) {
  const c = canvas(name);
  c.tabIndex = 0;
  c.setAttribute("role", "region");
  c.setAttribute("aria-label", root.querySelector(`#${name}-title`).textContent);
}

// Every view can be enlarged to the whole width, for a projector.
for (const section of root.querySelectorAll(".views > .view")) {
  const h = section.querySelector("h2");
  const b = document.createElement("button");
  b.type = "button";
  b.className = "small enlarge";
  b.textContent = "⤢";
  b.title = t("view.enlarge");
  b.setAttribute("aria-label", `${t("view.enlarge")}: ${h.textContent}`);
  b.setAttribute("aria-pressed", "false");
  b.addEventListener("click", () => {
    const on = section.classList.toggle("wide");
    b.setAttribute("aria-pressed", String(on));
    for (const v of [tree, states, queues, gantt, waitfor, ipc, msc]) v.dirty = true;
    dispatcher.schedule();
  });
  h.after(b);
}

// The example picker opens another program.
$('[data-control="example"]').addEventListener("change", (ev) => {
  const v = ev.target.value;
  if (v === "-blank") location.href = "/play?new=1";
  else if (v) location.href = "/play?example=" + encodeURIComponent(v);
});

// The session.
const conn = new Connection(boot.socket, {
  open() { controls.setConnected(true); notice.hide(); },
  hello(h) {
    acked = 0; // a new session numbers its batches from 1
    // Batches carry the state's changes only (since 1.6); batch(b) merges.
    if (h.minor >= 6) conn.send({op: "delta"});
    if (loaded && snapshot && snapshot.status !== "empty") {
      // The views stay as they are: the server rebuilds the session by
      // replay and sends only the events after those drawn.
      resuming = true;
      const ok = conn.send({op: "resume", program: loaded, inputs: inputLog, tick: snapshot.tick,
        events: snapshot.events, horizon: snapshot.horizon, speed: snapshot.speed,
        running: snapshot.running, inspect: selected});
      if (ok) return;
      resuming = false;
    }
    const s = controls.speedValue();
    conn.send({op: "speed", ticks: s.ticks, interval: s.interval});
    load(true);
  },
  batch(b) {
    // Every view, hook and helper below sees the whole state.
    b.state = mergeState(snapshot, b);
    if (b.delta) deltas++;
    delete b.delta;
    delete b.cleared;
    if (resuming) { resuming = false; notice.hide(); }
    predictor.batch(b);
    stopAtDeparture(b);
    if (hooks().batch) hooks().batch(b);
    if (b.log) inputLog = inputLog.slice(0, b.log.from).concat(b.log.inputs);
    snapshot = b.state;
    if (b.state.status !== "empty") compileFailed = false;
    dispatcher.batch(b);
    // At high speed the server leaves the scheduler's routine out from
    // thinned.from on (api/doc.go): the Gantt chart shows that stretch as
    // mixed, not as the last process it saw dispatched.
    if (b.thinned && gantt.open) {
      for (let c = 0; c < b.state.cpus.length; c++) gantt.open(c, b.thinned.from, "mixed", 0);
      gantt.dirty = true;
    }
    controls.show(b.state);
    layout.status(b.state.status);
    if (b.state.status === "choose" && !$('[data-view="ask"]')) notice.show(t("choose.notice"), "info");
  },
  rewound(m) {
    snapshot = m.state;
    dispatcher.rewound(m.events, m.state);
    controls.show(m.state);
  },
  error(e) {
    if (resuming && ["bad_message", "too_large"].includes(e.code)) {
      // This server cannot take the session back (a log too large to
      // send): start the program afresh.
      resuming = false;
      const s = controls.speedValue();
      conn.send({op: "speed", ticks: s.ticks, interval: s.interval});
      load(true);
      return;
    }
    if (e.code === "shutdown") {
      notice.show(t("conn.reconnecting"), "info");
      return;
    }
    if (e.code === "compile") {
      editor.setErrors(e.errors || []);
      controls.setCompileError(true);
      compileFailed = true;
      return;
    }
    if (e.code === "no_program" && compileFailed) return;
    if (e.code === "bad_choice") ask.refused(); // and say why, below
    if (workload && e.code === "start") {
      workload.error(e.message);
      return;
    }
    notice.show(errorText(e), "error",
      ["idle", "shutdown", "too_many_sessions", "server_full"].includes(e.code) ? [{label: t("conn.reconnect"), run: reconnect}] : []);
  },
  close(c) {
    controls.setConnected(false);
    if (c.retrying) {
      notice.show(t("conn.reconnecting"), "info");
      return;
    }
    if (c.code >= 4000 && c.code < 5000) return; // the error message came first
    notice.show(c.opened ? t("conn.lost") : t("conn.refused") + (c.reason ? ` (${c.reason})` : ""), "error",
      [{label: t("conn.reconnect"), run: reconnect}]);
  },
});

function reconnect() {
  notice.hide();
  conn.connect(); // resumes the session when hello comes
}

// Export: every view as a picture, the events as data, and a link to
// this tick; a link's ?tick= and ?view= open the run there.
const exporter = new Exporter(root, {dispatcher, program, views: {gantt}, tick: () => (snapshot ? snapshot.tick : 0)});
exporter.install();
{
  const tick = Number(params.get("tick")), view = params.get("view");
  if (tick > 0 || view) {
    dispatcher.views.push(new OpenAt(root, {tick: tick > 0 ? Math.floor(tick) : 0, view,
      run: () => send({op: "run"}), pause: () => send({op: "pause"}), seek: (n) => actions.seek(n),
      fast: () => send({op: "speed", ticks: SPEEDS[SPEEDS.length - 1].ticks, interval: 33}),
      restore: () => actions.speed(controls.speedValue())}));
  }
}

conn.connect();
window.osplay = {exporter, program, dispatcher, conn, editor, ask, work: keep, select: (pid) => select(pid), seek: (tick) => actions.seek(tick),
  run: () => actions.run(), deltas: () => deltas};
void selected;
