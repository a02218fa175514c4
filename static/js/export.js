// Pictures to take away: each view's Export menu saves it as SVG or PNG
// (the PNG drawn from the same SVG), the kernel's events as JSON or CSV,
// and copies a link that opens the run at this tick with this view. An
// exported SVG stands alone: the page's colours, fonts and patterns are
// written into each element, so it looks the same outside the page.
//
// A link's parameters: tick=N (the run is replayed to tick N and paused
// there) and view=NAME (that view is brought into sight: tree, states,
// queues, gantt, waitfor, ipc, msc or events, the names an exercise's
// ?view= knows); the program travels in the address's #code=, as Share's
// long link carries it.
import {t} from "./i18n.js";
import {html} from "./svg.js";

const NS = "http://www.w3.org/2000/svg";

// The views drawn as pictures, and the one listed as events.
export const PICTURES = ["proctree", "states", "queues", "gantt", "waitfor", "ipc", "msc"];
const EVENTS = "trace";

// A link names a view as an exercise's "views" does (?view=tree on an
// exercise's page orders its views too); the others by their own name.
const LINK_NAME = {proctree: "tree", trace: "events"};
const VIEW_OF = Object.fromEntries(Object.entries(LINK_NAME).map(([v, n]) => [n, v]));

// The computed properties written into an exported element: SVG's, and
// for the HTML of a view drawn in HTML (the IPC objects) the box's too.
const SVG_PROPS = ["fill", "fill-opacity", "stroke", "stroke-width", "stroke-dasharray", "stroke-opacity", "stroke-linecap",
  "stroke-linejoin", "opacity", "font-family", "font-size", "font-weight", "font-style", "text-anchor", "dominant-baseline",
  "visibility", "display", "paint-order", "marker-start", "marker-end", "marker-mid"];
const HTML_PROPS = ["display", "box-sizing", "width", "height", "margin", "padding", "border-top", "border-right", "border-bottom",
  "border-left", "border-radius", "background-color", "color", "font-family", "font-size", "font-weight", "font-style",
  "line-height", "text-align", "white-space", "flex-direction", "flex-wrap", "gap", "align-items", "justify-content",
  "grid-template-columns", "list-style-type", "vertical-align", "opacity", "overflow", "text-decoration-line"];

// The columns of the events' CSV: the fields every event may have, then
// the rest of the event as JSON.
const CSV_COLUMNS = ["n", "t", "k", "cpu", "pid", "tid"];

export class Exporter {
  // root: the playground; dispatcher: the event log; views: name → object
  // (a view with exportSVG(svg) adds to its exported picture); program:
  // what the link reopens; tick(): the tick shown.
  constructor(root, {dispatcher, views, program, tick}) {
    this.root = root;
    this.dispatcher = dispatcher;
    this.views = views || {};
    this.program = program;
    this.tick = tick;
  }

  section(name) { return this.root.querySelector(`.views > [data-view="${name}"]`); }

  // picture is the view's drawing: its largest SVG, or null when it has
  // none (nothing drawn yet, or a view drawn in HTML).
  picture(name) {
    const canvas = this.root.querySelector(`[data-canvas="${name}"]`);
    if (!canvas) return null;
    let best = null, area = -1;
    for (const s of canvas.querySelectorAll("svg")) {
      if (s.closest("svg") !== s) continue; // not a nested one
      const [w, h] = size(s);
      if (w * h > area) { best = s; area = w * h; }
    }
    return best;
  }

  // svgText is view NAME as a standalone SVG document.
  svgText(name) {
    const canvas = this.root.querySelector(`[data-canvas="${name}"]`);
    if (!canvas) throw new Error(`no view ${name}`);
    const pic = this.picture(name);
    const whole = name === "ipc" || !pic; // drawn in HTML: the canvas as it shows
    let out;
    if (whole) {
      const w = Math.max(canvas.scrollWidth, canvas.clientWidth, 200), h = Math.max(canvas.scrollHeight, canvas.clientHeight, 40);
      out = document.createElementNS(NS, "svg");
      out.setAttribute("viewBox", `0 0 ${w} ${h}`);
      out.setAttribute("width", w);
      out.setAttribute("height", h);
      const fo = document.createElementNS(NS, "foreignObject");
      fo.setAttribute("width", w);
      fo.setAttribute("height", h);
      const {node, sheet} = inlined(canvas);
      node.setAttribute("xmlns", "http://www.w3.org/1999/xhtml");
      fo.appendChild(node);
      if (sheet) out.appendChild(sheet);
      out.appendChild(fo);
    } else {
      const extra = this.views[name] && this.views[name].exportSVG ? this.views[name].exportSVG(pic) : null;
      if (extra) pic.appendChild(extra.g); // drawn in the page a moment, to take its styles
      try {
        out = inlined(pic).node;
      } finally {
        if (extra) extra.g.remove();
      }
      if (extra && extra.clean) extra.clean(out);
      const [w, h] = size(pic);
      const height = h + (extra ? extra.height : 0);
      out.setAttribute("viewBox", `0 0 ${w} ${height}`);
      out.setAttribute("width", w);
      out.setAttribute("height", height);
      if (extra) out.lastChild.setAttribute("transform", `translate(0 ${h + 6})`);
    }
    out.setAttribute("xmlns", NS);
    out.setAttribute("data-view", name);
    out.setAttribute("data-tick", String(this.tick()));
    const bg = document.createElementNS(NS, "rect");
    bg.setAttribute("width", "100%");
    bg.setAttribute("height", "100%");
    bg.setAttribute("fill", getComputedStyle(document.body).backgroundColor || "#fff");
    bg.setAttribute("class", "export-background");
    out.insertBefore(bg, out.firstChild);
    const title = document.createElementNS(NS, "title");
    title.textContent = `osplay · ${heading(this.section(name))} · ${t("tick")} ${this.tick()}`;
    out.insertBefore(title, out.firstChild);
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(out);
  }

