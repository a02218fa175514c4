package kernel

import (
	"fmt"
	"slices"

	"osplay/kernel/msg"
	"osplay/kernel/sched"
)

// Blocking. A thread that must wait for something — a child to exit, a
// line on the terminal, the end of a sleep or of an I/O, another thread to
// exit, a mutex — sleeps on the WaitQueue of that thing, and whoever makes
// it happen wakes the queue, as xv6's sleep(chan) and wakeup(chan). The
// queue carries the identity of what is waited for (WaitObject), so "who
// waits for what, held by whom" is data the views show and from which a
// wait-for graph can be drawn.
//
// A blocked system call starts over when its thread runs again after the
// wakeup: it looks at the world afresh and may sleep again. What ended the
// wait (an event, the deadline, a signal) is kept for it in its waiter.

// WaitKind is the kind of thing a thread waits for.
type WaitKind int

const (
	WaitNone      WaitKind = iota
	WaitChild              // a child of process ID to exit (wait, waitpid)
	WaitTTY                // a line typed on the terminal (read of the console)
	WaitTimer              // the end of a sleep (sleep, usleep): the deadline
	WaitIO                 // the end of an I/O on device Name (ID: its number, in order of first use): the deadline
	WaitJoin               // thread ID to exit (pthread_join); Holder is that thread
	WaitMutex              // the mutex at address ID to be unlocked; Holder is its owner
	WaitFutex              // the word at address ID to change (a futex of no known kind)
	WaitSemaphore          // the semaphore at address ID (or named semaphore ID) to be posted; Value is its value
	WaitCondvar            // the condition variable at address ID to be signalled
	WaitRWLock             // the read-write lock at address ID to be unlocked; Holder is its writer, if one holds it
	WaitBarrier            // the other threads to reach the barrier at address ID
	WaitOnce               // another thread to finish the pthread_once at address ID
	WaitPipe               // pipe ID: Value says for what (pipeForData, pipeForRoom, pipeForPeer)
	WaitPoll               // a descriptor of a poll or select to be ready
	WaitSignal             // a signal (pause, sigsuspend, sigwait)
	WaitMsgSend            // room in message queue ID (System V; a POSIX one is Name); Value is its count of messages
	WaitMsgRecv            // a message in message queue ID (System V; a POSIX one is Name); Value is its count of messages
	WaitSocket             // socket ID: Value says for what (sockForData, sockForRoom, sockForConn, sockForAccept)
	WaitSemSet             // semaphore Index of System V set ID to change (semop); Value is its value
)

var waitKindNames = [...]string{"", "child", "tty", "timer", "io", "join", "mutex", "futex",
	"semaphore", "condvar", "rwlock", "barrier", "once", "pipe", "poll", "signal", "msgsnd", "msgrcv", "socket", "semop"}

func (k WaitKind) String() string {
	if int(k) < len(waitKindNames) {
		return waitKindNames[k]
	}
	return fmt.Sprintf("WaitKind(%d)", int(k))
}

// WaitObject identifies what the threads of a wait queue wait for.
type WaitObject struct {
	Kind   WaitKind
	ID     uint64 // which one: a pid, a tid, a device's number, an address
	Name   string // a device's name, a named semaphore's
	Holder int    // the thread that holds it (a mutex's owner, the thread a join waits for); 0 when none or not known
	Value  int64  // a semaphore's value when the thread began to wait
	Index  int    // which semaphore of a System V set
}

// Label is the short name of what is waited for, as the process views
// have always shown it: "child", "tty", "timer", a device's name, "join",
// "mutex", "futex"; "" for nothing.
func (o WaitObject) Label() string {
	if o.Kind == WaitIO {
		return o.Name
	}
	return o.Kind.String()
}

// String describes the object for people: "mutex 0x601040 held by thread 7".
func (o WaitObject) String() string { return o.Text().String() }

