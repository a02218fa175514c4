// The one event dispatcher: it keeps the run's events, feeds them in order
// to the process table and to every view, and draws at most once per
// animation frame. It tells the server a batch was drawn (ack) only once it
// is on screen, so the server never runs ahead of what the page can show.
//
// Drawing is what costs at speed, not the events. While the run goes on
// faster than FAST_TICKS a batch (too fast to follow instruction by
// instruction), a view out of sight (scrolled away, hidden) is drawn when
// it comes back into sight, and a view that took d ms to draw is drawn
// again DRAW_SHARE × d ms later at the soonest, so that no view holds the
// page (and the run) to its pace. Slower, every view is drawn in every
// frame that has something new. When a fast run stops, the first frame
// draws the views in sight, the quickest first, those whose last drawing
// fits in LATE_FRAME_MS (so that Pause shows at once); the rest, and those
// left out of sight, follow from the next frame on, LATE_FRAME_MS of
// drawing a frame (one view at least).
//
// Pause: from the moment it is pressed (hold) until the server's answer —
// the first batch of a run that has stopped — the batches of the run
// still under way are taken (their events and state, so that nothing is
// lost) but not drawn: the page's time goes to the answer, which is then
// drawn as any stop is, the quickest views first. An answer that does not
// come within HOLD_MS (a connection lost) lets the drawing go on.
const DRAW_SHARE = 4;
const HOLD_MS = 1000;
const LATE_FRAME_MS = 12;
const FAST_TICKS = 1000;

// runsFast reports whether a snapshot is of a run going on too fast to
// follow instruction by instruction.
export const runsFast = (s) => !!(s && s.status === "running" && s.speed && s.speed.ticks > FAST_TICKS);

// The element a view draws into, watched for being in sight.
const viewElement = (v) => [v.canvas, v.el, v.out].find((e) => typeof Element !== "undefined" && e instanceof Element);

export class Dispatcher {
  // views: objects with reset(), event(e), state(snapshot, table), render(),
  // and optionally every: the fewest milliseconds between two drawings
  // while a fast run goes on;
  // table: the shared ProcessTable; onDrawn(seq): called after drawing.
  constructor(table, views, onDrawn) {
    this.table = table;
    this.views = views;
    this.onDrawn = onDrawn;
    this.log = [];
    this.snapshot = null;
    this.seq = 0;
    this.frame = 0;
    this.due = new Map(); // view → when it may be drawn again while running
    this.hidden = new Set(); // views out of sight
    this.late = new Set(); // views left out of sight while running fast
    this.draining = false; // they are drawn in the next frame
    this.cost = new Map(); // view → what its drawing may cost (render, below)
    this.wasFast = false;
    this.holding = 0; // a timer while Pause waits for its answer
    // measure: when set (by a benchmark), each view's drawing is recorded
    // as a performance measure named "draw <view>".
    this.measure = false;
    if (typeof IntersectionObserver !== "undefined") {
      const byElement = new Map();
      const seen = new IntersectionObserver((entries) => {
        for (const en of entries) {
          const v = byElement.get(en.target);
          if (!v) continue;
          if (en.isIntersecting) {
            this.hidden.delete(v);
            this.schedule();
          } else this.hidden.add(v);
        }
      });
      for (const v of views) {
        const el = viewElement(v);
        if (el) { byElement.set(el, v); seen.observe(el); }
      }
    }
  }

  // reset forgets the run (a new program is loaded).
  reset() {
    this.release();
    this.log = [];
    this.table.reset();
    for (const v of this.views) v.reset();
  }

  feed(e) {
    this.table.event(e);
    for (const v of this.views) v.event(e);
  }

  // hold stops drawing the run under way until it has stopped (Pause was
  // pressed): a frame due is called off, and the batches that come before
  // the answer are taken but not drawn.
  hold() {
    const s = this.snapshot;
    if (!s || s.status !== "running") return;
    clearTimeout(this.holding);
    this.holding = setTimeout(() => { this.holding = 0; this.schedule(); }, HOLD_MS);
    if (this.frame) {
      cancelAnimationFrame(this.frame);
      this.frame = 0;
    }
  }

  // release ends a hold.
  release() {
    if (!this.holding) return;
    clearTimeout(this.holding);
    this.holding = 0;
  }

