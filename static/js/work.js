// Work is never lost: a student's edits of a lecture's example or of an
// exercise's starter code are kept in the browser (localStorage), one
// copy per example and per exercise, across reloads and visits. The
// program pane says when the program differs from the lecture's version
// and takes it back to that version in one click, which can be undone;
// an exercise page offers the last draft rather than opening it unasked.
// The exercises a student tried and solved are kept beside (/x shows them).
import {html, clear} from "./svg.js";
import {t} from "./i18n.js";

const WORK = "osplay:work:";
const PROGRESS = "osplay:x:";

// The parts of a program that are the student's work: the code, argv and
// stdin. The machine's settings follow the address.
function work(program) {
  return {files: program.files.map((f) => ({name: f.name, text: f.text})), main: program.main,
    argv: program.argv, stdin: program.stdin};
}

const same = (a, b) => JSON.stringify({...a, saved: 0}) === JSON.stringify({...b, saved: 0});

function read(key) {
  try {
    const w = JSON.parse(localStorage.getItem(WORK + key) || "null");
    return w && Array.isArray(w.files) && w.files.length ? w : null;
  } catch {
    return null;
  }
}

// workKey names the work of this page: an example of the playground or
// an exercise; other pages (a blank program, a link, a share) keep none.
export function workKey(boot) {
  const ex = location.pathname.match(/^(?:\/embed)?\/x\/(.+)$/);
  if (ex && boot.example) return "x:" + decodeURIComponent(ex[1]);
  const name = new URLSearchParams(location.search).get("example");
  if (location.pathname === "/play" && name && boot.example && !location.hash.includes("code=")) return "example:" + name;
  return "";
}

export class Work {
  // el is where the pane's mark and buttons go; apply(w) puts work w in
  // the program and the page's fields.
  constructor(el, key, program, {exercise, apply}) {
    this.el = el;
    this.key = key;
    this.program = program;
    this.exercise = exercise;
    this.apply = apply;
    this.original = {...work(program), saved: 0};
    this.offer = null; // a draft not opened: offered, or taken back by a revert
  }

  // open opens the kept work (an example's) or offers it (an exercise's);
  // restored says the page already holds this tab's draft.
  open(restored) {
    const kept = read(this.key);
    if (kept && !same(kept, this.original) && !same(kept, work(this.program))) {
      if (this.exercise || restored) this.offer = kept;
      else this.apply(kept);
    }
    this.render();
  }

  // changed keeps the program after an edit: the lecture's version itself
  // is not kept.
  changed() {
    const w = work(this.program);
    try {
      if (same(w, this.original)) localStorage.removeItem(WORK + this.key);
      else {
        localStorage.setItem(WORK + this.key, JSON.stringify({...w, saved: Date.now()}));
        this.offer = null; // the new edit is the draft now
      }
    } catch { /* storage full or disabled: the tab's draft remains */ }
    this.render();
  }

  modified() { return !same(work(this.program), this.original); }

  revert() {
    const w = work(this.program);
    this.offer = {...w, saved: Date.now()};
    this.apply(this.original);
    try { localStorage.removeItem(WORK + this.key); } catch { /* nothing kept */ }
    this.render();
  }

  restore() {
    const w = this.offer;
    this.offer = null;
    if (w) this.apply(w);
  }

  render() {
    clear(this.el);
    const modified = this.modified();
    this.el.hidden = !modified && !this.offer;
    this.el.dataset.modified = String(modified);
    if (modified) {
      this.el.appendChild(html("span", {class: "work-mark", "data-show": "modified", text: "✎ " + t("work.modified")}));
      this.el.appendChild(html("button", {type: "button", class: "small", "data-action": "revert",
        onclick: () => this.revert()}, this.exercise ? t("work.revertStarter") : t("work.revert")));
    }
    if (this.offer) {
      const when = this.offer.saved ? new Date(this.offer.saved).toLocaleString(document.documentElement.lang || undefined) : "";
      this.el.appendChild(html("span", {class: "work-offer", text: when ? t("work.draftFrom", {when}) : t("work.draft")}));
      this.el.appendChild(html("button", {type: "button", class: "small", "data-action": "restore-draft",
        onclick: () => this.restore()}, t("work.restore")));
    }
  }
}

// progress is what this browser knows of a student's tries at exercise
// slug: {tried, solved}.
export function progress(slug) {
  try {
    return JSON.parse(localStorage.getItem(PROGRESS + slug) || "null") || {tried: false, solved: false};
  } catch {
    return {tried: false, solved: false};
  }
}

// recordCheck keeps that exercise slug was checked, and solved if passed.
export function recordCheck(slug, passed) {
  const p = progress(slug);
  try {
    localStorage.setItem(PROGRESS + slug, JSON.stringify({tried: true, solved: p.solved || !!passed}));
  } catch { /* storage full or disabled */ }
}