// objectCodes are the catalogue's words for the objects at an address.
var objectCodes = map[WaitKind]msg.Code{
	WaitMutex: msg.ObjMutex, WaitFutex: msg.ObjFutex, WaitCondvar: msg.ObjCondvar,
	WaitRWLock: msg.ObjRWLock, WaitBarrier: msg.ObjBarrier, WaitOnce: msg.ObjOnce,
}

// Text describes the object, as String does, in the catalogue's words.
func (o WaitObject) Text() msg.Text {
	var t msg.Text
	switch o.Kind {
	case WaitNone:
		return msg.New(msg.ObjNone)
	case WaitChild:
		t = msg.New(msg.ObjChild, msg.Int("pid", int64(o.ID)))
	case WaitTTY:
		t = msg.New(msg.ObjTTY)
	case WaitTimer:
		t = msg.New(msg.ObjTimer)
	case WaitSignal:
		t = msg.New(msg.ObjSignal)
	case WaitIO:
		t = msg.New(msg.ObjIO, msg.Name("dev", o.Name))
	case WaitJoin:
		t = msg.New(msg.ObjJoin, msg.Int("tid", int64(o.ID)))
	case WaitSemaphore:
		if o.Name != "" { // a named semaphore: ID is the kernel's id for it
			t = msg.New(msg.ObjSemNamed, msg.Name("name", o.Name), msg.Int("value", o.Value))
		} else {
			t = msg.New(msg.ObjSem, msg.Addr("addr", o.ID), msg.Int("value", o.Value))
		}
	case WaitPipe:
		code := msg.ObjPipeData
		switch o.Value {
		case pipeForRoom:
			code = msg.ObjPipeRoom
		case pipeForPeer:
			code = msg.ObjPipePeer
		}
		t = msg.New(code, msg.Int("id", int64(o.ID)))
	case WaitPoll:
		t = msg.New(msg.ObjPoll)
	case WaitSocket:
		code := [...]msg.Code{sockForData: msg.ObjSockData, sockForRoom: msg.ObjSockRoom,
			sockForConn: msg.ObjSockConn, sockForAccept: msg.ObjSockAccept}[o.Value]
		t = msg.New(code, msg.Int("id", int64(o.ID)))
	case WaitSemSet:
		t = msg.New(msg.ObjSemSet, msg.Int("id", int64(o.ID)), msg.Int("num", int64(o.Index)), msg.Int("value", o.Value))
	case WaitMsgSend, WaitMsgRecv:
		if o.Name != "" {
			t = msg.New(msg.ObjMqueue, msg.Name("name", o.Name), msg.Int("n", o.Value))
		} else {
			t = msg.New(msg.ObjMsgQueue, msg.Int("id", int64(o.ID)), msg.Int("n", o.Value))
		}
	default:
		code, ok := objectCodes[o.Kind]
		if !ok {
			code = msg.ObjFutex
		}
		t = msg.New(code, msg.Addr("addr", o.ID))
	}
	if o.Holder != 0 && o.Kind != WaitJoin {
		t = msg.New(msg.ObjHeld, msg.Sub("obj", t), msg.Int("tid", o.Holder))
	}
	return t
}

// waitCall is why a thread sleeps in a call on o: "read: waiting for data
// in pipe 3".
func waitCall(call string, o WaitObject) msg.Text {
	return msg.New(msg.WaitCall, msg.Name("call", call), msg.Sub("obj", o.Text()))
}

// WaitQueue is the threads waiting for one object, in the order they began
// to wait. A queue is made by the machine (newWaitQueue or init) and
// belongs to its object: a process's child exits, a thread's exit, the
// terminal, a device, a futex word.
type WaitQueue struct {
	Object  WaitObject
	m       *Machine
	waiters []*Thread
}

// wakeReason says why a wait ended.
type wakeReason int

const (
	notWoken    wakeReason = iota
	wokeEvent              // the queue was woken: what it waited for happened
	wokeTimeout            // its deadline came: a sleep ended, an I/O completed
	wokeSignal             // a signal interrupted it (a handler is to run, sigwait's signal came, or its process is dying)
)

