package ostep

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
)

// Scheduler is cpu-sched/scheduler.py: FIFO, SJF and round-robin on jobs that
// all arrive at time 0, with response, turnaround and wait times.
func Scheduler(args []string, stdout, stderr io.Writer) int {
	return runScript(stdout, stderr, func(out *bufio.Writer) error {
		return runScheduler(args, out)
	})
}

// schedJob is one job of the list. The script keeps random lengths as Python
// ints and listed lengths as floats, which print differently ("5" and "5.0"),
// so each job carries the text the script shows for its length.
type schedJob struct {
	id         int
	length     float64
	lengthText string
}

// schedulerOptions are scheduler.py's options.
type schedulerOptions struct {
	seed, numJobs, maxLen, quantum int64
	jobList, policy                string
	solve                          bool
}

// parseScheduler reads the options; out receives the help when asked for.
func parseScheduler(args []string, out io.Writer) (*schedulerOptions, error) {
	p := newOptionParser("scheduler.py")
	seed := p.Int("-s", "--seed", "seed", 0, "the random seed")
	numJobs := p.Int("-j", "--jobs", "jobs", 3, "number of jobs in the system")
	jobList := p.String("-l", "--jlist", "jlist", "",
		"instead of random jobs, provide a comma-separated list of run times")
	maxLen := p.Int("-m", "--maxlen", "maxlen", 10, "max length of job")
	policy := p.String("-p", "--policy", "policy", "FIFO", "sched policy to use: SJF, FIFO, RR")
	quantum := p.Int("-q", "--quantum", "quantum", 1, "length of time slice for RR policy")
	solve := p.Flag("-c", "", "solve", "compute answers for me")
	if err := p.Parse(args, out); err != nil {
		return nil, err
	}
	return &schedulerOptions{seed: *seed, numJobs: *numJobs, maxLen: *maxLen, quantum: *quantum,
		jobList: *jobList, policy: *policy, solve: *solve}, nil
}

// jobs makes the job list: the listed run times, or random ones.
func (o *schedulerOptions) jobs() ([]schedJob, error) {
	var jobs []schedJob
	if o.jobList == "" {
		if o.numJobs > maxJobs {
			return nil, tooManyJobs("scheduler", o.numJobs)
		}
		rng := newPyRandom(o.seed)
		for id := 0; int64(id) < o.numJobs; id++ {
			n := int64(math.Trunc(float64(o.maxLen)*rng.random())) + 1
			jobs = append(jobs, schedJob{id, float64(n), strconv.FormatInt(n, 10)})
		}
		return jobs, nil
	}
	fields := strings.Split(o.jobList, ",")
	if len(fields) > maxJobs {
		return nil, tooManyJobs("scheduler", int64(len(fields)))
	}
	for id, field := range fields {
		length, err := pyFloat(field)
		if err != nil {
			return nil, err
		}
		jobs = append(jobs, schedJob{id, length, pyFloatStr(length)})
	}
	return jobs, nil
}

func runScheduler(args []string, out *bufio.Writer) error {
	o, err := parseScheduler(args, out)
	if err != nil {
		return err
	}
	fmt.Fprintln(out, "ARG policy", o.policy)
	if o.jobList == "" {
		fmt.Fprintln(out, "ARG jobs", o.numJobs)
		fmt.Fprintln(out, "ARG maxlen", o.maxLen)
		fmt.Fprintln(out, "ARG seed", o.seed)
	} else {
		fmt.Fprintln(out, "ARG jlist", o.jobList)
	}
	fmt.Fprintln(out)
	fmt.Fprintln(out, "Here is the job list, with the run time of each job: ")

	jobs, err := o.jobs()
	if err != nil {
		return err
	}
	for _, j := range jobs {
		fmt.Fprintf(out, "  Job %d ( length = %s )\n", j.id, j.lengthText)
	}
	fmt.Fprint(out, "\n\n")

	if !o.solve {
		fmt.Fprint(out, schedulerProblemText)
		return nil
	}
	fmt.Fprint(out, "** Solutions **\n\n")
	switch o.policy {
	case "SJF":
		// A stable sort on length: equal jobs stay in list order.
		slices.SortStableFunc(jobs, func(a, b schedJob) int { return pyCompare(a.length, b.length) })
		return runFIFO(out, jobs)
	case "FIFO":
		return runFIFO(out, jobs)
	case "RR":
		return runRoundRobin(out, jobs, float64(o.quantum))
	}
	fmt.Fprintln(out, "Error: Policy", o.policy, "is not available.")
	return nil
}

