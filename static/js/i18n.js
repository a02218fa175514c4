// The interface's strings, from the table the page carries (rendered from
// templates/i18n.go, the one place where every string lives).
let strings = {};
let lang = "en";

export function setStrings(table, language) {
  strings = table || {};
  lang = language || "en";
}

// t returns the string for key, with {name} replaced from vars.
export function t(key, vars) {
  let s = Object.prototype.hasOwnProperty.call(strings, key) ? strings[key] : key;
  if (vars) for (const [k, v] of Object.entries(vars)) s = s.replaceAll(`{${k}}`, String(v));
  return s;
}

export function language() { return lang; }
