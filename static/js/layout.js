// The playground's frame: the dock that stays at the top, the program and
// console column that stays in view beside the views on a wide screen, the
// views a student chooses to show (kept in this browser), the keys that
// move the focus, and the input line taking the focus when the program
// waits for a line.
const HIDDEN_KEY = "osplay.views.hidden";
const WIDE = "(min-width: 64rem)"; // as in osplay.css

export class Layout {
  // redraw(): the views must draw again (a view shown again, a new width).
  constructor(root, {redraw}) {
    this.root = root;
    this.redraw = redraw;
    this.dock = root.querySelector('[data-show="dock"]');
    this.left = root.querySelector('[data-show="left"]');
    this.input = root.querySelector('[data-control="stdin-line"]');
    this.chooser = root.querySelector('[data-control="views"]');
    this.keys = root.querySelector('[data-show="keys"]');
    this.wide = matchMedia(WIDE);
    this.last = "";
    this.fitted = {dock: 0, left: 0};

    // The dock's height places the column under it; the column is as tall
    // as the window shows below the dock.
    const fit = () => this.fit();
    new ResizeObserver(fit).observe(this.dock);
    let frame = 0;
    addEventListener("scroll", () => {
      if (!frame) frame = requestAnimationFrame(() => { frame = 0; fit(); });
    }, {passive: true});
    addEventListener("resize", fit);
    fit();

    // A new width of the views (a window resized, a column changed) is a
    // new drawing.
    const views = root.querySelector(".views");
    let width = 0;
    new ResizeObserver(() => {
      if (views.clientWidth !== width) {
        width = views.clientWidth;
        this.redraw();
      }
    }).observe(views);

    this.chooseViews();
  }

  fit() {
    const dockH = Math.ceil(this.dock.getBoundingClientRect().height);
    // The column is as tall as the window under the dock, less what of
    // the page above it still shows (the site's header, at most 120 px):
    // whole in the window at the top of the page, as tall as can be once
    // it sticks, never jumping in between.
    let leftH = 0;
    if (this.wide.matches && this.left) {
      const above = Math.min(Math.max(this.left.getBoundingClientRect().top - dockH, 0), 120);
      leftH = Math.max(Math.floor(innerHeight - dockH - above - 8), 320);
    }
    if (dockH !== this.fitted.dock) {
      this.fitted.dock = dockH;
      document.documentElement.style.setProperty("--dock-h", `${dockH}px`);
    }
    if (leftH !== this.fitted.left) {
      this.fitted.left = leftH;
      document.documentElement.style.setProperty("--left-h", leftH ? `${leftH}px` : "auto");
    }
  }

  // chooseViews shows the views the student left checked; the choice is
  // kept in this browser for every page of the playground.
  chooseViews() {
    if (!this.chooser) return;
    let hidden = [];
    try {
      hidden = JSON.parse(localStorage.getItem(HIDDEN_KEY) || "[]");
      if (!Array.isArray(hidden)) hidden = [];
    } catch { hidden = []; }
    const boxes = [...this.chooser.querySelectorAll("[data-view-toggle]")];
    const apply = () => {
      for (const b of boxes) {
        const section = this.root.querySelector(`.views > [data-view="${b.dataset.viewToggle}"]`);
        if (section) section.toggleAttribute("data-off", !b.checked);
      }
    };
    for (const b of boxes) {
      b.checked = !hidden.includes(b.dataset.viewToggle);
      b.addEventListener("change", () => {
        apply();
        const off = boxes.filter((x) => !x.checked).map((x) => x.dataset.viewToggle);
        try { localStorage.setItem(HIDDEN_KEY, JSON.stringify(off)); } catch { /* private mode: not kept */ }
        this.redraw();
      });
    }
    apply();
    // On a phone the list is fixed to the window (the toolbar scrolls
    // sideways), just under its button.
    const list = this.chooser.querySelector("fieldset");
    this.chooser.addEventListener("toggle", () => {
      const fixed = getComputedStyle(list).position === "fixed";
      list.style.top = fixed ? `${Math.round(this.chooser.querySelector("summary").getBoundingClientRect().bottom + 4)}px` : "";
    });
    // Escape or a click elsewhere closes the list.
    this.chooser.addEventListener("keydown", (ev) => {
      if (ev.key === "Escape" && this.chooser.open) {
        ev.preventDefault();
        this.chooser.open = false;
        this.chooser.querySelector("summary").focus();
      }
    });
    document.addEventListener("click", (ev) => {
      if (this.chooser.open && !this.chooser.contains(ev.target)) this.chooser.open = false;
    });
  }

  showKeys() {
    if (this.keys && !this.keys.open) this.keys.showModal();
  }

  // shownViews are the views on the page now, in the page's order.
  shownViews() {
    return [...this.root.querySelectorAll(".views > .view")]
      .filter((v) => v.offsetParent !== null)
      .sort((a, b) => (Number(a.style.order) || 0) - (Number(b.style.order) || 0));
  }

  // focus moves the keyboard's focus; it reports whether it did.
  focus(what) {
    switch (what) {
      case "timeline": {
        const r = this.root.querySelector('[data-control="timeline"]');
        if (r.disabled) return false;
        r.focus();
        return true;
      }
      case "input":
        this.input.focus();
        return true;
      case "views":
        this.chooser.open = true;
        this.chooser.querySelector("input").focus();
        return true;
      case "keys":
        this.showKeys();
        return true;
      case "next-view":
      case "previous-view": {
        const list = this.shownViews();
        if (!list.length) return false;
        const at = list.findIndex((v) => v.contains(document.activeElement));
        const step = what === "next-view" ? 1 : -1;
        const i = at < 0 ? (step > 0 ? 0 : list.length - 1) : (at + step + list.length) % list.length;
        list[i].focus({preventScroll: true});
        list[i].scrollIntoView({block: "nearest"});
        return true;
      }
    }
    return false;
  }

  // status follows the session's status: a program that starts waiting
  // for a line gets the input line focused, unless the student is typing
  // elsewhere (the editor, a field).
  status(s) {
    if (s === "input" && this.last !== "input") {
      const a = document.activeElement;
      const typing = a && a !== this.input && a.closest && a.closest("input, textarea, select, [contenteditable], .cm-editor");
      if (!typing) this.input.focus();
    }
    this.last = s;
  }
}
