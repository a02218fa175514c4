// Colours and shapes. Process colours come from the Okabe–Ito palette,
// which colour-blind readers can tell apart; a state is never shown by
// colour alone: it also has a glyph and a word. The colours themselves are
// CSS variables (css/osplay.css): --proc-0 … --proc-7 and --state-*.
import {t} from "./i18n.js";

// procClass is the CSS class giving a process its colour.
export function procClass(pid) {
  if (pid === 1) return "proc-init";
  if (!(pid > 1)) return "proc-none";
  return `proc-c${(pid - 2) % 8}`;
}

export function procColorIndex(pid) {
  return pid > 1 ? (pid - 2) % 8 : 0;
}

// The five states of the lecture's diagram and the stopped state
// (SIGSTOP), plus how a terminated process is shown before and after its
// parent reaps it.
export const STATES = ["new", "ready", "running", "waiting", "terminated", "stopped"];

const GLYPHS = {new: "✚", ready: "◔", running: "▶", waiting: "❚❚", terminated: "✕", stopped: "■", zombie: "Z", reaped: "✓"};

// glyph is the shape of a state, shown beside its name.
export function glyph(state) { return GLYPHS[state] || "?"; }

// stateLabel is a state's word in the interface's language.
export function stateLabel(state) { return t("state." + state); }

// displayState is a process's state as shown: zombies and reaped processes
// are terminated ones told apart.
export function displayState(p) {
  if (p.state !== "terminated") return p.state;
  return p.reaped ? "reaped" : "zombie";
}
