// The program being edited: its files (one tab each), which file runs,
// argv, stdin and the machine's settings; whether it changed since it was
// last loaded; and how it travels in a link (#code=…) and survives a
// reload or a change of language (a draft in sessionStorage).

const DEFAULT_SOURCE = `#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void)
{
\tpid_t pid = fork();
\tif (pid == 0) {
\t\tprintf("child: pid %d, parent %d\\n", getpid(), getppid());
\t\texit(0);
\t}
\twait(NULL);
\tprintf("parent: child %d done\\n", pid);
\treturn 0;
}
`;

export class Program {
  constructor() {
    this.files = [{name: "main.c", text: DEFAULT_SOURCE}];
    this.main = "main.c";
    this.argv = "";
    this.stdin = "";
    this.settings = {};
    this.loaded = null; // signature of the program last loaded
    this.source = "";   // where it came from: "example:NAME", "code", "blank"
  }

  file(name) { return this.files.find((f) => f.name === name); }

  setFiles(files, main) {
    this.files = files.map((f) => ({name: f.name, text: f.text}));
    this.main = main || (this.files.find((f) => f.name.endsWith(".c")) || this.files[0]).name;
  }

  // wire is the program as the protocol sends it.
  wire() {
    const settings = {};
    for (const [k, v] of Object.entries(this.settings)) {
      if (v !== "" && v !== null && v !== undefined && v !== false && !(typeof v === "number" && isNaN(v))) settings[k] = v;
    }
    return {files: this.files, main: this.main, argv: splitArgs(this.argv), stdin: this.stdin, settings};
  }

  signature() { return JSON.stringify(this.wire()); }
  dirty() { return this.signature() !== this.loaded; }
  markLoaded() { this.loaded = this.signature(); }

  // saveDraft keeps the program for a reload of the same address.
  saveDraft(key) {
    try {
      sessionStorage.setItem("osplay:draft:" + key, JSON.stringify({files: this.files, main: this.main,
        argv: this.argv, stdin: this.stdin, settings: this.settings}));
    } catch { /* storage full or disabled: nothing to keep */ }
  }

  restoreDraft(key) {
    try {
      const d = JSON.parse(sessionStorage.getItem("osplay:draft:" + key) || "null");
      if (!d || !Array.isArray(d.files) || !d.files.length) return false;
      this.setFiles(d.files, d.main);
      this.argv = d.argv || "";
      this.stdin = d.stdin || "";
      this.settings = d.settings || {};
      return true;
    } catch {
      return false;
    }
  }

  // fromHash reads #code=BASE64URL (the main file's source), and
  // optionally name=, argv=, stdin= and f.NAME=BASE64URL for more files.
  fromHash(hash) {
    const params = new URLSearchParams(hash.replace(/^#/, ""));
    const code = params.get("code");
    if (code === null) return false;
    const text = decode64(code);
    if (text === null) return false;
    const name = safeName(params.get("name")) || "main.c";
    const files = [{name, text}];
    for (const [k, v] of params) {
      if (!k.startsWith("f.")) continue;
      const n = safeName(k.slice(2));
      const body = decode64(v);
      if (n && body !== null && n !== name) files.push({name: n, text: body});
    }
    this.setFiles(files, name);
    this.argv = params.get("argv") || "";
    this.stdin = params.get("stdin") || "";
    return true;
  }

  // shareURL is a link that opens this program: the sources in the hash,
  // the settings in the query.
  shareURL() {
    const q = new URLSearchParams();
    const s = this.settings;
    if (s.sched) q.set("sched", s.sched);
    for (const k of ["quantum", "cpus", "seed", "ctxswitch"]) if (s[k]) q.set(k, String(s[k]));
    if (s.childFirst) q.set("childfirst", "1");
    if (s.monitor && s.monitor !== "hoare") q.set("monitor", s.monitor);
    if (s.races) q.set("races", "1");
    if (s.schedule) q.set("schedule", s.schedule);
    const h = new URLSearchParams();
    h.set("code", encode64(this.file(this.main).text));
    if (this.main !== "main.c") h.set("name", this.main);
    for (const f of this.files) if (f.name !== this.main) h.set("f." + f.name, encode64(f.text));
    if (this.argv) h.set("argv", this.argv);
    if (this.stdin) h.set("stdin", this.stdin);
    const query = q.toString();
    return `${location.origin}/play${query ? "?" + query : ""}#${h.toString()}`;
  }
}

export function safeName(n) {
  return n && /^[A-Za-z0-9_][A-Za-z0-9_.+-]{0,63}$/.test(n) ? n : "";
}

// splitArgs splits a command line as a shell would, with quotes.
export function splitArgs(s) {
  const out = [];
  let cur = null, quote = "";
  for (const ch of s) {
    if (quote) {
      if (ch === quote) quote = "";
      else cur += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      cur = cur ?? "";
    } else if (/\s/.test(ch)) {
      if (cur !== null) { out.push(cur); cur = null; }
    } else {
      cur = (cur ?? "") + ch;
    }
  }
  if (cur !== null) out.push(cur);
  return out;
}

export function encode64(text) {
  const bytes = new TextEncoder().encode(text);
  let bin = "";
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export function decode64(s) {
  try {
    let b = s.replace(/-/g, "+").replace(/_/g, "/");
    while (b.length % 4) b += "=";
    const bin = atob(b);
    const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
    return new TextDecoder("utf-8", {fatal: true}).decode(bytes);
  } catch {
    return null;
  }
}
