package api

import (
	"fmt"
	"log/slog"
	"slices"
	"sync/atomic"
	"time"

	"osplay/kernel"
	"osplay/kernel/abi"
)

// window is how many batches the server sends ahead of the client's ack.
const window = 2

// maxHeld is how many intervals of running a session computes and holds
// unsent while the client has not yet acknowledged the last batch, or
// while the server is behind (the interval's timer fired late): they go
// out with the next, as one batch and one write, when the ack comes (or
// after maxHeld intervals), so that a client, or a server, that falls
// behind gets fewer and larger messages instead of a queue of small ones.
// Each interval held makes a batch up to an interval later (33 ms by
// default): holding three took about a quarter off the server's CPU per
// tick under load, at up to 100 ms of delay; one keeps it to one interval.
const maxHeld = 1

// Session is one visitor's playground: a program, its machine, the log of
// inputs, and the controls (run, pause, step, speed, seek). It knows
// nothing of the transport: it sends messages through send, and is driven
// by Handle (client commands) and Tick (the pacing timer) from one
// goroutine; only Preempt may be called from another.
//
// The machine computes on the server's CPU share (cpushare.go), a slice
// at a time, within a budget: BatchCPU for a batch, RunTimeout for a
// command. A command arriving meanwhile (Preempt) interrupts the machine,
// which stops at its next consistent point, and is handled at once.
type Session struct {
	ID      string
	lim     Limits
	send    func(v any)
	metrics *Metrics
	log     *slog.Logger

	prog    *Program
	m       *kernel.Machine
	replay  bool    // rebuilding by replay: events are counted, not sent
	n       int64   // events the machine has emitted
	pending []Event // events not yet sent
	dropped int     // syscall events left out of the pending batch, and the scheduler's routine when thinning
	thin    int     // the scheduler's routine events left out of the pending batch (thinning)…
	thinned int64   // …from this tick on
	skipped int     // events left out of the pending batch for want of room, the oldest first
	inputs  inputLog
	horizon int64
	// watchSent is the number of the next watched instruction to send
	// (kernel.Machine.Watch): those before it went in earlier batches.
	watchSent int64
	lostSent  int64  // the lost updates counted in the last one sent
	stopCode  string // the server stopped this run at a limit (memory_limit): why
	stopMsg   string
	// haltCounted: the kernel limit that ended this run is in the metrics
	// (snapshots repeat it).
	haltCounted bool
	// The client keeps the input log to resume elsewhere: the next batch
	// tells it the log changed from entry logFrom on (logChanged).
	logChanged bool
	logFrom    int
	// After a resume, the events the client already has (numbered below
	// skipBelow) are counted, not sent, however the replay got there.
	skipBelow int64

	seat    *cpuSeat
	budget  time.Duration                  // slot time the batch or command in progress may use
	waiting atomic.Int64                   // commands received (Preempt) and not yet handled
	closed  atomic.Bool                    // Close was called: a command that comes now is never handled
	wake    chan struct{}                  // signalled by Preempt, for a wait for a CPU slot
	live    atomic.Pointer[kernel.Machine] // m, for Preempt
	memory  machineMemory
	rewind  rewinder // snapshots for seeking backward (rewind.go)

	running bool
	until   int64 // a run pauses at this tick (0: runs on)
	speed   Speed
	chunk   int64 // ticks per machine call within a batch, adapted to the event rate
	// intervalEnd is where the interval of running under way ends: a batch
	// cut short (by its CPU time, or by the events a batch carries) leaves
	// the rest of its interval to the next, so that intervals end where the
	// speed puts them, whatever the host's clock (advanceInterval).
	intervalEnd int64
	seq         int64 // last batch sent
	acked       int64
	inspect     int
	// held counts the intervals computed but not sent while the client
	// is behind (maxHeld); heldDue is when the first of them was due.
	held    int
	heldDue time.Time
	paced   time.Time // when the last batch of running was due (or Run was pressed)
	// deltas: the client asked for state deltas (op "delta", delta.go).
	deltas bool
	texts  textCache     // the texts of the last events
	parts  snapshotParts // the last snapshot's parts, reused while the same (parts.go)
	// reuse: send is done with a message when it returns (the socket
	// encodes it at once), so the session may reuse the batch's slices,
	// and the batch itself: it sends a *Batch, always this one.
	reuse bool
	batch Batch
	// runAhead: the session computes the first interval of Run as soon
	// as a program loads, and holds it (ahead.go); ahead says it holds
	// one.
	runAhead  bool
	ahead     bool
	aheadFrom aheadMark
}

