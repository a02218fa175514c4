// The PCB inspector: every field the kernel keeps for the selected
// process (slides 3.9–3.12), its open files, and its memory map drawn as
// the slide's "process in memory" (stack on top, text at the bottom). A
// process with several threads lists its TCBs: each thread's id, state,
// CPU, what it waits for and where it is in the program.
import {svg, html} from "./svg.js";
import {patch} from "./patch.js";
import {procClass, glyph, stateLabel, displayState} from "./palette.js";
import {describeStatus} from "./procs.js";
import {t} from "./i18n.js";
import {kernelText} from "./kerneltext.js";
import {threadLabel} from "./procs.js";

const hex = (n) => "0x" + Number(n).toString(16);

const ACCESS = ["O_RDONLY", "O_WRONLY", "O_RDWR"];
function flags(f) {
  const out = [ACCESS[f & 3] || String(f & 3)];
  if (f & 0o100) out.push("O_CREAT");
  if (f & 0o1000) out.push("O_TRUNC");
  if (f & 0o2000) out.push("O_APPEND");
  if (f & 0o4000) out.push("O_NONBLOCK");
  if (f & 0o2000000) out.push("O_CLOEXEC");
  return out.join("|");
}

function size(n) {
  if (n >= 1 << 20) return `${(n / (1 << 20)).toFixed(1)} MiB`;
  if (n >= 1 << 10) return `${(n / (1 << 10)).toFixed(1)} KiB`;
  return `${n} B`;
}

export class PCB {
  constructor(section, send) {
    this.canvas = section.querySelector('[data-canvas="pcb"]');
    this.signals = section.querySelector('[data-show="signals"]');
    this.send = send;
    this.selected = 0;
    this.pcb = null;
    this.table = null;
    this.dirty = true;
    const other = this.signals.querySelector('[data-action="signal-other"]');
    const pick = this.signals.querySelector('[data-field="signal"]');
    if (other && pick) {
      other.addEventListener("click", () => {
        if (this.selected) this.send({op: "signal", pid: this.selected, signal: pick.value});
      });
    }
    for (const b of this.signals.querySelectorAll('[data-action="signal"]')) {
      b.addEventListener("click", () => {
        if (this.selected) this.send({op: "signal", pid: this.selected, signal: b.dataset.signal});
      });
    }
  }

  reset() { this.pcb = null; this.dirty = true; }
  event() {}

  select(pid) {
    this.selected = pid;
    this.pcb = null;
    this.dirty = true;
    this.render();
  }

  state(snap, table) {
    this.table = table;
    const next = snap.pcb && snap.pcb.pid === this.selected ? snap.pcb : null;
    if (JSON.stringify(next) !== JSON.stringify(this.pcb)) this.dirty = true;
    this.pcb = next;
    const brief = snap.procs.find((p) => p.pid === this.selected);
    this.alive = !!brief && brief.state !== "terminated";
    const threads = brief && brief.threads ? brief.threads : null;
    if (JSON.stringify(threads) !== JSON.stringify(this.threads)) this.dirty = true;
    this.threads = threads;
  }

  render() {
    if (!this.dirty) return;
    this.dirty = false;
    this.signals.hidden = !(this.selected > 1 && this.alive);
    // Drawn afresh off the page; the page keeps its nodes and takes only
    // what changed.
    const out = document.createDocumentFragment();
    out.appendChild(this.draw());
    patch(this.canvas, out);
  }

  // draw is the inspector's content, off the page.
  draw() {
    if (!this.selected) return html("p", {class: "help", text: t("pcb.none")});
    const p = this.pcb;
    const known = this.table && this.table.get(this.selected);
    if (!p) {
      const line = known ? `pid ${known.pid} ${known.name}: ${t("pcb.gone")}` : t("pcb.gone");
      return html("p", {class: "help", text: line});
    }
    const shown = displayState({state: p.state, reaped: false});
    const rows = [
      ["pcb.pid", html("span", {class: `pidchip ${procClass(p.pid)}`, text: String(p.pid)})],
      ["pcb.ppid", String(p.ppid)],
      ["pcb.pgid", String(p.pgid)],
      ["pcb.name", p.name],
      ["pcb.argv", p.argv.map((a) => JSON.stringify(a)).join(" ")],
      ["pcb.state", html("span", {class: `statechip state-${shown}`, text: `${glyph(shown)} ${stateLabel(shown)}`})],
      ["pcb.cause", kernelText(p.causeText || p.cause) || "—"],
      ["pcb.waitOn", kernelText(p.waitForText) || p.waitOn || "—"],
      ["pcb.cpu", p.cpu >= 0 ? `cpu${p.cpu}` : "—"],
      ["pcb.nice", String(p.nice)],
      ["pcb.cpuTicks", String(p.cpuTicks)],
      ["pcb.created", String(p.created)],
    ];
    if (p.state === "terminated") {
      const st = describeStatus(p.status || 0);
      rows.push(["pcb.ended", String(p.ended)]);
      rows.push(["pcb.status", `0x${(p.status || 0).toString(16).padStart(4, "0")} (low ${p.status & 0xff}, high ${(p.status >> 8) & 0xff}${st.signal ? ", signal " + st.signal : ""})`]);
    }
    rows.push(["pcb.children", p.children.length ? p.children.join(", ") : "—"]);
    if (p.signals && p.state !== "terminated") {
      for (const k of ["pending", "blocked", "handled", "ignored"]) {
        const list = p.signals[k] || [];
        rows.push([`pcb.sig.${k}`, list.length ? list.join(" ") : "—"]);
      }
    }
    if (p.regs && (p.regs.func || p.regs.sp)) {
      rows.push(["pcb.pc", `${p.regs.pc} · ${p.regs.func || "?"}() ${p.regs.file ? `${p.regs.file}:${p.regs.line}` : ""}`]);
      rows.push(["pcb.sp", hex(p.regs.sp)]);
      rows.push(["pcb.fp", hex(p.regs.fp)]);
      rows.push(["pcb.depth", String(p.regs.depth)]);
    }
    const dl = html("dl", {class: "pcb-fields"});
    for (const [k, v] of rows) dl.append(html("dt", {text: t(k)}), html("dd", {}, v));
    const main = html("div", {class: "pcb-main"}, dl);
    if (this.threads) {
      main.appendChild(html("h3", {text: `${t("pcb.threads")} (${this.threads.length})`}));
      main.appendChild(this.tcbs(this.threads, p.pid));
    }
    const wrap = html("div", {class: "pcb-wrap"}, main);
    const side = html("div", {class: "pcb-side"});
    side.appendChild(html("h3", {text: t("pcb.files")}));
    side.appendChild(this.files(p.files));
    side.appendChild(html("h3", {text: `${t("pcb.memory")} (${t("pcb.resident")} ${size(p.resident)})`}));
    side.appendChild(this.memory(p.segments));
    wrap.appendChild(side);
    return wrap;
  }

