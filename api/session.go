package api

import (
	"fmt"
	"log/slog"
	"time"

	"osplay/kernel"
	"osplay/kernel/abi"
)

// window is how many batches the server sends ahead of the client's ack.
const window = 2

// Session is one visitor's playground: a program, its machine, the log of
// inputs, and the controls (run, pause, step, speed, seek). It knows
// nothing of the transport: it sends messages through send, and is driven
// by Handle (client commands) and Tick (the pacing timer) from one
// goroutine.
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
	dropped int
	inputs  inputLog
	horizon int64

	running bool
	speed   Speed
	chunk   int64 // ticks per machine call within a batch, adapted to the event rate
	seq     int64 // last batch sent
	acked   int64
	inspect int
}

// NewSession makes an empty session that sends its messages through send.
func NewSession(id string, lim Limits, send func(v any), metrics *Metrics, log *slog.Logger) *Session {
	lim = lim.WithDefaults()
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Session{ID: id, lim: lim, send: send, metrics: metrics, log: log,
		speed: Speed{Ticks: lim.DefaultTicks, Interval: int(lim.BatchInterval / time.Millisecond)}, chunk: 64}
}

// Hello is the first message of a session.
func (s *Session) Hello(schedulers []string) Hello {
	return Hello{Type: "hello", V: Version, Session: s.ID, Limits: s.lim.client(), Schedulers: schedulers, Speed: s.speed}
}

// Interval is the time between batches while running.
func (s *Session) Interval() time.Duration { return time.Duration(s.speed.Interval) * time.Millisecond }

// Wants reports whether the session wants the pacing timer: it runs, the
// machine can go on without the user, and the client has drawn enough of
// what was sent.
func (s *Session) Wants() bool {
	return s.running && s.m != nil && !s.m.Done() && !s.stuck() && s.seq-s.acked < window
}

// stuck reports whether the machine can go on only once the user acts:
// types input, or chooses who runs (manual scheduler).
func (s *Session) stuck() bool {
	return s.m.WaitingForInput() || len(s.m.Asking()) > 0
}

// Running reports whether the session is running (it may be waiting for
// input or for the client's acks).
func (s *Session) Running() bool { return s.running }

// Handle carries out one client command.
func (s *Session) Handle(c command) {
	switch c.op {
	case "ack":
		if c.seq > s.acked && c.seq <= s.seq {
			s.acked = c.seq
		}
		return
	case "load":
		s.load(c.program)
		return
	case "speed":
		s.speed.Ticks = c.speed.Ticks
		if c.speed.Interval != 0 {
			s.speed.Interval = c.speed.Interval
		}
		s.flush(time.Now())
		return
	case "inspect":
		s.inspect = c.pid
		s.flush(time.Now())
		return
	}
	if s.m == nil {
		s.fail(c.id, "no_program", "no program is loaded: press Run to compile and start one")
		return
	}
	switch c.op {
	case "run":
		if s.m.Done() {
			s.inputs = inputLog{} // Run after the end starts afresh
			s.horizon = 0
			if s.rebuild() != nil {
				return
			}
		}
		s.running = true
		s.acked = s.seq // a fresh start of the pacing
	case "pause":
		s.running = false
	case "step":
		s.running = false
		s.step(c.by)
	case "reset":
		s.running = false
		s.inputs = inputLog{}
		s.horizon = 0
		s.rebuild()
	case "seek":
		s.running = false
		s.seek(c.tick)
		return
	case "input", "eof", "signal", "interrupt", "choose":
		in := input{op: c.op, data: c.data, pid: c.pid, signal: c.signal}
		if err := s.give(in); err != nil {
			s.fail(c.id, "bad_message", err.Error())
		}
	}
	s.flush(time.Now())
}

// Tick advances a running session by one batch and sends it; due is when
// the batch was due.
func (s *Session) Tick(due time.Time) {
	if !s.Wants() {
		return
	}
	start := time.Now()
	s.advanceBatch(s.speed.Ticks)
	if s.m.Done() {
		s.running = false
	}
	s.flush(due)
	s.metrics.batch(time.Since(start).Seconds())
}

// load compiles a program and starts its machine, paused at tick 0.
func (s *Session) load(p *Program) {
	s.running = false
	s.prog = p
	s.inputs = inputLog{}
	s.horizon = 0
	if err := s.rebuild(); err != nil {
		return
	}
	s.metrics.run("session", "ok")
	s.flush(time.Now())
}

// rebuild starts the program afresh on a new machine.
func (s *Session) rebuild() error {
	s.m, s.n, s.pending, s.dropped = nil, 0, nil, 0
	s.inputs.applied = 0
	m, diags, err := s.prog.start(s.lim, s.onEvent)
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
		s.send(Error{Type: "error", Code: code, Message: err.Error(), Errors: diags})
		s.flush(time.Now())
		return err
	}
	s.m = m
	return nil
}

