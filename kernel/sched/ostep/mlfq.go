package ostep

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"strings"
)

// MLFQ is cpu-sched-mlfq/mlfq.py: a multi-level feedback queue with per-level
// quanta and allotments, optional priority boost, and jobs that do I/O at a
// fixed frequency. It follows the script's current version, in which a boost
// gives every job a fresh time slice and allotment at the top queue.
func MLFQ(args []string, stdout, stderr io.Writer) int {
	return runScript(stdout, stderr, func(out *bufio.Writer) error {
		return runMLFQ(args, out)
	})
}

// mlfqConfig is the scheduler's parameters. Queue numbers count up to the
// highest priority, hiQueue = len(quantum)-1.
type mlfqConfig struct {
	quantum   []int64 // time slice per queue
	allotment []int64 // time slices a job may use at each level before demotion
	boost     int64   // move every job to the top queue each boost ticks (0: never)
	ioTime    int64
	stay      bool // an I/O resets the job's quantum and allotment at its level
	ioBump    bool // a job back from I/O goes to the front of its queue
}

type mlfqJob struct {
	startTime, runTime, ioFreq int64

	priority  int   // current queue
	ticksLeft int64 // of the current time slice
	allotLeft int64 // time slices left at this level
	timeLeft  int64 // CPU time still needed
	doingIO   bool
	firstRun  int64 // -1 until the job first runs
	endTime   int64
}

// mlfqEvent is a job entering the system or coming back from I/O.
type mlfqEvent struct {
	job  int
	kind string // "JOB BEGINS" or "IO_DONE", as the trace prints it
}

func runMLFQ(args []string, out *bufio.Writer) error {
	cfg, jobs, solve, err := setupMLFQ(args, out)
	if err != nil {
		return err
	}
	printMLFQInputs(out, cfg, jobs)
	if !solve {
		fmt.Fprint(out, mlfqProblemText)
		return nil
	}
	return simulateMLFQ(out, cfg, jobs)
}

