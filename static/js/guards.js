// Which lock protects which variable: from the snapshot's "shared" (the
// race detector on), the variables several threads accessed and the locks
// held at those accesses. A lock held at every access of a variable
// protects it; a variable no lock was held at every access of is shared
// unprotected — so the IPC view shows that m protects balance but not
// count.
import {t} from "./i18n.js";
import {html} from "./svg.js";
import {threadLabel} from "./procs.js";

const hex = (n) => "0x" + Number(n).toString(16);
const varName = (v) => v.var || hex(v.addr);

// lockKey names a lock of a process.
export const lockKey = (pid, addr) => `${pid}:${addr}`;

// guardsOf turns shared variables into their locks: for each lock, in
// order of first hold, the variables accessed while it was held.
export function guardsOf(shared) {
  const locks = new Map();
  for (const v of shared || []) {
    for (const l of v.locks || []) {
      const key = lockKey(v.pid, l.lock);
      if (!locks.has(key)) locks.set(key, {pid: v.pid, lock: l.lock, name: l.var || hex(l.lock), vars: []});
      locks.get(key).vars.push({name: varName(v), held: l.held, accesses: v.accesses, protects: l.held === v.accesses});
    }
  }
  return locks;
}

// protectors are the locks held at every access of v.
export const protectors = (v) => (v.locks || []).filter((l) => l.held === v.accesses).map((l) => l.var || hex(l.lock));

// guardList is what a lock's card says of the variables accessed while
// it was held: protected ones first, each with a glyph and words.
export function guardList(g) {
  const vars = [...g.vars].sort((a, b) => Number(b.protects) - Number(a.protects));
  const ul = html("ul", {class: "ipc-guards", "data-show": "guards", "aria-label": t("guard.title", {lock: g.name})});
  for (const v of vars) {
    const words = v.protects ? t("guard.protects", {lock: g.name, v: v.name, n: v.accesses})
      : t("guard.partly", {lock: g.name, v: v.name, held: v.held, n: v.accesses});
    ul.appendChild(html("li", {class: v.protects ? "guard-yes" : "guard-no", "data-var": v.name, "data-protects": v.protects ? "yes" : "no"},
      html("span", {class: "glyph", "aria-hidden": "true", text: v.protects ? "✓ " : "⚠ "}), words));
  }
  return ul;
}

// sharedSummary lists every shared variable with the lock that protects
// it, or flagged as accessed under no common lock.
export function sharedSummary(shared) {
  const box = html("section", {class: "ipc-shared", "data-show": "ipc-shared", "aria-label": t("guard.sharedTitle")});
  box.appendChild(html("h3", {text: t("guard.sharedTitle")}));
  const ul = html("ul", {});
  for (const v of shared) {
    const by = protectors(v);
    const threads = (v.threads || []).map(threadLabel).join(", ");
    const words = by.length ? t("guard.sharedBy", {v: varName(v), lock: by.join(", "), n: v.accesses, threads})
      : t("guard.sharedNone", {v: varName(v), n: v.accesses, threads});
    ul.appendChild(html("li", {class: by.length ? "guard-yes" : "guard-no", "data-var": varName(v), "data-protected": by.length ? "yes" : "no"},
      html("span", {class: "glyph", "aria-hidden": "true", text: by.length ? "✓ " : "⚠ "}), words));
  }
  box.appendChild(ul);
  return box;
}
