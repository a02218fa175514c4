// The process table as the event stream tells it: every process created
// since the program started, with its parent (ppid, and creator: the one
// that forked it), command, state, and whether it is a zombie, reaped or an
// orphan. children lists the processes each one forked. The views read it; only the
// dispatcher feeds it.
//
// Threads: a process holds its threads (TCBs) by tid, the main one's tid
// being the pid. An event of another thread carries "tid"; its state
// changes are the thread's, and the process's state is that of its most
// active thread (running, then ready, then waiting…), as the kernel shows
// it. A single-threaded process is its main thread and looks as it always
// has: threads.size is 1.

// RANK orders states from the most active: the process's state is that of
// its first thread in this order (kernel/proc.go, rep).
const RANK = ["running", "ready", "waiting", "suspended ready", "suspended waiting", "new", "terminated"];

function base(path) {
  const i = (path || "").lastIndexOf("/");
  return i >= 0 ? path.slice(i + 1) : path || "";
}

export class ProcessTable {
  constructor() { this.reset(); }

  reset() {
    this.procs = new Map(); // pid → process
    this.firstPID = 0;
  }

  get(pid) { return this.procs.get(pid); }

  // list is every process in order of creation.
  list() { return [...this.procs.values()]; }

  // thread is thread tid of p, made on first sight.
  thread(p, tid, t) {
    let th = p.threads.get(tid);
    if (!th) {
      th = {tid, pid: p.pid, state: "new", cause: "", cpu: -1, created: t, ended: null, joined: false};
      p.threads.set(tid, th);
    }
    return th;
  }

  // multi reports whether p has had more than one thread.
  multi(p) { return p.threads.size > 1; }

  // liveThreads lists p's threads not yet joined, in tid order.
  liveThreads(p) {
    return [...p.threads.values()].filter((th) => !th.joined).sort((a, b) => a.tid - b.tid);
  }

  // settle gives a multi-threaded process the state of its most active thread.
  settle(p) {
    if (!this.multi(p) || p.ended !== null) return;
    let best = null;
    for (const th of p.threads.values()) {
      if (th.joined) continue;
      if (!best || RANK.indexOf(th.state) < RANK.indexOf(best.state)) best = th;
    }
    if (best) { p.state = best.state; p.cpu = best.cpu; }
  }

  event(e) {
    const p = this.procs.get(e.pid);
    if (p && e.tid && e.tid !== e.pid) {
      this.threadEvent(p, e);
      return;
    }
    switch (e.k) {
      case "create": {
        const proc = {
          pid: e.pid, ppid: e.other || 0, name: base(e.name), argv: e.argv || [], state: "new",
          cause: "", created: e.t, ended: null, status: null, exitCause: "", reaped: false,
          orphan: false, children: [], cpu: -1, execs: 0, creator: e.other || 0, threads: new Map(),
        };
        this.thread(proc, e.pid, e.t);
        this.procs.set(e.pid, proc);
        const parent = this.procs.get(proc.ppid);
        if (parent) parent.children.push(e.pid);
        if (e.pid > 1 && !this.firstPID) this.firstPID = e.pid;
        break;
      }
      case "exec":
        if (p) { p.name = base(e.name); p.argv = e.argv || p.argv; p.execs++; }
        break;
      case "state":
        if (p) {
          const th = this.thread(p, p.pid, e.t);
          th.state = e.to; th.cause = e.causeText || e.cause || "";
          if (e.to !== "running") th.cpu = -1;
          p.state = e.to; p.cause = e.causeText || e.cause || "";
          if (e.to !== "running") p.cpu = -1;
          this.settle(p);
        }
        break;
      case "dispatch":
        if (p) { p.cpu = e.cpu; this.thread(p, p.pid, e.t).cpu = e.cpu; }
        break;
      case "exit":
        if (p) {
          p.ended = e.t; p.status = e.status || 0; p.exitCause = e.causeText || e.cause || ""; p.state = "terminated";
          for (const th of p.threads.values()) {
            if (th.state !== "terminated") { th.state = "terminated"; th.ended = e.t; th.cpu = -1; }
          }
        }
        break;
      case "join":
        // The main thread joined thread other: it is gone from the process.
        if (p && p.threads.has(e.other)) p.threads.get(e.other).joined = true;
        break;
      case "reap": {
        const c = this.procs.get(e.other);
        if (c) { c.reaped = true; c.reapedBy = e.pid; }
        break;
      }
      case "adopt":
        // The tree keeps the process under the parent that forked it (the
        // shape of the program's forks); it is marked as adopted.
        if (p) {
          p.orphan = true;
          p.ppid = e.other;
        }
        break;
    }
  }

  // state takes the snapshot's word on which threads remain: a detached
  // thread is forgotten as it exits, with no join to say so.
  state(snap) {
    for (const b of snap.procs || []) {
      const p = this.procs.get(b.pid);
      if (!p || p.threads.size < 2) continue;
      const live = new Set((b.threads || [{tid: b.pid}]).map((th) => th.tid));
      for (const th of p.threads.values()) {
        if (!live.has(th.tid) && th.state === "terminated") th.joined = true;
      }
    }
  }

  // threadEvent applies an event of a thread other than the main one.
  threadEvent(p, e) {
    const th = this.thread(p, e.tid, e.t);
    switch (e.k) {
      case "state":
        th.state = e.to; th.cause = e.causeText || e.cause || "";
        if (e.to !== "running") th.cpu = -1;
        if (e.to === "terminated") th.ended = e.t;
        break;
      case "dispatch":
        th.cpu = e.cpu;
        break;
      case "texit":
        th.state = "terminated"; th.ended = e.t; th.cpu = -1;
        break;
      case "join":
        if (p.threads.has(e.other)) p.threads.get(e.other).joined = true;
        break;
    }
    this.settle(p);
  }
}

// threadLabel names a thread for people: "T3".
export function threadLabel(tid) { return `T${tid}`; }

// describeStatus decodes a wait status as slide 3.30 does.
export function describeStatus(status) {
  const sig = status & 0x7f;
  if (sig) return {signal: sig, core: !!(status & 0x80), code: null};
  return {signal: 0, core: false, code: (status >> 8) & 0xff};
}
