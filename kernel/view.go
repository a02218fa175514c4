package kernel

import (
	"slices"

	"osplay/kernel/msg"
	"osplay/kernel/sched"
	"osplay/kernel/vm"
)

// ProcView is a snapshot of a PCB for the views: everything the lecture's
// PCB slide lists. What belongs to a thread (state, cause, CPU, registers,
// what it waits for, the scheduler's view) is that of the thread that
// stands for the process (its state is the process's state; see
// Process.State), which for a single-threaded process is its only thread;
// Threads lists them all.
type ProcView struct {
	PID, PPID, PGID int
	Name            string
	Argv            []string
	State           State
	Cause           msg.Text
	WaitOn          string     // WaitFor's label: "child", "tty", "timer", a device's name…
	WaitFor         WaitObject // what it waits for (Kind WaitNone when it does not)
	CPU             int
	Nice            int
	Priority        int    // the scheduler's priority (lower is more urgent)
	Tickets         int    // lottery and stride tickets held, lent ones included
	Sched           string // how the policy sees it: "queue 2, 3 of 10 ticks of its slice left"
	CPUTicks        int64
	Created, Ended  int64
	Status          int
	Children        []int
	Files           []FileView
	Regs            vm.Registers // zero for init and zombies
	Segments        []vm.Segment
	Resident        uint64
	Threads         []ThreadView // every thread not yet joined, in tid order, the main one first
	Signals         SignalState  // pending, blocked (by the main thread), handled and ignored signals
}

// ThreadView is a snapshot of a TCB.
type ThreadView struct {
	TID      int
	State    State
	Cause    msg.Text
	WaitOn   string
	WaitFor  WaitObject
	CPU      int
	CPUTicks int64
	Errno    int          // the error of its last failed system call
	Regs     vm.Registers // zero once it has ended
	Stack    uint64       // the bottom of its stack region; 0 for the main thread's stack
}

// FileView is one open descriptor.
type FileView struct {
	FD     int
	Ino    uint64
	Flags  int
	Offset int64
	Refs   int
}

// ProcBrief is the part of a PCB the process views need at every change:
// the tree, the five-state diagram, the process table with its source line.
// It leaves out what is dear to build (the memory map walks the page table),
// so listing every process stays cheap enough to do in every batch.
type ProcBrief struct {
	PID, PPID int
	Name      string
	State     State
	WaitOn    string
	WaitFor   WaitObject
	CPU       int
	CPUTicks  int64
	Threads   int // threads not yet joined (1 for a single-threaded process)
	// TCBs lists those threads, in tid order, the main one first, when
	// there is more than one (nil for a single-threaded process).
	TCBs []ThreadBrief
	// Where the process is in its program: the innermost function of the
	// student's code (a call into libc shows at its caller), as in
	// ProcView.Regs. Empty for init and zombies.
	File string
	Line int
	Func string
}

// ProcessList returns a brief of every process not yet reaped, by pid.
func (m *Machine) ProcessList() []ProcBrief {
	return m.AppendProcessList(make([]ProcBrief, 0, len(m.procs)))
}

// AppendProcessList appends ProcessList's briefs to out: a caller that
// lists the processes at every batch reuses its slice.
func (m *Machine) AppendProcessList(out []ProcBrief) []ProcBrief {
	for _, p := range m.procs {
		t := p.rep()
		w := t.waitingOn()
		b := ProcBrief{PID: p.PID, PPID: p.PPID, Name: p.Name, State: t.State, WaitOn: w.Label(), WaitFor: w,
			CPU: t.CPU, CPUTicks: p.CPUTicks(), Threads: len(p.threads)}
		if t.ctx != nil {
			r := t.ctx.Registers()
			b.File, b.Line, b.Func = r.File, r.Line, r.Func
		}
		if len(p.threads) > 1 {
			for _, t := range p.threads {
				b.TCBs = append(b.TCBs, threadBrief(t))
			}
		}
		out = append(out, b)
	}
	return out
}

// ThreadBrief is the part of a TCB the thread views need at every change,
// as ProcBrief is of a PCB.
type ThreadBrief struct {
	TID      int
	State    State
	WaitOn   string
	WaitFor  WaitObject
	CPU      int
	CPUTicks int64
	File     string
	Line     int
	Func     string
}

// threadBrief is t's brief.
func threadBrief(t *Thread) ThreadBrief {
	w := t.waitingOn()
	b := ThreadBrief{TID: t.TID, State: t.State, WaitOn: w.Label(), WaitFor: w, CPU: t.CPU, CPUTicks: t.task.Total}
	if t.ctx != nil {
		r := t.ctx.Registers()
		b.File, b.Line, b.Func = r.File, r.Line, r.Func
	}
	return b
}

// Process returns the whole PCB of pid, and false when no such process is
// alive or a zombie.
func (m *Machine) Process(pid int) (ProcView, bool) {
	p := m.proc(pid)
	if p == nil {
		return ProcView{}, false
	}
	return m.view(p), true
}

