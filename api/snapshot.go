package api

import (
	"fmt"

	"osplay/kernel"
)

// appendProcs appends every process not yet reaped, with its current
// source line, to out.
func appendProcs(out []Proc, m *kernel.Machine, list []kernel.ProcBrief) []Proc {
	for i := range list {
		b := &list[i]
		out = append(out, Proc{PID: b.PID, PPID: b.PPID, Name: b.Name, State: b.State.String(),
			WaitOn: b.WaitOn, CPU: b.CPU, File: b.File, Line: b.Line, Func: b.Func,
			CPUTicks: b.CPUTicks, Threads: threads(m, b.PID, b.TCBs)})
	}
	return out
}

// threads lists a process's threads, or nil for a single one.
func threads(m *kernel.Machine, pid int, list []kernel.ThreadBrief) []ThreadState {
	if len(list) == 0 {
		return nil
	}
	out := make([]ThreadState, 0, len(list))
	for _, t := range list {
		th := ThreadState{TID: t.TID, State: t.State.String(), WaitOn: t.WaitOn, WaitAddr: t.WaitFor.ID,
			CPU: t.CPU, File: t.File, Line: t.Line, Func: t.Func, CPUTicks: t.CPUTicks}
		if byAddress(t.WaitFor.Kind) {
			th.WaitVar = m.VarName(pid, t.WaitFor.ID)
		}
		out = append(out, th)
	}
	return out
}

// syncObjects lists the synchronisation objects threads wait on.
func syncObjects(m *kernel.Machine) []SyncObject {
	var out []SyncObject
	for _, v := range m.SyncObjects() {
		out = append(out, SyncObject{PID: v.PID, Kind: v.Object.Kind.String(), Addr: v.Object.ID, Var: v.Var, Name: v.Object.Name,
			Owner: v.Owner, Value: v.Value, Arrived: v.Arrived, Count: v.Count, Waiters: orEmpty(v.Waiters)})
	}
	return out
}

// maxSharedSent bounds the shared variables a snapshot lists.
const maxSharedSent = 64

// sharedVars lists the variables several threads accessed, with the locks
// held (the race detector on; nil otherwise).
func sharedVars(m *kernel.Machine) []SharedVar {
	var out []SharedVar
	for _, v := range m.SharedVars() {
		if len(out) == maxSharedSent {
			break
		}
		w := SharedVar{PID: v.PID, Addr: v.Addr, Var: v.Var, Accesses: v.Accesses, Threads: orEmpty(v.Threads), Locks: []LockHeld{}}
		for _, l := range v.Locks {
			w.Locks = append(w.Locks, LockHeld{Lock: l.Lock, Var: l.Name, Held: l.Held})
		}
		out = append(out, w)
	}
	return out
}

// Bounds of a snapshot's globals.
const (
	maxGlobalsSent  = 16
	maxGlobalsProcs = 8
)

// byAddress reports whether a wait of kind k is for an object at an
// address of the process's memory (a lock, a semaphore…), not for a pid,
// a tid or a device.
func byAddress(k kernel.WaitKind) bool {
	switch k {
	case kernel.WaitNone, kernel.WaitChild, kernel.WaitTTY, kernel.WaitTimer, kernel.WaitIO, kernel.WaitJoin:
		return false
	}
	return true
}

// waitEdges converts the kernel's wait-for edges; m (nil: none) names the
// variables waited on.
func waitEdges(m *kernel.Machine, ws []kernel.WaitEdge) []WaitEdge {
	if len(ws) == 0 {
		return nil
	}
	out := make([]WaitEdge, 0, len(ws))
	for _, w := range ws {
		e := WaitEdge{PID: w.PID, TID: w.TID, Kind: w.Kind.String(), Addr: w.Addr, Holder: w.Holder,
			File: w.File, Line: w.Line, Text: wireText(w.Text())}
		if m != nil && byAddress(w.Kind) {
			e.Var = m.VarName(w.PID, w.Addr)
		}
		out = append(out, e)
	}
	return out
}

// waitsMemo is the waits of a session's last snapshot, as the kernel gave
// them (not yet in words) and on the wire: most batches of a running
// session have the same (init waiting for its child), and their texts
// cost a dozen allocations each time.
type waitsMemo struct {
	src  []kernel.Waiting
	wire []WaitEdge
	now  []kernel.Waiting // the machine's, read into it at each batch
}

// get is the wait edges of m's blocked threads, the last ones when nothing
// changed: the same threads waiting for the same objects at the same
// lines, under the same variables' names.
func (c *waitsMemo) get(m *kernel.Machine) []WaitEdge {
	c.now = m.AppendWaiting(c.now[:0])
	ws := c.now
	if len(ws) == 0 {
		c.src, c.wire = c.src[:0], nil
		return nil
	}
	if len(ws) == len(c.src) && len(c.wire) == len(ws) {
		same := true
		for i := range ws {
			a, b := &ws[i], &c.src[i]
			if *a != *b || byAddress(a.For.Kind) && m.VarName(a.PID, a.For.ID) != c.wire[i].Var {
				same = false
				break
			}
		}
		if same {
			return c.wire
		}
	}
	c.src = append(c.src[:0], ws...)
	edges := make([]kernel.WaitEdge, len(ws))
	for i, w := range ws {
		edges[i] = w.Edge()
	}
	c.wire = waitEdges(m, edges)
	return c.wire
}

