package ostep

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strings"
)

// ProcessRun is cpu-intro/process-run.py: processes that compute and issue
// I/Os, switched on one CPU, traced tick by tick with each process's state.
func ProcessRun(args []string, stdout, stderr io.Writer) int {
	return runScript(stdout, stderr, func(out *bufio.Writer) error {
		return runProcessRun(args, out)
	})
}

// Process states, as the trace prints them.
const (
	stateRunning = "RUNNING"
	stateReady   = "READY"
	stateDone    = "DONE"
	stateBlocked = "BLOCKED"
)

// Instructions, as the trace prints them. Every I/O is followed by an
// io_done instruction: the CPU work of handling its completion.
const (
	doCompute = "cpu"
	doIO      = "io"
	doIODone  = "io_done"
)

// Behaviours chosen by -S and -I.
const (
	switchOnIO     = "SWITCH_ON_IO"  // switch when the process ends or issues an I/O
	switchOnEnd    = "SWITCH_ON_END" // switch only when the process ends
	ioRunLater     = "IO_RUN_LATER"  // a process whose I/O completed waits its turn
	ioRunImmediate = "IO_RUN_IMMEDIATE"
)

type process struct {
	code     []string // instructions not yet executed
	state    string
	ioFinish []int64 // ticks at which the process's I/Os complete
}

// cpuSim is the one-CPU machine the processes share.
type cpuSim struct {
	procs        []*process
	current      int
	switchPolicy string
	ioDonePolicy string
	ioLength     int64
}

func runProcessRun(args []string, out *bufio.Writer) error {
	sim, solve, printStats, err := setupProcessRun(args, out)
	if err != nil {
		return err
	}
	if !solve {
		sim.printProblem(out)
		return nil
	}
	cpuBusy, ioBusy, ticks, err := sim.run(out)
	if err != nil {
		return err
	}
	if printStats {
		fmt.Fprintf(out, "\nStats: Total Time %d\n", ticks)
		fmt.Fprintf(out, "Stats: CPU Busy %d (%.2f%%)\n", cpuBusy, 100.0*float64(cpuBusy)/float64(ticks))
		fmt.Fprintf(out, "Stats: IO Busy  %d (%.2f%%)\n\n", ioBusy, 100.0*float64(ioBusy)/float64(ticks))
	}
	return nil
}

// setupProcessRun reads the options and loads the processes; out receives
// the help, and the script's complaints about bad programs.
func setupProcessRun(args []string, out io.Writer) (sim *cpuSim, solve, printStats bool, err error) {
	p := newOptionParser("process-run.py")
	seed := p.Int("-s", "--seed", "seed", 0, "the random seed")
	program := p.String("-P", "--program", "program", "", "more specific controls over programs")
	processList := p.String("-l", "--processlist", "process_list", "",
		"a comma-separated list of processes to run, in the form X1:Y1,X2:Y2,... where X is "+
			"the number of instructions that process should run, and Y the chances (from 0 to "+
			"100) that an instruction will use the CPU or issue an IO")
	ioLength := p.Int("-L", "--iolength", "io_length", 5, "how long an IO takes")
	switchPolicy := p.String("-S", "--switch", "process_switch_behavior", switchOnIO,
		"when to switch between processes: SWITCH_ON_IO, SWITCH_ON_END")
	ioDonePolicy := p.String("-I", "--iodone", "io_done_behavior", ioRunLater,
		"type of behavior when IO ends: IO_RUN_LATER, IO_RUN_IMMEDIATE")
	solveFlag := p.Flag("-c", "", "solve", "compute answers for me")
	printStatsFlag := p.Flag("-p", "--printstats", "print_stats",
		"print statistics at end; only useful with -c flag (otherwise stats are not printed)")
	if err := p.Parse(args, out); err != nil {
		return nil, false, false, err
	}
	solve, printStats = *solveFlag, *printStatsFlag
	rng := newPyRandom(*seed)

	if *switchPolicy != switchOnIO && *switchPolicy != switchOnEnd ||
		*ioDonePolicy != ioRunImmediate && *ioDonePolicy != ioRunLater {
		return nil, solve, printStats, pyException("AssertionError", "")
	}
	sim = &cpuSim{switchPolicy: *switchPolicy, ioDonePolicy: *ioDonePolicy, ioLength: *ioLength}
	if n := max(strings.Count(*program, ":"), strings.Count(*processList, ",")) + 1; n > maxProcesses {
		return nil, solve, printStats, &scriptExit{code: 1, msg: fmt.Sprintf(
			"process-run: %d processes; at most %d here (the trace has a column for each)", n, maxProcesses)}
	}
	if *program != "" {
		for _, text := range strings.Split(*program, ":") {
			if err := sim.loadProgram(out, text); err != nil {
				return nil, solve, printStats, err
			}
		}
	} else {
		for _, desc := range strings.Split(*processList, ",") {
			if err := sim.loadRandom(out, desc, rng); err != nil {
				return nil, solve, printStats, err
			}
		}
	}
	if *ioLength < 0 {
		return nil, solve, printStats, pyException("AssertionError", "")
	}
	return sim, solve, printStats, nil
}

