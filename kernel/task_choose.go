package kernel

import (
	"fmt"
	"strings"

	"osplay/kernel/msg"
)

// With the manual policy the user is the scheduler: when a CPU is free and
// several processes are ready, the machine stops at that tick and asks
// (an event of kind KindAsk); it goes on once Choose has named the process
// to run. The choice is an input like a typed line: a replay must give
// the same choices at the same ticks.

// ask stops the machine until the user chooses who runs on c.
func (m *Machine) ask(c *CPU) {
	m.asking = true
	if c.asked {
		return
	}
	c.asked = true
	ready := m.ReadyQueue(c.ID)
	s := make([]string, len(ready))
	for i, pid := range ready {
		s[i] = fmt.Sprint(pid)
	}
	m.emit(Event{CPU: c.ID, Kind: KindAsk, Msg: msg.New(msg.ManualAsk, msg.Int("cpu", c.ID), msg.Name("ready", strings.Join(s, ", ")))})
}

// DecisionPoint is a CPU waiting for the user's choice and the processes it
// may run.
type DecisionPoint struct {
	CPU   int
	Ready []int
}

// Asking lists the CPUs that wait for a choice, in CPU order.
func (m *Machine) Asking() []DecisionPoint {
	var out []DecisionPoint
	for _, c := range m.cpus {
		if c.asked {
			out = append(out, DecisionPoint{CPU: c.ID, Ready: m.ReadyQueue(c.ID)})
		}
	}
	return out
}

// Choose answers the first waiting question: pid runs next on that CPU.
// The machine goes on at the next RunTo, Step or Run.
func (m *Machine) Choose(pid int) error {
	if !m.started || m.halted {
		return errNotRunning
	}
	if m.decider == nil {
		return fmt.Errorf("the %s scheduler chooses by itself: use the manual scheduler to choose", m.policy.Name())
	}
	for _, c := range m.cpus {
		if !c.asked {
			continue
		}
		if err := m.decider.Choose(c.ID, pid); err != nil {
			return err
		}
		c.asked = false
		m.asking = false
		for _, o := range m.cpus {
			m.asking = m.asking || o.asked
		}
		return nil
	}
	return fmt.Errorf("no CPU is waiting for a choice")
}