// onEvent receives every event of the machine.
func (s *Session) onEvent(e kernel.Event) {
	n := s.n
	s.n++
	if s.replay {
		return
	}
	if len(s.pending) >= s.lim.MaxEventsSent && (e.Kind == kernel.KindSyscall || e.Kind == kernel.KindSysret) {
		s.dropped++
		return
	}
	s.pending = append(s.pending, wireEvent(n, e))
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
	b := Batch{Type: "batch", Seq: s.seq, Events: s.pending, Dropped: s.dropped, State: s.snapshot(),
		Sent: due.UnixMicro()}
	if b.Events == nil {
		b.Events = []Event{}
	}
	s.send(b)
	s.pending, s.dropped = nil, 0 // the batch keeps its slice
}

// fail reports an error about a command.
func (s *Session) fail(id *int64, code, msg string) {
	s.metrics.error(code)
	s.send(Error{Type: "error", Code: code, Message: msg, ID: id})
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
	m := s.m
	st.Tick, st.Events = m.Now(), s.n
	s.horizon = max(s.horizon, st.Tick)
	st.Horizon = s.horizon
	st.CPUs = cpus(m)
	st.Ready = readyQueues(m, len(st.CPUs))
	st.Jobs, st.Swapped = orEmpty(m.JobQueue()), orEmpty(m.SwapQueue())
	st.Devices = devices(m)
	st.Asking = asking(m)
	// Every batch lists the processes: the brief list is cheap, and only
	// the inspected process's PCB walks a memory map.
	st.Procs = procs(m.ProcessList())
	if s.inspect > 0 {
		st.PCB = pcb(m, s.inspect)
	}
	switch {
	case m.Done():
		st.Status = StatusDone
		if err := m.Err(); err != nil {
			st.Halt = err.Error()
		}
		if r := m.Result(); r.Exited || r.Signaled {
			st.Result = exitOf(r.Status)
		}
	case m.WaitingForInput():
		st.Status = StatusInput
	case len(st.Asking) > 0:
		st.Status = StatusChoose
	case s.running:
		st.Status = StatusRunning
	default:
		st.Status = StatusPaused
	}
	return st
}

// advanceBatch runs the machine for up to ticks ticks, in chunks sized so
// that a batch carries about MaxEventsSent events at most: a chunk that
// produced few events doubles, one that produced many halves.
func (s *Session) advanceBatch(ticks int64) {
	target := s.m.Now() + ticks
	for s.m.Now() < target && !s.m.Done() && !s.stuck() {
		before, from := len(s.pending), s.m.Now()
		s.advance(min(target, s.m.Now()+s.chunk))
		if s.m.Now() == from {
			break // nothing can happen until the user acts
		}
		got := len(s.pending) - before
		switch {
		case got > s.lim.MaxEventsSent/2:
			s.chunk = max(1, s.chunk/2)
		case got < s.lim.MaxEventsSent/8:
			s.chunk = min(s.chunk*2, 1<<20)
		}
		if len(s.pending) >= s.lim.MaxEventsSent {
			break
		}
	}
}

// advance runs the machine to tick target, applying the logged inputs at
// their ticks.
func (s *Session) advance(target int64) {
	before := s.m.Now()
	s.applyInputs()
	for s.m.Now() < target && !s.m.Done() {
		next := target
		if t, ok := s.inputs.next(); ok && t < next {
			next = t
		}
		s.m.RunTo(next)
		s.applyInputs()
		if s.m.Now() < next {
			break
		}
	}
	s.metrics.addTicks(s.m.Now() - before)
}

// step advances one tick, or to the end of the tick in which the next
// event (or system call) happens. A step that finds nothing within
// stepLimit ticks stops and says so.
func (s *Session) step(by string) {
	if s.m.Done() {
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
			s.fail(nil, "step", fmt.Sprintf("no %s in the next %d ticks: the processes compute without calling the kernel", what, at-from))
			return
		}
		// Run to the next logged input at most: it is given at its tick.
		next := from + stepLimit
		if t, ok := s.inputs.next(); ok && t < next {
			next = t
		}
		s.m.RunUntilTick(next, match)
		s.metrics.addTicks(s.m.Now() - at)
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
// replaying from the start with the same inputs.
func (s *Session) seek(t int64) {
	t = min(t, s.horizon)
	if t >= s.m.Now() {
		s.advance(t)
		s.flush(time.Now())
		return
	}
	s.replay = true
	err := s.rebuild()
	if err == nil {
		s.advance(t)
	}
	s.replay = false
	s.pending, s.dropped = s.pending[:0], 0
	if err != nil {
		return
	}
	s.send(Rewound{Type: "rewound", Tick: s.m.Now(), Events: s.n, State: s.snapshot()})
}

// give applies a user's input now and logs it for replays; inputs logged
// for later ticks (after a rewind) are forgotten, as the run now differs.
func (s *Session) give(in input) error {
	if s.m.Done() {
		return fmt.Errorf("the program has ended")
	}
	in.tick = s.m.Now()
	if err := s.apply(in); err != nil {
		return err
	}
	s.inputs.record(in)
	return nil
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
		// not have asked yet: asking stops it within that tick.
		if len(s.m.Asking()) == 0 {
			s.m.RunTo(s.m.Now() + 1)
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
	s.pending, s.dropped = s.pending[:0], 0
	s.send(Error{Type: "error", Code: "machine",
		Message: "internal error in this session (" + why + "): press Run to start again"})
	s.flush(time.Now())
}
