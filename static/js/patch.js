// patch brings the nodes already on the page in line with a drawing made
// afresh: a view builds its whole drawing off the page, as it always has,
// and patch keeps every node of the page that the new drawing still has —
// writing only the attributes and the text that changed, adding the nodes
// that are new and removing those that are gone. The browser then lays out
// and paints only what changed, and what the page holds (the focus, a
// scroll position, a tooltip open) stays where it was.
//
// Children are matched in order, an element with an element of the same
// name; an element with a key (the first of KEYS it carries: an event's
// number, an instruction's seq, an object's name) matches the element of
// its name and key wherever it is among its siblings, so that a list that
// scrolls (the last rows of a chart) moves its rows instead of rewriting
// each one. A node of the page must not carry listeners of its own that
// depend on what it shows: a view listens on its canvas instead
// (delegation), since a kept node keeps its listeners.
const KEYS = ["data-n", "data-seq", "data-object", "data-key"];

function keyOf(n) {
  if (n.nodeType !== 1) return "";
  for (const k of KEYS) {
    const v = n.getAttribute(k);
    if (v !== null) return `${n.localName}|${k}=${v}`;
  }
  return "";
}

const same = (a, b) => a.nodeType === b.nodeType && (a.nodeType !== 1 || (a.localName === b.localName && a.namespaceURI === b.namespaceURI));

// patch makes the children of live those of fresh (fresh is emptied: its
// new nodes move to live). It returns live.
export function patch(live, fresh) {
  patchChildren(live, fresh);
  return live;
}

// patchNode makes node live (of the same name as fresh) like fresh.
function patchNode(live, fresh) {
  if (live.nodeType !== 1) {
    if (live.nodeValue !== fresh.nodeValue) live.nodeValue = fresh.nodeValue;
    return;
  }
  const la = live.attributes, fa = fresh.attributes;
  for (let i = la.length - 1; i >= 0; i--) {
    const a = la[i];
    if (!fresh.hasAttributeNS(a.namespaceURI, a.localName)) live.removeAttributeNS(a.namespaceURI, a.localName);
  }
  for (let i = 0; i < fa.length; i++) {
    const a = fa[i];
    if (live.getAttributeNS(a.namespaceURI, a.localName) !== a.value) live.setAttributeNS(a.namespaceURI, a.name, a.value);
  }
  patchChildren(live, fresh);
}

function patchChildren(live, fresh) {
  let keyed = null;
  for (let c = live.firstChild; c; c = c.nextSibling) {
    const k = keyOf(c);
    if (k) (keyed || (keyed = new Map())).set(k, c);
  }
  let wanted = null; // the keys of the fresh nodes, when the page has keyed ones
  if (keyed) {
    wanted = new Set();
    for (let n = fresh.firstChild; n; n = n.nextSibling) {
      const k = keyOf(n);
      if (k) wanted.add(k);
    }
  }
  let cur = live.firstChild;
  for (let n = fresh.firstChild; n;) {
    // A keyed node that is gone is removed at once, so that the nodes
    // after it can match in order.
    while (cur && wanted && keyOf(cur) && !wanted.has(keyOf(cur))) {
      const after = cur.nextSibling;
      live.removeChild(cur);
      cur = after;
    }
    const next = n.nextSibling;
    const k = keyOf(n);
    let match = null;
    if (k) {
      match = keyed && keyed.get(k);
      if (match) keyed.delete(k);
    } else if (cur && !keyOf(cur) && same(cur, n)) {
      match = cur;
    }
    if (match) {
      if (match === cur) cur = cur.nextSibling;
      else live.insertBefore(match, cur);
      patchNode(match, n);
    } else {
      live.insertBefore(n, cur);
    }
    n = next;
  }
  while (cur) {
    const after = cur.nextSibling;
    // A keyed node matched further on has been moved before cur already.
    live.removeChild(cur);
    cur = after;
  }
}
