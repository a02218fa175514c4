// Command osplay is the operating-systems playground.
//
//	osplay run [flags] FILE.c [ARGS...]    run a C program on the simulated machine
//	osplay run [flags] --workload FILE     run a workload of CPU and I/O bursts
//	osplay explore [flags] FILE.c [ARGS...] search the schedules for one that breaks it
//	osplay sched|mlfq|process-run ARGS...  the OSTEP homework simulators
//	osplay [serve] [--addr :8080]          the web playground (default)
//
// main only wires flags to the kernel.
package main

import (
	"context"
	"embed"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"math"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"syscall"
	"time"

	"osplay/kernel"
	"osplay/kernel/analysis"
	"osplay/kernel/cc"
	"osplay/kernel/explore"
	"osplay/kernel/fs/hostdir"
	"osplay/kernel/msg"
	"osplay/kernel/sched"
	"osplay/kernel/sched/ostep"
	"osplay/web"
)

// examples are the lecture's programs, one folder each, shown on the home
// page and opened by /play?example=NAME.
//
//go:embed examples
var examples embed.FS

const usage = `usage:
  osplay run [flags] FILE.c [ARGS...]   run a C program on the simulated machine
  osplay run [flags] --workload FILE    run a workload of jobs (CPU and I/O bursts)
  osplay explore [flags] FILE.c [ARGS...]  run it under many schedules until one fails
  osplay sched ARGS...                  OSTEP's scheduler.py
  osplay mlfq ARGS...                   OSTEP's mlfq.py
  osplay process-run ARGS...            OSTEP's process-run.py
  osplay [serve] [--addr ADDR]          the web playground (default; ADDR from $PORT or :8080)
  osplay healthcheck [--url URL]        exit 0 if a running server's /healthz answers
Run "osplay run -h" for the flags of run.
`