  // tcbs is the table of the process's threads.
  tcbs(threads, pid) {
    const tbl = html("table", {class: "tcbs", "data-show": "tcbs"}, html("thead", {}, html("tr", {},
      ...["pcb.tid", "pcb.state", "pcb.cpu", "pcb.waitOn", "pcb.line", "pcb.cpuTicks"].map((k) => html("th", {scope: "col", text: t(k)})))));
    const body = html("tbody");
    for (const th of threads) {
      const st = th.state === "terminated" ? "zombie" : th.state;
      const tid = html("span", {class: `pidchip ${procClass(pid)}`, text: threadLabel(th.tid)});
      body.appendChild(html("tr", {"data-tid": th.tid, "data-state": th.state},
        html("td", {}, tid, th.tid === pid ? ` (${t("thread.main")})` : ""),
        html("td", {}, html("span", {class: `statechip state-${st}`, text: `${glyph(st)} ${stateLabel(st)}`})),
        html("td", {text: th.cpu >= 0 ? `cpu${th.cpu}` : "—"}),
        html("td", {text: th.waitOn ? `${th.waitOn}${th.waitAddr ? " " + (th.waitOn === "join" ? threadLabel(th.waitAddr) : th.waitVar || hex(th.waitAddr)) : ""}` : "—"}),
        html("td", {text: th.line ? `${th.func || ""}() ${th.file}:${th.line}` : "—"}),
        html("td", {text: String(th.cpuTicks)})));
    }
    tbl.appendChild(body);
    return tbl;
  }

  files(files) {
    if (!files.length) return html("p", {class: "help", text: t("pcb.none.")});
    const tbl = html("table", {class: "fds"}, html("thead", {}, html("tr", {},
      ...["pcb.fd", "pcb.inode", "pcb.flags", "pcb.offset", "pcb.refs"].map((k) => html("th", {scope: "col", text: t(k)})))));
    const body = html("tbody");
    for (const f of files) {
      body.appendChild(html("tr", {}, html("td", {text: String(f.fd)}), html("td", {text: String(f.ino)}),
        html("td", {text: flags(f.flags)}), html("td", {text: String(f.offset)}), html("td", {text: String(f.refs)})));
    }
    tbl.appendChild(body);
    return tbl;
  }

  // memory draws the segments top (high addresses) to bottom, each an
  // equal band: addresses are too far apart to draw to scale.
  memory(segments) {
    if (!segments.length) return html("p", {class: "help", text: t("pcb.none.")});
    // Every object file of the C library brings its own data and bss: one
    // band per kind of segment, as the slide draws it, with the count.
    const byName = new Map();
    for (const s of segments) {
      const g = byName.get(s.name);
      if (!g) byName.set(s.name, {...s, count: 1, bytes: s.end - s.start});
      else {
        g.start = Math.min(g.start, s.start);
        g.end = Math.max(g.end, s.end);
        g.count++;
        g.bytes += s.end - s.start;
      }
    }
    const segs = [...byName.values()].sort((a, b) => b.start - a.start);
    const band = 30, w = 300;
    const root = svg("svg", {viewBox: `0 0 ${w} ${segs.length * band + 2}`, width: w, height: segs.length * band + 2, class: "memmap", role: "img",
      "aria-label": segs.map((s) => `${s.name} ${hex(s.start)}–${hex(s.end)} ${s.prot}`).join("; ")});
    segs.forEach((s, i) => {
      const y = 1 + i * band;
      const g = svg("g", {class: `segment seg-${s.name.replace(/[^a-z]/gi, "")}`, "data-segment": s.name});
      g.appendChild(svg("rect", {x: 110, y, width: 90, height: band - 2, rx: 3}));
      g.appendChild(svg("text", {x: 155, y: y + band / 2 + 3, "text-anchor": "middle", class: "seg-name",
        text: s.count > 1 ? `${s.name} ×${s.count}` : s.name}));
      g.appendChild(svg("text", {x: 104, y: y + 11, "text-anchor": "end", class: "addr", text: hex(s.end)}));
      g.appendChild(svg("text", {x: 104, y: y + band - 4, "text-anchor": "end", class: "addr", text: hex(s.start)}));
      g.appendChild(svg("text", {x: 206, y: y + band / 2 + 3, class: "prot", text: `${s.prot} ${size(s.bytes)}`}));
      root.appendChild(g);
    });
    return root;
  }
}
