package kernel

import (
	"bufio"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// A Workload is a set of jobs described by their bursts instead of code:
// the lecture's scheduling exercises. Each job runs as a real process of
// the machine (a child of init, created at its arrival tick) that uses the
// CPU for its CPU bursts and waits on a device for its I/O bursts, so the
// process tree, the states, the queues and the Gantt chart show it as any
// other process.
//
// Its text form has one job per line:
//
//	# name  arrival  bursts             attributes
//	A       0        5 io:3 2           priority=1
//	B       2        8                  tickets=50 nice=0 cpus=0,1
//	C       4        cpu:3,io:printer:6,cpu:1
//	device printer serial
//
// A burst is a CPU burst in ticks ("5" or "cpu:5") or an I/O burst,
// "io:TICKS" on the disk or "io:DEVICE:TICKS"; bursts alternate, starting
// and ending with the CPU, and may be joined by commas. Attributes:
// priority (lower is more urgent; 0 by default), tickets (lottery and
// stride; 100 by default), nice (CFS's weight; -20 to 19), cpus (the CPUs
// the job may run on). A "device NAME serial" line makes a device serve
// one request at a time; devices are otherwise parallel (every I/O takes
// its own time). Blank lines and text after # are ignored. The same
// workload may be given as JSON, {"Jobs": [{"Name": "A", "Arrival": 0,
// "Bursts": [{"Ticks": 5}, {"IO": true, "Device": "disk", "Ticks": 3}]}]}.
type Workload struct {
	Jobs    []Job
	Devices []Device
}

// Job is one process of a workload.
type Job struct {
	Name     string
	Arrival  int64   // tick it enters the system
	Bursts   []Burst // CPU, I/O, CPU, …, CPU
	Priority int     // lower number = higher priority
	Tickets  int     // 0 means sched.DefaultTickets
	Nice     int
	CPUs     []int // CPUs it may run on; empty means any
}

// Burst is a stretch of CPU use or of I/O.
type Burst struct {
	IO     bool
	Device string // IO: the device (DefaultDevice when empty)
	Ticks  int64
}

// Device declares a device's service discipline.
type Device struct {
	Name   string
	Serial bool // one request at a time, first come first served
}

// Limits of a workload.
const (
	MaxJobs      = 100_000
	MaxBursts    = 10_000  // per job
	MaxJobTicks  = 1 << 40 // arrival or burst length
	maxJobNameLn = 15
)

var jobName = lazyRegexp(`^[A-Za-z_][A-Za-z0-9_.+-]*$`)

// CPUTicks is the CPU time the job needs.
func (j Job) CPUTicks() int64 {
	var n int64
	for _, b := range j.Bursts {
		if !b.IO {
			n += b.Ticks
		}
	}
	return n
}

// burstText is the bursts in the text form, one word each.
func (j Job) burstText() []string {
	out := make([]string, len(j.Bursts))
	for i, b := range j.Bursts {
		switch {
		case !b.IO:
			out[i] = strconv.FormatInt(b.Ticks, 10)
		case b.Device == "" || b.Device == DefaultDevice:
			out[i] = "io:" + strconv.FormatInt(b.Ticks, 10)
		default:
			out[i] = "io:" + b.Device + ":" + strconv.FormatInt(b.Ticks, 10)
		}
	}
	return out
}

// String writes the workload in its text form.
func (w *Workload) String() string {
	var b strings.Builder
	for _, j := range w.Jobs {
		fmt.Fprintf(&b, "%s %d %s", j.Name, j.Arrival, strings.Join(j.burstText(), " "))
		if j.Priority != 0 {
			fmt.Fprintf(&b, " priority=%d", j.Priority)
		}
		if j.Tickets != 0 {
			fmt.Fprintf(&b, " tickets=%d", j.Tickets)
		}
		if j.Nice != 0 {
			fmt.Fprintf(&b, " nice=%d", j.Nice)
		}
		if len(j.CPUs) > 0 {
			cpus := make([]string, len(j.CPUs))
			for i, c := range j.CPUs {
				cpus[i] = strconv.Itoa(c)
			}
			fmt.Fprintf(&b, " cpus=%s", strings.Join(cpus, ","))
		}
		b.WriteByte('\n')
	}
	for _, d := range w.Devices {
		if d.Serial {
			fmt.Fprintf(&b, "device %s serial\n", d.Name)
		} else {
			fmt.Fprintf(&b, "device %s parallel\n", d.Name)
		}
	}
	return b.String()
}

// ParseWorkload reads a workload in its text or JSON form and checks it.
func ParseWorkload(text string) (*Workload, error) {
	if t := strings.TrimSpace(text); strings.HasPrefix(t, "{") {
		var w Workload
		dec := json.NewDecoder(strings.NewReader(t))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&w); err != nil {
			return nil, fmt.Errorf("workload: %v", err)
		}
		return &w, w.Check()
	}
	w := &Workload{}
	sc := bufio.NewScanner(strings.NewReader(text))
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		line, _, _ := strings.Cut(sc.Text(), "#")
		fields := strings.Fields(line)
		if len(fields) == 0 {
			continue
		}
		if err := w.parseLine(fields); err != nil {
			return nil, fmt.Errorf("workload line %d: %v", n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("workload: %v", err)
	}
	return w, w.Check()
}

func (w *Workload) parseLine(fields []string) error {
	if fields[0] == "device" {
		if len(fields) != 3 || fields[2] != "serial" && fields[2] != "parallel" {
			return fmt.Errorf(`want "device NAME serial" or "device NAME parallel"`)
		}
		w.Devices = append(w.Devices, Device{Name: fields[1], Serial: fields[2] == "serial"})
		return nil
	}
	if len(fields) < 3 {
		return fmt.Errorf("want NAME ARRIVAL BURSTS…, as in: A 0 5 io:3 2")
	}
	j := Job{Name: fields[0]}
	arrival, err := strconv.ParseInt(fields[1], 10, 64)
	if err != nil {
		return fmt.Errorf("job %s: arrival %q is not a whole number of ticks", j.Name, fields[1])
	}
	j.Arrival = arrival
	for _, f := range fields[2:] {
		if k, v, ok := strings.Cut(f, "="); ok {
			if err := j.setAttribute(k, v); err != nil {
				return fmt.Errorf("job %s: %s: %v", j.Name, f, err)
			}
			continue
		}
		for _, word := range strings.Split(f, ",") {
			b, err := parseBurst(word)
			if err != nil {
				return fmt.Errorf("job %s: %v", j.Name, err)
			}
			j.Bursts = append(j.Bursts, b)
		}
	}
	w.Jobs = append(w.Jobs, j)
	return nil
}

func parseBurst(word string) (Burst, error) {
	parts := strings.Split(word, ":")
	bad := fmt.Errorf("burst %q: write a CPU burst as 5 or cpu:5, an I/O as io:3 or io:printer:3", word)
	ticks := func(s string) (int64, error) {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return 0, bad
		}
		return n, nil
	}
	switch {
	case len(parts) == 1:
		n, err := ticks(parts[0])
		return Burst{Ticks: n}, err
	case len(parts) == 2 && parts[0] == "cpu":
		n, err := ticks(parts[1])
		return Burst{Ticks: n}, err
	case len(parts) == 2 && parts[0] == "io":
		n, err := ticks(parts[1])
		return Burst{IO: true, Device: DefaultDevice, Ticks: n}, err
	case len(parts) == 3 && parts[0] == "io":
		n, err := ticks(parts[2])
		return Burst{IO: true, Device: parts[1], Ticks: n}, err
	}
	return Burst{}, bad
}