// setupMLFQ reads the options and makes the queues and the jobs; out
// receives the help, and the script's complaints about bad options.
func setupMLFQ(args []string, out io.Writer) (cfg mlfqConfig, jobs []*mlfqJob, solve bool, err error) {
	p := newOptionParser("mlfq.py")
	seed := p.Int("-s", "--seed", "seed", 0, "the random seed")
	numQueues := p.Int("-n", "--numQueues", "numQueues", 3,
		"number of queues in MLFQ (if not using -Q)")
	quantum := p.Int("-q", "--quantum", "quantum", 10, "length of time slice (if not using -Q)")
	allotment := p.Int("-a", "--allotment", "allotment", 1, "length of allotment (if not using -A)")
	quantumList := p.String("-Q", "--quantumList", "quantumList", "",
		"length of time slice per queue level, specified as x,y,z,... where x is the "+
			"quantum length for the highest priority queue, y the next highest, and so forth")
	allotmentList := p.String("-A", "--allotmentList", "allotmentList", "",
		"length of time allotment per queue level, specified as x,y,z,... where x is the "+
			"# of time slices for the highest priority queue, y the next highest, and so forth")
	numJobs := p.Int("-j", "--numJobs", "numJobs", 3, "number of jobs in the system")
	maxLen := p.Int("-m", "--maxlen", "maxlen", 100, "max run-time of a job (if randomly generating)")
	maxIO := p.Int("-M", "--maxio", "maxio", 10, "max I/O frequency of a job (if randomly generating)")
	boost := p.Int("-B", "--boost", "boost", 0,
		"how often to boost the priority of all jobs back to high priority")
	ioTime := p.Int("-i", "--iotime", "ioTime", 5, "how long an I/O should last (fixed constant)")
	stay := p.Flag("-S", "--stay", "stay", "reset and stay at same priority level when issuing I/O")
	ioBump := p.Flag("-I", "--iobump", "iobump",
		"if specified, jobs that finished I/O move immediately to front of current queue")
	jobList := p.String("-l", "--jlist", "jlist", "",
		"a comma-separated list of jobs to run, in the form x1,y1,z1:x2,y2,z2:... where x is "+
			"start time, y is run time, and z is how often the job issues an I/O request")
	solveFlag := p.Flag("-c", "", "solve", "compute answers for me")
	if err := p.Parse(args, out); err != nil {
		return cfg, nil, false, err
	}
	solve = *solveFlag

	cfg = mlfqConfig{boost: *boost, ioTime: *ioTime, stay: *stay, ioBump: *ioBump}
	fail := func(e error) (mlfqConfig, []*mlfqJob, bool, error) { return cfg, nil, solve, e }
	if n := int64(strings.Count(*quantumList, ",") + 1); *quantumList == "" && *numQueues > maxQueues || *quantumList != "" && n > maxQueues {
		if *quantumList == "" {
			n = *numQueues
		}
		return fail(&scriptExit{code: 1, msg: fmt.Sprintf("mlfq: %d queues; at most %d here", n, maxQueues)})
	}
	if *quantumList != "" {
		// Listed from the highest priority down; stored by queue number.
		if cfg.quantum, err = parseLevels(*quantumList); err != nil {
			return fail(err)
		}
	} else {
		cfg.quantum = repeatLevel(*quantum, int(max(*numQueues, 0)))
	}
	levels := len(cfg.quantum)
	if *allotmentList != "" {
		fields := strings.Split(*allotmentList, ",")
		if len(fields) != levels {
			fmt.Fprintln(out, "number of allotments specified must match number of quantums")
			return fail(exitWith(1))
		}
		if cfg.allotment, err = parseLevels(*allotmentList); err != nil {
			return fail(err)
		}
		for q := levels - 1; q > 0; q-- { // the script checks from the top down
			if cfg.allotment[q] <= 0 {
				fmt.Fprintln(out, "allotment must be positive integer")
				return fail(exitWith(1))
			}
		}
	} else {
		cfg.allotment = repeatLevel(*allotment, levels)
	}
	hiQueue := levels - 1

	// Every job starts at the top queue with a full slice and allotment.
	addJob := func(startTime, runTime, ioFreq int64) error {
		if hiQueue < 0 {
			return pyException("KeyError", "%d", hiQueue) // there is no queue to start in
		}
		jobs = append(jobs, &mlfqJob{startTime: startTime, runTime: runTime, ioFreq: ioFreq,
			priority: hiQueue, ticksLeft: cfg.quantum[hiQueue], allotLeft: cfg.allotment[hiQueue],
			timeLeft: runTime, firstRun: -1})
		return nil
	}
	if *jobList != "" {
		specs := strings.Split(*jobList, ":")
		if len(specs) > maxJobs {
			return fail(tooManyJobs("mlfq", int64(len(specs))))
		}
		for _, spec := range specs {
			fields := strings.Split(spec, ",")
			if len(fields) != 3 {
				fmt.Fprintln(out, "Badly formatted job string. Should be x1,y1,z1:x2,y2,z2:...")
				fmt.Fprintln(out, "where x is the startTime, y is the runTime, and z is the I/O frequency.")
				return fail(exitWith(1))
			}
			var values [3]int64
			for i, f := range fields {
				if values[i], err = pyInt(f); err != nil {
					return fail(err)
				}
			}
			if err := addJob(values[0], values[1], values[2]); err != nil {
				return fail(err)
			}
		}
	} else {
		if *numJobs > maxJobs {
			return fail(tooManyJobs("mlfq", *numJobs))
		}
		rng := newPyRandom(*seed)
		for range max(*numJobs, 0) {
			// float64() keeps the multiply and the add apart: a fused
			// multiply-add would round differently from Python.
			runTime := float64(rng.random()*float64(*maxLen-1)) + 1
			ioFreq := float64(rng.random()*float64(*maxIO-1)) + 1
			if err := addJob(0, int64(math.Trunc(runTime)), int64(math.Trunc(ioFreq))); err != nil {
				return fail(err)
			}
		}
	}
	return cfg, jobs, solve, nil
}

const mlfqProblemText = `Compute the execution trace for the given workloads.
If you would like, also compute the response and turnaround
times for each of the jobs.

Use the -c flag to get the exact results when you are finished.

`

