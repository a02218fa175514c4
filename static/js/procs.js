// The process table as the event stream tells it: every process created
// since the program started, with its parent (ppid, and creator: the one
// that forked it), command, state, and whether it is a zombie, reaped or an
// orphan. children lists the processes each one forked. The views read it; only the
// dispatcher feeds it.

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

  event(e) {
    const p = this.procs.get(e.pid);
    switch (e.k) {
      case "create": {
        const proc = {
          pid: e.pid, ppid: e.other || 0, name: base(e.name), argv: e.argv || [], state: "new",
          cause: "", created: e.t, ended: null, status: null, exitCause: "", reaped: false,
          orphan: false, children: [], cpu: -1, execs: 0, creator: e.other || 0,
        };
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
          p.state = e.to; p.cause = e.causeText || e.cause || "";
          if (e.to !== "running") p.cpu = -1;
        }
        break;
      case "dispatch":
        if (p) p.cpu = e.cpu;
        break;
      case "exit":
        if (p) { p.ended = e.t; p.status = e.status || 0; p.exitCause = e.causeText || e.cause || ""; p.state = "terminated"; }
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
}

// describeStatus decodes a wait status as slide 3.30 does.
export function describeStatus(status) {
  const sig = status & 0x7f;
  if (sig) return {signal: sig, core: !!(status & 0x80), code: null};
  return {signal: 0, core: false, code: (status >> 8) & 0xff};
}
