// The IPC objects of the machine as they stand at the current tick (after
// a rewind or a step too): pipes and FIFOs as a ring of pages with the
// bytes in it, cut by the write they came from, and their read and write
// ends; message queues with each message's type or priority and bytes;
// shared memory in hex and ASCII, each range marked with the process that
// wrote it last (its colour, its pid written above, and a pattern of its
// own); semaphores and mutexes with the threads waiting. Every kind has
// one shape (api/doc.go, 1.4: fields, queues, items, users, memory), so a
// kind this file has never heard of is drawn all the same. Drawn from the
// snapshot's "ipc" and "sync". With the race detector on (the snapshot's
// "shared"), a lock's card lists the shared variables accessed while it
// was held — which it protects, which only partly — and the view ends
// with every shared variable, its protecting lock or a ⚠ for none
// (guards.js).
import {svg, html, titled} from "./svg.js";
import {patch} from "./patch.js";
import {guardsOf, guardList, sharedSummary, lockKey} from "./guards.js";
import {procClass} from "./palette.js";
import {kernelText} from "./kerneltext.js";
import {t, has} from "./i18n.js";
import {threadLabel} from "./procs.js";

const ROW = 16; // bytes per row of a hex dump
const hex = (n) => "0x" + Number(n).toString(16);
const word = (prefix, key) => has(`${prefix}.${key}`) ? t(`${prefix}.${key}`) : key;

// bytesOf turns hex into numbers.
function bytesOf(h) {
  const out = [];
  for (let i = 0; i + 1 < (h || "").length; i += 2) out.push(parseInt(h.slice(i, i + 2), 16));
  return out;
}

// The marks of a model's message, each with a glyph besides its colour.
const MARKS = {kept: "⧗", waiting: "❚❚", scrambled: "⚠"};

const printable = (b) => (b >= 32 && b < 127 ? String.fromCharCode(b) : "·");

// pattern is one of four patterns for a writer, so that writers differ by
// more than colour.
const pattern = (pid) => `pat-${pid % 4}`;

// syncObject turns a synchronisation object of the threads (the
// snapshot's "sync") into the shape of an IPC object.
function syncObject(s) {
  const fields = [];
  if (s.kind === "semaphore") fields.push({key: "value", value: s.value});
  if (s.owner) fields.push({key: "owner", value: s.owner, tid: true});
  if (s.count) fields.push({key: "arrived", value: `${s.arrived || 0} / ${s.count}`});
  return {kind: s.kind, id: s.addr, name: s.var || s.name || (s.kind === "join" ? threadLabel(s.addr) : hex(s.addr)),
    pid: s.pid, fields, queues: [{key: "waiters", waiters: s.waiters || []}]};
}

export class IPCView {
  constructor(canvas) {
    this.canvas = canvas;
    this.reset();
  }

  reset() {
    this.objects = [];
    this.shared = [];
    this.guards = new Map();
    this.key = "";
    this.dirty = true;
  }

  event() {}

  state(snap) {
    // A lock the kernel lists among the IPC objects (known from its
    // futex calls) is not drawn again from "sync".
    const listed = new Set((snap.ipc || []).map((o) => `${o.kind}:${o.id}`));
    const objects = [...(snap.ipc || []), ...(snap.sync || []).filter((s) => !listed.has(`${s.kind}:${s.addr}`)).map(syncObject)];
    // A lock held at a shared variable's access has a card even if no
    // thread has waited for it (taking a free lock never enters the kernel).
    this.shared = snap.shared || [];
    this.guards = guardsOf(this.shared);
    const carded = new Set(objects.map((o) => String(o.id)));
    for (const g of this.guards.values()) {
      if (!carded.has(String(g.lock))) objects.push({kind: "lock", id: g.lock, name: g.name, pid: g.pid, fields: [], queues: []});
    }
    this.more = snap.ipcMore || 0;
    const key = JSON.stringify(objects) + this.more + JSON.stringify(this.shared);
    if (key !== this.key) {
      this.key = key;
      this.objects = objects;
      this.dirty = true;
    }
  }

