// Following the end of a scrolled log (the console, the list of events):
// while the reader leaves the box scrolled to its end, new lines keep it
// there; scrolled up, it stays where the reader is.
//
// Nothing here reads the page's layout while a view draws: the position
// is read in the scroll event (after the browser's layout), the box is
// scrolled to its end by a ResizeObserver (after layout, before paint),
// and while it follows, the browser's scroll anchoring holds its last
// element (end) in view when lines are added and old ones removed at once
// (osplay.css: .following, .follow-end).
export class Follow {
  constructor(box, content) {
    this.box = box;
    this.end = document.createElement("div");
    this.end.className = "follow-end";
    this.end.setAttribute("aria-hidden", "true");
    this.on = false;
    this.set(true);
    box.addEventListener("scroll", () => {
      this.set(box.scrollTop + box.clientHeight >= box.scrollHeight - 8);
    }, {passive: true});
    if (typeof ResizeObserver !== "undefined") {
      new ResizeObserver(() => {
        if (this.on) box.scrollTop = box.scrollHeight;
      }).observe(content);
    }
  }

  set(on) {
    if (on === this.on) return;
    this.on = on;
    this.box.classList.toggle("following", on);
  }
}