// waiter is a thread's part in a wait.
type waiter struct {
	queue    *WaitQueue // the queue it sleeps on; nil when it does not wait
	deadline int64      // the tick it wakes by itself, or sched.Forever
	// interruptible: a signal with a handler may end the wait (the call
	// then returns EINTR or starts over after the handler: task_deliver.go).
	// Every wait is but an I/O's, which ends in its time. A fatal signal
	// ends any wait: a dying thread stops waiting.
	interruptible bool
	since         int64      // the tick it began to wait
	woke          wakeReason // why the last wait ended, for the call that starts over
}

func (q *WaitQueue) init(m *Machine, o WaitObject) {
	q.m, q.Object = m, o
}

// Len is the number of waiting threads.
func (q *WaitQueue) Len() int { return len(q.waiters) }

// Waiters lists the waiting threads' tids, in the order they began to wait.
func (q *WaitQueue) Waiters() []int {
	out := make([]int, len(q.waiters))
	for i, t := range q.waiters {
		out[i] = t.TID
	}
	return out
}

// Sleep blocks the running thread t on q until the queue is woken. t
// leaves its CPU; cause is the reason its state change shows.
func (q *WaitQueue) Sleep(t *Thread, cause msg.Text) { q.SleepUntil(t, sched.Forever, cause) }

// SleepUntil is Sleep with a deadline: at tick deadline, unless woken
// before, t wakes by itself (a sleep ends, an I/O completes).
func (q *WaitQueue) SleepUntil(t *Thread, deadline int64, cause msg.Text) {
	m := q.m
	q.waiters = append(q.waiters, t)
	t.waiter = waiter{queue: q, deadline: deadline, interruptible: q.Object.Kind != WaitIO, since: m.t}
	if deadline < sched.Forever {
		m.timers.add(t)
	}
	m.setState(t, StateWaiting, cause)
	m.leaveCPU(t)
	m.swapOutBlocked(t)
}

// WakeOne wakes the thread that has waited longest, and returns it (nil
// when none waits).
func (q *WaitQueue) WakeOne(cause msg.Text) *Thread {
	if len(q.waiters) == 0 {
		return nil
	}
	t := q.waiters[0]
	q.m.wake(t, wokeEvent, cause)
	return t
}

// WakeAll wakes every waiting thread, in tid order: the order the machine
// has always woken sleepers in (xv6's wakeup scans the process table), so
// that a recorded session replays to the same events. Each woken thread
// looks again at what it waited for, and may sleep again.
func (q *WaitQueue) WakeAll(cause msg.Text) {
	ts := slices.Clone(q.waiters)
	slices.SortFunc(ts, func(a, b *Thread) int { return a.TID - b.TID })
	for _, t := range ts {
		if t.waiter.queue == q {
			q.m.wake(t, wokeEvent, cause)
		}
	}
}

// remove takes t off q.
func (q *WaitQueue) remove(t *Thread) {
	if i := slices.Index(q.waiters, t); i >= 0 {
		q.waiters = slices.Delete(q.waiters, i, i+1)
	}
}

// wake ends t's wait for why and makes it ready, the cause of its state
// change being cause.
func (m *Machine) wake(t *Thread, why wakeReason, cause msg.Text) {
	m.stopWaiting(t, why)
	m.makeReady(t, cause, sched.Woken)
}

// stopWaiting takes t off its queue, noting why its wait ended (and when
// it was to end, for a sleep a signal cuts short).
func (m *Machine) stopWaiting(t *Thread, why wakeReason) {
	if q := t.waiter.queue; q != nil {
		q.remove(t)
	}
	t.waiter = waiter{woke: why, deadline: t.waiter.deadline}
}

// waitingOn is what t waits for, or the zero WaitObject.
func (t *Thread) waitingOn() WaitObject {
	if q := t.waiter.queue; q != nil && t.State.blocked() {
		return q.Object
	}
	return WaitObject{}
}