// loadProgram adds a process running an explicit program such as
// "c7,i,c1,i": compute for 7 ticks, do an I/O, compute for 1, do an I/O.
func (s *cpuSim) loadProgram(out io.Writer, text string) error {
	proc := s.newProcess()
	for _, step := range strings.Split(text, ",") {
		if step == "" {
			return pyException("IndexError", "string index out of range")
		}
		opcode, arg := []rune(step)[0], string([]rune(step)[1:])
		switch opcode {
		case 'c':
			n, err := pyInt(arg)
			if err != nil {
				return err
			}
			if n > maxSteps-s.instructions() {
				return tooManySteps("process-run")
			}
			for range max(n, 0) {
				proc.code = append(proc.code, doCompute)
			}
		case 'i':
			proc.code = append(proc.code, doIO, doIODone)
		default:
			fmt.Fprintf(out, "bad opcode %c (should be c or i)\n", opcode)
			return exitWith(1)
		}
	}
	return nil
}

// loadRandom adds a process described as "X:Y": X instructions, each of
// which computes with Y percent chance and is an I/O otherwise.
func (s *cpuSim) loadRandom(out io.Writer, desc string, rng *pyRandom) error {
	proc := s.newProcess()
	fields := strings.Split(desc, ":")
	if len(fields) != 2 {
		fmt.Fprintf(out, "Bad description (%s): Must be number <x:y>\n", desc)
		fmt.Fprintln(out, "  where X is the number of instructions")
		fmt.Fprintln(out, "  and Y is the percent change that an instruction is CPU not IO")
		return exitWith(1)
	}
	count, err := pyInt(fields[0])
	if err != nil {
		return err
	}
	percent, err := pyFloat(fields[1])
	if err != nil {
		return err
	}
	chanceCPU := percent / 100.0
	if count > maxSteps-s.instructions() {
		return tooManySteps("process-run")
	}
	for range max(count, 0) {
		if rng.random() < chanceCPU {
			proc.code = append(proc.code, doCompute)
		} else {
			proc.code = append(proc.code, doIO, doIODone)
		}
	}
	return nil
}

// instructions counts the instructions of every process loaded: each takes
// a tick at least, so their number bounds the trace from below.
func (s *cpuSim) instructions() int64 {
	n := 0
	for _, proc := range s.procs {
		n += len(proc.code)
	}
	return int64(n)
}

func (s *cpuSim) newProcess() *process {
	proc := &process{state: stateReady}
	s.procs = append(s.procs, proc)
	return proc
}

func (s *cpuSim) printProblem(out *bufio.Writer) {
	fmt.Fprintln(out, "Produce a trace of what would happen when you run these processes:")
	for pid, proc := range s.procs {
		fmt.Fprintf(out, "Process %d\n", pid)
		for _, inst := range proc.code {
			fmt.Fprintf(out, "  %s\n", inst)
		}
		fmt.Fprintln(out)
	}
	fmt.Fprintln(out, "Important behaviors:")
	fmt.Fprint(out, "  System will switch when ")
	if s.switchPolicy == switchOnIO {
		fmt.Fprintln(out, "the current process is FINISHED or ISSUES AN IO")
	} else {
		fmt.Fprintln(out, "the current process is FINISHED")
	}
	fmt.Fprint(out, "  After IOs, the process issuing the IO will ")
	if s.ioDonePolicy == ioRunImmediate {
		fmt.Fprintln(out, "run IMMEDIATELY")
	} else {
		fmt.Fprintln(out, "run LATER (when it is its turn)")
	}
	fmt.Fprintln(out)
}

