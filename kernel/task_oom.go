package kernel

import (
	"osplay/kernel/abi"
	"osplay/kernel/msg"
	"osplay/kernel/vm"
)

// The out-of-memory killer. The pages of every process are frames of the
// machine's memory (Config.MaxTotalMemory). When a page is needed and no
// frame is free, the kernel does what Linux's OOM killer does: it picks
// the process with the most memory resident, init aside, and kills it
// with SIGKILL to free its memory; KindOOM says so, and its exit follows.
// The process that needed the page goes on, unless it was the one killed.

// oomVictim is the process the killer ends: the one with the most memory
// resident, shared pages included (as Linux's RSS), the oldest among
// equals. nil if no process has memory.
func (m *Machine) oomVictim() *Process {
	var victim *Process
	var most uint64
	for _, p := range m.procs {
		if p.IsInit() || p.mem == nil || p.State() == StateTerminated {
			continue
		}
		if r := p.mem.ResidentBytes(); victim == nil || r > most {
			victim, most = p, r
		}
	}
	return victim
}

// oomReport emits the killer's decision: victim dies so that needer (nil:
// the kernel) gets a page.
func (m *Machine) oomReport(victim, needer *Process) {
	e := Event{PID: victim.PID, Kind: KindOOM, Bytes: int64(victim.mem.ResidentBytes()),
		Limit: LimitTotalMemory, Value: int64(m.cfg.MaxTotalMemory)}
	if needer != nil {
		e.Other = needer.PID
	}
	e.Msg = oomText(e)
	m.emit(e)
}

// oomText is the killer's decision for people, from the fields of its event.
func oomText(e Event) msg.Text {
	if e.Other != 0 {
		return msg.New(msg.OOMKilledFor, msg.Int("limit", e.Value), msg.Int("bytes", e.Bytes), msg.Int("pid", e.Other))
	}
	return msg.New(msg.OOMKilled, msg.Int("limit", e.Value), msg.Int("bytes", e.Bytes))
}

// outOfMemory handles thread t's stop for want of a frame
// (vm.StopOutOfMemory): the largest process dies, and t, if its process
// lives, runs the instruction again when it next runs. Should the death
// free no frame (its pages were all shared), the instruction stops again
// and the next largest dies: the processes are few, so it ends, with the
// death of t's process at worst.
func (m *Machine) outOfMemory(t *Thread) {
	victim := m.oomVictim() // t's process at worst
	m.oomReport(victim, t.proc)
	var by *Thread
	if victim == t.proc {
		by = t
	}
	m.die(victim, by, abi.SIGKILL)
}

// reclaim is the machine's vm.PhysicalMemory.Reclaim: the kernel's own
// access to a process's memory (a system call copying data in or out, an
// exec loading a program) needs a frame and none is free. The largest
// process dies at once, unless it is the process the kernel is working
// for: that one cannot be torn down in the middle of its call, so it is
// marked to die as the call returns, and the access fails.
func (m *Machine) reclaim(needer *vm.AddressSpace) bool {
	victim := m.oomVictim()
	if victim == nil {
		return false
	}
	if victim == m.current || victim.mem == needer {
		if victim.killSig != abi.SIGKILL {
			m.oomReport(victim, m.current)
			victim.killSig = abi.SIGKILL
		}
		return false
	}
	m.oomReport(victim, m.current)
	m.die(victim, nil, abi.SIGKILL)
	return true
}
