package kernel

import (
	"errors"
	"fmt"
	"slices"

	"osplay/kernel/abi"
	"osplay/kernel/msg"
	"osplay/kernel/vm"
)

// The lecture's models. Much of what the slides teach has no Linux call:
// direct and indirect naming, mailboxes owned by a process or by the OS,
// zero, bounded and unbounded capacity, synchronous and asynchronous send,
// Mach's ports, monitors with Hoare's or Mesa's signal, event objects.
// Each is a small kernel object here, built on the same wait queues as
// everything else, and reached from C through one system call,
// __osplay_model(op, …), which the teaching headers <osplay/message.h>,
// <osplay/mailbox.h>, <osplay/mach.h>, <osplay/monitor.h> and
// <osplay/event.h> wrap in the slides' names. The trace shows each op
// under its own name (mailbox_send, condition_signal, …), and every op
// makes a KindModel event saying what it did.
//
// One file per model: model_message.go (messages, direct links,
// mailboxes, ports), model_monitor.go, model_event.go.

// The ops of __osplay_model, as <osplay/model.h> numbers them.
const (
	opSend            = 1  // (pid, msg, how): send to a process (direct naming); how 1: syncsend, 2: asyncsend
	opReceive         = 2  // (pid or -1, msg, from, how): receive from one process or any; how 1: nbreceive, 2: blockreceive
	opLinkFaults      = 3  // (pid, lose%, corrupt%): the link to a process loses or scrambles messages
	opMboxCreate      = 10 // (capacity, flags)
	opMboxSend        = 11 // (mbox, msg, flags)
	opMboxReceive     = 12 // (mbox, msg, flags)
	opMboxGive        = 13 // (mbox, pid)
	opMboxDestroy     = 14 // (mbox)
	opMboxStatus      = 15 // (mbox, what)
	opMboxFaults      = 16 // (mbox, lose%, corrupt%)
	opPortAllocate    = 20 // ()
	opPortDeallocate  = 21 // (port)
	opPortStatus      = 22 // (port)
	opPortSetAllocate = 23 // ()
	opPortSetAdd      = 24 // (set, port)
	opMsgSend         = 25 // (msg, option, timeout ms)
	opMsgReceive      = 26 // (msg, port or set, option, timeout ms)
	opPortBacklog     = 27 // (port, backlog)
	opMonitorCreate   = 30 // (name)
	opMonitorEnter    = 31 // (monitor)
	opMonitorLeave    = 32 // (monitor)
	opConditionCreate = 33 // (monitor, name)
	opConditionWait   = 34 // (condition)
	opConditionSignal = 35 // (condition)
	opConditionQueue  = 36 // (condition, what): 0 how many wait, 1 its monitor
	opEventCreate     = 40 // (name)
	opEventWait       = 41 // (event)
	opEventSignal     = 42 // (event)
	opEventQueue      = 43 // (event)
	numModelOps       = 44
)

// modelCalls is the ops' table, as the system calls' (syscall.go): the
// name the trace shows, the arguments' letters, the function.
var modelCalls = [numModelOps]syscallEntry{
	opSend:            {"send", "ipi", sysModelSend},
	opReceive:         {"receive", "ippi", sysModelReceive},
	opLinkFaults:      {"link_faults", "iii", sysLinkFaults},
	opMboxCreate:      {"mailbox_create", "ix", sysMboxCreate},
	opMboxSend:        {"mailbox_send", "ipx", sysMboxSend},
	opMboxReceive:     {"mailbox_receive", "ipx", sysMboxReceive},
	opMboxGive:        {"mailbox_give", "ii", sysMboxGive},
	opMboxDestroy:     {"mailbox_destroy", "i", sysMboxDestroy},
	opMboxStatus:      {"mailbox_status", "ii", sysMboxStatus},
	opMboxFaults:      {"mailbox_faults", "iii", sysMboxFaults},
	opPortAllocate:    {"port_allocate", "", sysPortAllocate},
	opPortDeallocate:  {"port_deallocate", "i", sysPortDeallocate},
	opPortStatus:      {"port_status", "i", sysPortStatus},
	opPortSetAllocate: {"port_set_allocate", "", sysPortSetAllocate},
	opPortSetAdd:      {"port_set_add", "ii", sysPortSetAdd},
	opMsgSend:         {"msg_send", "pii", sysMsgSendMach},
	opMsgReceive:      {"msg_receive", "piii", sysMsgReceiveMach},
	opPortBacklog:     {"port_set_backlog", "ii", sysPortBacklog},
	opMonitorCreate:   {"monitor_create", "s", sysMonitorCreate},
	opMonitorEnter:    {"monitor_enter", "i", sysMonitorEnter},
	opMonitorLeave:    {"monitor_leave", "i", sysMonitorLeave},
	opConditionCreate: {"condition_create", "is", sysConditionCreate},
	opConditionWait:   {"condition_wait", "i", sysConditionWait},
	opConditionSignal: {"condition_signal", "i", sysConditionSignal},
	opConditionQueue:  {"condition_queue", "ii", sysConditionQueue},
	opEventCreate:     {"event_create", "s", sysEventCreate},
	opEventWait:       {"event_wait", "i", sysEventWait},
	opEventSignal:     {"event_signal", "i", sysEventSignal},
	opEventQueue:      {"event_queue", "i", sysEventQueue},
}

