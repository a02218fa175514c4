package kernel

import (
	"osplay/kernel/abi"
	"osplay/kernel/msg"
	"osplay/kernel/vm"
)

// Data races caught in the act (Config.DetectRaces). Two accesses to the
// same memory race when they come from different threads, at least one
// writes, and nothing orders them: no chain of synchronisation leads from
// the first to the second. The machine tracks that order, "happens
// before", with a vector clock per thread (Lamport's clocks, as
// ThreadSanitizer and FastTrack keep them):
//
//   - creating a thread hands it its creator's clock; joining a thread
//     takes the joined thread's final clock; reaping a child (wait) takes
//     the child's last clock;
//   - every atomic operation on a word — compare-and-swap, the __sync and
//     __atomic builtins — takes the clock the word was last released with
//     and releases it again with the thread's. The locks of <pthread.h>
//     (mutexes, semaphores, condition variables, read-write locks,
//     barriers, spin locks) are made of such operations on their words,
//     so a mutex's unlock and the next lock are ordered as they are
//     everywhere else, with no rule of their own;
//   - a futex wake releases onto its word; the woken thread's next
//     operation on it takes it.
//
// Every load and store of the student's code in a process with more than
// one thread is checked against the last write to its address and the
// reads since (library code is not checked: it synchronises through the
// same words). A race is reported once per pair of source lines as a
// KindRace event, and kept for Races.
//
// Beside happens-before the machine keeps the lockset of every access —
// the mutexes and semaphores the thread held, by the calls it made
// (pthread_mutex_lock … unlock, sem_wait … sem_post) — and sums them up
// per shared variable (SharedVars): how often each lock was held when it
// was accessed, so that a view can show that m protects balance but not
// count.
//
// When off, it costs nothing: the machine never looks. When on, a process
// with one thread still runs at full speed; a process with several stops
// at every load, store and call of its own code (watch.go's runVM).
//
// What it does not see: accesses to memory shared between processes (the
// clocks of different processes meet at fork, wait, pipes, messages and
// signals, but only a process's own accesses are checked), and accesses
// of different widths that overlap without starting at the same address.

// RaceAccess is one side of a race: thread TID read or wrote at a line.
type RaceAccess struct {
	TID   int
	Write bool
	File  string
	Line  int
	Locks []uint64 // the locks it held
}

// Race is a data race: two unordered accesses to the variable Var (its
// name as C writes it, or "" when the program has none there) at Addr in
// process PID; Second is the access that found it.
type Race struct {
	PID           int
	Addr          uint64
	Var           string
	First, Second RaceAccess
}

// Text is the race in the catalogue's words: "counter written by thread 3
// at t1.c:9 while thread 4 read it at t1.c:9, no common lock".
func (r Race) Text() msg.Text {
	name := msg.New(msg.RaceVar, msg.Name("name", r.Var))
	if r.Var == "" {
		name = msg.New(msg.RaceAddr, msg.Addr("addr", r.Addr))
	}
	op := func(a RaceAccess, done bool) msg.Text {
		switch {
		case a.Write && done:
			return msg.New(msg.RaceWritten)
		case a.Write:
			return msg.New(msg.RaceWrote)
		}
		return msg.New(msg.RaceRead)
	}
	return msg.New(msg.RaceFound, msg.Sub("var", name),
		msg.Sub("op", op(r.Second, true)), msg.Int("tid", r.Second.TID), msg.Name("file", r.Second.File), msg.Int("line", r.Second.Line),
		msg.Sub("oop", op(r.First, false)), msg.Int("otid", r.First.TID), msg.Name("ofile", r.First.File), msg.Int("oline", r.First.Line),
		msg.Sub("locks", commonLocks(r.First.Locks, r.Second.Locks)))
}

func commonLocks(a, b []uint64) msg.Text {
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return msg.New(msg.RaceCommonLock, msg.Addr("lock", x))
			}
		}
	}
	return msg.New(msg.RaceNoLock)
}

// maxRaces bounds the races reported per machine; maxShadow the addresses
// remembered (past it they are forgotten, and a race across the
// forgetting is missed). The clocks are bounded too, since each is as long
// as the threads the machine has had: past maxSlots threads, or maxSyncs
// words and objects synchronised on, the detector stops for the rest of
// the run rather than forget an ordering and report a race that is none.
const (
	maxRaces  = 100
	maxShadow = 1 << 16
	maxSlots  = 1024
	maxSyncs  = 4096
)

// vclock is a vector clock, indexed by thread slot.
type vclock []uint32

func (v vclock) join(o vclock) vclock {
	if len(o) > len(v) {
		v = append(v, make(vclock, len(o)-len(v))...)
	}
	for i, x := range o {
		v[i] = max(v[i], x)
	}
	return v
}

func (v vclock) at(i int) uint32 {
	if i < len(v) {
		return v[i]
	}
	return 0
}

// epoch is one access as the shadow keeps it: which thread, at which of
// its clock's ticks, where.
type epoch struct {
	slot  int
	clock uint32
	tid   int
	file  string
	line  int
	locks []uint64
}