  // batch takes a server batch: new events and the machine's state.
  batch(b) {
    // A running session lists its processes only when they change or ten
    // times a second: keep the last list meanwhile.
    const prev = this.snapshot;
    if (!b.state.procs) {
      b.state.procs = prev && b.state.status !== "empty" ? prev.procs : [];
      if (prev && prev.pcb && b.state.status !== "empty") b.state.pcb = prev.pcb;
    }
    // Events the server left out of a crowded batch (the oldest of them,
    // and system calls): the views that list events say so where it
    // happened.
    const gap = (b.skipped || 0) + (b.dropped || 0);
    if (gap > 0) for (const v of this.views) if (v.gap) v.gap(gap);
    for (const e of b.events) {
      this.log.push(e);
      this.feed(e);
    }
    this.snapshot = b.state;
    this.seq = b.seq;
    if (this.holding && b.state.status === "running") return; // not drawn: Pause waits for its answer
    this.release();
    this.schedule();
  }

  // rewound keeps the first n events and redraws every view from them; a
  // view with rewind(n, state) (the sequence chart, which keeps the run's
  // later events to show them as its future) is told instead.
  rewound(n, state) {
    this.release();
    this.log.length = Math.min(this.log.length, n);
    this.table.reset();
    const again = this.views.filter((v) => !v.rewind);
    for (const v of this.views) {
      if (v.rewind) v.rewind(n, state);
      else v.reset();
    }
    for (const e of this.log) {
      this.table.event(e);
      for (const v of again) v.event(e);
    }
    this.snapshot = state;
    this.schedule();
  }

  // drawing reports whether the run has stopped and the page still has
  // its end to draw (a frame due, or views left out of sight while it ran
  // fast): what the views show is not yet where the status says the run
  // is. While the run goes on it is false.
  drawing() {
    const s = this.snapshot;
    if (s && s.status === "running") return false;
    return this.frame !== 0 || this.late.size > 0;
  }

  schedule() {
    if (this.frame || this.holding) return;
    const draw = () => {
      this.frame = 0;
      if (this.snapshot) {
        this.table.state(this.snapshot);
        for (const v of this.views) v.state(this.snapshot, this.table);
      }
      const s = this.snapshot;
      const fast = runsFast(s);
      const render = (v, start) => {
        v.render();
        const end = performance.now();
        // What the view may cost next time: a view that found nothing new
        // costs little once (the markers, unchanged) and as much as before
        // the next, so that a costly drawing is forgotten only by halves.
        this.cost.set(v, Math.max(end - start, (this.cost.get(v) || 0) / 2));
        this.due.set(v, start + Math.max(DRAW_SHARE * (end - start), v.every || 0));
        if (this.measure) performance.measure(`draw ${v.name || v.constructor.name}`, {start, end});
      };
      // fits reports whether a view is likely to be drawn by the end of the
      // frame's share of drawing.
      const fits = (v, now, until) => now + (this.cost.get(v) || 0) <= until;
      // The first frame after a fast run: the quickest views first, until
      // the frame's share is spent.
      const stopping = !fast && this.wasFast;
      this.wasFast = !!fast;
      const order = stopping ? [...this.views].sort((a, b) => (this.cost.get(a) || 0) - (this.cost.get(b) || 0)) : this.views;
      const until = performance.now() + LATE_FRAME_MS;
      for (const v of order) {
        const start = performance.now();
        if (fast) {
          if (this.hidden.has(v)) { this.late.add(v); continue; }
          if (start < (this.due.get(v) || 0)) continue;
        } else if (this.late.has(v)) continue; // in the next frame (below)
        else if (stopping && (this.hidden.has(v) || !fits(v, start, until))) { this.late.add(v); continue; }
        this.late.delete(v);
        render(v, start);
      }
      if (!fast && this.late.size > 0) {
        // The run has stopped: the views in sight are drawn, those out of
        // sight follow in the next frame.
        if (this.draining) {
          // A frame's worth at a time, so that the page still answers.
          // At least one view a frame, the next only if it fits.
          const until = performance.now() + LATE_FRAME_MS;
          let drawn = 0;
          for (const v of this.late) {
            const start = performance.now();
            if (drawn++ && !fits(v, start, until)) break;
            render(v, start);
            this.late.delete(v);
          }
          this.draining = this.late.size > 0;
          if (this.draining) this.schedule();
        } else {
          this.draining = true;
          this.schedule();
        }
      }
      if (this.onDrawn) this.onDrawn(this.seq);
    };
    // requestAnimationFrame does not run in a hidden tab: then the server
    // waits for the ack, which is what we want.
    this.frame = requestAnimationFrame(draw);
  }
}