func main() {
	// The C library is compiled once per build and kept in the user's
	// cache folder (OSPLAY_CACHE overrides it; "off" keeps nothing).
	switch dir := os.Getenv("OSPLAY_CACHE"); dir {
	case "off":
	case "":
		if base, err := os.UserCacheDir(); err == nil {
			cc.LibraryCache = filepath.Join(base, "osplay")
		}
	default:
		cc.LibraryCache = dir
	}
	if len(os.Args) > 1 && (os.Args[1] == "run" || os.Args[1] == "explore") {
		// The user's own programs, compiled here: a compiler worker
		// would start this whole program a second time. The server
		// keeps its workers.
		cc.CompileInProcess = true
	}
	os.Exit(osplay(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

func osplay(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 || strings.HasPrefix(args[0], "-") && args[0] != "-h" && args[0] != "-help" && args[0] != "--help" {
		return serve(args, stderr)
	}
	switch args[0] {
	case "run":
		return run(args[1:], stdin, stdout, stderr)
	case "explore":
		return exploreCmd(args[1:], stdout, stderr)
	case "sched":
		return ostep.Scheduler(args[1:], stdout, stderr)
	case "mlfq":
		return ostep.MLFQ(args[1:], stdout, stderr)
	case "process-run":
		return ostep.ProcessRun(args[1:], stdout, stderr)
	case "serve":
		return serve(args[1:], stderr)
	case "healthcheck":
		return healthcheck(args[1:], stdout, stderr)
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
	policy := fl.String("sched", kernel.DefaultSched, "scheduling policy, with options after a colon (rr:q=4, mlfq:boost=100): "+strings.Join(sched.Names(), ", "))
	quantum := fl.Int64("quantum", sched.DefaultQuantum, "time slice in ticks, when the policy gives none")
	cpus := fl.Int("cpus", 1, fmt.Sprintf("number of CPUs (1 to %d)", kernel.MaxCPUs))
	seed := fl.Int64("seed", 0, "random seed for randomised policies")
	ctxswitch := fl.Int64("ctxswitch", 0, "ticks a context switch costs")
	childFirst := fl.Bool("child-first", false, "after fork, run the child first (Linux runs the parent)")
	monitor := fl.String("monitor", kernel.MonitorHoare, "what a monitor's signal does (<osplay/monitor.h>): hoare (the signalled thread runs at once) or mesa (the signaller goes on)")
	trace := fl.Bool("trace", false, "print every event to standard error")
	lang := fl.String("lang", langDefault(), "language of the kernel's texts in the trace and messages: en or ko (default from $OSPLAY_LANG, else en)")
	gantt := fl.Bool("gantt", false, "print a Gantt chart of the CPUs at the end")
	maxTicks := fl.Int64("max-ticks", 0, "stop after this many CPU ticks (0: never; Ctrl-C stops the program, as in a shell)")
	maxProcs := fl.Int("max-procs", kernel.DefaultMaxProcs, "processes at once (fork fails with EAGAIN beyond)")
	maxMemory := fl.String("max-memory", "", "memory one process may touch, as 64MiB (committed lazily; the access faults with SIGSEGV beyond; default 64MiB)")
	maxVirtualMemory := fl.String("max-virtual-memory", "", "address space one process may reserve for code, data, heap and mappings, as 4GiB (malloc and mmap fail with ENOMEM beyond; default 4GiB)")
	maxTotalMemory := fl.String("max-total-memory", "", "memory of all processes together, as 256MiB (the largest is killed with SIGKILL beyond; default none)")
	multiprogramming := fl.Int("multiprogramming", 0, "degree of multiprogramming: processes admitted at once, the others wait in the job queue (0: no limit)")
	resident := fl.Int("resident", 0, "processes in memory at once, the others are swapped out (0: no limit)")
	metrics := fl.Bool("metrics", false, "print the scheduling metrics at the end (always for a workload)")
	workload := fl.String("workload", "", "run the jobs of a workload file instead of a C program")
	compare := fl.String("compare", "", "with a workload: run it under each of these policies (space-separated) in turn")
	races := fl.Bool("races", false, "report data races as they happen, and at the end which locks were held at each shared variable's accesses")
	schedule := fl.String("schedule", "", "replay a schedule that osplay explore printed (THREAD@POINT:THREAD,…), under its controlled scheduler on one CPU")
	ostepProblem := fl.String("ostep", "", `run an OSTEP homework problem on the machine: "sched -p SJF -l 5,10,15" (or mlfq, process-run)`)
	fl.Usage = func() {
		fmt.Fprint(stderr, "usage: osplay run [flags] FILE.c [ARGS...]\n       osplay run [flags] --workload FILE | --ostep \"COMMAND OPTIONS\"\n\nflags:\n")
		fl.PrintDefaults()
	}
	if err := fl.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if !slices.Contains(msg.Languages(), *lang) {
		fmt.Fprintf(stderr, "osplay: --lang %q: choose one of %s\n", *lang, strings.Join(msg.Languages(), ", "))
		return 2
	}
	base := kernel.Config{
		Sched: *policy, Quantum: *quantum, CPUs: *cpus, Seed: *seed, ContextSwitch: *ctxswitch,
		ChildFirst: *childFirst, Monitor: *monitor, MaxTicks: *maxTicks, MaxProcs: *maxProcs,
		Multiprogramming: *multiprogramming, Resident: *resident,
	}
	if base.MaxTicks <= 0 {
		// Running a program runs it until it ends, as a shell does; the
		// server keeps its limits.
		base.MaxTicks, base.MaxInstructions = unlimited, unlimited
	}
	for _, f := range []struct {
		name, value string
		to          *uint64
	}{{"max-memory", *maxMemory, &base.MaxMemory}, {"max-virtual-memory", *maxVirtualMemory, &base.MaxVirtualMemory},
		{"max-total-memory", *maxTotalMemory, &base.MaxTotalMemory}} {
		if f.value == "" {
			continue
		}
		n, err := web.ParseSize(f.value)
		if err != nil {
			fmt.Fprintf(stderr, "osplay: --%s: %v\n", f.name, err)
			return 2
		}
		*f.to = n
	}
	if *workload != "" || *ostepProblem != "" {
		if fl.NArg() > 0 {
			fmt.Fprintf(stderr, "osplay: a workload runs no program: %s is one too many\n", fl.Arg(0))
			return 2
		}
		return runWorkload(*workload, *ostepProblem, *compare, *trace, *lang, base, stdin, stdout, stderr)
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
	files, err := hostdir.Read(filepath.Dir(file))
	if err != nil {
		fmt.Fprintf(stderr, "osplay: %v\n", err)
		return 1
	}
	if _, err := files.Stat(filepath.Base(file)); err != nil {
		fmt.Fprintf(stderr, "osplay: %s: no such file\n", file)
		return 1
	}
	g := analysis.NewGantt()
	meter := analysis.NewMeter(*cpus)
	cfg := base
	cfg.Files, cfg.Stdin, cfg.Stdout, cfg.Stderr = files, stdin, stdout, stderr
	cfg.DetectRaces = *races
	cfg.OnEvent = func(e kernel.Event) {
		if *trace {
			fmt.Fprintln(stderr, e.In(*lang))
		} else if e.Kind == kernel.KindRace {
			fmt.Fprintf(stderr, "osplay: %s\n", e.Msg.In(*lang))
		}
		g.Add(e)
		meter.Add(e)
	}
	m := kernel.New(cfg)
	if *schedule != "" {
		s, err := explore.ParseSchedule(*schedule)
		if err != nil {
			fmt.Fprintf(stderr, "osplay: --schedule: %v\n", err)
			return 2
		}
		m = explore.Machine(explore.Target{Config: cfg}, s)
	}
	if err := m.Start(append([]string{filepath.Base(file)}, fl.Args()[1:]...)); err != nil {
		fmt.Fprintf(stderr, "%v\n", err)
		return 1
	}
	res, interrupted := runInterruptibly(m, stdin, stderr)
	if *races {
		fmt.Fprint(stderr, locksetReport(m.SharedVars(), *lang))
	}
	if *gantt {
		fmt.Fprint(stderr, g)
	}
	if *metrics {
		fmt.Fprint(stderr, meter.Metrics())
	}
	if interrupted {
		fmt.Fprintf(stderr, "\nosplay: interrupted at tick %d\n", m.Now())
		return 128 + int(syscall.SIGINT)
	}
	if res.Err != nil {
		fmt.Fprintf(stderr, "osplay: %s\n", errorIn(res.Err, *lang))
		var deadlock *kernel.DeadlockError
		if errors.As(res.Err, &deadlock) {
			fmt.Fprint(stderr, deadlock.DescribeIn(*lang))
			for _, c := range kernel.Cycles(deadlock.Waits) {
				var who []string
				for _, w := range append(c, c[0]) {
					who = append(who, fmt.Sprintf("thread %d", w.TID))
				}
				fmt.Fprintf(stderr, "  cycle: %s\n", strings.Join(who, " → "))
			}
		}
		for _, w := range m.Spinners() {
			fmt.Fprintf(stderr, "  %s, and thread %d waits for nothing: it runs on holding it (busy waiting?)\n", w, w.Holder)
		}
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

// unlimited is the tick and instruction limit of a run from the command
// line: none that a program can reach.
const unlimited = math.MaxInt64 / 64

// runInterruptibly runs m as decide does, until Ctrl-C (SIGINT) interrupts
// it; the summaries (Gantt chart, metrics) are still printed then.
func runInterruptibly(m *kernel.Machine, stdin io.Reader, stderr io.Writer) (kernel.Result, bool) {
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt)
	defer signal.Stop(sig)
	done := make(chan struct{})
	defer close(done)
	var interrupted atomic.Bool
	go func() {
		select {
		case <-sig:
			interrupted.Store(true)
			m.Interrupt()
		case <-done:
			return
		}
		// A machine waiting for the terminal is inside a read of the
		// host's standard input, which an interrupt cannot cut short.
		select {
		case <-sig:
		case <-time.After(time.Second):
		case <-done:
			return
		}
		fmt.Fprintln(stderr, "\nosplay: interrupted")
		os.Exit(128 + int(syscall.SIGINT))
	}()
	res := decide(m, stdin, stderr)
	return res, interrupted.Load() && m.Interrupted()
}

// langDefault is the language of the kernel's texts when --lang is not
// given: $OSPLAY_LANG, or English.
func langDefault() string {
	if l := os.Getenv("OSPLAY_LANG"); l != "" {
		return l
	}
	return msg.English
}

// errorIn is the error that stopped a machine in lang: the kernel's own
// (a limit, a deadlock) from the catalogue, any other as it is.
func errorIn(err error, lang string) string {
	var t interface{ Text() msg.Text }
	if errors.As(err, &t) {
		return t.Text().In(lang)
	}
	return err.Error()
}

// runWorkload is "osplay run --workload FILE" and "osplay run --ostep …":
// the jobs run under the policy, or under each policy compared, and the
// Gantt chart and metrics of each run go to standard output.
func runWorkload(file, problem, compare string, trace bool, lang string, cfg kernel.Config, stdin io.Reader, stdout, stderr io.Writer) int {
	var w *kernel.Workload
	if problem != "" {
		fields := strings.Fields(problem)
		p, err := analysis.OSTEPProblem(fields[0], fields[1:])
		if err != nil {
			fmt.Fprintf(stderr, "osplay: %v\n", err)
			return 1
		}
		for _, n := range p.Notes {
			fmt.Fprintf(stderr, "osplay: note: %s\n", n)
		}
		w, cfg = p.Workload, p.Config(cfg)
	} else {
		text, err := os.ReadFile(file)
		if err != nil {
			fmt.Fprintf(stderr, "osplay: %v\n", err)
			return 1
		}
		if w, err = kernel.ParseWorkload(string(text)); err != nil {
			fmt.Fprintf(stderr, "osplay: %s: %v\n", file, err)
			return 1
		}
	}
	specs := strings.Fields(compare)
	if len(specs) == 0 {
		specs = []string{cfg.Sched}
	}
	status := 0
	for i, spec := range specs {
		c := cfg
		c.Sched = spec
		g := analysis.NewGantt()
		meter := analysis.NewMeter(c.CPUs)
		c.OnEvent = func(e kernel.Event) {
			if trace {
				fmt.Fprintln(stderr, e.In(lang))
			}
			g.Add(e)
			meter.Add(e)
		}
		m := kernel.New(c)
		if err := m.StartWorkload(w); err != nil {
			fmt.Fprintf(stderr, "osplay: %v\n", err)
			return 1
		}
		res := decide(m, stdin, stderr)
		if i > 0 {
			fmt.Fprintln(stdout)
		}
		fmt.Fprintf(stdout, "scheduler %s\n%s%s", spec, g, meter.Metrics())
		if res.Err != nil {
			fmt.Fprintf(stderr, "osplay: %s: %s\n", spec, errorIn(res.Err, lang))
			status = 124
		}
	}
	return status
}

// decide runs m to the end; under the manual policy it asks on standard
// error which process runs next and reads the pid from standard input.
func decide(m *kernel.Machine, stdin io.Reader, stderr io.Writer) kernel.Result {
	for {
		res := m.Run()
		q := m.Asking()
		if m.Done() || len(q) == 0 || m.Interrupted() {
			return res
		}
		fmt.Fprintf(stderr, "tick %d: who runs next on cpu%d? ready: %v\n> ", m.Now(), q[0].CPU, q[0].Ready)
		line, ok := readLine(stdin)
		if !ok {
			fmt.Fprintln(stderr, "\nosplay: no answer: the run stops here")
			return res
		}
		var pid int
		if _, err := fmt.Sscan(line, &pid); err != nil {
			fmt.Fprintln(stderr, "osplay: answer with a pid from the ready queue")
			continue
		}
		if err := m.Choose(pid); err != nil {
			fmt.Fprintf(stderr, "osplay: %v\n", err)
		}
	}
}

// readLine reads one line, a byte at a time so that nothing after it is
// taken from a program's input.
func readLine(r io.Reader) (string, bool) {
	var line []byte
	var b [1]byte
	for {
		n, err := r.Read(b[:])
		if n == 1 {
			if b[0] == '\n' {
				return string(line), true
			}
			line = append(line, b[0])
		}
		if err != nil {
			return string(line), len(line) > 0
		}
	}
}

// serve is "osplay serve": the web playground until SIGINT or SIGTERM,
// then a graceful shutdown.
func serve(args []string, stderr io.Writer) int {
	fl := flag.NewFlagSet("osplay serve", flag.ContinueOnError)
	fl.SetOutput(stderr)
	addr := fl.String("addr", "", "address to listen on (default $PORT, else :8080)")
	frameAncestors := fl.String("frame-ancestors", "*", "who may embed the pages in an iframe (Content-Security-Policy frame-ancestors)")
	trustProxy := fl.Bool("trust-proxy", false, "take client addresses from X-Forwarded-For (only behind a reverse proxy)")
	staticDir := fl.String("static-dir", "", "serve static files from this folder instead of the embedded copy (development)")
	idle := fl.Duration("idle", 0, "close sessions idle for this long (default from the API's limits)")
	dataDir := fl.String("data", "", "folder of the SQLite database of shares and authored exercises (default $OSPLAY_DATA, else ./data); $DATABASE_URL chooses PostgreSQL instead")
	memoryLimit := fl.String("memory-limit", os.Getenv("OSPLAY_MEMORY_LIMIT"), "memory the server may use, as 2GiB: new sessions and runs are refused near it (default $OSPLAY_MEMORY_LIMIT, else the container's limit)")
	programCache := fl.String("program-cache", os.Getenv("OSPLAY_PROGRAM_CACHE"), "memory for compiled programs kept for reuse, as 64MiB (default $OSPLAY_PROGRAM_CACHE, else 64MiB)")
	if err := fl.Parse(args); err != nil {
		return 2
	}
	sizes := map[string]uint64{}
	for name, v := range map[string]string{"memory-limit": *memoryLimit, "program-cache": *programCache} {
		if v == "" {
			continue
		}
		n, err := web.ParseSize(v)
		if err != nil {
			fmt.Fprintf(stderr, "osplay: --%s: %v\n", name, err)
			return 2
		}
		sizes[name] = n
	}
	if *addr == "" {
		*addr = ":8080"
		if port := os.Getenv("PORT"); port != "" {
			*addr = ":" + port
		}
	}
	sub, err := fs.Sub(examples, "examples")
	if err != nil {
		fmt.Fprintf(stderr, "osplay: %v\n", err)
		return 1
	}
	log := slog.New(slog.NewJSONHandler(stderr, nil))
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	cfg := web.Config{Addr: *addr, Logger: log, Examples: sub, FrameAncestors: *frameAncestors,
		TrustProxy: *trustProxy, StaticDir: *staticDir, DataDir: *dataDir, DatabaseURL: os.Getenv("DATABASE_URL"),
		MemoryLimit: sizes["memory-limit"], ProgramCache: int64(sizes["program-cache"])}
	if *idle > 0 {
		cfg.Limits.Idle = *idle
	}
	if err := web.Serve(ctx, cfg); err != nil {
		log.Error("server stopped", "err", err)
		return 1
	}
	return 0
}