// shadow is what the detector remembers of one address.
type shadow struct {
	write *epoch
	reads []epoch
}

type raceKey struct {
	pid  int
	addr uint64
}

type racePair struct {
	pid           int
	file1, file2  string
	line1, line2  int
	write1, wrote bool
}

// raceThread is what the detector keeps of a thread.
type raceThread struct {
	slot    int
	clock   vclock
	held    []uint64 // locks held, in the order taken
	pending pendingCall
}

// pendingCall is a call of a lock function not yet returned.
type pendingCall struct {
	fn  string
	arg uint64
}

type raceDetector struct {
	full     bool                // a bound was reached: no more checks
	threads  map[int]*raceThread // by tid
	slots    int
	final    map[int]vclock // threads that ended, by tid: their last clock (for join)
	exited   map[int]vclock // processes that ended, by pid (for wait)
	syncs    map[raceKey]vclock
	objects  map[any]vclock // pipes and files (by inode), message queues, signals to a process
	reading  map[int]any    // per thread: the object its call in progress will acquire as it returns
	shadows  map[raceKey]*shadow
	reported map[racePair]bool
	races    []Race
	vars     map[raceKey]*SharedVar
	varOrder []raceKey
}

func newRaceDetector() *raceDetector {
	return &raceDetector{threads: map[int]*raceThread{}, final: map[int]vclock{}, exited: map[int]vclock{},
		syncs: map[raceKey]vclock{}, objects: map[any]vclock{}, reading: map[int]any{}, shadows: map[raceKey]*shadow{}, reported: map[racePair]bool{}, vars: map[raceKey]*SharedVar{}}
}

// thread is tid's state, made with a fresh clock on first sight.
func (d *raceDetector) thread(tid int) *raceThread {
	rt := d.threads[tid]
	if rt == nil {
		if d.slots >= maxSlots {
			d.full = true
		}
		rt = &raceThread{slot: d.slots}
		d.slots++
		rt.clock = make(vclock, rt.slot+1)
		rt.clock[rt.slot] = 1
		d.threads[tid] = rt
	}
	return rt
}

// tick starts a new epoch of rt after it released its clock.
func (rt *raceThread) tick() {
	if rt.slot >= len(rt.clock) {
		rt.clock = append(rt.clock, make(vclock, rt.slot+1-len(rt.clock))...)
	}
	rt.clock[rt.slot]++
}

// event applies the orderings an event makes.
func (d *raceDetector) event(m *Machine, e Event) {
	if d.full {
		return
	}
	switch e.Kind {
	case KindSyscall, KindSysret, KindSignal, KindHandler:
		d.message(m, e)
	case KindThreadCreate: // TID created by Other
		parent := d.thread(e.Other)
		child := d.thread(e.TID)
		child.clock = child.clock.join(parent.clock)
		parent.tick()
	case KindCreate: // a process forked: its main thread starts from its parent's main thread
		if e.Other > 1 {
			if parent, ok := d.threads[e.Other]; ok {
				child := d.thread(e.PID)
				child.clock = child.clock.join(parent.clock)
				parent.tick()
			}
		}
	case KindThreadExit:
		if rt, ok := d.threads[e.TID]; ok {
			d.final[e.TID] = append(vclock(nil), rt.clock...)
			delete(d.threads, e.TID)
		}
	case KindExit:
		if rt, ok := d.threads[e.TID]; ok {
			d.exited[e.PID] = append(vclock(nil), rt.clock...)
		}
	case KindJoin: // TID joined Other
		if c, ok := d.final[e.Other]; ok {
			rt := d.thread(e.TID)
			rt.clock = rt.clock.join(c)
			delete(d.final, e.Other)
		}
	case KindReap: // PID reaped its child Other
		if c, ok := d.exited[e.Other]; ok {
			rt := d.thread(e.TID)
			rt.clock = rt.clock.join(c)
			delete(d.exited, e.Other)
		}
	}
}

// stopped applies the orderings of the call t stopped at: atomic
// operations and futex wakes on a word.
func (d *raceDetector) stopped(t *Thread, s vm.Stop) {
	if d.full || s.Kind != vm.StopSyscall {
		return
	}
	args := t.ctx.SyscallArgs()
	var addr uint64
	switch {
	case (s.Sys == abi.SysCAS || s.Sys == abi.SysFutexWake) && len(args) > 0:
		addr = args[0]
	case s.Sys == abi.SysAtomic && len(args) > 1:
		addr = args[1]
	default:
		return
	}
	rt := d.thread(t.TID)
	k := raceKey{t.proc.PID, addr}
	if len(d.syncs) >= maxSyncs {
		d.full = true
	}
	if s.Sys != abi.SysFutexWake {
		rt.clock = rt.clock.join(d.syncs[k]) // acquire
	}
	d.syncs[k] = d.syncs[k].join(rt.clock) // release
	rt.tick()
}
