// The one event dispatcher: it keeps the run's events, feeds them in order
// to the process table and to every view, and draws at most once per
// animation frame. It tells the server a batch was drawn (ack) only once it
// is on screen, so the server never runs ahead of what the page can show.
export class Dispatcher {
  // views: objects with reset(), event(e), state(snapshot, table), render();
  // table: the shared ProcessTable; onDrawn(seq): called after drawing.
  constructor(table, views, onDrawn) {
    this.table = table;
    this.views = views;
    this.onDrawn = onDrawn;
    this.log = [];
    this.snapshot = null;
    this.seq = 0;
    this.frame = 0;
  }

  // reset forgets the run (a new program is loaded).
  reset() {
    this.log = [];
    this.table.reset();
    for (const v of this.views) v.reset();
  }

  feed(e) {
    this.table.event(e);
    for (const v of this.views) v.event(e);
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
    this.schedule();
  }

  // rewound keeps the first n events and redraws every view from them; a
  // view with rewind(n, state) (the sequence chart, which keeps the run's
  // later events to show them as its future) is told instead.
  rewound(n, state) {
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

  schedule() {
    if (this.frame) return;
    const draw = () => {
      this.frame = 0;
      if (this.snapshot) {
        this.table.state(this.snapshot);
        for (const v of this.views) v.state(this.snapshot, this.table);
      }
      for (const v of this.views) v.render();
      if (this.onDrawn) this.onDrawn(this.seq);
    };
    // requestAnimationFrame does not run in a hidden tab: then the server
    // waits for the ack, which is what we want.
    this.frame = requestAnimationFrame(draw);
  }
}
