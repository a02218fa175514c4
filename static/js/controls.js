// The toolbar: Run, Pause, the three steps, Back, Reset, the speed, the
// status line and the timeline scrubber, with their keyboard shortcuts
// (listed in templates/keys.go, the dialog "?" opens). It asks play.js to
// act (actions), shows the session's state, and says aloud only a change
// of status (running, paused, waiting for input, ended), not every tick.
import {t} from "./i18n.js";

// Speeds: ticks per frame and milliseconds between frames. The server
// sends at most ~30 frames a second; below one tick per frame it slows the
// frames instead.
export const SPEEDS = [
  {ticks: 1, interval: 500}, {ticks: 1, interval: 200}, {ticks: 1, interval: 100}, {ticks: 1, interval: 33},
  {ticks: 3, interval: 33}, {ticks: 10, interval: 33}, {ticks: 30, interval: 33}, {ticks: 100, interval: 33},
  {ticks: 1000, interval: 33}, {ticks: 10000, interval: 33}, {ticks: 100000, interval: 33},
];
export const DEFAULT_SPEED = 5;

function perSecond(s) {
  let n = (s.ticks * 1000) / s.interval;
  const digits = 10 ** Math.max(Math.floor(Math.log10(n)) - 1, 0);
  n = Math.round(n / digits) * digits;
  return n >= 1000000 ? `${n / 1000000}M/s` : n >= 10000 ? `${Math.round(n / 1000)}k/s` : `${n}/s`;
}

export class Controls {
  constructor(root, actions) {
    this.root = root;
    this.actions = actions;
    this.q = (sel) => root.querySelector(sel);
    this.status = this.q('[data-show="status"]');
    this.tick = this.q('[data-show="tick"]');
    this.speed = this.q('[data-control="speed"]');
    this.speedOut = this.q('[data-show="speed"]');
    this.timeline = this.q('[data-control="timeline"]');
    this.timelineOut = this.q('[data-show="timeline"]');
    this.scrubbing = false;
    this.snap = null;
    this.connected = false;
    this.compileError = false;
    this.announcer = this.q('[data-show="announce"]');
    this.said = "";

    for (const b of root.querySelectorAll("[data-action]")) {
      const a = b.dataset.action;
      if (["run", "pause", "step", "step-event", "step-syscall", "back", "reset", "share", "keys"].includes(a)) {
        b.addEventListener("click", () => this.actions[a]());
      }
    }
    this.speed.max = String(SPEEDS.length - 1);
    this.speed.addEventListener("input", () => {
      this.showSpeed();
      this.actions.speed(SPEEDS[+this.speed.value]);
    });
    this.timeline.addEventListener("input", () => {
      this.scrubbing = true;
      this.timelineOut.textContent = `${this.timeline.value} / ${this.timeline.max}`;
    });
    this.timeline.addEventListener("change", () => {
      this.scrubbing = false;
      this.actions.seek(+this.timeline.value);
    });
    document.addEventListener("keydown", (ev) => this.key(ev));
  }

  setSpeed(level) {
    this.speed.value = String(level);
    this.showSpeed();
  }

  speedValue() { return SPEEDS[+this.speed.value]; }

  showSpeed() {
    const s = SPEEDS[+this.speed.value];
    this.speedOut.textContent = perSecond(s);
    this.speed.setAttribute("aria-valuetext", `${perSecond(s)} ${t("speed.unit")}`);
  }

  key(ev) {
    if (ev.key === "Enter" && (ev.ctrlKey || ev.metaKey)) {
      ev.preventDefault();
      this.actions.run();
      return;
    }
    const el = ev.target;
    if (ev.ctrlKey || ev.metaKey || ev.altKey || ev.defaultPrevented) return;
    if (el.closest && (el.closest("input, textarea, select, [contenteditable], .cm-editor, dialog"))) return;
    const map = {s: "step", e: "step-event", c: "step-syscall", p: "pause", r: "run", b: "back"};
    const a = map[ev.key.toLowerCase()];
    if (a && !this.q(`[data-action="${a}"]`).disabled) {
      ev.preventDefault();
      this.actions[a]();
      return;
    }
    // Keys that move the focus: to the timeline, the input line, the
    // next or previous view, the choice of views, this list.
    const moves = {t: "timeline", i: "input", "]": "next-view", "[": "previous-view", v: "views", "?": "keys"};
    const m = moves[ev.key.length === 1 ? ev.key.toLowerCase() : ""];
    if (m && this.actions.focus && this.actions.focus(m)) ev.preventDefault();
  }

  // show updates the controls from the session's state.
  show(snap) {
    this.snap = snap;
    this.update();
  }

  setConnected(on) {
    this.connected = on;
    this.update();
  }

  setCompileError(on) {
    this.compileError = on;
    this.update();
  }

  // update shows the state; it writes only what changed, so that a batch
  // at full speed costs the page's layout no more than the tick.
  update() {
    const snap = this.snap;
    const status = !this.connected ? "offline" : this.compileError ? "compile" : snap ? snap.status : "connecting";
    const text = (el, s) => { if (el.textContent !== s) el.textContent = s; };
    const prop = (el, k, v) => { if (el[k] !== v) el[k] = v; };
    if (this.status.dataset.status !== status) this.status.dataset.status = status;
    text(this.status, t("status." + status));
    const running = !!(snap && snap.running && this.connected);
    const btn = (a) => this.q(`[data-action="${a}"]`);
    prop(btn("run"), "disabled", !this.connected || (running && snap.status !== "done"));
    prop(btn("pause"), "disabled", !running);
    for (const a of ["step", "step-event", "step-syscall"]) prop(btn(a), "disabled", !this.connected);
    prop(btn("reset"), "disabled", !this.connected || !snap || snap.status === "empty");
    if (this.root.dataset.status !== status) this.root.dataset.status = status;
    this.announce(status, snap);
    prop(btn("back"), "disabled", !this.connected || !snap || snap.tick === 0);
    if (!snap) return;
    text(this.tick, String(snap.tick));
    if (!this.scrubbing) {
      prop(this.timeline, "max", String(snap.horizon));
      prop(this.timeline, "value", String(snap.tick));
      prop(this.timeline, "disabled", !this.connected || snap.horizon === 0);
      text(this.timelineOut, `${snap.tick} / ${snap.horizon}`);
    }
  }

  // announce says a new status once to a screen reader (a live region
  // of its own, so the ticks counting up are not read out).
  announce(status, snap) {
    const words = {running: "announce.running", paused: "announce.paused", input: "announce.input",
      done: "announce.done", compile: "announce.compile"}[status];
    if (!this.announcer || status === this.said) return;
    this.said = status;
    this.announcer.textContent = words ? t(words, {tick: snap ? snap.tick : 0}) : status === "connecting" ? "" : t("status." + status);
  }
}