// Budgets: a program that makes thousands of mailboxes or fills them
// without end meets a clean error (ENOSPC), not the server's memory.
const (
	modelMaxObjects = 1024  // mailboxes, ports, port sets, monitors, conditions, events of a machine
	modelMaxQueued  = 10000 // messages queued (or kept by the OS) in all of a machine's mailboxes, ports and links
	modelMaxName    = 31    // bytes of a monitor's, a condition's or an event's name
)

// modelSpace is a machine's model objects. Ids are one sequence for every
// kind, from 1, never reused: an id below next that names nothing names
// an object that is gone (EIDRM).
type modelSpace struct {
	objs   map[int]modelObject
	links  map[int]*mailbox // the direct links, by the pid they carry messages to
	next   int              // the last id given
	queued int              // messages queued in all mailboxes, ports and links, and kept by the OS
	rng    uint64           // the faulty links' generator (splitmix64), from Config.Seed
	seeded bool
	call   string // the name of the op in progress, for its events
	// pending is the message a sender waits to see taken (a zero-capacity
	// mailbox, syncsend), by the sender's tid.
	pending map[int]*modelMsg
	// wantFrom is the process a receiver waits to hear from (symmetric
	// receive), by the receiver's tid.
	wantFrom map[int]int
}

// modelObject is one model object.
type modelObject interface {
	objectID() int
	// Describe is the object as a view draws it.
	Describe() ModelObject
	// queues gives add the object's wait queues, in the order Describe lists them.
	queues(add func(*WaitQueue))
}

// ModelObject is a model object as a view draws it: its kind, id and name,
// who owns or holds it, its labelled queues of waiting threads and the
// messages in it.
type ModelObject struct {
	Kind      string // "mailbox", "port", "port_set", "link", "monitor", "condition", "event"
	ID        int    // the id its calls name it by; a link's is the pid it carries messages to
	Name      string
	Owner     int    // the pid with the right to receive (0: any); for a monitor, the thread inside (0: none)
	ByOS      bool   // a mailbox owned by the OS, which outlives its owner
	InProcess bool   // a mailbox kept inside its owner's process
	Capacity  int    // messages it holds: -1 unbounded, 0 none (rendezvous)
	Semantics string // a monitor's signal: "hoare" or "mesa"
	Switches  int64  // user/kernel mode switches its sends and receives cost
	Passed    int64  // messages received out of it
	Copied    int64  // bytes copied into it and out of it (a port's double copy)
	Queues    []ModelQueue
	Items     []ModelMessage
}

// ModelQueue is one labelled queue of an object: "senders", "receivers",
// "entry", "urgent", a condition's name.
type ModelQueue struct {
	Label   string
	Waiters []int // tids, in the order they began to wait
}

// ModelMessage is a message with the slide's header (seed 002, slide 30)
// and its body.
type ModelMessage struct {
	Type, Dest, Source, Length, Control int
	Body                                []byte
	From                                int  // the sending process
	Waiting                             bool // its sender waits until it is taken
	Kept                                bool // kept by the OS until the port has room (Mach)
	Scrambled                           bool // the link changed a byte
}

// ModelObjects lists the model objects, by id, the direct links last (by pid).
func (m *Machine) ModelObjects() []ModelObject {
	ms := &m.models
	var out []ModelObject
	for _, id := range ms.ids() {
		out = append(out, ms.objs[id].Describe())
	}
	for _, pid := range ms.linkPIDs() {
		out = append(out, ms.links[pid].Describe())
	}
	return out
}