  render() {
    if (!this.dirty) return;
    this.dirty = false;
    const active = document.activeElement;
    const focusKey = active && this.canvas.contains(active) ? active.dataset.object : null;
    // Drawn afresh off the page; the page keeps its nodes (each object's
    // card by its kind and id) and takes only what changed.
    const out = document.createDocumentFragment();
    if (this.objects.length === 0) {
      out.appendChild(html("p", {class: "help", "data-show": "ipc-none", text: t("ipc.none")}));
      out.appendChild(html("p", {class: "help", role: "note", "data-show": "ipc-locks", text: t("ipc.locksUntracked")}));
      patch(this.canvas, out);
      return;
    }
    const list = html("div", {class: "ipc-objects"});
    for (const o of this.objects) list.appendChild(this.card(o));
    out.appendChild(list);
    if (this.shared.length) out.appendChild(sharedSummary(this.shared));
    if (this.more) out.appendChild(html("p", {class: "help", role: "note", "data-show": "ipc-more", text: t("ipc.moreObjects", {n: this.more})}));
    out.appendChild(html("p", {class: "help", role: "note", "data-show": "ipc-locks", text: t("ipc.locksUntracked")}));
    patch(this.canvas, out);
    if (focusKey && !(document.activeElement && this.canvas.contains(document.activeElement))) {
      const again = this.canvas.querySelector(`[data-object="${CSS.escape(focusKey)}"]`);
      if (again) again.focus();
    }
  }

  // card draws one object.
  card(o) {
    const title = o.text ? kernelText(o.text) : `${word("ipc.kind", o.kind)} ${o.name || o.id}`;
    const key = `${o.kind}:${o.id}`;
    const card = html("article", {class: `ipc-obj kind-${o.kind}`, "data-object": key, "data-kind": o.kind, tabindex: 0,
      "aria-label": title});
    const head = html("header", {},
      html("span", {class: "ipc-kind", text: word("ipc.kind", o.kind)}),
      html("strong", {class: "ipc-title", text: title}),
      o.pid ? html("span", {class: `ipc-owner ${procClass(o.pid)}`, text: `pid ${o.pid}`}) : null);
    card.appendChild(head);
    if (o.fields && o.fields.length) {
      const dl = html("dl", {class: "ipc-fields"});
      for (const f of o.fields) {
        if (o.kind === "monitor" && f.key === "inside") continue; // drawn in its box
        dl.appendChild(html("dt", {text: word("ipc.f", f.key)}));
        const owner = f.tid || f.key === "owner";
        const value = f.key === "inside" ? (f.value ? threadLabel(f.value) : t("ipc.nobody"))
          : owner ? (f.value ? threadLabel(f.value) : t("ipc.owner.none")) : f.str !== undefined ? word("ipc.w", f.str) : String(f.value);
        dl.appendChild(html("dd", {"data-field": f.key, text: value}));
      }
      card.appendChild(dl);
    }
    if (o.users && o.users.length) {
      const ul = html("ul", {class: "ipc-users"});
      for (const u of o.users) {
        const where = u.fds ? `fd ${u.fds.join(", ")}` : u.addr ? hex(u.addr) : "";
        ul.appendChild(html("li", {class: `${procClass(u.pid)} role-${u.role}`, "data-pid": u.pid, "data-role": u.role},
          html("span", {class: "glyph", "aria-hidden": "true", text: u.role === "read" ? "⇤" : u.role === "write" ? "⇥" : "⊕"}),
          ` pid ${u.pid} ${word("ipc.role", u.role)}${where ? " (" + where + ")" : ""}`));
      }
      card.appendChild(ul);
    }
    const guard = this.guards && (this.guards.get(lockKey(o.pid, o.id)) || [...this.guards.values()].find((g) => String(g.lock) === String(o.id) && !o.pid));
    if (guard) {
      card.dataset.lock = guard.name;
      card.appendChild(guardList(guard));
    }
    if (o.kind === "pipe" || o.kind === "fifo") card.appendChild(this.ring(o));
    if (o.kind === "monitor") card.appendChild(this.monitor(o));
    for (const q of o.kind === "monitor" ? [] : o.queues || []) {
      if (!q.waiters || q.waiters.length === 0) continue;
      const name = q.of ? (id) => `${word("ipc.kind", q.of)} ${id}` : threadLabel;
      card.appendChild(html("p", {class: `ipc-queue${q.of ? " of-objects" : ""}`, "data-queue": q.key},
        html("span", {class: "glyph", "aria-hidden": "true", text: q.of ? "☰ " : "❚❚ "}),
        `${word("ipc.q", q.key)}${q.name ? " " + q.name : ""}: `, q.waiters.map(name).join(" → ")));
    }
    if (o.items && o.items.length) card.appendChild(this.items(o));
    if (o.more) card.appendChild(html("p", {class: "help", text: t("ipc.more", {n: o.more})}));
    if (o.memory) card.appendChild(this.memory(o.memory));
    return card;
  }

