package api

import (
	"bytes"
	"fmt"
	"osplay/kernel/explore"
	"regexp"
	"strconv"
	"strings"
	"testing/fstest"

	"osplay/kernel"
	"osplay/kernel/sched"
)

var fileName = regexp.MustCompile(`^[A-Za-z0-9_][A-Za-z0-9_.+-]{0,63}$`)

// check reports what is wrong with a program, in words for the student.
func (p *Program) check(l Limits) error {
	if p.isWorkload() {
		return p.checkWorkload(l)
	}
	if len(p.Files) == 0 {
		return fmt.Errorf("the program has no files")
	}
	if len(p.Files) > l.MaxFiles {
		return fmt.Errorf("too many files: %d (at most %d)", len(p.Files), l.MaxFiles)
	}
	seen := map[string]bool{}
	for _, f := range p.Files {
		if !fileName.MatchString(f.Name) {
			return fmt.Errorf("bad file name %q: use letters, digits, '_', '-' and '.', as in hello.c", f.Name)
		}
		if seen[f.Name] {
			return fmt.Errorf("two files are named %s", f.Name)
		}
		seen[f.Name] = true
		if len(f.Text) > l.MaxFileSize {
			return fmt.Errorf("%s is too large: %d bytes (at most %d)", f.Name, len(f.Text), l.MaxFileSize)
		}
	}
	main := p.mainFile()
	if main == "" {
		return fmt.Errorf("no C file to run: name one file with .c at the end")
	}
	if !seen[main] {
		return fmt.Errorf("main file %s is not among the files", main)
	}
	if !strings.HasSuffix(main, ".c") {
		return fmt.Errorf("main file %s is not a C file", main)
	}
	if len(p.Argv) > l.MaxArgs {
		return fmt.Errorf("too many arguments: %d (at most %d)", len(p.Argv), l.MaxArgs)
	}
	for _, a := range p.Argv {
		if len(a) > 256 || strings.IndexByte(a, 0) >= 0 {
			return fmt.Errorf("argument too long or with a NUL byte: %.20q…", a)
		}
	}
	if len(p.Stdin) > l.MaxStdin {
		return fmt.Errorf("stdin is too large: %d bytes (at most %d)", len(p.Stdin), l.MaxStdin)
	}
	return p.Settings.check()
}

func (s Settings) check() error {
	if s.Sched != "" {
		if len(s.Sched) > 200 {
			return fmt.Errorf("scheduler spec too long")
		}
		if _, _, err := sched.ParseSpec(s.Sched); err != nil {
			return fmt.Errorf("scheduler %q: %v (choose one of %s)", s.Sched, err, strings.Join(sched.Names(), ", "))
		}
	}
	if s.Quantum < 0 || s.Quantum > 1_000_000 {
		return fmt.Errorf("quantum %d out of range (1 to 1000000 ticks)", s.Quantum)
	}
	if s.CPUs < 0 || s.CPUs > kernel.MaxCPUs {
		return fmt.Errorf("%d CPUs: choose 1 to %d", s.CPUs, kernel.MaxCPUs)
	}
	if s.Multiprogramming < 0 || s.Multiprogramming > 1000 || s.Resident < 0 || s.Resident > 1000 {
		return fmt.Errorf("multiprogramming and resident limits must be 0 (none) to 1000")
	}
	if s.Monitor != "" && s.Monitor != kernel.MonitorHoare && s.Monitor != kernel.MonitorMesa {
		return fmt.Errorf("monitor %q: choose hoare or mesa", s.Monitor)
	}
	if s.CtxSwitch < 0 || s.CtxSwitch > 1_000_000 {
		return fmt.Errorf("context-switch cost %d out of range (0 to 1000000 ticks)", s.CtxSwitch)
	}
	if s.Schedule != "" {
		if len(s.Schedule) > maxScheduleText {
			return fmt.Errorf("schedule too long: at most %d bytes", maxScheduleText)
		}
		if _, err := explore.ParseSchedule(s.Schedule); err != nil {
			return err
		}
	}
	return nil
}

// maxScheduleText bounds settings.schedule.
const maxScheduleText = 16 << 10

// mainFile is the file to run: Main, or the first C file.
func (p *Program) mainFile() string {
	if p.Main != "" {
		return p.Main
	}
	for _, f := range p.Files {
		if strings.HasSuffix(f.Name, ".c") {
			return f.Name
		}
	}
	return ""
}

// argv is the command line of the first process.
func (p *Program) argv() []string {
	return append([]string{p.mainFile()}, p.Argv...)
}

// config is the machine's configuration for the program. onEvent receives
// every event.
func (p *Program) config(l Limits, onEvent func(kernel.Event)) kernel.Config {
	files := fstest.MapFS{}
	for _, f := range p.Files {
		files[f.Name] = &fstest.MapFile{Data: []byte(f.Text), Mode: 0644}
	}
	cfg := kernel.Config{
		Files: files, Sched: p.Settings.Sched, Quantum: p.Settings.Quantum, CPUs: p.Settings.CPUs,
		Seed: p.Settings.Seed, ContextSwitch: p.Settings.CtxSwitch, ChildFirst: p.Settings.ChildFirst, Monitor: p.Settings.Monitor,
		Multiprogramming: p.Settings.Multiprogramming, Resident: p.Settings.Resident,
		MaxTicks: l.MaxTicks, MaxProcs: l.MaxProcs, MaxOutput: l.MaxOutput, OnEvent: onEvent,
		MaxTotalMemory: l.MaxSessionMemory, DetectRaces: p.Settings.Races,
	}
	if p.Stdin != "" {
		cfg.Stdin = bytes.NewReader([]byte(p.Stdin))
	}
	return cfg
}

// start makes the program's machine and starts it. A compile error comes
// back with its diagnostics.
func (p *Program) start(l Limits, onEvent func(kernel.Event)) (*kernel.Machine, []CompileError, error) {
	if p.isWorkload() {
		m, err := p.startWorkload(l, onEvent)
		return m, nil, err
	}
	var m *kernel.Machine
	if p.Settings.Schedule != "" {
		// As the explorer ran it: one CPU, the schedule choosing, the
		// standard input given or none (end of file).
		s, _ := explore.ParseSchedule(p.Settings.Schedule)
		m = explore.Machine(explore.Target{Config: p.config(l, onEvent)}, s)
	} else {
		m = kernel.New(p.config(l, onEvent))
	}
	if err := m.Start(p.argv()); err != nil {
		diags := compileErrors(err.Error())
		return nil, diags, err
	}
	return m, nil, nil
}

var diagLine = regexp.MustCompile(`^([^:\s]+):(\d+):(\d+): (.*)$`)

// compileErrors reads the compiler's "file:line:col: message" lines.
func compileErrors(msg string) []CompileError {
	var out []CompileError
	for _, line := range strings.Split(msg, "\n") {
		m := diagLine.FindStringSubmatch(strings.TrimSpace(line))
		if m == nil {
			continue
		}
		ln, _ := strconv.Atoi(m[2])
		col, _ := strconv.Atoi(m[3])
		out = append(out, CompileError{File: m[1], Line: ln, Col: col, Msg: m[4]})
	}
	return out
}