// setState moves a process between states. The state it leaves is known at
// every call; a mismatch is a bug in this simulator.
func (s *cpuSim) setState(pid int, from, to string) {
	if s.procs[pid].state != from {
		panic(fmt.Sprintf("process-run: process %d is %s, expected %s", pid, s.procs[pid].state, from))
	}
	s.procs[pid].state = to
}

// runProcess makes pid the running process.
func (s *cpuSim) runProcess(pid int) {
	s.current = pid
	s.setState(pid, stateReady, stateRunning)
}

// switchToNextReady runs the first ready process after the current one,
// wrapping around; with none ready, the current process stays current.
func (s *cpuSim) switchToNextReady() {
	n := len(s.procs)
	for step := 1; step <= n; step++ {
		pid := (s.current + step) % n
		if s.procs[pid].state == stateReady {
			s.runProcess(pid)
			return
		}
	}
}

func (s *cpuSim) countStates(states ...string) int {
	n := 0
	for _, proc := range s.procs {
		for _, st := range states {
			if proc.state == st {
				n++
			}
		}
	}
	return n
}

func (s *cpuSim) iosInFlight(now int64) int {
	n := 0
	for _, proc := range s.procs {
		for _, t := range proc.ioFinish {
			if t > now {
				n++
			}
		}
	}
	return n
}

// finishIfDone retires the current process once it has no instructions left.
func (s *cpuSim) finishIfDone() {
	proc := s.procs[s.current]
	if len(proc.code) == 0 && proc.state == stateRunning {
		s.setState(s.current, stateRunning, stateDone)
		s.switchToNextReady()
	}
}

// run prints the trace and returns the ticks the CPU and the I/O device were
// busy and the total.
func (s *cpuSim) run(out *bufio.Writer) (cpuBusy, ioBusy int, tick int64, err error) {
	s.current = 0
	s.setState(0, stateReady, stateRunning)

	fmt.Fprint(out, "Time")
	for pid := range s.procs {
		fmt.Fprintf(out, "%14s", fmt.Sprintf("PID:%2d", pid))
	}
	fmt.Fprintf(out, "%14s%14s\n", "CPU", "IOs")

	for s.countStates(stateReady, stateRunning, stateBlocked) > 0 {
		if tick == maxSteps {
			return cpuBusy, ioBusy, tick, tooManySteps("process-run")
		}
		tick++

		ioDone := false
		for pid, proc := range s.procs {
			if !slices.Contains(proc.ioFinish, tick) {
				continue
			}
			ioDone = true
			s.setState(pid, stateBlocked, stateReady)
			if s.ioDonePolicy == ioRunImmediate {
				if s.current != pid && s.procs[s.current].state == stateRunning {
					s.setState(s.current, stateRunning, stateReady)
				}
				s.runProcess(pid)
			} else {
				if s.switchPolicy == switchOnEnd && s.countStates(stateReady, stateRunning) > 1 {
					s.runProcess(pid)
				}
				if s.countStates(stateReady, stateRunning) == 1 {
					s.runProcess(pid) // nothing else can run
				}
			}
			s.finishIfDone()
		}

		executed := ""
		if cur := s.procs[s.current]; cur.state == stateRunning && len(cur.code) > 0 {
			executed, cur.code = cur.code[0], cur.code[1:]
			cpuBusy++
		}

		marker := " "
		if ioDone {
			marker = "*"
		}
		fmt.Fprintf(out, "%3d%s", tick, marker)
		for pid, proc := range s.procs {
			if pid == s.current && executed != "" {
				fmt.Fprintf(out, "%14s", "RUN:"+executed)
			} else {
				fmt.Fprintf(out, "%14s", proc.state)
			}
		}
		if executed == "" {
			fmt.Fprintf(out, "%14s", " ")
		} else {
			fmt.Fprintf(out, "%14s", "1")
		}
		// An idle I/O column is narrower than a busy one, which leaves the
		// script's trailing spaces as they are.
		if n := s.iosInFlight(tick); n > 0 {
			fmt.Fprintf(out, "%14d\n", n)
			ioBusy++
		} else {
			fmt.Fprintf(out, "%10s\n", " ")
		}

		if executed == doIO {
			s.setState(s.current, stateRunning, stateBlocked)
			proc := s.procs[s.current]
			proc.ioFinish = append(proc.ioFinish, tick+s.ioLength+1)
			if s.switchPolicy == switchOnIO {
				s.switchToNextReady()
			}
		}
		s.finishIfDone()
	}
	return cpuBusy, ioBusy, tick, nil
}