  // ring draws a pipe as its ring of pages: the part that holds bytes
  // filled, from the read end (where the next read takes) to the write
  // end (where the next write goes), with the ends that block marked.
  ring(o) {
    const f = Object.fromEntries((o.fields || []).map((x) => [x.key, x.value]));
    const cap = f.capacity || 65536, used = f.bytes || 0;
    const R = 36, r = 20, cx = 44, cy = 46;
    const g = svg("svg", {viewBox: "0 0 320 92", class: "ipc-ring", role: "img", width: 320, height: 92,
      "aria-label": t("ipc.ringLabel", {used, cap})});
    // The ring of pages (Linux's 16 pages of 4 KiB): a page that holds
    // bytes is filled, hatched as well as coloured, from the read end
    // (at the top) on, clockwise, to the write end.
    const pages = 16, pageSize = cap / pages, full = Math.ceil(used / pageSize);
    g.appendChild(svg("defs", {}, svg("pattern", {id: "ipc-hatch", width: 4, height: 4, patternUnits: "userSpaceOnUse",
      patternTransform: "rotate(45)"}, svg("rect", {width: 2, height: 4, class: "hatch"}))));
    const at = (i, rad) => {
      const a = (i / pages) * 2 * Math.PI;
      return [cx + rad * Math.sin(a), cy - rad * Math.cos(a)];
    };
    for (let i = 0; i < pages; i++) {
      const [x1, y1] = at(i, R), [x2, y2] = at(i + 0.94, R), [x3, y3] = at(i + 0.94, r), [x4, y4] = at(i, r);
      const filled = i < full;
      g.appendChild(svg("path", {d: `M${x1},${y1} A${R},${R} 0 0 1 ${x2},${y2} L${x3},${y3} A${r},${r} 0 0 0 ${x4},${y4} z`,
        class: filled ? "ring-page used" : "ring-page", fill: filled ? "url(#ipc-hatch)" : null}));
    }
    const [rx, ry] = at(0, R + 6), [wx, wy] = at(full, R + 6);
    g.appendChild(svg("text", {x: rx, y: ry + 3, "text-anchor": "middle", class: "ring-mark", text: "R"}));
    if (full > 0) g.appendChild(svg("text", {x: wx, y: wy + 3, "text-anchor": "middle", class: "ring-mark", text: "W"}));
    const blocks = (key) => (o.queues || []).some((q) => q.key === key && q.waiters && q.waiters.length);
    g.appendChild(svg("text", {x: cx, y: cy + 4, "text-anchor": "middle", class: "ring-used", text: `${used}`}));
    g.appendChild(svg("text", {x: 92, y: 24, class: `ring-end${blocks("readers") ? " blocks" : ""}`,
      text: `⇤ ${t("ipc.readEnd")}: ${f.readers ?? 0}${blocks("readers") ? " ❚❚ " + t("ipc.blocks") : ""}`}));
    g.appendChild(svg("text", {x: 92, y: 44, class: `ring-end${blocks("writers") ? " blocks" : ""}`,
      text: `⇥ ${t("ipc.writeEnd")}: ${f.writers ?? 0}${blocks("writers") ? " ❚❚ " + t("ipc.blocks") : ""}`}));
    g.appendChild(svg("text", {x: 92, y: 64, class: "ring-cap", text: t("ipc.ringLabel", {used, cap})}));
    titled(g, t("ipc.ringLabel", {used, cap}));
    return g;
  }