// Processes returns a snapshot of every process not yet reaped, by pid.
// It builds each memory map: ProcessList is the cheap list, Process the
// view of one.
func (m *Machine) Processes() []ProcView {
	out := make([]ProcView, 0, len(m.procs))
	for _, p := range m.procs {
		out = append(out, m.view(p))
	}
	return out
}

// view is p's PCB as the views show it.
func (m *Machine) view(p *Process) ProcView {
	t := p.rep()
	w := t.waitingOn()
	v := ProcView{
		PID: p.PID, PPID: p.PPID, PGID: p.PGID, Name: p.Name, Argv: p.Argv,
		State: t.State, Cause: t.Cause, WaitOn: w.Label(), WaitFor: w, CPU: t.CPU, Nice: p.Nice,
		CPUTicks: p.CPUTicks(), Created: p.Created, Ended: p.Ended, Status: p.Status,
		Children: p.Children(),
		Priority: t.task.Priority, Tickets: int(t.task.HeldTickets()),
		Signals: p.Signals(),
	}
	if d, ok := m.policy.(sched.Describer); ok && !p.IsInit() && t.State != StateTerminated {
		v.Sched = d.Describe(&t.task)
	}
	if p.files != nil {
		for _, fd := range p.files.Open() {
			o, _ := p.files.Get(fd)
			v.Files = append(v.Files, FileView{FD: fd, Ino: o.Node.Ino, Flags: o.Flags, Offset: o.Off, Refs: o.Refs()})
		}
	}
	if t.ctx != nil {
		v.Regs = t.ctx.Registers()
	}
	if p.mem != nil {
		v.Segments = p.mem.Segments()
		v.Resident = p.mem.ResidentBytes()
	}
	for _, t := range p.threads {
		v.Threads = append(v.Threads, threadView(t))
	}
	return v
}

// threadView is t's TCB as the views show it.
func threadView(t *Thread) ThreadView {
	w := t.waitingOn()
	v := ThreadView{TID: t.TID, State: t.State, Cause: t.Cause, WaitOn: w.Label(), WaitFor: w,
		CPU: t.CPU, CPUTicks: t.task.Total, Errno: t.errno, Stack: t.stack}
	if t.ctx != nil {
		v.Regs = t.ctx.Registers()
	}
	return v
}

// ReadyQueue lists the threads the policy would dispatch on cpu, in order,
// by tid: the pid of a single-threaded process.
func (m *Machine) ReadyQueue(cpu int) []int { return m.AppendReadyQueue(nil, cpu) }

// AppendReadyQueue appends ReadyQueue(cpu) to out.
func (m *Machine) AppendReadyQueue(out []int, cpu int) []int {
	if m.policy == nil {
		return out
	}
	for _, t := range m.policy.Ready(cpu) {
		out = append(out, t.ID())
	}
	return out
}

// LevelView is one ready queue of a policy with several.
type LevelView struct {
	Name string
	PIDs []int // tids, as ReadyQueue
}

// ReadyLevels lists cpu's ready queues, the one served first first: the
// levels of MLQ and MLFQ, or the single ready queue of other policies.
func (m *Machine) ReadyLevels(cpu int) []LevelView {
	if m.policy == nil {
		return nil
	}
	l, ok := m.policy.(sched.Leveled)
	if !ok {
		return []LevelView{{Name: "ready queue", PIDs: m.ReadyQueue(cpu)}}
	}
	var out []LevelView
	for _, lv := range l.Levels(cpu) {
		v := LevelView{Name: lv.Name}
		for _, t := range lv.Tasks {
			v.PIDs = append(v.PIDs, t.ID())
		}
		out = append(out, v)
	}
	return out
}

// Sched is the machine's policy as a spec, with its options.
func (m *Machine) Sched() string {
	s, err := CanonicalSpec(m.cfg)
	if err != nil {
		return m.cfg.Sched
	}
	return s
}

// WaitQueueView is a wait queue that threads wait on: what for, and who,
// in the order they began to wait.
type WaitQueueView struct {
	Object  WaitObject
	Waiters []int // tids
}

// WaitQueues lists every wait queue a thread waits on: the terminal's, the
// sleepers', each device's in order of first use, then each process's in
// pid order — its children's exits, its threads' exits (by tid), its futex
// words (by address) —, then the message queues' (msgqueue.go). Who waits for what, held by whom: the queue views
// and a wait-for graph are drawn from it.
func (m *Machine) WaitQueues() []WaitQueueView {
	var out []WaitQueueView
	add := func(q *WaitQueue) {
		if q.Len() > 0 {
			out = append(out, WaitQueueView{Object: q.Object, Waiters: q.Waiters()})
		}
	}
	add(&m.console.readers)
	add(&m.sleepers)
	for _, d := range m.devices {
		add(&d.queue)
	}
	for _, p := range m.procs {
		add(&p.childExit)
		for _, t := range p.threads {
			add(&t.exited)
		}
		addrs := make([]uint64, 0, len(p.futexes))
		for a := range p.futexes {
			addrs = append(addrs, a)
		}
		slices.Sort(addrs)
		for _, a := range addrs {
			add(p.futexes[a])
		}
	}
	m.ipc.waitQueues(add)
	m.ipc.sem.waitQueues(add)
	m.models.waitQueues(add)
	return out
}

