package kernel

import (
	"slices"

	"osplay/kernel/vm"
)

// The lock functions whose calls make a thread's lockset: what each does
// to the lock its first argument names.
var lockCalls = map[string]bool{
	"pthread_mutex_lock": true, "pthread_mutex_trylock": true, "pthread_mutex_timedlock": true,
	"sem_wait": true, "sem_trywait": true, "sem_timedwait": true,
	"pthread_mutex_unlock": false, "sem_post": false,
}

// SharedVar is a variable that more than one thread accessed, and how
// often each lock was held when it was: the lockset summary (Eraser's
// "which lock protects which variable").
type SharedVar struct {
	PID      int
	Addr     uint64
	Var      string // its name as C writes it, or "" when the program has none there
	Accesses int
	Threads  []int      // the threads that accessed it, in order of first access
	Locks    []LockHeld // the locks held at some access, in order of first hold
}

// LockHeld is one lock of a SharedVar: held at Held of its accesses. A
// lock held at every access (Held == Accesses) protects the variable.
type LockHeld struct {
	Lock uint64
	Name string // the lock's variable ("m", "fork_[2]"), or ""
	Held int
}

// instruction is called after t ran one instruction of user code ex at
// tick: it checks a load or a store, and notes a call of a lock function.
func (d *raceDetector) instruction(m *Machine, t *Thread, tick int64, ex vm.Executed) {
	if d.full {
		return
	}
	rt := d.thread(t.TID)
	switch {
	case ex.Op == vm.CALL || ex.Op == vm.CALLI:
		if _, ok := lockCalls[ex.Callee]; ok {
			rt.pending = pendingCall{fn: ex.Callee, arg: ex.Arg}
		}
	case ex.Size > 0:
		d.access(m, t, rt, tick, ex)
	}
}

// returned is called before t's next instruction of user code after a
// call: a lock call's result (0: success) changes its lockset.
func (d *raceDetector) returned(t *Thread, result uint64) {
	rt := d.threads[t.TID]
	if rt == nil || rt.pending.fn == "" {
		return
	}
	call := rt.pending
	rt.pending = pendingCall{}
	if int32(result) != 0 && call.fn != "sem_post" && call.fn != "pthread_mutex_unlock" {
		return // not taken
	}
	i := slices.Index(rt.held, call.arg)
	switch {
	case lockCalls[call.fn] && i < 0:
		rt.held = append(rt.held, call.arg)
	case !lockCalls[call.fn] && i >= 0:
		rt.held = slices.Delete(rt.held, i, i+1)
	}
}

// access checks one load or store against the shadow of its address.
func (d *raceDetector) access(m *Machine, t *Thread, rt *raceThread, tick int64, ex vm.Executed) {
	k := raceKey{t.proc.PID, ex.Addr}
	sh := d.shadows[k]
	if sh == nil {
		if len(d.shadows) >= maxShadow {
			clear(d.shadows)
		}
		sh = &shadow{}
		d.shadows[k] = sh
	}
	now := epoch{slot: rt.slot, clock: rt.clock.at(rt.slot), tid: t.TID, file: ex.File, line: ex.Line}
	if len(rt.held) > 0 {
		now.locks = slices.Clone(rt.held)
	}
	ordered := func(e *epoch) bool { return e.slot == rt.slot || e.clock <= rt.clock.at(e.slot) }
	if w := sh.write; w != nil && !ordered(w) {
		d.report(m, t, tick, ex, *w, true, now, ex.Store)
	}
	if ex.Store {
		for i := range sh.reads {
			if r := &sh.reads[i]; !ordered(r) {
				d.report(m, t, tick, ex, *r, false, now, true)
			}
		}
		sh.write, sh.reads = &now, sh.reads[:0]
	} else {
		i := slices.IndexFunc(sh.reads, func(r epoch) bool { return r.slot == rt.slot })
		if i >= 0 {
			sh.reads[i] = now
		} else {
			sh.reads = append(sh.reads, now)
		}
	}
	d.summarise(m, t, k, rt)
}

