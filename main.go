// Command osplay is the operating-systems playground.
//
//	osplay run [flags] FILE.c [ARGS...]    run a C program on the simulated machine
//	osplay sched|mlfq|process-run ARGS...  the OSTEP homework simulators
//	osplay [serve]                         the web playground (to come)
//
// main only wires flags to the kernel.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing/fstest"

	"osplay/kernel"
	"osplay/kernel/sched"
	"osplay/kernel/sched/ostep"
)

const usage = `usage:
  osplay run [flags] FILE.c [ARGS...]   run a C program on the simulated machine
  osplay sched ARGS...                  OSTEP's scheduler.py
  osplay mlfq ARGS...                   OSTEP's mlfq.py
  osplay process-run ARGS...            OSTEP's process-run.py
  osplay serve                          the web playground (not yet available)
Run "osplay run -h" for the flags of run.
`

func main() {
	os.Exit(osplay(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

func osplay(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch args[0] {
	case "run":
		return run(args[1:], stdin, stdout, stderr)
	case "sched":
		return ostep.Scheduler(args[1:], stdout, stderr)
	case "mlfq":
		return ostep.MLFQ(args[1:], stdout, stderr)
	case "process-run":
		return ostep.ProcessRun(args[1:], stdout, stderr)
	case "serve":
		fmt.Fprint(stderr, "osplay: the web playground is not available yet\n\n"+usage)
		return 2
	case "-h", "-help", "--help", "help":
		fmt.Fprint(stdout, usage)
		return 0
	}
	fmt.Fprintf(stderr, "osplay: unknown command %q\n\n%s", args[0], usage)
	return 2
}

// run is "osplay run": the program runs in its folder, with the terminal's
// standard input and output; the exit code is the program's as a shell
// reports it.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("osplay run", flag.ContinueOnError)
	fl.SetOutput(stderr)
	policy := fl.String("sched", kernel.DefaultSched, "scheduling policy: "+strings.Join(sched.Names(), ", "))
	quantum := fl.Int64("quantum", sched.DefaultQuantum, "round-robin time slice in ticks")
	cpus := fl.Int("cpus", 1, fmt.Sprintf("number of CPUs (1 to %d)", kernel.MaxCPUs))
	seed := fl.Int64("seed", 0, "random seed for randomised policies")
	ctxswitch := fl.Int64("ctxswitch", 0, "ticks a context switch costs")
	childFirst := fl.Bool("child-first", false, "after fork, run the child first (Linux runs the parent)")
	trace := fl.Bool("trace", false, "print every event to standard error")
	gantt := fl.Bool("gantt", false, "print a Gantt chart of the CPUs at the end")
	maxTicks := fl.Int64("max-ticks", kernel.DefaultMaxTicks, "stop after this many CPU ticks")
	maxProcs := fl.Int("max-procs", kernel.DefaultMaxProcs, "processes at once (fork fails with EAGAIN beyond)")
	fl.Usage = func() {
		fmt.Fprint(stderr, "usage: osplay run [flags] FILE.c [ARGS...]\n\nflags:\n")
		fl.PrintDefaults()
	}
	if err := fl.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fl.NArg() == 0 {
		fl.Usage()
		return 2
	}
	file := fl.Arg(0)
	if !strings.HasSuffix(file, ".c") {
		fmt.Fprintf(stderr, "osplay: %s: not a C file (FILE.c)\n", file)
		return 2
	}
	files, err := folder(filepath.Dir(file))
	if err != nil {
		fmt.Fprintf(stderr, "osplay: %v\n", err)
		return 1
	}
	if _, ok := files[filepath.Base(file)]; !ok {
		fmt.Fprintf(stderr, "osplay: %s: no such file\n", file)
		return 1
	}
	g := kernel.NewGantt()
	cfg := kernel.Config{
		Files: files, Sched: *policy, Quantum: *quantum, CPUs: *cpus, Seed: *seed,
		ContextSwitch: *ctxswitch, ChildFirst: *childFirst, MaxTicks: *maxTicks, MaxProcs: *maxProcs,
		Stdin: stdin, Stdout: stdout, Stderr: stderr,
		OnEvent: func(e kernel.Event) {
			if *trace {
				fmt.Fprintln(stderr, e)
			}
			g.Add(e)
		},
	}
	m := kernel.New(cfg)
	if err := m.Start(append([]string{filepath.Base(file)}, fl.Args()[1:]...)); err != nil {
		fmt.Fprintf(stderr, "%v\n", err)
		return 1
	}
	res := m.Run()
	if *gantt {
		fmt.Fprint(stderr, g)
	}
	if res.Err != nil {
		fmt.Fprintf(stderr, "osplay: %v\n", res.Err)
		return 124
	}
	if !m.Done() {
		fmt.Fprintln(stderr, "osplay: the program waits for input that cannot come")
		return 124
	}
	if msg := kernel.ShellReport(res.Status); msg != "" {
		fmt.Fprintln(stderr, msg)
	}
	return res.ExitCode()
}

// folder reads the regular files directly in dir (not its subfolders),
// each at most 1 MiB: the program's folder as the machine will see it.
func folder(dir string) (fstest.MapFS, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	files := fstest.MapFS{}
	for _, e := range entries {
		if !e.Type().IsRegular() {
			continue
		}
		info, err := e.Info()
		if err != nil || info.Size() > 1<<20 {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			continue
		}
		files[e.Name()] = &fstest.MapFile{Data: data, Mode: info.Mode().Perm()}
	}
	return files, nil
}