// Cycles finds the cycles of a wait-for graph: each, from its thread of
// least tid, is the waits of threads that each wait for what the next
// holds, the last for what the first holds. A thread waits for one object
// at most, so cycles never share a thread.
func Cycles(waits []WaitEdge) [][]WaitEdge {
	by := map[int]WaitEdge{}
	for _, w := range waits {
		by[w.TID] = w
	}
	done := map[int]bool{}
	var out [][]WaitEdge
	for _, w := range waits {
		var path []WaitEdge
		at := map[int]int{}
		for cur, ok := w, true; ok && !done[cur.TID]; cur, ok = by[cur.Holder] {
			if i, again := at[cur.TID]; again {
				c := path[i:]
				first := 0
				for j := range c {
					if c[j].TID < c[first].TID {
						first = j
					}
				}
				out = append(out, append(slices.Clone(c[first:]), c[:first]...))
				break
			}
			at[cur.TID] = len(path)
			path = append(path, cur)
		}
		for _, e := range path {
			done[e.TID] = true
		}
	}
	return out
}

// VarName names the variable of process pid's program at addr as C
// would ("counter", "fork_[2]"), or "" when none is there.
func (m *Machine) VarName(pid int, addr uint64) string {
	if p := m.proc(pid); p != nil && p.prog != nil {
		return p.prog.VarAt(addr)
	}
	return ""
}

// Stalled reports whether the machine can do nothing more by itself: it
// has not stopped, yet no CPU has work and no timer is set — every thread
// waits for another thread, for the terminal, or for a signal from the
// user. A run to the end (Run) stops there, as a deadlock unless a thread
// waits for the terminal; a session waits for its user.
func (m *Machine) Stalled() bool {
	return m.started && !m.halted && !m.cpusBusy() && m.nextTimer() == sched.Forever
}

// WaitsNow is every blocked thread's wait as an edge of the wait-for
// graph, in pid then tid order: who waits for what, held by whom, at which
// line. A thread waiting for an object with one holder points at it; the
// views find the cycles.
func (m *Machine) WaitsNow() []WaitEdge { return m.blockedWaits() }

// SyncView is a synchronisation object that threads wait on, as it stands
// now: a mutex with its owner, a semaphore with its value, a barrier with
// the threads that have arrived, and the threads waiting, in the order
// they began to wait.
type SyncView struct {
	PID     int // the process whose memory holds it
	Object  WaitObject
	Var     string // the program's variable at the object's address ("fork_[2]"), if one is there
	Owner   int    // a mutex's owner, a read-write lock's writer (0: none)
	Value   int64  // a semaphore's value
	Arrived int    // a barrier: threads waiting at it now…
	Count   int    // …of the number it lets through together
	Waiters []int  // tids
}

// SyncObjects lists the synchronisation objects (futex words) that
// threads wait on, by process and address, read from memory now; then the
// threads that others wait to join, by tid.
func (m *Machine) SyncObjects() []SyncView {
	var out []SyncView
	for _, p := range m.procs {
		if len(p.futexes) == 0 && len(p.threads) == 1 && p.threads[0].exited.Len() == 0 {
			continue // most processes: no word waited on, no thread to join
		}
		addrs := make([]uint64, 0, len(p.futexes))
		for a, q := range p.futexes {
			if q.Len() > 0 {
				addrs = append(addrs, a)
			}
		}
		slices.Sort(addrs)
		for _, a := range addrs {
			q := p.futexes[a]
			v := SyncView{PID: p.PID, Object: q.Object, Waiters: q.Waiters(), Var: m.VarName(p.PID, a)}
			v.Owner = m.holderNow(p, q.Object)
			if p.mem != nil {
				switch q.Object.Kind {
				case WaitSemaphore:
					if w, err := p.mem.ReadU32(a); err == nil {
						v.Value = int64(int32(w &^ futexWaiters))
					}
				case WaitBarrier: // the word is the generation, after the count and the arrived
					c, err1 := p.mem.ReadU32(a - 8)
					n, err2 := p.mem.ReadU32(a - 4)
					if err1 == nil && err2 == nil {
						v.Count, v.Arrived = int(int32(c)), int(int32(n))
					}
				}
			}
			out = append(out, v)
		}
		for _, t := range p.threads {
			if t.exited.Len() > 0 {
				out = append(out, SyncView{PID: p.PID, Object: t.exited.Object, Waiters: t.exited.Waiters()})
			}
		}
	}
	return out
}