func (ms *modelSpace) ids() []int {
	ids := make([]int, 0, len(ms.objs))
	for id := range ms.objs {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids
}

func (ms *modelSpace) linkPIDs() []int {
	pids := make([]int, 0, len(ms.links))
	for pid := range ms.links {
		pids = append(pids, pid)
	}
	slices.Sort(pids)
	return pids
}

// waitQueues gives add every model object's wait queues (view.go).
func (ms *modelSpace) waitQueues(add func(*WaitQueue)) {
	for _, id := range ms.ids() {
		ms.objs[id].queues(add)
	}
	for _, pid := range ms.linkPIDs() {
		ms.links[pid].queues(add)
	}
}

// add registers a new object under a new id: ENOSPC past the budget.
func (ms *modelSpace) add(make func(id int) modelObject) (modelObject, int) {
	if len(ms.objs) >= modelMaxObjects {
		return nil, ENOSPC
	}
	if ms.objs == nil {
		ms.objs = map[int]modelObject{}
	}
	ms.next++
	o := make(ms.next)
	ms.objs[ms.next] = o
	return o, 0
}

// lookup finds object id of type T: EINVAL for none or another kind,
// EIDRM for one that is gone.
func lookup[T modelObject](ms *modelSpace, id int) (T, int) {
	var zero T
	o, ok := ms.objs[id]
	if !ok {
		if id > 0 && id <= ms.next {
			return zero, EIDRM
		}
		return zero, abi.EINVAL
	}
	t, ok := o.(T)
	if !ok {
		return zero, abi.EINVAL
	}
	return t, 0
}

// draw is the next number of the faulty links' generator, below n: the
// same seed loses and scrambles the same messages.
func (ms *modelSpace) draw(seed int64, n uint64) uint64 {
	if !ms.seeded {
		ms.rng, ms.seeded = uint64(seed)^0x6d6f64656c73, true
	}
	ms.rng += 0x9e3779b97f4a7c15
	z := ms.rng
	z = (z ^ z>>30) * 0xbf58476d1ce4e5b9
	z = (z ^ z>>27) * 0x94d049bb133111eb
	return (z ^ z>>31) % n
}

// sysModel stands for the ops in the system-call table; syscall calls
// each op's own entry (modelCall).
func sysModel(m *Machine, t *Thread, a []uint64) sysret { return fail(ENOSYS) }

// modelCall is the entry of the op a[0] of __osplay_model, with its
// arguments, and whether it runs as a library call, without entering the
// kernel: a receive from a mailbox kept inside the receiver's own
// process, when a message is there (slide 36). Nil for an unknown op.
func (m *Machine) modelCall(t *Thread, a []uint64) (e *syscallEntry, lib bool, args []uint64) {
	if len(a) == 0 || a[0] >= numModelOps || modelCalls[a[0]].fn == nil {
		return nil, false, nil
	}
	op, args := a[0], a[1:]
	e = &modelCalls[op]
	if name := opName(op, args); name != "" && name != e.name {
		named := *e
		named.name = name
		e = &named
	}
	m.models.call = e.name
	if !t.inSyscall && (op == opMboxSend || op == opMboxReceive) && len(args) > 0 {
		if mb, errno := lookup[*mailbox](&m.models, int(int32(args[0]))); errno == 0 {
			lib = op == opMboxReceive && mb.inProcess && mb.owner == t.proc.PID && len(mb.msgs) > 0
			if !lib {
				mb.switches += 2 // into the kernel and back
			}
		}
	}
	return e, lib, args
}

// opName is the name of the function of the teaching headers that makes
// op with args, where send and receive stand for several; "" for the
// op's own name.
func opName(op uint64, args []uint64) string {
	switch {
	case op == opSend && len(args) > 2 && args[2] == 1:
		return "syncsend"
	case op == opSend && len(args) > 2 && args[2] == 2:
		return "asyncsend"
	case op == opReceive && len(args) > 3 && args[3] == 1:
		return "nbreceive"
	case op == opReceive && len(args) > 3 && args[3] == 2:
		return "blockreceive"
	case op == opReceive && len(args) > 0 && int32(args[0]) == -1:
		return "receive_any"
	case op == opSend:
		return "send"
	case op == opReceive:
		return "receive"
	}
	return "" // the op's own name
}

// modelEvent reports what the model call of t in progress did.
func (m *Machine) modelEvent(t *Thread, what msg.Text) {
	m.emit(Event{PID: t.proc.PID, TID: t.TID, Kind: KindModel, Name: m.models.call, Msg: what})
}

// modelExited is what a process's end does to the models: the mailboxes,
// ports and link it owns go, unless the OS owns them (then anyone may
// receive); a monitor one of its threads was in is handed on; those who
// wait to hear from it hear that it is gone.
func (m *Machine) modelExited(p *Process) {
	ms := &m.models
	for _, id := range ms.ids() {
		switch o := ms.objs[id].(type) {
		case *mailbox:
			if o.owner != p.PID {
				continue
			}
			if o.byOS {
				o.owner = 0
				m.emit(Event{PID: p.PID, Kind: KindModel, Name: "exit", Msg: msg.New(msg.ModelGiven, msg.Sub("obj", o.text()), msg.Int("pid", 0))})
				continue
			}
			m.destroyMailbox(o, msg.New(msg.ModelOwnerGone, msg.Sub("obj", o.text()), msg.Int("pid", p.PID)),
				msg.New(msg.WokeOwnerGone, msg.Sub("obj", o.text()), msg.Int("pid", p.PID)), p.PID)
		case *monitor:
			if o.owner != nil && o.owner.proc == p {
				m.release(o)
			}
		}
	}
	if l := ms.links[p.PID]; l != nil {
		m.destroyMailbox(l, msg.New(msg.ModelPeerGone, msg.Int("pid", p.PID)), msg.New(msg.WokePeerExited, msg.Int("pid", p.PID)), p.PID)
		delete(ms.links, p.PID)
	}
	for _, th := range p.threads {
		delete(ms.pending, th.TID)
		delete(ms.wantFrom, th.TID)
	}
	// Receivers waiting to hear from p: it will say nothing more.
	var deaf []int
	for tid, pid := range ms.wantFrom {
		if pid == p.PID {
			deaf = append(deaf, tid)
		}
	}
	slices.Sort(deaf)
	for _, tid := range deaf {
		th := m.thread(tid)
		if th == nil || !th.State.blocked() {
			continue
		}
		if l := ms.links[th.proc.PID]; l != nil && th.waiter.queue == &l.receivers {
			m.wake(th, wokeEvent, msg.New(msg.WokePeerExited, msg.Int("pid", p.PID)))
		}
	}
}

// modelThreadExited hands on a monitor thread t was inside when it ended
// (its process goes on), and forgets what t waited for.
func (m *Machine) modelThreadExited(t *Thread) {
	ms := &m.models
	delete(ms.pending, t.TID)
	delete(ms.wantFrom, t.TID)
	for _, id := range ms.ids() {
		if mon, ok := ms.objs[id].(*monitor); ok && mon.owner == t {
			m.release(mon)
		}
	}
}

// checkMonitor validates Config.Monitor.
func checkMonitor(s string) error {
	switch s {
	case "", MonitorHoare, MonitorMesa:
		return nil
	}
	return fmt.Errorf("monitor semantics %q: hoare or mesa", s)
}

// The signal semantics of monitors (Config.Monitor).
const (
	MonitorHoare = "hoare" // the signalled thread runs at once; the signaller waits in the urgent queue
	MonitorMesa  = "mesa"  // the signaller goes on; the signalled thread waits to enter again (Hansen, Mesa)
)

// readName reads the name of a monitor, a condition or an event: at most
// modelMaxName bytes; "" for NULL.
func readName(t *Thread, addr uint64) (string, int) {
	if addr == 0 {
		return "", 0
	}
	s, err := t.proc.mem.ReadCString(addr, modelMaxName+1)
	var f *vm.Fault
	switch {
	case errors.As(err, &f) && f.Msg.Code == msg.FaultLongString:
		return "", abi.EINVAL
	case err != nil:
		return "", abi.EFAULT
	case len(s) > modelMaxName:
		return "", abi.EINVAL
	}
	return s, 0
}

// modelObjText names a model object a thread waits for.
func modelObjText(o WaitObject) msg.Text {
	switch o.Kind {
	case WaitMailbox:
		return msg.New(msg.ObjMailbox, msg.Int("id", int64(o.ID)), msg.Int("n", o.Value))
	case WaitPort:
		return msg.New(msg.ObjPort, msg.Int("id", int64(o.ID)), msg.Int("n", o.Value))
	case WaitPortSet:
		return msg.New(msg.ObjPortSet, msg.Int("id", int64(o.ID)))
	case WaitLink:
		return msg.New(msg.ObjLink, msg.Int("pid", int64(o.ID)), msg.Int("n", o.Value))
	case WaitMonitor:
		return msg.New(msg.ObjMonitor, msg.Name("name", o.Name))
	case WaitUrgent:
		return msg.New(msg.ObjUrgent, msg.Name("name", o.Name))
	case WaitCondition:
		return msg.New(msg.ObjCondition, msg.Name("name", o.Name))
	}
	return msg.New(msg.ObjEvent, msg.Name("name", o.Name))
}