  // items lists what the object holds: a pipe's bytes by write, a queue's
  // messages, first out first.
  items(o) {
    const pipe = o.kind === "pipe" || o.kind === "fifo" || (o.kind === "socket" && !(o.fields || []).some((f) => f.key === "datagrams"));
    const ol = html("ol", {class: `ipc-items${pipe ? " bytes" : ""}`, "aria-label": t(pipe ? "ipc.bytes" : "ipc.messages")});
    for (const it of o.items) {
      const b = bytesOf(it.hex);
      const who = it.tid ? `${threadLabel(it.tid)} (pid ${it.pid})` : `pid ${it.pid}`;
      const tag = pipe ? `#${it.seq} ${who}` : it.header ? `#${it.seq} · ${who}` : `#${it.seq} ${word("ipc.f", o.kind === "mqueue" ? "prio" : "type")} ${it.type ?? 0} · ${who}`;
      const li = html("li", {class: `${procClass(it.pid)} ${pattern(it.pid)}`, "data-seq": it.seq, "data-pid": it.pid},
        html("span", {class: "item-tag", text: `${tag} · ${it.bytes} B`}),
        html("code", {class: "item-ascii", text: b.map(printable).join("") + (it.bytes > b.length ? "…" : "")}),
        html("code", {class: "item-hex", text: b.slice(0, 24).map((x) => x.toString(16).padStart(2, "0")).join(" ") + (b.length > 24 ? " …" : "")}));
      if (it.header) li.insertBefore(this.header(it.header), li.children[1]);
      for (const mk of it.marks || []) {
        li.appendChild(html("span", {class: `item-mark mark-${mk}`, "data-mark": mk},
          html("span", {class: "glyph", "aria-hidden": "true", text: MARKS[mk] || "•"}), ` ${word("ipc.mark", mk)}`));
      }
      ol.appendChild(li);
    }
    return ol;
  }

  // header shows a model message's header as the slide lays it out
  // (seed 002, slide 30): type, destination, source, length, control.
  header(h) {
    const dl = html("dl", {class: "msg-header", "aria-label": t("ipc.header")});
    for (const k of ["type", "dest", "source", "length", "control"]) {
      dl.appendChild(html("dt", {text: word("ipc.h", k)}));
      dl.appendChild(html("dd", {"data-header": k, text: String(h[k] ?? 0)}));
    }
    return dl;
  }