// parseLevels reads "x,y,z" given from the highest priority queue down and
// returns the values indexed by queue number.
func parseLevels(list string) ([]int64, error) {
	fields := strings.Split(list, ",")
	values := make([]int64, len(fields))
	for i, f := range fields {
		n, err := pyInt(f)
		if err != nil {
			return nil, err
		}
		values[len(fields)-1-i] = n
	}
	return values, nil
}

func repeatLevel(value int64, levels int) []int64 {
	values := make([]int64, levels)
	for i := range values {
		values[i] = value
	}
	return values
}

func printMLFQInputs(out *bufio.Writer, cfg mlfqConfig, jobs []*mlfqJob) {
	fmt.Fprintln(out, "Here is the list of inputs:")
	fmt.Fprintln(out, "OPTIONS jobs", len(jobs))
	fmt.Fprintln(out, "OPTIONS queues", len(cfg.quantum))
	for q := len(cfg.quantum) - 1; q >= 0; q-- {
		fmt.Fprintf(out, "OPTIONS allotments for queue %2d is %3d\n", q, cfg.allotment[q])
		fmt.Fprintf(out, "OPTIONS quantum length for queue %2d is %3d\n", q, cfg.quantum[q])
	}
	fmt.Fprintln(out, "OPTIONS boost", cfg.boost)
	fmt.Fprintln(out, "OPTIONS ioTime", cfg.ioTime)
	fmt.Fprintln(out, "OPTIONS stayAfterIO", pyBool(cfg.stay))
	fmt.Fprintln(out, "OPTIONS iobump", pyBool(cfg.ioBump))
	fmt.Fprint(out, `

For each job, three defining characteristics are given:
  startTime : at what time does the job enter the system
  runTime   : the total CPU time needed by the job to finish
  ioFreq    : every ioFreq time units, the job issues an I/O
              (the I/O takes ioTime units to complete)

Job List:
`)
	for i, j := range jobs {
		fmt.Fprintf(out, "  Job %2d: startTime %3d - runTime %3d - ioFreq %3d\n",
			i, j.startTime, j.runTime, j.ioFreq)
	}
	fmt.Fprintln(out)
}