// NewSession makes an empty session that sends its messages through send.
func NewSession(id string, lim Limits, send func(v any), metrics *Metrics, log *slog.Logger) *Session {
	lim = lim.WithDefaults()
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Session{ID: id, lim: lim, send: send, metrics: metrics, log: log,
		speed: Speed{Ticks: lim.DefaultTicks, Interval: int(lim.BatchInterval / time.Millisecond)}, chunk: 1,
		seat: newCPUSeat(nil, 0), wake: make(chan struct{}, 1)}
}

// share makes the session compute on the server's CPU share and count its
// machine's memory in the server's budget.
func (s *Session) share(cpu *cpuShare, memory *memoryBudget) {
	s.seat = newCPUSeat(cpu, s.lim.CPUGrace)
	s.memory = machineMemory{budget: memory}
}

// Preempt says a command is on its way: the computation in progress (a
// batch, a step, a rewind) stops at the machine's next consistent point,
// so that the command is handled within milliseconds. It is safe to call
// from any goroutine; Handle counts the command as arrived.
func (s *Session) Preempt() {
	s.waiting.Add(1)
	s.seat.share.countCommands(1)
	if s.closed.Load() {
		s.uncount() // closed meanwhile: it will not be handled
	}
	if m := s.live.Load(); m != nil {
		m.Interrupt()
	}
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

// Close takes the session's machine and its commands not handled out of
// the server's counts.
func (s *Session) Close() {
	s.closed.Store(true)
	s.uncount()
	s.seat.give()
	s.memory.close()
}

// uncount takes the commands not handled out of the server's count.
func (s *Session) uncount() {
	if n := s.waiting.Swap(0); n > 0 {
		s.seat.share.countCommands(-n)
	}
}

// Hello is the first message of a session.
func (s *Session) Hello(schedulers []string) Hello {
	return Hello{Type: "hello", V: Version, Minor: Minor, Session: s.ID, Limits: s.lim.client(), Schedulers: schedulers, Speed: s.speed}
}

// Interval is the time between batches while running.
func (s *Session) Interval() time.Duration { return time.Duration(s.speed.Interval) * time.Millisecond }

// NextDue is when the next batch of running is due: an interval after the
// last one, or after Run, which answers with the first.
func (s *Session) NextDue() time.Time { return s.paced.Add(s.Interval()) }

// Wants reports whether the session wants the pacing timer: it runs, the
// machine can go on without the user, and the client has drawn enough of
// what was sent.
func (s *Session) Wants() bool {
	return s.running && s.m != nil && !s.ended() && !s.stuck() && s.seq-s.acked < window
}

// ended reports whether the run is over: the machine stopped, or the
// server stopped it at a limit.
func (s *Session) ended() bool { return s.m.Done() || s.stopCode != "" }

// stuck reports whether the machine can go on only once the user acts:
// types input, chooses who runs (manual scheduler), or sends a signal to
// threads that all wait (stalled). A replay with logged inputs still to
// give is not stuck: each comes at its tick, and the machine may wait for
// input some ticks before the one it was typed at, idling meanwhile, as
// it did the first time (a batch cut short by its CPU time just as the
// machine began to wait stopped the replay there for good).
func (s *Session) stuck() bool {
	if _, replaying := s.inputs.next(); replaying {
		return false
	}
	return s.m.WaitingForInput() || len(s.m.Asking()) > 0 || s.m.Stalled()
}

// ack takes the client's acknowledgement of the batches up to seq, and
// sends what was held for it.
func (s *Session) ack(seq int64) {
	if seq > s.acked && seq <= s.seq {
		s.acked = seq
		if s.held > 0 && s.acked == s.seq {
			s.flush(s.heldDue) // what was held for this ack
		}
	}
}

// WaitsForAck reports whether the session waits for the client's
// acknowledgement to go on: to send what it holds, or to run past its
// window. Any other acknowledgement may wait to be taken until the next
// batch is due.
func (s *Session) WaitsForAck() bool {
	return s.held > 0 || s.running && s.seq-s.acked >= window
}

// Running reports whether the session is running (it may be waiting for
// input or for the client's acks).
func (s *Session) Running() bool { return s.running }

// Handle carries out one client command.
func (s *Session) Handle(c command) {
	if c.op != "ack" && s.waiting.Load() > 0 {
		s.waiting.Add(-1)
		s.seat.share.countCommands(-1)
	}
	s.begin(s.lim.RunTimeout)
	defer s.seat.give()
	if c.op != "ack" {
		s.held = 0 // what was held goes with the command's answer (or a rewind drops it)
		if c.op != "delta" {
			s.intervalEnd = 0 // a command starts the intervals afresh
		}
	}
	if s.takeAhead(c) {
		return
	}
	switch c.op {
	case "ack":
		s.ack(c.seq)
		return
	case "delta":
		s.deltas = true
		return
	case "load":
		s.load(c.program)
		return
	case "resume":
		s.resume(c.resume)
		return
	case "speed":
		s.speed.Ticks = c.speed.Ticks
		if c.speed.Interval != 0 {
			s.speed.Interval = c.speed.Interval
		}
		s.watchPolicy()
		s.flush(time.Now())
		return
	case "inspect":
		s.inspect = c.pid
		s.flush(time.Now())
		return
	}
	if s.m == nil {
		s.fail(c.id, "no_program", "no program is loaded: press Run to compile and start one", nil)
		return
	}
	switch c.op {
	case "run":
		if s.ended() {
			s.forget() // Run after the end starts afresh
			s.horizon = 0
			if s.rebuild() != nil {
				return
			}
		}
		s.running = true
		s.until = 0
		if c.tick > s.m.Now() {
			s.until = c.tick
		}
		s.acked = s.seq // a fresh start of the pacing
		s.watchPolicy()
		// The answer is the first interval's batch, not a batch without
		// events followed by it: one message, and the first events come
		// at once.
		s.paced = time.Now()
		if !s.stuck() {
			s.begin(s.lim.BatchCPU)
			s.advanceInterval()
		}
	case "pause":
		s.running = false
		s.watchPolicy()
	case "step":
		s.running = false
		s.watchPolicy()
		s.step(c.by)
	case "reset":
		s.running = false
		s.forget()
		s.horizon = 0
		s.rebuild()
	case "seek":
		s.running = false
		s.seek(c.tick)
		return
	case "input", "eof", "signal", "interrupt", "choose":
		in := input{op: c.op, data: c.data, pid: c.pid, signal: c.signal}
		if e := s.give(in); e != nil {
			s.fail(c.id, e.Code, e.Message, e.Args)
		}
	}
	s.flush(time.Now())
	if c.op == "reset" {
		s.runAheadOfRun() // back at tick 0, as after a load: Run again comes next
	}
}

// Tick advances a running session by one batch and sends it; due is when
// the batch was due.
func (s *Session) Tick(due time.Time) {
	if !s.Wants() || s.waiting.Load() > 0 {
		return // a command first
	}
	if time.Since(due) < s.Interval() {
		s.seat.share.giveWay() // commands first (cpushare.go), unless already late
	}
	start := time.Now()
	// The server is behind when the timer's batch starts late: the
	// processors are all taken (by other sessions, by the page's own
	// process on a shared machine).
	behind := start.Sub(due) > s.Interval()/4
	s.paced = due
	s.begin(s.lim.BatchCPU)
	s.advanceInterval()
	defer func() { s.metrics.batch(time.Since(start).Seconds()) }()
	if (s.seq > s.acked || behind) && s.held < maxHeld && s.running && !s.stuck() && len(s.pending) < s.lim.MaxEventsSent {
		// The client has not drawn the last batch yet, or the server is
		// behind: hold this one, to go out with the next, one message
		// and one write for both.
		if s.held == 0 {
			s.heldDue = due
		}
		s.held++
		return
	}
	if s.held > 0 {
		due = s.heldDue // the batch is as late as its oldest part
	}
	s.flush(due)
}

// advanceInterval runs one interval of a running session at its speed
// (or what is left of one a batch cut short), no further than the tick a
// run until pauses at, and stops the run at the end or at that tick.
func (s *Session) advanceInterval() {
	target := s.m.Now() + s.speed.Ticks
	if s.intervalEnd > s.m.Now() && s.intervalEnd < target {
		target = s.intervalEnd // the rest of an interval cut short
	}
	if s.until > 0 {
		target = min(target, s.until)
	}
	s.intervalEnd = target
	s.advanceBatch(target - s.m.Now())
	if s.ended() || s.until > 0 && s.m.Now() >= s.until {
		s.running, s.until = false, 0
	}
}

// begin starts a batch or a command that may compute for budget.
func (s *Session) begin(budget time.Duration) {
	s.budget, s.seat.used = budget, 0
}

// compute makes one machine call f on a CPU slot. f is made again, going
// on from where it stopped, each time a slice ends in the middle of it.
// compute gives up, leaving the machine where f stopped, when a command is
// waiting, the budget is spent or the machine uses more memory than
// allowed. It reports whether f completed.
func (s *Session) compute(f func()) bool {
	for {
		if s.stopCode != "" || s.waiting.Load() > 0 || s.seat.spent() >= s.budget {
			return false
		}
		if !s.seat.run(s.m, s.wake, f) {
			continue // woken: look again whether a command waits
		}
		if s.overMemory() {
			return false
		}
		if !s.m.Interrupted() {
			return true
		}
	}
}

// overMemory stops the run when its processes use more memory together
// than MaxSessionMemory. The kernel's out-of-memory killer should have
// acted before (Config.MaxTotalMemory): this is the server's backstop.
func (s *Session) overMemory() bool {
	use := s.m.MemoryInUse()
	s.memory.update(use + s.rewind.bytes)
	if use <= s.lim.MaxSessionMemory {
		return false
	}
	s.running = false
	s.stopCode, s.stopMsg = codeMemoryLimit, memoryLimitMessage(s.lim.MaxSessionMemory)
	s.fail(nil, s.stopCode, s.stopMsg, map[string]any{"limit": sizeText(s.lim.MaxSessionMemory)})
	return true
}

// out sends a message; the CPU slot is given back first, as a slow client
// must not hold a CPU.
func (s *Session) out(v any) {
	s.seat.give()
	s.send(v)
}

// load compiles a program and starts its machine, paused at tick 0.
func (s *Session) load(p *Program) {
	s.running = false
	s.prog = p
	s.forget()
	s.horizon = 0
	if err := s.rebuild(); err != nil {
		return
	}
	s.metrics.run("session", "ok")
	s.flush(time.Now())
	s.runAheadOfRun()
}

// rebuild starts the program afresh on a new machine.
func (s *Session) rebuild() error {
	s.m, s.n, s.pending, s.dropped, s.skipped, s.thin = nil, 0, nil, 0, 0, 0
	s.live.Store(nil)
	if !s.replay {
		s.rewind.clear() // a new run
	}
	s.memory.update(s.rewind.bytes)
	s.stopCode, s.stopMsg = "", ""
	s.haltCounted = false
	s.skipBelow = 0
	s.inputs.applied = 0
	s.watchSent, s.lostSent = 0, 0
	var m *kernel.Machine
	var diags []CompileError
	var err error
	s.seat.run(nil, nil, func() { m, diags, err = s.prog.start(s.lim, s.onEvent) }) // a compile takes a CPU too
	if err != nil {
		s.pending = nil
		code := "start"
		if len(diags) > 0 {
			code = "compile"
			s.metrics.run("session", "compile")
		} else {
			s.metrics.run("session", "error")
		}
		s.metrics.error(code)
		s.out(Error{Type: "error", Code: code, Message: err.Error(), Errors: diags})
		s.flush(time.Now())
		return err
	}
	s.m = m
	s.live.Store(m)
	s.watchPolicy()
	return nil
}

// Watching the instructions (races you can see): the machine keeps the
// last watchKeep instructions of user code while a person can follow
// them — stepping, or running at most watchTicks ticks a batch; faster,
// it does not watch, which would slow it down.
const (
	watchKeep  = 96
	watchTicks = 1000
)

// watchPolicy turns watching on or off for how the session advances now.
func (s *Session) watchPolicy() {
	if s.m == nil {
		return
	}
	on := !s.running || s.speed.Ticks <= watchTicks
	if on && !s.m.Watching() {
		s.watchSent, s.lostSent = 0, 0 // a new watch numbers from 0
	}
	if on {
		s.m.Watch(watchKeep)
	} else {
		s.m.Watch(0)
	}
}

// replayTo advances the machine to tick t (after a rebuild, or a seek
// forward), watching only the last ticks of the way: the instructions
// that led to t.
func (s *Session) replayTo(t int64) {
	s.m.Watch(0)
	if s.advance(t-2*watchKeep) && s.m.Now() < t {
		s.watchPolicy()
		s.advance(t)
	}
}

// instructions appends to out the instructions watched since the last
// batch that carried some, read in place from the machine's ring; nil
// when there are none.
func (s *Session) instructions(out []Instr) []Instr {
	first, then := s.m.WatchedSpan(s.watchSent)
	n := len(first) + len(then)
	if n == 0 {
		return nil
	}
	if cap(out) < n {
		out = make([]Instr, 0, n)
	}
	for _, span := range [2][]kernel.Instruction{first, then} {
		for i := range span {
			out = append(out, wireInstr(&span[i]))
		}
	}
	s.watchSent = out[len(out)-1].Seq + 1
	return out
}

// onEvent receives every event of the machine.
func (s *Session) onEvent(e kernel.Event) {
	n := s.n
	s.n++
	if s.replay || n < s.skipBelow {
		return
	}
	if e.Kind == kernel.KindOOM {
		s.metrics.Limit("oom_kill")
	}
	if len(s.pending) >= s.lim.MaxEventsSent && (e.Kind == kernel.KindSyscall || e.Kind == kernel.KindSysret) {
		s.dropped++
		return
	}
	if len(s.pending) >= s.lim.MaxEventsSent/thinKeep && s.thinning() && routine(e) {
		if s.thin == 0 {
			s.thinned = e.Tick
		}
		s.thin++
		s.dropped++
		return
	}
	if len(s.pending) >= s.lim.MaxPendingEvents {
		// Keep the newest: the snapshot says where things stand, and the
		// batch says how many were left out.
		half := len(s.pending) / 2
		s.skipped += half
		s.pending = append(s.pending[:0], s.pending[half:]...)
	}
	if s.pending == nil && s.reuse {
		s.pending = eventBuffers.borrow() // given back once the batch is written (flush)
	}
	s.pending = append(s.pending, wireEventWith(n, &e, &s.texts))
}

// thinTicks is the speed (ticks a batch) beyond which a running session
// thins the scheduler's routine out of its batches, past the first
// 1/thinKeep of MaxEventsSent events of each: at a million ticks a second
// no one follows each quantum, and sending them all would hold the run to
// the few thousand ticks a batch that a page can take.
const (
	thinTicks = 10_000
	thinKeep  = 8
)

// thinning reports whether crowded batches leave out the scheduler's
// routine (routine).
func (s *Session) thinning() bool { return s.running && s.speed.Ticks > thinTicks }

// routine reports whether e is the scheduler's routine: a dispatch, a
// preemption, a context switch, an idle CPU, or a thread moving between
// ready and running.
func routine(e kernel.Event) bool {
	switch e.Kind {
	case kernel.KindDispatch, kernel.KindPreempt, kernel.KindSwitch, kernel.KindIdle:
		return true
	case kernel.KindState:
		return e.From == kernel.StateReady && e.To == kernel.StateRunning || e.From == kernel.StateRunning && e.To == kernel.StateReady
	}
	return false
}

// matchStep reports whether an event of kind ends a step "by".
func matchStep(by, kind string) bool {
	switch by {
	case "syscall":
		return kind == kernel.KindSyscall.String()
	case "event":
		return kind != kernel.KindInput.String()
	}
	return false
}

// flush sends the pending events and the machine's state as a batch.
func (s *Session) flush(due time.Time) {
	s.seq++
	s.held = 0
	// A session whose messages are done with when sent (reuse) writes its
	// batch in place; any other sends each batch anew.
	var b *Batch
	if s.reuse {
		b = &s.batch
	} else {
		b = new(Batch)
	}
	*b = Batch{Type: "batch", Seq: s.seq, Events: s.pending, Dropped: s.dropped, Skipped: s.skipped,
		State: s.snapshot(), Sent: due.UnixMicro()}
	if s.thin > 0 {
		b.Thinned = &TickRange{From: s.thinned, To: b.State.Tick}
	}
	if s.logChanged {
		b.Log = &LogChange{From: s.logFrom, Inputs: wireInputs(s.inputs.list[s.logFrom:])}
		s.logChanged = false
	}
	if b.Events == nil {
		b.Events = []Event{}
	}
	if s.skipped > 0 {
		s.metrics.error(codeEventsLimit)
	}
	if s.reuse {
		s.out(b)
	} else {
		s.out(*b)
	}
	s.pending, s.dropped, s.skipped, s.thin = nil, 0, 0, 0 // the batch keeps its slice
	if s.reuse {
		// The batch is written: its buffers go back to be lent again
		// (lend.go), and nothing reads it any more.
		lendAgain(&eventBuffers, b.Events)
		s.parts.giveBack()
		*b = Batch{}
	}
}

// fail reports an error about a command, with the values its message
// carries (nil: none).
func (s *Session) fail(id *int64, code, msg string, args map[string]any) {
	s.metrics.error(code)
	s.out(Error{Type: "error", Code: code, Message: msg, ID: id, Args: args})
}

// snapshot is the machine's state for the views.
func (s *Session) snapshot() Snapshot {
	st := Snapshot{Status: StatusEmpty, Running: s.running, Speed: s.speed, Procs: []Proc{}, CPUs: []CPU{},
		Ready: [][]int{}, Jobs: []int{}, Swapped: []int{}, Devices: []Device{}}
	if s.prog != nil {
		st.Program = s.prog.mainFile()
	}
	if s.m == nil {
		return st
	}
	m, c := s.m, &s.parts
	st.Tick, st.Events = m.Now(), s.n
	s.horizon = max(s.horizon, st.Tick)
	st.Horizon = s.horizon
	// The parts that seldom change are the last snapshot's while they are
	// the same (parts.go); those rebuilt at every batch are built in
	// buffers lent for the batch, where the session may lend (lend.go).
	b := c.buffers(s.reuse)
	st.CPUs = appendCPUs(b.cpus[:0], m)
	st.Ready = c.readyQueues(m, len(st.CPUs))
	c.jobs, c.swapped = sameInts(c.jobs, m.JobQueue()), sameInts(c.swapped, m.SwapQueue())
	st.Jobs, st.Swapped = c.jobs, c.swapped
	st.Devices = c.deviceQueues(m)
	st.Asking = asking(m)
	// Every batch lists the processes: the brief list is cheap, and only
	// the inspected process's PCB walks a memory map.
	b.briefs = m.AppendProcessList(b.briefs[:0])
	st.Procs = appendProcs(b.procs[:0], m, b.briefs)
	if st.Procs == nil {
		st.Procs = []Proc{}
	}
	st.Globals = c.globalsNow(m, b.briefs)
	st.Sync, st.Waits = c.syncObjects(m), c.waits.get(m)
	st.IPC, st.IPCMore = c.ipcObjects(m)
	st.Shared = sharedVars(m)
	st.Instructions = s.instructions(b.instrs[:0])
	if seq, n := m.LastLostUpdate(); n != s.lostSent && len(seq) > 0 {
		st.LostUpdate = &LostUpdate{Count: n, Instructions: make([]Instr, 0, len(seq))}
		for i := range seq {
			st.LostUpdate.Instructions = append(st.LostUpdate.Instructions, wireInstr(&seq[i]))
		}
		s.lostSent = n
	}
	b.procs, b.cpus = st.Procs, st.CPUs
	if st.Instructions != nil {
		b.instrs = st.Instructions
	}
	if s.inspect > 0 {
		st.PCB = pcb(m, s.inspect)
	}
	switch {
	case s.stopCode != "":
		st.Status, st.Halt, st.HaltCode = StatusDone, s.stopMsg, s.stopCode
	case m.Done():
		st.Status = StatusDone
		if err := m.Err(); err != nil {
			st.Halt, st.HaltCode, st.HaltText = err.Error(), limitCode(err), errorText(err)
			if !s.haltCounted {
				s.metrics.Limit(st.HaltCode)
				s.haltCounted = true
			}
		}
		if r := m.Result(); r.Exited || r.Signaled {
			st.Result = exitOf(r.Status)
		}
	case m.WaitingForInput():
		st.Status = StatusInput
	case len(st.Asking) > 0:
		st.Status = StatusChoose
	case m.Stalled():
		st.Status = StatusStalled
	case s.running:
		st.Status = StatusRunning
	default:
		st.Status = StatusPaused
	}
	return st
}

// advanceBatch runs the machine for up to ticks ticks, in chunks sized so
// that a batch carries about MaxEventsSent events at most, and that a
// chunk computes for a fraction of a CPU slice (between chunks the session
// looks at the clock and gives its slot up on time): a chunk that produced
// few events quickly doubles, one that produced many or took long halves.
// A machine that comes to wait for the user within the batch (for input)
// idles to the batch's end, as one RunTo to it would: where the batch
// ends must not depend on the chunks, which follow the host's clock, for
// the tick a line typed next is given at follows from it.
func (s *Session) advanceBatch(ticks int64) {
	target := s.m.Now() + ticks
	for s.m.Now() < target && !s.ended() {
		before, from, start := len(s.pending), s.m.Now(), time.Now()
		if !s.advance(min(target, s.m.Now()+s.chunk)) {
			break // a command waits, or the batch has had its CPU time
		}
		if s.m.Now() == from {
			break // nothing can happen until the user acts
		}
		got, took := len(s.pending)-before, time.Since(start)
		switch {
		case got > s.lim.MaxEventsSent/2 || took > s.lim.CPUSlice/4:
			s.chunk = max(1, s.chunk/2)
		case got < s.lim.MaxEventsSent/8 && took < s.lim.CPUSlice/16:
			s.chunk = min(s.chunk*2, 1<<20)
		}
		if len(s.pending) >= s.lim.MaxEventsSent {
			break
		}
	}
	if s.m.Now() < target && s.stuck() && s.waiting.Load() == 0 {
		// The machine came to wait for the user in a batch cut short: it
		// idles to the batch's end all the same (nothing runs: no CPU time).
		from := s.m.Now()
		s.m.RunTo(target)
		s.metrics.addTicks(s.m.Now() - from)
	}
}

// advance runs the machine to tick target, applying the logged inputs at
// their ticks. It reports false when it stopped short because a command
// waits, the budget is spent or a limit was hit (compute).
func (s *Session) advance(target int64) bool {
	before := s.m.Now()
	defer func() { s.metrics.addTicks(s.m.Now() - before) }()
	s.applyInputs()
	for s.m.Now() < target && !s.m.Done() {
		next := target
		if t, ok := s.inputs.next(); ok && t < next {
			next = t
		}
		if t := s.rewind.next; t > s.m.Now() && t < next {
			next = t // a snapshot is due there
		}
		if !s.compute(func() { s.m.RunTo(next) }) {
			return false
		}
		s.applyInputs()
		s.keepSnapshot()
		if s.m.Now() < next {
			break // waiting for input or for a choice
		}
	}
	return true
}

// step advances one tick, or to the end of the tick in which the next
// event (or system call) happens. A step that finds nothing within
// stepLimit ticks stops and says so.
func (s *Session) step(by string) {
	if s.ended() {
		return
	}
	if by == "tick" {
		s.advance(s.m.Now() + 1)
		return
	}
	const stepLimit = 200_000
	from := s.m.Now()
	hit := int64(-1) // the tick of the event that ends the step
	match := func(e kernel.Event) bool {
		if hit < 0 && matchStep(by, e.Kind.String()) {
			hit = e.Tick
		}
		return hit >= 0
	}
	s.applyInputs()
	for !s.m.Done() && !s.stuck() {
		at := s.m.Now()
		if at-from >= stepLimit {
			what := "event"
			if by == "syscall" {
				what = "system call"
			}
			s.fail(nil, "step", fmt.Sprintf("no %s in the next %d ticks: the processes compute without calling the kernel", what, at-from),
				map[string]any{"what": by, "ticks": at - from})
			return
		}
		// Run to the next logged input at most: it is given at its tick.
		next := from + stepLimit
		if t, ok := s.inputs.next(); ok && t < next {
			next = t
		}
		done := s.compute(func() {
			if hit >= 0 {
				// Interrupted after the event: a call that does nothing
				// says the step is over, as RunUntilTick would have.
				s.m.RunTo(s.m.Now())
				return
			}
			s.m.RunUntilTick(next, match)
		})
		s.metrics.addTicks(s.m.Now() - at)
		if !done {
			return // a command waits: the step ends where it is
		}
		if hit >= 0 {
			if s.m.Now() <= hit {
				s.advance(hit + 1) // the rest of the event's tick
			}
			return
		}
		if s.m.Now() == at {
			return // nothing can happen until the user acts
		}
		// A logged input (replayed after a rewind) may wake a process:
		// that too ends the step.
		sent := len(s.pending)
		s.applyInputs()
		for _, e := range s.pending[sent:] {
			if matchStep(by, e.Kind) {
				return
			}
		}
	}
}

// seek brings the machine to tick t: forward by running, backward by
// replaying with the same inputs from the latest snapshot before t
// (rewind.go), or from the start. A command arriving meanwhile stops it
// where it is: the answer says which tick it reached.
func (s *Session) seek(t int64) {
	t = min(t, s.horizon)
	if t >= s.m.Now() {
		if t-s.m.Now() > 2*watchKeep {
			s.replayTo(t) // watching only the last ticks of the way
		} else {
			s.advance(t)
		}
		s.flush(time.Now())
		return
	}
	s.replay = true
	err := errNoSnapshot
	if sn := s.rewind.before(t - 2*watchKeep); sn != nil {
		err = s.restore(sn)
	}
	if err != nil {
		err = s.rebuild()
	}
	if err == nil {
		s.replayTo(t)
	}
	s.replay = false
	s.pending, s.dropped, s.skipped = s.pending[:0], 0, 0
	if err != nil {
		return
	}
	s.out(Rewound{Type: "rewound", Tick: s.m.Now(), Events: s.n, State: s.snapshot()})
}

// give applies a user's input now and logs it for replays; inputs logged
// for later ticks (after a rewind) are forgotten, as the run now differs.
// It returns the error to send if the input is refused.
func (s *Session) give(in input) *Error {
	if s.ended() {
		return &Error{Code: "ended", Message: "the program has ended: press Run to start it again"}
	}
	if !s.inputs.fits(in, s.lim) {
		return &Error{Code: codeInputLimit, Message: inputLimitMessage(s.lim),
			Args: map[string]any{"limit": sizeText(uint64(s.lim.MaxInputBytes)), "inputs": s.lim.MaxInputs}}
	}
	in.tick = s.m.Now()
	if err := s.apply(in); err != nil {
		code := "no_process" // a signal, or Ctrl-C, with no process to take it
		if in.op == "choose" {
			code = "bad_choice"
		}
		return &Error{Code: code, Message: err.Error(), Args: map[string]any{"pid": in.pid}}
	}
	s.inputs.record(in)
	s.logChange(len(s.inputs.list) - 1)
	s.rewind.forgetAfter(in.tick, len(s.inputs.list)-1)
	return nil
}

// forget empties the input log.
func (s *Session) forget() {
	s.inputs = inputLog{}
	s.logChange(0)
}

// logChange notes that the log changed from entry from on, for the next
// batch to say.
func (s *Session) logChange(from int) {
	if !s.logChanged || from < s.logFrom {
		s.logFrom = from
	}
	s.logChanged = true
}

// resume rebuilds a session the client kept after its connection
// dropped, here or on another server: the program, replayed with the
// client's input log to the client's tick. The batch that answers carries
// only the events from the client's next one on; should the replay stop
// short (a command, the budget), the session goes on from there and still
// sends none the client has. The replay runs within the limits of any
// command (RunTimeout, memory, the kernel's), and the log has been held to
// those of typed input (checkResume).
func (s *Session) resume(r *resumption) {
	s.running = false
	s.prog = r.program
	s.inputs = inputLog{list: r.inputs, bytes: typed(r.inputs)}
	s.logChanged = false // the client has this log
	if r.speed != nil {
		s.speed = *r.speed
	}
	s.inspect = r.inspect
	if err := s.rebuild(); err != nil {
		return
	}
	s.skipBelow = r.events
	s.pending = slices.DeleteFunc(s.pending, func(e Event) bool { return e.N < r.events }) // those of the start
	s.replayTo(r.tick)
	s.horizon = max(r.horizon, s.m.Now())
	s.running = r.running && !s.ended()
	s.watchPolicy()
	s.acked = s.seq
	s.metrics.run("session", "resumed")
	s.flush(time.Now())
}

// applyInputs applies the logged inputs whose tick has come.
func (s *Session) applyInputs() {
	for {
		t, ok := s.inputs.next()
		if !ok || t > s.m.Now() {
			return
		}
		in := s.inputs.take()
		s.apply(in)
	}
}

// apply gives one input to the machine.
func (s *Session) apply(in input) error {
	switch in.op {
	case "input":
		s.m.Input([]byte(in.data))
	case "eof":
		s.m.CloseInput()
	case "signal":
		if err := s.m.Signal(in.pid, in.signal); err != nil {
			return fmt.Errorf("kill %d: %v", in.pid, err)
		}
	case "choose":
		// In a replay the machine stands at the tick of the choice but may
		// not have asked yet: asking stops it within that tick. An
		// interrupt (a slice's end, a command) may stop it sooner: go on.
		for target := s.m.Now() + 1; len(s.m.Asking()) == 0 && !s.m.Done(); {
			s.m.RunTo(target)
			if !s.m.Interrupted() {
				break
			}
		}
		if err := s.m.Choose(in.pid); err != nil {
			return err
		}
	case "interrupt":
		if pid := s.m.FirstPID(); pid > 0 {
			// As a terminal's Ctrl-C: SIGINT to the foreground process group.
			if err := s.m.Signal(-pid, abi.SIGINT); err != nil {
				return fmt.Errorf("Ctrl-C: no process in the foreground")
			}
		}
	}
	return nil
}

// crash drops the machine after an internal error in this session and
// tells the client; no other session is affected.
func (s *Session) crash(why string) {
	s.m, s.running, s.replay = nil, false, false
	s.live.Store(nil)
	s.rewind.clear()
	s.memory.update(0)
	s.pending, s.dropped, s.skipped = s.pending[:0], 0, 0
	s.out(Error{Type: "error", Code: "machine",
		Message: "internal error in this session (" + why + "): press Run to start again"})
	s.flush(time.Now())
}
