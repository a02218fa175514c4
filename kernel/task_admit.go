package kernel

import (
	"slices"

	"osplay/kernel/msg"
	"osplay/kernel/sched"
)

// The long-term scheduler decides which new processes enter the system:
// with Config.Multiprogramming = N, at most N processes are admitted at
// once (the degree of multiprogramming). The others stay in state new, in
// the job queue, and are admitted in order of arrival as admitted ones
// exit. Without a limit every process is admitted as soon as it is made.

// admit moves a new process (its main thread) into the ready queue, or
// into the job queue when the degree of multiprogramming is reached.
func (m *Machine) admit(p *Process, how sched.Why) {
	if lim := m.cfg.Multiprogramming; lim > 0 && m.countAdmitted() >= lim {
		m.jobQueue = append(m.jobQueue, p)
		p.main().Cause = msg.New(msg.InJobQueue)
		m.emit(Event{PID: p.PID, Kind: KindSched, Cause: msg.New(msg.LTSJobQueue,
			msg.Int("pid", p.PID), msg.Int("n", lim))})
		return
	}
	m.makeReady(p.main(), msg.New(msg.Admitted), how)
}

// countAdmitted counts the processes in the system: created, admitted,
// not yet terminated (init aside).
func (m *Machine) countAdmitted() int {
	n := 0
	for _, p := range m.procs {
		if st := p.State(); !p.IsInit() && st != StateNew && st != StateTerminated {
			n++
		}
	}
	return n
}

// leaving takes an exiting process out of the long- and medium-term
// schedulers' queues, gives back the tickets its threads lent, and says
// whether it held a place in memory and in the system.
func (m *Machine) leaving(p *Process) (resident, admitted bool) {
	if i := slices.Index(m.jobQueue, p); i >= 0 {
		m.jobQueue = slices.Delete(m.jobQueue, i, i+1)
	}
	for _, t := range p.threads {
		if i := slices.Index(m.swapQueue, t); i >= 0 {
			m.swapQueue = slices.Delete(m.swapQueue, i, i+1)
		}
		m.takeBackTickets(t)
	}
	return inMemory(p.State()), p.State() != StateNew
}

// released gives the place of an exited process to the next one waiting:
// a job in the job queue, a process swapped out while ready.
func (m *Machine) released(resident, admitted bool) {
	if resident {
		m.swapInNext()
	}
	if admitted && len(m.jobQueue) > 0 && (m.cfg.Multiprogramming == 0 || m.countAdmitted() < m.cfg.Multiprogramming) {
		p := m.jobQueue[0]
		m.jobQueue = m.jobQueue[1:]
		m.makeReady(p.main(), msg.New(msg.AdmittedLTS), sched.Arrived)
	}
}

// JobQueue lists the pids waiting for the long-term scheduler, in order.
func (m *Machine) JobQueue() []int {
	out := make([]int, len(m.jobQueue))
	for i, p := range m.jobQueue {
		out[i] = p.PID
	}
	return out
}
