package kernel

import (
	"osplay/kernel/sched"
	"osplay/kernel/vm"
)

// ProcView is a snapshot of a PCB for the views: everything the lecture's
// PCB slide lists.
type ProcView struct {
	PID, PPID, PGID int
	Name            string
	Argv            []string
	State           State
	Cause           string
	WaitOn          string
	CPU             int
	Nice            int
	Priority        int    // the scheduler's priority (lower is more urgent)
	Tickets         int    // lottery and stride tickets held, lent ones included
	Sched           string // how the policy sees it: "queue 2, 3 of 10 ticks of its slice left"
	CPUTicks        int64
	Created, Ended  int64
	Status          int
	Children        []int
	Files           []FileView
	Regs            vm.Registers // zero for init and zombies
	Segments        []vm.Segment
	Resident        uint64
}

// FileView is one open descriptor.
type FileView struct {
	FD     int
	Ino    uint64
	Flags  int
	Offset int64
	Refs   int
}

// Processes returns a snapshot of every process not yet reaped, by pid.
func (m *Machine) Processes() []ProcView {
	out := make([]ProcView, 0, len(m.procs))
	for _, p := range m.procs {
		v := ProcView{
			PID: p.PID, PPID: p.PPID, PGID: p.PGID, Name: p.Name, Argv: p.Argv,
			State: p.State, Cause: p.Cause, WaitOn: p.WaitOn, CPU: p.CPU, Nice: p.Nice,
			CPUTicks: p.task.Total, Created: p.Created, Ended: p.Ended, Status: p.Status,
			Children: p.Children(),
			Priority: p.task.Priority, Tickets: int(p.task.HeldTickets()),
		}
		if d, ok := m.policy.(sched.Describer); ok && !p.IsInit() && p.State != StateTerminated {
			v.Sched = d.Describe(&p.task)
		}
		if p.files != nil {
			for _, fd := range p.files.Open() {
				o, _ := p.files.Get(fd)
				v.Files = append(v.Files, FileView{FD: fd, Ino: o.Node.Ino, Flags: o.Flags, Offset: o.Off, Refs: o.Refs()})
			}
		}
		if p.ctx != nil {
			v.Regs = p.ctx.Registers()
			v.Segments = p.ctx.Mem().Segments()
			v.Resident = p.ctx.Mem().ResidentBytes()
		}
		out = append(out, v)
	}
	return out
}

// ReadyQueue lists the pids the policy would dispatch on cpu, in order.
func (m *Machine) ReadyQueue(cpu int) []int {
	if m.policy == nil {
		return nil
	}
	var out []int
	for _, t := range m.policy.Ready(cpu) {
		out = append(out, t.PID)
	}
	return out
}

// LevelView is one ready queue of a policy with several.
type LevelView struct {
	Name string
	PIDs []int
}

// ReadyLevels lists cpu's ready queues, the one served first first: the
// levels of MLQ and MLFQ, or the single ready queue of other policies.
func (m *Machine) ReadyLevels(cpu int) []LevelView {
	if m.policy == nil {
		return nil
	}
	l, ok := m.policy.(sched.Leveled)
	if !ok {
		return []LevelView{{Name: "ready queue", PIDs: m.ReadyQueue(cpu)}}
	}
	var out []LevelView
	for _, lv := range l.Levels(cpu) {
		v := LevelView{Name: lv.Name}
		for _, t := range lv.Tasks {
			v.PIDs = append(v.PIDs, t.PID)
		}
		out = append(out, v)
	}
	return out
}

// Sched is the machine's policy as a spec, with its options.
func (m *Machine) Sched() string {
	s, err := canonicalSpec(m.cfg)
	if err != nil {
		return m.cfg.Sched
	}
	return s
}