func (j *Job) setAttribute(k, v string) error {
	number := func() (int, error) {
		n, err := strconv.Atoi(v)
		if err != nil {
			return 0, fmt.Errorf("not a whole number")
		}
		return n, nil
	}
	var err error
	switch k {
	case "priority", "prio":
		j.Priority, err = number()
	case "tickets":
		j.Tickets, err = number()
	case "nice":
		j.Nice, err = number()
	case "cpus", "cpu":
		j.CPUs = nil
		for _, s := range strings.Split(v, ",") {
			n, e := strconv.Atoi(s)
			if e != nil {
				return fmt.Errorf("CPUs are numbers 0 to %d", MaxCPUs-1)
			}
			j.CPUs = append(j.CPUs, n)
		}
	default:
		return fmt.Errorf("unknown attribute %q (priority, tickets, nice, cpus)", k)
	}
	return err
}

// Check reports what is wrong with the workload, in words for the student.
func (w *Workload) Check() error {
	if len(w.Jobs) == 0 {
		return fmt.Errorf("the workload has no jobs")
	}
	if len(w.Jobs) > MaxJobs {
		return fmt.Errorf("the workload has %d jobs (at most %d)", len(w.Jobs), MaxJobs)
	}
	names := map[string]bool{}
	for _, j := range w.Jobs {
		if !jobName().MatchString(j.Name) || len(j.Name) > maxJobNameLn {
			return fmt.Errorf("job name %q: use up to %d letters, digits, '_', '.', '+' or '-', starting with a letter", j.Name, maxJobNameLn)
		}
		if names[j.Name] {
			return fmt.Errorf("two jobs are named %s", j.Name)
		}
		names[j.Name] = true
		if err := j.check(); err != nil {
			return fmt.Errorf("job %s: %v", j.Name, err)
		}
	}
	devs := map[string]bool{}
	for _, d := range w.Devices {
		if !jobName().MatchString(d.Name) || len(d.Name) > maxJobNameLn {
			return fmt.Errorf("device name %q: use up to %d letters and digits", d.Name, maxJobNameLn)
		}
		if devs[d.Name] {
			return fmt.Errorf("device %s is declared twice", d.Name)
		}
		devs[d.Name] = true
	}
	return nil
}