// pcb is the whole PCB of pid, or nil when it is gone.
func pcb(m *kernel.Machine, pid int) *PCB {
	v, ok := m.Process(pid)
	if !ok {
		return nil
	}
	p := &PCB{PID: v.PID, PPID: v.PPID, PGID: v.PGID, Name: v.Name, Argv: v.Argv,
		State: v.State.String(), Cause: v.Cause.String(), CauseText: wireText(v.Cause), WaitOn: v.WaitOn, CPU: v.CPU, Nice: v.Nice,
		CPUTicks: v.CPUTicks, Created: v.Created, Ended: v.Ended, Status: v.Status,
		Children: v.Children, Resident: v.Resident,
		Regs: Registers{PC: v.Regs.PC, Func: v.Regs.Func, File: v.Regs.File, Line: v.Regs.Line,
			SP: v.Regs.SP, FP: v.Regs.FP, Depth: v.Regs.Depth},
		Files: []OpenFD{}, Segments: []Segment{},
		Signals: Signals{Pending: signalNames(v.Signals.Pending), Blocked: signalNames(v.Signals.Blocked),
			Handled: signalNames(v.Signals.Handled), Ignored: signalNames(v.Signals.Ignored)}}
	if v.WaitFor.Kind != kernel.WaitNone {
		p.WaitForText = wireText(v.WaitFor.Text())
	}
	if p.Children == nil {
		p.Children = []int{}
	}
	for _, f := range v.Files {
		p.Files = append(p.Files, OpenFD{FD: f.FD, Ino: f.Ino, Flags: f.Flags, Offset: f.Offset, Refs: f.Refs})
	}
	for _, s := range v.Segments {
		p.Segments = append(p.Segments, Segment{Name: s.Name, Start: s.Start, End: s.End, Prot: s.Prot})
	}
	return p
}

// signalNames names signals for the wire: SIGUSR1, SIGRTMIN+3.
func signalNames(sigs []int) []string {
	out := make([]string, len(sigs))
	for i, s := range sigs {
		out[i] = kernel.SignalName(s)
	}
	return out
}

// cpus reports the processors.
func cpus(m *kernel.Machine) []CPU { return appendCPUs(nil, m) }

// appendCPUs appends the processors to out.
func appendCPUs(out []CPU, m *kernel.Machine) []CPU {
	for _, c := range m.CPUs() {
		out = append(out, CPU{ID: c.ID, PID: c.PID, Switching: c.Switching, Busy: c.Busy, Switch: c.Switch, Idle: c.IdleFor})
	}
	if out == nil {
		out = []CPU{}
	}
	return out
}

// exitOf decodes a wait status as the lecture's slide 3.30 does: the low
// byte is the signal, the next byte the exit code.
func exitOf(status int) *Exit {
	e := &Exit{Status: status}
	if sig := status & 0x7f; sig != 0 {
		e.Signal = kernel.SignalName(sig)
		e.Core = status&0x80 != 0
		e.Describe = "killed by " + e.Signal
		if e.Core {
			e.Describe += " (core dumped)"
		}
		return e
	}
	code := status >> 8 & 0xff
	e.Code = &code
	e.Describe = fmt.Sprintf("exit code %d", code)
	return e
}

// devices lists the device queues.
func devices(m *kernel.Machine) []Device {
	out := []Device{}
	for _, d := range m.Devices() {
		q := d.Queue
		if q == nil {
			q = []int{}
		}
		out = append(out, Device{Name: d.Name, Serial: d.Serial, Queue: q})
	}
	return out
}

// asking lists the CPUs waiting for the user's choice.
func asking(m *kernel.Machine) []Ask {
	var out []Ask
	for _, a := range m.Asking() {
		out = append(out, Ask{CPU: a.CPU, Ready: a.Ready})
	}
	return out
}

func orEmpty(s []int) []int {
	if s == nil {
		return []int{}
	}
	return s
}

// wireInstr converts a watched instruction.
func wireInstr(in *kernel.Instruction) Instr {
	w := Instr{Seq: in.Seq, Tick: in.Tick, CPU: in.CPU, PID: in.PID, TID: in.TID, Func: in.Func, File: in.File,
		Line: in.Line, Op: in.Op.String(), A: in.A, B: in.B, Addr: in.Addr, Var: in.Var, Size: in.Size,
		Store: in.Store, Value: int64(in.Value), Callee: in.Callee}
	if in.Lost != nil {
		w.Lost = &LostInfo{Load: in.Lost.Load, Overwritten: in.Lost.Overwritten, Other: in.Lost.Other}
	}
	return w
}
