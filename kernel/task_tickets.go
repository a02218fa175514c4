package kernel

import (
	"osplay/kernel/msg"

	"osplay/kernel/sched"
)

// Ticket transfer (lottery and stride with the transfer option): a process
// that waits for a child lends it its tickets, split evenly when it waits
// for any of several, and takes them back when it wakes, so that the child
// it depends on runs sooner (OSTEP's client and server).

// lend is tickets lent to a thread.
type lend struct {
	to *Thread
	n  int
}

// lendTickets lends the tickets of t, which waits for a child of its
// process, to the main threads of the children it waits for (pid > 0: that
// child; otherwise every child still alive).
func (m *Machine) lendTickets(t *Thread, pid int) {
	if l, ok := m.policy.(sched.Lender); !ok || !l.Transfers() || len(t.lentTo) > 0 {
		return
	}
	p := t.proc
	var to []*Thread
	for _, c := range p.children {
		if c.State() != StateTerminated && (pid <= 0 || c.PID == pid) {
			to = append(to, c.main())
		}
	}
	if len(to) == 0 {
		return
	}
	total := int(t.task.HeldTickets())
	for i, c := range to {
		n := total / len(to)
		if i < total%len(to) {
			n++
		}
		c.task.Borrowed += n
		t.lentTo = append(t.lentTo, lend{to: c, n: n})
		m.emit(Event{PID: p.PID, TID: t.TID, Kind: KindSched, Cause: msg.New(msg.TicketsLend,
			t.task.Who("who"), msg.Int("n", n), msg.Int("to", c.proc.PID))})
	}
}

// takeBackTickets returns the tickets t lent.
func (m *Machine) takeBackTickets(t *Thread) {
	if len(t.lentTo) == 0 {
		return
	}
	for _, l := range t.lentTo {
		l.to.task.Borrowed -= l.n
	}
	t.lentTo = nil
	m.emit(Event{PID: t.proc.PID, TID: t.TID, Kind: KindSched, Cause: msg.New(msg.TicketsBack, t.task.Who("who"))})
}