func (j *Job) check() error {
	if j.Arrival < 0 || j.Arrival > MaxJobTicks {
		return fmt.Errorf("arrival %d is out of range (0 to %d)", j.Arrival, int64(MaxJobTicks))
	}
	if len(j.Bursts) == 0 {
		return fmt.Errorf("no bursts: give at least one CPU burst")
	}
	if len(j.Bursts) > MaxBursts {
		return fmt.Errorf("%d bursts (at most %d)", len(j.Bursts), MaxBursts)
	}
	for i, b := range j.Bursts {
		switch {
		case b.IO != (i%2 == 1):
			if b.IO {
				return fmt.Errorf("burst %d is an I/O where a CPU burst must be: bursts alternate CPU, I/O, CPU…, starting and ending with the CPU", i+1)
			}
			return fmt.Errorf("burst %d is a CPU burst where an I/O must be: join CPU bursts into one", i+1)
		case !b.IO && b.Ticks < 1:
			return fmt.Errorf("CPU burst %d of %d ticks: a CPU burst is at least 1 tick", i+1, b.Ticks)
		case b.IO && b.Ticks < 0:
			return fmt.Errorf("I/O burst %d of %d ticks", i+1, b.Ticks)
		case b.Ticks > MaxJobTicks:
			return fmt.Errorf("burst %d is too long (at most %d ticks)", i+1, int64(MaxJobTicks))
		case b.IO && b.Device != "" && (!jobName().MatchString(b.Device) || len(b.Device) > maxJobNameLn):
			return fmt.Errorf("device name %q: use up to %d letters and digits", b.Device, maxJobNameLn)
		}
	}
	if j.Bursts[len(j.Bursts)-1].IO {
		return fmt.Errorf("the last burst is an I/O: a job ends with a CPU burst (it must run to exit)")
	}
	if j.Priority < -1000 || j.Priority > 1000 {
		return fmt.Errorf("priority %d out of range (-1000 to 1000)", j.Priority)
	}
	if j.Tickets < 0 || j.Tickets > 1_000_000 {
		return fmt.Errorf("tickets %d out of range (1 to 1000000)", j.Tickets)
	}
	if j.Nice < -20 || j.Nice > 19 {
		return fmt.Errorf("nice %d out of range (-20 to 19)", j.Nice)
	}
	for _, c := range j.CPUs {
		if c < 0 || c >= MaxCPUs {
			return fmt.Errorf("CPU %d: CPUs are numbered 0 to %d", c, MaxCPUs-1)
		}
	}
	return nil
}

// affinity is the CPU mask of a job.
func (j *Job) affinity() uint64 {
	var mask uint64
	for _, c := range j.CPUs {
		mask |= 1 << uint(c)
	}
	return mask
}

// byArrival returns the jobs in order of arrival, listed order among equals.
func (w *Workload) byArrival() []Job {
	jobs := slices.Clone(w.Jobs)
	slices.SortStableFunc(jobs, func(a, b Job) int {
		switch {
		case a.Arrival < b.Arrival:
			return -1
		case a.Arrival > b.Arrival:
			return 1
		}
		return 0
	})
	return jobs
}
