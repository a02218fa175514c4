package kernel

import (
	"fmt"

	"osplay/kernel/sched"
)

// Ticket transfer (lottery and stride with the transfer option): a process
// that waits for a child lends it its tickets, split evenly when it waits
// for any of several, and takes them back when it wakes, so that the child
// it depends on runs sooner (OSTEP's client and server).

// lend is tickets lent to a process.
type lend struct {
	to *Process
	n  int
}

// lendTickets lends p's tickets to the children it waits for (pid > 0:
// that child; otherwise every child still alive).
func (m *Machine) lendTickets(p *Process, pid int) {
	if l, ok := m.policy.(sched.Lender); !ok || !l.Transfers() || len(p.lentTo) > 0 {
		return
	}
	var to []*Process
	for _, c := range p.children {
		if c.State != StateTerminated && (pid <= 0 || c.PID == pid) {
			to = append(to, c)
		}
	}
	if len(to) == 0 {
		return
	}
	total := int(p.task.HeldTickets())
	for i, c := range to {
		n := total / len(to)
		if i < total%len(to) {
			n++
		}
		c.task.Borrowed += n
		p.lentTo = append(p.lentTo, lend{to: c, n: n})
		m.emit(Event{PID: p.PID, Kind: KindSched, Cause: fmt.Sprintf(
			"ticket transfer: pid %d lends %d tickets to pid %d while it waits", p.PID, n, c.PID)})
	}
}

// takeBackTickets returns the tickets p lent.
func (m *Machine) takeBackTickets(p *Process) {
	if len(p.lentTo) == 0 {
		return
	}
	for _, l := range p.lentTo {
		l.to.task.Borrowed -= l.n
	}
	p.lentTo = nil
	m.emit(Event{PID: p.PID, Kind: KindSched, Cause: fmt.Sprintf("ticket transfer: pid %d takes its tickets back", p.PID)})
}
