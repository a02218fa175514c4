// The interface's strings, from the table the page carries (rendered from
// templates/i18n.go, the one place where every string lives).
import {particle} from "./kerneltext.js";

let strings = {};
let lang = "en";

export function setStrings(table, language) {
  strings = table || {};
  lang = language || "en";
}

// t returns the string for key, with {name} replaced from vars, and
// {name:을} by the value and the Korean particle its sound takes.
export function t(key, vars) {
  let s = Object.prototype.hasOwnProperty.call(strings, key) ? strings[key] : key;
  if (vars) {
    for (const [k, v] of Object.entries(vars)) {
      // {k:을} is the value with the particle its sound takes (를 after a vowel).
      s = s.replace(new RegExp(`\\{${k}:(이|을|은|과|으로)\\}`, "g"), (_, p) => String(v) + particle(String(v), p));
      s = s.replaceAll(`{${k}}`, String(v));
    }
  }
  return s;
}

export function language() { return lang; }

// has reports whether the table has a string for key.
export function has(key) { return Object.prototype.hasOwnProperty.call(strings, key); }

// errorText is the page's words for an error of the server ({code,
// message, args}): the string "err.CODE" (or "err.CODE.WHAT" when the args
// name what), with the args in it. Only an error the page has no words for
// (a compiler's or a workload's, which name a line of the student's own
// text) shows the server's message.
export function errorText(e) {
  if (!e) return "";
  const args = e.args || {};
  for (const key of [args.what ? `err.${e.code}.${args.what}` : "", `err.${e.code}`]) {
    if (key && has(key)) return t(key, args);
  }
  return e.message || e.code || "";
}
