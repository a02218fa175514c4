// Small helpers to build SVG and HTML without a framework.
const NS = "http://www.w3.org/2000/svg";

// svg makes an SVG element with attributes and children (nodes or text).
export function svg(tag, attrs = {}, ...children) {
  const e = document.createElementNS(NS, tag);
  setAttrs(e, attrs);
  append(e, children);
  return e;
}

// html makes an HTML element the same way.
export function html(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  setAttrs(e, attrs);
  append(e, children);
  return e;
}

function setAttrs(e, attrs) {
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "text") e.textContent = v;
    else if (k.startsWith("on") && typeof v === "function") e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? "" : String(v));
  }
}

function append(e, children) {
  for (const c of children.flat()) {
    if (c === undefined || c === null || c === false) continue;
    e.appendChild(typeof c === "string" || typeof c === "number" ? document.createTextNode(String(c)) : c);
  }
}

// clear removes every child of e.
export function clear(e) {
  while (e.firstChild) e.removeChild(e.firstChild);
}

// title adds a tooltip (an SVG <title>) to e.
export function titled(e, text) {
  e.appendChild(svg("title", {text}));
  return e;
}