const schedulerProblemText = `Compute the turnaround time, response time, and wait time for each job.
When you are done, run this program again, with the same arguments,
but with -c, which will thus provide you with the answers. You can use
-s <somenumber> or your own job list (-l 10,15,20 for example)
to generate different problems for yourself.

`

// pyCompare orders floats by Python's "<", the only comparison its sort makes.
func pyCompare(a, b float64) int {
	switch {
	case a < b:
		return -1
	case b < a:
		return 1
	}
	return 0
}

// runFIFO runs the jobs to completion in list order.
func runFIFO(out *bufio.Writer, jobs []schedJob) error {
	fmt.Fprintln(out, "Execution trace:")
	now := 0.0
	for _, j := range jobs {
		at, err := pyFloatAsInt(3, now)
		if err != nil {
			return err
		}
		fmt.Fprintf(out, "  [ time %s ] Run job %d for %s secs ( DONE at %s )\n",
			at, j.id, pyFixed(0, 2, j.length), pyFixed(0, 2, now+j.length))
		now += j.length
	}

	fmt.Fprint(out, "\nFinal statistics:\n")
	var start, responseSum, turnaroundSum, waitSum float64
	for _, j := range jobs {
		// Every job waits from time 0 until it starts, and then runs to the end.
		response, turnaround, wait := start, start+j.length, start
		printJobStats(out, j.id, response, turnaround, wait)
		responseSum += response
		turnaroundSum += turnaround
		waitSum += wait
		start += j.length
	}
	return printAverages(out, len(jobs), responseSum, turnaroundSum, waitSum)
}

// runRoundRobin gives each job in turn up to one quantum, putting unfinished
// jobs at the back of the queue.
func runRoundRobin(out *bufio.Writer, jobs []schedJob, quantum float64) error {
	fmt.Fprintln(out, "Execution trace:")
	n := len(jobs)
	turnaround := make([]float64, n)
	wait := make([]float64, n)
	lastRan := make([]float64, n)
	response := make([]float64, n)
	started := make([]bool, n)

	type slice struct {
		id   int
		left float64
	}
	queue := make([]slice, 0, n)
	for _, j := range jobs {
		queue = append(queue, slice{j.id, j.length})
	}
	now := 0.0
	for running, steps := n, 0; running > 0; steps++ {
		if steps == maxSteps {
			return tooManySteps("scheduler")
		}
		job := queue[0]
		queue = queue[1:]
		if !started[job.id] {
			started[job.id] = true
			response[job.id] = now
		}
		wait[job.id] += now - lastRan[job.id]
		at, err := pyFloatAsInt(3, now)
		if err != nil {
			return err
		}
		var ran float64
		if job.left > quantum {
			if job.left-quantum >= job.left {
				// The script would hand out slices forever.
				return &scriptExit{code: 1, msg: fmt.Sprintf(
					"scheduler: job %d (%s left) never finishes with quantum %s",
					job.id, pyFloatStr(job.left), pyFloatStr(quantum))}
			}
			ran = quantum
			fmt.Fprintf(out, "  [ time %s ] Run job %3d for %s secs\n", at, job.id, pyFixed(0, 2, ran))
			queue = append(queue, slice{job.id, job.left - quantum})
		} else {
			ran = job.left
			fmt.Fprintf(out, "  [ time %s ] Run job %3d for %s secs ( DONE at %s )\n",
				at, job.id, pyFixed(0, 2, ran), pyFixed(0, 2, now+ran))
			turnaround[job.id] = now + ran
			running--
		}
		now += ran
		lastRan[job.id] = now
	}

	fmt.Fprint(out, "\nFinal statistics:\n")
	var responseSum, turnaroundSum, waitSum float64
	for id := range n {
		turnaroundSum += turnaround[id]
		responseSum += response[id]
		waitSum += wait[id]
		printJobStats(out, id, response[id], turnaround[id], wait[id])
	}
	return printAverages(out, n, responseSum, turnaroundSum, waitSum)
}

func printJobStats(out *bufio.Writer, id int, response, turnaround, wait float64) {
	fmt.Fprintf(out, "  Job %3d -- Response: %s  Turnaround %s  Wait %s\n",
		id, pyFixed(3, 2, response), pyFixed(3, 2, turnaround), pyFixed(3, 2, wait))
}

func printAverages(out *bufio.Writer, count int, responseSum, turnaroundSum, waitSum float64) error {
	if count == 0 {
		return pyException("ZeroDivisionError", "float division by zero")
	}
	c := float64(count)
	fmt.Fprintf(out, "\n  Average -- Response: %s  Turnaround %s  Wait %s\n\n",
		pyFixed(3, 2, responseSum/c), pyFixed(3, 2, turnaroundSum/c), pyFixed(3, 2, waitSum/c))
	return nil
}