  // monitor draws a monitor as the slide's box: the entry queue outside
  // its door, the thread inside, each condition's queue and (Hoare) the
  // urgent queue, every one shown even when empty, each with a glyph of
  // its own besides its colour.
  monitor(o) {
    const inside = (o.fields || []).find((f) => f.key === "inside");
    const who = (ws) => ws && ws.length ? ws.map(threadLabel).join(" → ") : t("ipc.empty");
    const row = (q, glyph, label) => html("div", {class: `mon-queue mon-${q.key}${q.waiters && q.waiters.length ? " waits" : ""}`,
      "data-queue": q.key, "data-name": q.name || null, "data-waiters": (q.waiters || []).length},
      html("span", {class: "glyph", "aria-hidden": "true", text: glyph}), html("span", {class: "mon-label", text: `${label}: `}),
      html("span", {class: "mon-who", text: who(q.waiters)}));
    const queues = o.queues || [];
    const entry = queues.find((q) => q.key === "entry") || {key: "entry", waiters: []};
    const box = html("div", {class: "mon-box", role: "group", "aria-label": t("ipc.monitorBox")});
    box.appendChild(row(entry, "⇶", word("ipc.q", "entry")));
    const room = html("div", {class: "mon-room"});
    room.appendChild(html("div", {class: `mon-inside${inside && inside.value ? " held" : ""}`, "data-inside": inside ? inside.value : 0},
      html("span", {class: "glyph", "aria-hidden": "true", text: inside && inside.value ? "■" : "□"}),
      html("span", {class: "mon-label", text: `${t("ipc.inside")}: `}),
      html("span", {class: "mon-who", text: inside && inside.value ? threadLabel(inside.value) : t("ipc.nobody")})));
    for (const q of queues) if (q.key === "condition") room.appendChild(row(q, "◇", `${word("ipc.q", "condition")} ${q.name}`));
    box.appendChild(room);
    for (const q of queues) if (q.key === "urgent") box.appendChild(row(q, "⚑", word("ipc.q", "urgent")));
    return box;
  }

  // memory is a hex dump of shared memory: offset, sixteen bytes, their
  // ASCII, and who wrote them; each byte takes its last writer's colour
  // and pattern.
  memory(mem) {
    const b = bytesOf(mem.hex);
    const writerAt = new Array(b.length).fill(0);
    for (const w of mem.writers || []) for (let i = w.lo; i < w.hi && i < b.length; i++) writerAt[i] = w.pid;
    const table = html("table", {class: "ipc-hex"},
      html("caption", {class: "visually-hidden", text: t("ipc.hexCaption")}),
      html("thead", {}, html("tr", {}, html("th", {scope: "col", text: t("ipc.offset")}), html("th", {scope: "col", text: "hex"}),
        html("th", {scope: "col", text: "ASCII"}), html("th", {scope: "col", text: t("ipc.writtenBy")}))));
    const body = html("tbody");
    // Rows of zeros nobody wrote are folded into one line.
    let skipped = 0;
    const flush = (at) => {
      if (!skipped) return;
      body.appendChild(html("tr", {class: "folded"}, html("td", {colspan: 4, text: t("ipc.zeros", {n: skipped * ROW, at: hex(at - skipped * ROW)})})));
      skipped = 0;
    };
    for (let off = 0; off < b.length; off += ROW) {
      const row = b.slice(off, off + ROW);
      const who = writerAt.slice(off, off + ROW);
      if (row.every((x) => x === 0) && who.every((x) => !x) && off > 0) { skipped++; continue; }
      flush(off);
      const hexCell = html("td", {class: "hex", "aria-label": row.map((x) => x.toString(16).padStart(2, "0")).join(" ")});
      const ascCell = html("td", {class: "ascii"});
      row.forEach((x, i) => {
        const w = who[i];
        const cls = w ? `byte ${procClass(w)} ${pattern(w)} written` : "byte";
        hexCell.appendChild(html("span", {class: cls, "data-writer": w || null, text: x.toString(16).padStart(2, "0")}));
        ascCell.appendChild(html("span", {class: cls, "data-writer": w || null, text: printable(x)}));
      });
      const writers = [...new Set(who.filter(Boolean))];
      body.appendChild(html("tr", {"data-offset": off},
        html("th", {scope: "row", class: "off", text: hex(off)}), hexCell, ascCell,
        html("td", {class: "writers"}, writers.map((p) => html("span", {class: `writer ${procClass(p)} ${pattern(p)}`, text: `P${p}`})))));
    }
    flush(b.length);
    table.appendChild(body);
    const box = html("div", {class: "ipc-mem"}, table);
    if (mem.size > b.length) box.appendChild(html("p", {class: "help", text: t("ipc.memShown", {shown: b.length, size: mem.size})}));
    return box;
  }
}