// report records a race between an earlier access and now, once per pair
// of lines, and tells the event stream.
func (d *raceDetector) report(m *Machine, t *Thread, tick int64, ex vm.Executed, first epoch, firstWrite bool, now epoch, write bool) {
	pair := racePair{pid: t.proc.PID, file1: first.file, line1: first.line, write1: firstWrite,
		file2: now.file, line2: now.line, wrote: write}
	if d.reported[pair] || len(d.races) >= maxRaces {
		return
	}
	d.reported[pair] = true
	r := Race{PID: t.proc.PID, Addr: ex.Addr,
		First:  RaceAccess{TID: first.tid, Write: firstWrite, File: first.file, Line: first.line, Locks: first.locks},
		Second: RaceAccess{TID: now.tid, Write: write, File: now.file, Line: now.line, Locks: now.locks}}
	if p := t.proc.prog; p != nil {
		r.Var = p.VarAt(ex.Addr)
	}
	d.races = append(d.races, r)
	saved := m.t
	m.t = tick // the instruction's own tick, inside the stretch being run
	m.emit(Event{PID: t.proc.PID, TID: t.TID, Kind: KindRace, Addr: ex.Addr, Other: first.tid, Msg: r.Text()})
	m.t = saved
}

// summarise counts an access of rt to k, with the locks it holds.
func (d *raceDetector) summarise(m *Machine, t *Thread, k raceKey, rt *raceThread) {
	v := d.vars[k]
	if v == nil {
		if len(d.vars) >= maxShadow {
			return
		}
		v = &SharedVar{PID: k.pid, Addr: k.addr}
		if p := t.proc.prog; p != nil {
			v.Var = p.VarAt(k.addr)
		}
		d.vars[k] = v
		d.varOrder = append(d.varOrder, k)
	}
	v.Accesses++
	if !slices.Contains(v.Threads, t.TID) {
		v.Threads = append(v.Threads, t.TID)
	}
	for _, l := range rt.held {
		i := slices.IndexFunc(v.Locks, func(h LockHeld) bool { return h.Lock == l })
		if i < 0 {
			h := LockHeld{Lock: l}
			if p := t.proc.prog; p != nil {
				h.Name = p.VarAt(l)
			}
			v.Locks = append(v.Locks, h)
			i = len(v.Locks) - 1
		}
		v.Locks[i].Held++
	}
}

// Races returns the data races found so far (Config.DetectRaces), in the
// order found.
func (m *Machine) Races() []Race {
	if m.races == nil {
		return nil
	}
	return slices.Clone(m.races.races)
}

// SharedVars returns the variables more than one thread accessed
// (Config.DetectRaces), in order of first access, each with the locks
// held at its accesses.
func (m *Machine) SharedVars() []SharedVar {
	if m.races == nil {
		return nil
	}
	var out []SharedVar
	for _, k := range m.races.varOrder {
		if v := m.races.vars[k]; len(v.Threads) > 1 {
			c := *v
			c.Threads, c.Locks = slices.Clone(v.Threads), slices.Clone(v.Locks)
			out = append(out, c)
		}
	}
	return out
}

// Guard is one lock and the shared variables accessed while it was held:
// the lockset summary seen from the lock (a mutex's or a semaphore's
// address in process PID, named as the program names it).
type Guard struct {
	PID  int
	Lock uint64
	Name string
	Vars []Guarded
}

// Guarded is a variable some accesses of which held a Guard's lock: Held
// of its Accesses. The lock protects it when Held == Accesses.
type Guarded struct {
	Addr     uint64
	Var      string
	Held     int
	Accesses int
}

// Guards returns, for each lock held at an access of a shared variable
// (Config.DetectRaces), the variables accessed while it was held, in
// order of first hold: so that a view shows that m protects balance
// (every access held it) but not count.
func (m *Machine) Guards() []Guard {
	var out []Guard
	index := map[raceKey]int{}
	for _, v := range m.SharedVars() {
		for _, l := range v.Locks {
			k := raceKey{v.PID, l.Lock}
			i, ok := index[k]
			if !ok {
				i = len(out)
				index[k] = i
				out = append(out, Guard{PID: v.PID, Lock: l.Lock, Name: l.Name})
			}
			out[i].Vars = append(out[i].Vars, Guarded{Addr: v.Addr, Var: v.Var, Held: l.Held, Accesses: v.Accesses})
		}
	}
	return out
}