// simulateMLFQ runs the jobs tick by tick, printing the execution trace and
// the final statistics.
func simulateMLFQ(out *bufio.Writer, cfg mlfqConfig, jobs []*mlfqJob) error {
	hiQueue := len(cfg.quantum) - 1
	queues := make([]deque, len(cfg.quantum))
	events := map[int64][]mlfqEvent{}
	lastEvent := int64(math.MinInt64)
	addEvent := func(at int64, e mlfqEvent) {
		events[at] = append(events[at], e)
		lastEvent = max(lastEvent, at)
	}
	for i, j := range jobs {
		addEvent(j.startTime, mlfqEvent{i, "JOB BEGINS"})
	}

	fmt.Fprint(out, "\nExecution Trace:\n\n")
	now := int64(0)
	for finished, steps := 0, 0; finished < len(jobs); steps++ {
		if steps == maxSteps {
			return tooManySteps("mlfq")
		}
		if cfg.boost > 0 && now != 0 && now%cfg.boost == 0 {
			fmt.Fprintf(out, "[ time %d ] BOOST ( every %d )\n", now, cfg.boost)
			for q := range hiQueue {
				for i := range queues[q].len() {
					if id := queues[q].at(i); !jobs[id].doingIO {
						queues[hiQueue].pushBack(id)
					}
				}
				queues[q].clear()
			}
			for _, j := range jobs {
				if j.timeLeft > 0 {
					j.priority = hiQueue
					j.ticksLeft = cfg.quantum[hiQueue]
					j.allotLeft = cfg.allotment[hiQueue]
				}
			}
		}

		for _, e := range events[now] {
			j := jobs[e.job]
			j.doingIO = false
			fmt.Fprintf(out, "[ time %d ] %s by JOB %d\n", now, e.kind, e.job)
			if cfg.ioBump && e.kind == "IO_DONE" {
				queues[j.priority].pushFront(e.job)
			} else {
				queues[j.priority].pushBack(e.job)
			}
		}

		level := highestReadyQueue(queues)
		if level < 0 {
			fmt.Fprintf(out, "[ time %d ] IDLE\n", now)
			if lastEvent <= now {
				// Nothing will ever arrive: the script would idle forever.
				return &scriptExit{code: 1, msg: fmt.Sprintf(
					"mlfq: %d job(s) can never run again; stopping at time %d", len(jobs)-finished, now)}
			}
			now++
			continue
		}

		id := queues[level].front()
		j := jobs[id]
		if j.priority != level {
			return &scriptExit{code: 1, msg: fmt.Sprintf(
				"currPri[%d] does not match currQueue[%d]", j.priority, level)}
		}
		j.timeLeft--
		j.ticksLeft--
		if j.firstRun == -1 {
			j.firstRun = now
		}
		fmt.Fprintf(out, "[ time %d ] Run JOB %d at PRIORITY %d [ TICKS %d ALLOT %d TIME %d (of %d) ]\n",
			now, id, level, j.ticksLeft, j.allotLeft, j.timeLeft, j.runTime)
		if j.timeLeft < 0 {
			return &scriptExit{code: 1, msg: "Error: should never have less than 0 time left to run"}
		}
		now++

		if j.timeLeft == 0 {
			fmt.Fprintf(out, "[ time %d ] FINISHED JOB %d\n", now, id)
			finished++
			j.endTime = now
			queues[level].popFront()
			continue
		}

		// Whether the slice ran out is decided by the ticks before the stay
		// rule below resets them.
		sliceUsed := j.ticksLeft == 0
		issuedIO := j.ioFreq > 0 && (j.runTime-j.timeLeft)%j.ioFreq == 0
		if issuedIO {
			fmt.Fprintf(out, "[ time %d ] IO_START by JOB %d\n", now, id)
			queues[level].popFront()
			j.doingIO = true
			if cfg.stay {
				j.ticksLeft = cfg.quantum[level]
				j.allotLeft = cfg.allotment[level]
			}
			fmt.Fprintln(out, "IO DONE")
			addEvent(now+cfg.ioTime, mlfqEvent{id, "IO_DONE"})
		}
		if !sliceUsed {
			continue
		}

		// A job doing I/O is off the queues; it rejoins at its (new) level
		// when the I/O completes.
		if !issuedIO {
			queues[level].popFront()
		}
		next := level
		j.allotLeft--
		if j.allotLeft == 0 {
			// The allotment at this level is spent: demote, unless already at the bottom.
			next = max(level-1, 0)
			j.priority = next
			j.allotLeft = cfg.allotment[next]
		}
		j.ticksLeft = cfg.quantum[next]
		if !issuedIO {
			queues[next].pushBack(id)
		}
	}
	return printMLFQStats(out, jobs, len(cfg.quantum))
}

// highestReadyQueue is the highest-priority non-empty queue, or -1.
func highestReadyQueue(queues []deque) int {
	for q := len(queues) - 1; q >= 0; q-- {
		if queues[q].len() > 0 {
			return q
		}
	}
	return -1
}

// printMLFQStats prints each job's response and turnaround time and their
// averages.
func printMLFQStats(out *bufio.Writer, jobs []*mlfqJob, levels int) error {
	fmt.Fprint(out, "\nFinal statistics:\n")
	var responseSum, turnaroundSum int64
	for i, j := range jobs {
		response := j.firstRun - j.startTime
		turnaround := j.endTime - j.startTime
		fmt.Fprintf(out, "  Job %2d: startTime %3d - response %3d - turnaround %3d\n",
			i, j.startTime, response, turnaround)
		responseSum += response
		turnaroundSum += turnaround
	}
	if len(jobs) == 0 {
		// The script's average line divides by the number of jobs, and labels
		// itself with a loop variable left over from earlier loops, which only
		// the queue loops have set when there are no jobs.
		if levels == 0 {
			return pyException("NameError", "name 'i' is not defined")
		}
		return pyException("ZeroDivisionError", "float division by zero")
	}
	n := float64(len(jobs))
	fmt.Fprintf(out, "\n  Avg %2d: startTime n/a - response %.2f - turnaround %.2f\n\n\n",
		len(jobs)-1, float64(responseSum)/n, float64(turnaroundSum)/n)
	return nil
}
