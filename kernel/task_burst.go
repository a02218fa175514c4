package kernel

import (
	"osplay/kernel/msg"

	"osplay/kernel/abi"
	"osplay/kernel/sched"
	"osplay/kernel/vm"
)

// How a workload job runs. Its process has no program and one thread: the
// kernel runs its bursts itself. A CPU burst consumes ticks as the CPU gives them
// (preemption may split it); when it ends the job starts its next I/O, or
// exits with status 0 after its last burst.

// jobRun is where a job is in its bursts.
type jobRun struct {
	bursts []Burst
	i      int   // the current burst
	left   int64 // ticks left of the current CPU burst
}

// run uses at most budget ticks of the current CPU burst. The end of the
// burst stops it as a system call stops a program.
func (j *jobRun) run(budget int64) (int64, vm.Stop) {
	n := min(budget, j.left)
	j.left -= n
	if j.left == 0 {
		return n, vm.Stop{Kind: vm.StopSyscall}
	}
	return n, vm.Stop{Kind: vm.StopBudget}
}

// arrival is a job still to arrive.
type arrival struct {
	at  int64
	job Job
}

// StartWorkload creates init and schedules the jobs of w to arrive, each as
// a process, at its arrival tick; the jobs arriving at tick 0 are created
// at once.
func (m *Machine) StartWorkload(w *Workload) error {
	if err := w.Check(); err != nil {
		m.started = true
		return err
	}
	if err := m.boot(); err != nil {
		return err
	}
	for _, d := range w.Devices {
		m.device(d.Name).serial = d.Serial
	}
	for _, j := range w.byArrival() {
		m.arrivals = append(m.arrivals, arrival{at: j.Arrival, job: j})
	}
	m.arrive()
	return nil
}

// arrive creates the jobs due by now.
func (m *Machine) arrive() {
	for len(m.arrivals) > 0 && m.arrivals[0].at <= m.now {
		j := m.arrivals[0].job
		m.arrivals = m.arrivals[1:]
		p := m.newProcess(m.init, j.Name, append([]string{j.Name}, j.burstText()...))
		p.PGID = p.PID
		t := p.main()
		p.Nice, t.task.Nice = j.Nice, j.Nice
		t.task.Priority, t.task.Tickets, t.task.Affinity = j.Priority, j.Tickets, j.affinity()
		t.job = &jobRun{bursts: j.Bursts, left: j.Bursts[0].Ticks}
		t.task.Burst = j.Bursts[0].Ticks
		m.admit(p, sched.Arrived)
	}
}

// burstEnded moves the job's thread t, whose CPU burst just ended, on to
// its I/O, or ends it.
func (m *Machine) burstEnded(t *Thread) {
	j := t.job
	j.i++
	if j.i >= len(j.bursts) {
		m.exit(t.proc, t, abi.ExitStatus(0), msg.New(msg.ExitBurstDone))
		return
	}
	io := j.bursts[j.i]
	j.i++
	j.left = j.bursts[j.i].Ticks
	t.task.Burst = j.left // the next burst, known in advance
	dev := io.Device
	if dev == "" {
		dev = DefaultDevice
	}
	m.startIO(t, dev, io.Ticks, msg.New(msg.WaitIO, msg.Name("dev", dev), msg.Int("ticks", io.Ticks)))
}