  // pngBlob draws the view's SVG on a canvas at twice its size.
  async pngBlob(name) {
    const text = this.svgText(name);
    const m = text.match(/<svg[^>]*\swidth="([\d.]+)"[^>]*\sheight="([\d.]+)"/) || text.match(/<svg[^>]*\sheight="([\d.]+)"[^>]*\swidth="([\d.]+)"/);
    const w = m ? Number(m[1]) : 800, h = m ? Number(m[2]) : 600;
    const scale = Math.min(2, 16000 / Math.max(w, h)); // a canvas has a largest size
    const img = new Image();
    // A data: address: the page's policy lets images come from there.
    const url = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(text);
    {
      await new Promise((ok, fail) => {
        img.onload = ok;
        img.onerror = () => fail(new Error("the picture could not be drawn"));
        img.src = url;
      });
      const c = document.createElement("canvas");
      c.width = Math.max(1, Math.round(w * scale));
      c.height = Math.max(1, Math.round(h * scale));
      const g = c.getContext("2d");
      g.scale(scale, scale);
      g.drawImage(img, 0, 0, w, h);
      return await new Promise((ok) => c.toBlob(ok, "image/png"));
    }
  }

  // eventsJSON is the run's events as the page has them, in order.
  eventsJSON() { return JSON.stringify(this.dispatcher.log, null, 1) + "\n"; }

  // eventsCSV is one row per event: its number, tick, kind, CPU, process
  // and thread, then its other fields as JSON.
  eventsCSV() {
    const rows = [[...CSV_COLUMNS, "detail"].join(",")];
    for (const e of this.dispatcher.log) {
      const rest = {};
      for (const [k, v] of Object.entries(e)) if (!CSV_COLUMNS.includes(k)) rest[k] = v;
      rows.push([...CSV_COLUMNS.map((c) => csvField(e[c])), csvField(Object.keys(rest).length ? JSON.stringify(rest) : "")].join(","));
    }
    return rows.join("\r\n") + "\r\n";
  }

  // permalink opens this program at this tick with view NAME.
  permalink(name) {
    const u = new URL(location.href);
    let share = null;
    try {
      share = new URL(this.program.shareURL(), location.href);
    } catch {
      // jobs without code (a workload): the address says it all
    }
    if (share) for (const [k, v] of share.searchParams) u.searchParams.set(k, v);
    u.searchParams.set("tick", String(this.tick()));
    if (name) u.searchParams.set("view", LINK_NAME[name] || name);
    else u.searchParams.delete("view");
    if (share) u.hash = share.hash;
    return u.toString();
  }

  // install puts an Export menu in every view that can be exported.
  install() {
    for (const name of [...PICTURES, EVENTS]) {
      const section = this.section(name);
      if (!section) continue;
      const h = section.querySelector("h2");
      const items = name === EVENTS
        ? [["json", t("export.json"), () => save(new Blob([this.eventsJSON()], {type: "application/json"}), this.fileName(name, "json"))],
          ["csv", t("export.csv"), () => save(new Blob([this.eventsCSV()], {type: "text/csv"}), this.fileName(name, "csv"))]]
        : [["svg", t("export.svg"), () => save(new Blob([this.svgText(name)], {type: "image/svg+xml"}), this.fileName(name, "svg"))],
          ["png", t("export.png"), async () => save(await this.pngBlob(name), this.fileName(name, "png"))]];
      items.push(["link", t("export.link"), () => copy(this.permalink(name))]);
      const menu = html("details", {class: "export-menu", "data-export": name},
        html("summary", {class: "small", title: `${t("export.title")}: ${h.textContent}`, "aria-label": `${t("export.title")}: ${h.textContent}`},
          html("span", {"aria-hidden": "true", text: "⤓"}), " ", t("export.button")),
        html("div", {class: "export-items", role: "group"}, items.map(([kind, label, run]) => {
          const b = html("button", {type: "button", class: "small", "data-action": `export-${kind}`, text: label});
          b.addEventListener("click", async () => {
            try {
              await run();
              if (kind === "link") flash(b, t("export.copied"));
              else menu.open = false;
            } catch (err) {
              flash(b, t("export.failed", {msg: err.message}));
            }
          });
          return b;
        })));
      menu.addEventListener("keydown", (ev) => {
        if (ev.key === "Escape" && menu.open) {
          menu.open = false;
          menu.querySelector("summary").focus();
        }
      });
      h.after(menu);
    }
  }

