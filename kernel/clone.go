package kernel

import (
	"fmt"
	"io"
	"reflect"
	"unsafe"

	"osplay/kernel/fs"
	"osplay/kernel/internal/deepcopy"
	"osplay/kernel/sched"
	"osplay/kernel/vm"
)

// Attach is what a clone takes from outside instead of its original's:
// where its console output goes, who hears its events, who answers its
// manual policy. A nil field leaves the clone without one.
type Attach struct {
	Stdout, Stderr io.Writer
	OnEvent        func(Event)
	Chooser        sched.Chooser
	// CopyChooser gives the clone a copy of the original's chooser
	// instead of Chooser: one that is plain data, whose pointers to the
	// machine lead to the clone's (a replayed schedule's, say).
	CopyChooser bool
}

// Clone returns an independent copy of the machine as it is now: its
// processes and threads, their memory, files, pipes, sockets and IPC
// objects, wait queues, timers, scheduler and policy state, clock, random
// generators, race detector and recorded events. Run on, the copy does
// what the original would have done, event for event, and neither sees
// the other's changes. The two may run on two goroutines.
//
// What never changes is shared, not copied: the compiled programs and
// their image pages. Memory is shared copy-on-write: the pages of both
// become read-only images and a write copies one (kernel/vm/clone.go),
// so a copy costs a pointer per page, not the page. The configuration's
// program folder (Config.Files) is shared too; its Stdin, when set, is
// copied as a value (a strings.Reader, say: a reader of a file would not
// be). Output, events and the chooser come from a.
//
// It is a copy of the graph of the machine's objects, by reflection
// (kernel/internal/deepcopy), not a Clone method per type: a hand-written
// copy of the kernel's eighty-odd types would share, silently, every
// field a later change forgets to copy, and would have to find the
// pointers into other objects (a thread's wait queue inside a process)
// by hand. The walk finds every field, and what it cannot copy it says:
// a function kept in an object is rebound here (rebind). It costs about
// 140 µs for a small program's machine just started (215 objects), as
// much as starting a fresh one.
//
// The machine must be settled: not inside Run, and with no interrupt of
// the middle of a tick pending (Now is where the user's actions apply).
// Several clones of one machine may be made at once on several
// goroutines once one has been made: the first freezes its memory.
func (m *Machine) Clone(a Attach) (*Machine, error) {
	if m.stopAt != nil || len(m.deferred) > 0 || m.settleAt > m.now {
		return nil, fmt.Errorf("clone: the machine is in the middle of a tick")
	}
	// Outside the machine, not walked: what it writes to and who
	// listens, the program folder, the chooser, and the interrupt flag
	// another goroutine may set meanwhile (the clone gets its own).
	outside := map[unsafe.Pointer]bool{unsafe.Pointer(m.intr): true}
	stop := []any{m.cfg.Stdout, m.cfg.Stderr, m.cfg.Files}
	if !a.CopyChooser {
		stop = append(stop, m.cfg.Chooser)
	}
	for _, v := range stop {
		if p := pointerOf(v); p != nil {
			outside[p] = true
		}
	}
	g := deepcopy.Walk(m, func(t reflect.Type, p unsafe.Pointer) bool {
		return vm.Immutable(t) || outside[p]
	})
	frozen := vm.Freeze(g, m.phys)
	c := g.Copy(vm.Shared)
	n := deepcopy.Of(c, m)
	n.cloneBytes = frozen + c.Bytes()
	n.intr = &interruptFlag{every: m.intr.every}
	n.cfg.Stdout, n.cfg.Stderr, n.cfg.OnEvent = a.Stdout, a.Stderr, a.OnEvent
	if !a.CopyChooser {
		n.cfg.Chooser = a.Chooser
		if man, ok := n.policy.(*sched.Manual); ok {
			man.SetChooser(a.Chooser)
		}
	}
	n.rebind(g, c)
	return n, nil
}

// pointerOf is the pointer an interface holds, or nil.
func pointerOf(v any) unsafe.Pointer {
	if v == nil {
		return nil
	}
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Pointer, reflect.Map:
		return rv.UnsafePointer()
	}
	return nil
}

var (
	openFileType   = reflect.TypeFor[fs.OpenFile]()
	shmSegmentType = reflect.TypeFor[shmSegment]()
)

// rebind gives n, a fresh copy, its own closures: a function value cannot
// be copied, since what it captured is hidden in it, so each closure the
// kernel keeps in an object is made again here from the object's copy.
// A new closure kept in an object needs its line here.
func (n *Machine) rebind(g *deepcopy.Graph, c *deepcopy.Copy) {
	n.phys.Reclaim = n.reclaim
	n.fs.SetClock(n.fsClock)
	for _, p := range g.Objects(openFileType) {
		o := (*fs.OpenFile)(c.Pointer(p))
		if o.OnRelease == nil {
			continue
		}
		switch ops := o.Ops.(type) {
		case *pipeFile:
			pp := ops.p
			o.OnRelease = func() {
				pp.count(o, -1)
				n.pipeReleased(pp)
			}
		case *sockFile:
			s := ops.s
			o.OnRelease = func() { n.closeSocket(s) }
		case shmFile:
			o.OnRelease = ops.obj.Drop
		default:
			panic(fmt.Sprintf("clone: an open file of %T has a release function", o.Ops))
		}
	}
	for _, p := range g.Objects(shmSegmentType) {
		s := (*shmSegment)(c.Pointer(p))
		if s.obj != nil && s.obj.OnMap != nil {
			s.obj.OnMap = func() { n.shmTouched(s, false) }
			s.obj.OnUnmap = func() { n.shmTouched(s, true) }
		}
	}
}

// CloneBytes is, for a clone, the memory its making added: its copy of
// the kernel's objects, and the pages written since the original was last
// copied, which it now holds (shared with the original until either
// writes them). 0 for a machine that is no clone.
func (m *Machine) CloneBytes() uint64 { return m.cloneBytes }
