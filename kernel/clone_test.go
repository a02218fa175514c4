package kernel

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	iofs "io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"osplay/kernel/abi"
	"osplay/kernel/linuxtest"
)

// cloneCase is a program to clone in the middle of its run.
type cloneCase struct {
	name     string
	cfg      Config
	files    iofs.FS
	argv     []string
	stdin    string
	noRecord bool
}

// cloneRun is what a run did, to compare.
type cloneRun struct {
	stream         string // hash of every event's String
	events         int
	stdout, stderr string
	result         string
}

func (c cloneCase) start(t *testing.T, out, errb *bytes.Buffer) *Machine {
	t.Helper()
	cfg := c.cfg
	cfg.Files, cfg.Record = c.files, !c.noRecord
	cfg.Stdout, cfg.Stderr = out, errb
	cfg.Stdin = strings.NewReader(c.stdin)
	if cfg.MaxTicks == 0 {
		cfg.MaxTicks = 400_000
	}
	m := New(cfg)
	if err := m.Start(c.argv); err != nil {
		t.Fatalf("start: %v", err)
	}
	return m
}

func finished(m *Machine, out, errb *bytes.Buffer) cloneRun {
	res := m.Run()
	h := sha256.New()
	evs := m.Events()
	for _, e := range evs {
		fmt.Fprintln(h, e.String())
	}
	res.Procs = nil
	return cloneRun{stream: hex.EncodeToString(h.Sum(nil))[:16], events: len(evs), stdout: out.String(), stderr: errb.String(),
		result: fmt.Sprintf("%+v", res)}
}

func (r cloneRun) same(t *testing.T, what string, want cloneRun) {
	t.Helper()
	if r != want {
		t.Errorf("%s differs from a fresh run:\n got  %+v\n want %+v", what, r, want)
	}
}

// TestCloneRunsOnAsTheOriginal clones programs of every kind (the
// examples, the Linux oracle's cases, the kernel's test programs under
// several policies and CPUs, the race detector's cases) at several ticks.
// The original and its clone, run on at once on two goroutines, each give
// the events and output of a run stopped there and run on without a clone; a third copy driven differently
// (its program killed, its input closed) and run first changes neither.
func TestCloneRunsOnAsTheOriginal(t *testing.T) {
	for _, c := range cloneCases(t) {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			m := c.start(t, &bytes.Buffer{}, &bytes.Buffer{})
			m.Run()
			total := m.Now()
			for _, frac := range []int64{1, 2, 3} {
				cut := total * frac / 4
				// The run the clone must repeat: stopped at cut, then run
				// on (which is the whole run, see TestSplitRunsMatchWholeRuns).
				var out, errb bytes.Buffer
				ref := c.start(t, &out, &errb)
				ref.RunTo(cut)
				fresh := finished(ref, &out, &errb)
				var aOut, aErr bytes.Buffer
				a := c.start(t, &aOut, &aErr)
				a.RunTo(cut)
				if a.Done() {
					continue
				}
				preOut, preErr := aOut.String(), aErr.String()
				var bOut, bErr, dOut, dErr bytes.Buffer
				b, err := a.Clone(Attach{Stdout: &bOut, Stderr: &bErr})
				if err != nil {
					t.Fatal(err)
				}
				d, err := a.Clone(Attach{Stdout: &dOut, Stderr: &dErr})
				if err != nil {
					t.Fatal(err)
				}
				if d.Now() != a.Now() {
					t.Fatalf("clone at tick %d, original at %d", d.Now(), a.Now())
				}
				d.Signal(d.FirstPID(), abi.SIGKILL)
				d.CloseInput()
				d.Run()

				var wg sync.WaitGroup
				var ra, rb cloneRun
				wg.Add(2)
				go func() { defer wg.Done(); ra = finished(a, &aOut, &aErr) }()
				go func() { defer wg.Done(); rb = finished(b, &bOut, &bErr) }()
				wg.Wait()
				rb.stdout, rb.stderr = preOut+rb.stdout, preErr+rb.stderr
				ra.same(t, fmt.Sprintf("the original cloned at tick %d", cut), fresh)
				rb.same(t, fmt.Sprintf("the clone made at tick %d", cut), fresh)
			}
		})
	}
}

func cloneCases(t *testing.T) []cloneCase {
	var out []cloneCase
	// The examples: each folder's program named after it.
	dirs, err := os.ReadDir("../examples")
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range dirs {
		main := filepath.Join("../examples", d.Name(), d.Name()+".c")
		if _, err := os.Stat(main); err != nil {
			continue
		}
		out = append(out, cloneCase{name: "examples/" + d.Name(), cfg: Config{Sched: "rr:q=5"}, files: os.DirFS(filepath.Dir(main)), argv: []string{d.Name() + ".c"}})
	}
	// The Linux oracle's cases: files, pipes, sockets, shared memory,
	// message queues, semaphores, signals, threads.
	root := linuxtest.Root(t)
	for _, lc := range linuxtest.Cases {
		out = append(out, cloneCase{name: "linux/" + lc.Name(), files: os.DirFS(filepath.Join(root, lc.Dir)),
			argv: append([]string{"./" + lc.Main}, lc.Args...), stdin: lc.Stdin})
	}
	// The kernel's programs under policies with state of their own (a
	// random generator, queues by level), on two CPUs.
	procs := os.DirFS("testdata/proc")
	for _, name := range []string{"onetwo", "forkwait", "pingpong", "threads", "race", "philosophers", "zombie", "orphan", "pipeheld", "killchild", "sleeper"} {
		for _, cfg := range []Config{{Sched: "lottery", Seed: 7}, {Sched: "mlfq:quanta=2/4/8", CPUs: 2}, {Sched: "cfs", CPUs: 2, ContextSwitch: 2}} {
			out = append(out, cloneCase{name: "proc/" + name + "/" + cfg.Sched, cfg: cfg, files: procs, argv: []string{name + ".c"}})
		}
	}
	// The race detector's cases, with the detector on.
	races := os.DirFS("testdata/race")
	entries, _ := os.ReadDir("testdata/race")
	for _, e := range entries {
		if name, ok := strings.CutSuffix(e.Name(), ".c"); ok {
			out = append(out, cloneCase{name: "race/" + name, cfg: Config{Sched: "rr:q=3", DetectRaces: true, KeepFinalMemory: true}, files: races, argv: []string{e.Name()}})
		}
	}
	return out
}