  fileName(name, ext) {
    const main = (this.program.main || "program").replace(/\.[^.]*$/, "");
    return `osplay-${main}-${name}-t${this.tick()}.${ext}`;
  }
}

// Opening at a tick: the run goes on, fast, until it has reached the tick,
// then pauses there; the view named is brought into sight. It is a view of
// the dispatcher (state is called with each new state of the machine).
export class OpenAt {
  constructor(root, {tick, view, run, pause, seek, fast, restore}) {
    this.root = root;
    this.target = tick;
    this.view = VIEW_OF[view] || view;
    this.actions = {run, pause, seek, fast, restore};
    this.phase = tick > 0 ? "load" : "done";
    if (view) this.showView();
  }

  showView() {
    const section = this.root.querySelector(`.views > [data-view="${CSS.escape(this.view)}"]`);
    if (!section) return;
    section.hidden = false;
    section.dataset.linked = "true";
    section.dispatchEvent(new CustomEvent("osplay:show-view", {bubbles: true, detail: {view: this.view}}));
    requestAnimationFrame(() => {
      section.scrollIntoView({block: "start"});
      const h = section.querySelector("h2");
      if (h) {
        h.tabIndex = -1;
        h.focus({preventScroll: true});
      }
    });
  }

  reset() {}
  event() {}
  render() {}

  state(s) {
    if (this.phase === "done" || !s) return;
    if (this.phase === "load" && s.status !== "empty") {
      this.phase = "run";
      this.actions.fast();
      this.actions.run();
      return;
    }
    if (this.phase === "run" && (s.horizon >= this.target || s.status === "done")) {
      this.phase = "done";
      this.actions.pause();
      this.actions.restore();
      this.actions.seek(Math.min(this.target, s.horizon));
    }
  }
}

// heading is a view's title as the page shows it.
function heading(section) {
  const h = section && section.querySelector("h2");
  return h ? h.textContent.trim() : "";
}

// size is an SVG's width and height: its attributes, or its viewBox.
function size(s) {
  const vb = (s.getAttribute("viewBox") || "").split(/[\s,]+/).map(Number);
  const w = Number(s.getAttribute("width")) || vb[2] || s.getBoundingClientRect().width || 0;
  const h = Number(s.getAttribute("height")) || vb[3] || s.getBoundingClientRect().height || 0;
  return [w, h];
}

// inlined is a deep copy of el with each element's computed style
// written into it: an SVG element's as presentation attributes (fill="…"),
// which every SVG reader knows; an HTML element's (inside a
// foreignObject) as a rule of a <style> for its data-style number. The
// page's content security policy forbids style attributes, and these two
// need none.
function inlined(el) {
  const copy = el.cloneNode(true);
  const from = [el, ...el.querySelectorAll("*")];
  const to = [copy, ...copy.querySelectorAll("*")];
  const rules = new Map(); // an HTML element's style → its number
  from.forEach((src, i) => {
    const dst = to[i];
    if (!(src instanceof Element) || !dst) return;
    dst.removeAttribute("tabindex");
    const cs = getComputedStyle(src);
    if (src.namespaceURI === NS) {
      for (const p of SVG_PROPS) {
        const v = cs.getPropertyValue(p);
        if (v !== "" && (v !== "none" || p === "fill") && v !== "normal") dst.setAttribute(p, v);
      }
      return;
    }
    const style = HTML_PROPS.map((p) => [p, cs.getPropertyValue(p)]).filter(([, v]) => v !== "" && v !== "normal")
      .map(([p, v]) => `${p}:${v}`).join(";");
    if (!rules.has(style)) rules.set(style, rules.size);
    dst.setAttribute("data-style", String(rules.get(style)));
  });
  if (rules.size) {
    const sheet = document.createElementNS(NS, "style");
    sheet.textContent = [...rules].map(([style, n]) => `[data-style="${n}"]{${style}}`).join("\n");
    return {node: copy, sheet};
  }
  return {node: copy, sheet: null};
}

function csvField(v) {
  if (v === undefined || v === null) return "";
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

// save offers a blob as a file to download.
function save(blob, name) {
  const a = html("a", {href: URL.createObjectURL(blob), download: name, hidden: true});
  document.body.appendChild(a);
  a.click();
  setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
}

async function copy(text) {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    const f = html("textarea", {readonly: ""});
    f.value = text;
    document.body.appendChild(f);
    f.select();
    document.execCommand("copy");
    f.remove();
  }
}

function flash(button, text) {
  const was = button.dataset.label || button.textContent;
  button.dataset.label = was;
  button.textContent = text;
  setTimeout(() => { button.textContent = was; }, 2000);
}
