package kernel

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"osplay/kernel/abi"
	"osplay/kernel/vm"
)

// watchRun runs argv in a folder of files under cfg, calling check at
// every event with the machine in the state the event reports.
func watchRun(t *testing.T, cfg Config, files map[string]string, check func(m *Machine, e Event), argv ...string) (*run, error) {
	t.Helper()
	mfs := fstest.MapFS{}
	for name, text := range files {
		mfs[name] = &fstest.MapFile{Data: []byte(text)}
	}
	var out, errb bytes.Buffer
	var m *Machine
	cfg.Files, cfg.Stdout, cfg.Stderr, cfg.Record = mfs, &out, &errb, true
	cfg.OnEvent = func(e Event) { check(m, e) }
	m = New(cfg)
	if err := m.Start(argv); err != nil {
		return nil, err
	}
	res := m.Run()
	return &run{res: res, stdout: out.String(), stderr: errb.String(), events: m.Events(), m: m}, nil
}

// withinLimit fails the test when a process commits more than
// Config.MaxMemory or has more resident.
func withinLimit(t *testing.T) func(m *Machine, e Event) {
	return func(m *Machine, e Event) {
		for _, p := range m.procs {
			if p.mem == nil {
				continue
			}
			mem := p.mem
			if mem.Committed() > m.cfg.MaxMemory || mem.ResidentBytes() > m.cfg.MaxMemory {
				t.Fatalf("tick %d: pid %d commits %d bytes, %d resident: more than the limit %d",
					e.Tick, p.PID, mem.Committed(), mem.ResidentBytes(), m.cfg.MaxMemory)
			}
		}
	}
}

const deepC = `static int deep(int n)
{
	volatile char buf[4000];
	buf[0] = (char)n;
	return deep(n + 1) + buf[0];
}
`

// TestMemoryLimitPerProcess checks Config.MaxMemory (the pages touched)
// and Config.MaxVirtualMemory (the address space reserved) for each kind
// of memory: the heap touched (SIGSEGV), the heap reserved (malloc
// returns NULL), a large heap touched a little (fine: memory is committed
// lazily), the stack (SIGSEGV), both, and static data too large to load
// (exec fails with ENOMEM). A process never has more than the limit
// resident.
func TestMemoryLimitPerProcess(t *testing.T) {
	// big's static data fits what the compiler allows any process (the
	// default limit) but not these machines' virtual size; huge's fits
	// nothing, and the compiler refuses it at its declaration.
	big := "static char big[32 << 20];\nint main(void) { big[1] = 1; return 0; }\n"
	huge := "static char huge[80 << 20];\nint main(void) { huge[1] = 1; return 0; }\n"
	tests := []struct {
		name     string
		limit    uint64 // Config.MaxMemory
		virtual  uint64 // Config.MaxVirtualMemory
		files    map[string]string
		argv     string
		stdout   string // a prefix
		startErr string
		fault    string // the fault that kills pid 2
	}{
		{name: "heap touched", limit: 8 << 20, argv: "hog.c", fault: "out of memory (memory limit)",
			files: map[string]string{"hog.c": "#include <stdlib.h>\nint main(void) { for (;;) { char *p = malloc(1 << 20); for (int i = 0; i < 1 << 20; i += 4096) p[i] = 1; } }\n"}},
		{name: "heap reserved", limit: 8 << 20, virtual: 16 << 20, argv: "hog.c", stdout: "malloc failed after ",
			files: map[string]string{"hog.c": "#include <stdio.h>\n#include <stdlib.h>\nint main(void) { long n = 0; while (malloc(1 << 20)) n++; printf(\"malloc failed after %ld MiB\\n\", n); return 0; }\n"}},
		{name: "large heap touched a little", limit: 8 << 20, argv: "va.c", stdout: "touched 1 MiB of 100 MB\n",
			files: map[string]string{"va.c": "#include <stdio.h>\n#include <stdlib.h>\nint main(void) { char *p = malloc(100e6); if (!p) return 1; for (int i = 0; i < 1 << 20; i += 4096) p[i] = 1; printf(\"touched 1 MiB of 100 MB\\n\"); return 0; }\n"}},
		{name: "stack", limit: 4 << 20, argv: "deep.c", fault: "stack overflow (memory limit)",
			files: map[string]string{"deep.c": deepC + "int main(void) { return deep(0); }\n"}},
		{name: "heap then stack", limit: 8 << 20, virtual: 4 << 20, argv: "both.c", fault: "stack overflow (memory limit)",
			files: map[string]string{"both.c": "#include <stdlib.h>\n" + deepC + "int main(void) { while (malloc(1 << 16)) ; return deep(0); }\n"}},
		{name: "static data touched a little", limit: 16 << 20, argv: "big.c",
			files: map[string]string{"big.c": big}},
		{name: "static data", limit: 16 << 20, virtual: 16 << 20, argv: "big.c", startErr: "./big: Cannot allocate memory",
			files: map[string]string{"big.c": big}},
		{name: "static data beyond any process", limit: 16 << 20, argv: "huge.c",
			startErr: "huge.c:1:13: array too large: 80 MiB; a process may use at most 64 MiB",
			files:    map[string]string{"huge.c": huge}},
		{name: "exec of static data", limit: 16 << 20, virtual: 16 << 20, argv: "run.c", stdout: "exec: Cannot allocate memory\n",
			files: map[string]string{"big.c": big, "run.c": "#include <errno.h>\n#include <stdio.h>\n#include <string.h>\n#include <unistd.h>\n" +
				"int main(void) { execl(\"./big\", \"big\", (char *)0); printf(\"exec: %s\\n\", strerror(errno)); return 0; }\n"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r, err := watchRun(t, Config{MaxMemory: tt.limit, MaxVirtualMemory: tt.virtual}, tt.files, withinLimit(t), tt.argv)
			if tt.startErr != "" {
				if err == nil || err.Error() != tt.startErr {
					t.Fatalf("Start: %v, want %q", err, tt.startErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(r.stdout, tt.stdout) {
				t.Errorf("stdout %q, want %q…", r.stdout, tt.stdout)
			}
			if tt.fault == "" {
				if r.res.Err != nil || r.res.ExitCode() != 0 {
					t.Errorf("exit %d, err %v", r.res.ExitCode(), r.res.Err)
				}
				return
			}
			if !r.res.Signaled || r.res.Signal != abi.SIGSEGV {
				t.Errorf("result %+v, want SIGSEGV", r.res)
			}
			if n := r.count(KindFault, func(e Event) bool { return e.Msg.String() == tt.fault }); n != 1 {
				t.Errorf("%d faults %q:\n%s", n, tt.fault, r.trace())
			}
		})
	}
}

// TestOutOfMemoryKiller runs 31 children that each touch 64 MiB on a
// machine of 256 MiB (and, on two CPUs, 8 MiB each in 32 MiB): the memory
// in use never exceeds it, the kernel kills the process with the most
// memory resident with SIGKILL (KindOOM, then its exit with the wait
// status of SIGKILL, as Linux), and the others finish. At the end, every
// frame is free again.
func TestOutOfMemoryKiller(t *testing.T) {
	for _, tt := range []struct {
		cpus       int
		mib, total uint64
	}{{1, 64, 256 << 20}, {2, 8, 32 << 20}} {
		t.Run(fmt.Sprintf("%dcpu", tt.cpus), func(t *testing.T) {
			t.Parallel()
			total, child := tt.total, tt.mib<<20
			cfg := Config{Sched: "rr:q=2000", CPUs: tt.cpus, MaxMemory: child + 16<<20, MaxTotalMemory: total, MaxTicks: 1 << 40}
			var peak uint64
			killed := map[int]bool{}
			check := func(m *Machine, e Event) {
				used := m.MemoryInUse()
				peak = max(peak, used)
				if used > total {
					t.Fatalf("tick %d: %d bytes in use, more than %d", e.Tick, used, total)
				}
				switch e.Kind {
				case KindOOM:
					if e.Limit != LimitTotalMemory || e.Value != int64(total) || e.Other == 0 {
						t.Errorf("OOM event %+v", e)
					}
					for _, p := range m.procs {
						if p.mem != nil && int64(p.mem.ResidentBytes()) > e.Bytes {
							t.Errorf("killed pid %d with %d bytes, but pid %d has %d", e.PID, e.Bytes, p.PID, p.mem.ResidentBytes())
						}
					}
					killed[e.PID] = true
				case KindExit:
					if killed[e.PID] && e.Status != abi.SignalStatus(abi.SIGKILL, false) {
						t.Errorf("pid %d killed for memory exited with status 0x%x", e.PID, e.Status)
					}
				}
			}
			files := map[string]string{}
			for name, f := range testdataFiles(t) {
				files[name] = string(f.Data)
			}
			r, err := watchRun(t, cfg, files, check, "oomkids.c", "31", fmt.Sprint(tt.mib))
			if err != nil {
				t.Fatal(err)
			}
			var k, e, o int
			if _, err := fmt.Sscanf(r.stdout, "%d killed, %d exited, %d other", &k, &e, &o); err != nil || r.res.Err != nil {
				t.Fatalf("stdout %q, err %v", r.stdout, r.res.Err)
			}
			if k != len(killed) || k == 0 || k+e != 31 || o != 0 {
				t.Errorf("%d killed (%d OOM events), %d exited, %d other", k, len(killed), e, o)
			}
			if peak < total-child {
				t.Errorf("peak %d bytes in use: the children did not fill the memory", peak)
			}
			if n := r.m.MemoryInUse(); n != 0 {
				t.Errorf("%d bytes still in use after the run", n)
			}
		})
	}
}

// TestForkSharesMemory checks that fork takes no memory (the pages are
// shared copy-on-write and counted once) and that the copies the children
// make when they write count, up to the machine's memory.
func TestForkSharesMemory(t *testing.T) {
	const total = 64 << 20
	src := `#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>
int main(void)
{
	long size = 24 << 20, off;
	int i;
	char *p = malloc(size);
	for (off = 0; off < size; off += 4096)
		p[off] = 1;
	for (i = 0; i < 3; i++)
		if (fork() == 0) {
			for (off = 0; off < size; off += 4096)
				p[off] = 2;
			_exit(0);
		}
	while (wait(NULL) > 0)
		;
	return 0;
}
`
	var before uint64
	forks, ooms := 0, 0
	check := func(m *Machine, e Event) {
		if m.MemoryInUse() > total {
			t.Fatalf("tick %d: %d bytes in use", e.Tick, m.MemoryInUse())
		}
		switch {
		case e.Kind == KindSyscall && e.Name == "fork":
			before = m.MemoryInUse()
		case e.Kind == KindSysret && e.Name == "fork" && e.Result > 0:
			forks++
			if m.MemoryInUse() != before {
				t.Errorf("fork took memory: %d bytes in use, %d before", m.MemoryInUse(), before)
			}
		case e.Kind == KindOOM:
			ooms++
		}
	}
	r, err := watchRun(t, Config{MaxTotalMemory: total}, map[string]string{"cow.c": src}, check, "cow.c")
	if err != nil {
		t.Fatal(err)
	}
	if forks != 3 || ooms == 0 || r.res.Err != nil {
		t.Errorf("%d forks, %d processes killed for memory, err %v:\n%s", forks, ooms, r.res.Err, r.trace())
	}
}

// TestRecordedEventsBounded checks Config.MaxRecorded: the last events are
// kept, the others counted.
func TestRecordedEventsBounded(t *testing.T) {
	files := testdataFiles(t)
	record := func(max int) *Machine {
		m := New(Config{Files: files, Record: true, MaxRecorded: max})
		if err := m.Start([]string{"forkwait.c"}); err != nil {
			t.Fatal(err)
		}
		m.Run()
		return m
	}
	all := record(0).Events()
	for _, max := range []int{1, 10, len(all) - 1, len(all), len(all) + 1} {
		m := record(max)
		kept := min(max, len(all))
		if got, want := traceOf(m.Events()), traceOf(all[len(all)-kept:]); got != want {
			t.Errorf("MaxRecorded %d: the events kept are not the last ones:\n%s", max, firstDiff(want, got))
		}
		if m.DroppedEvents() != int64(len(all)-kept) {
			t.Errorf("MaxRecorded %d: %d dropped, want %d", max, m.DroppedEvents(), len(all)-kept)
		}
	}
}

// TestLimitsAreData checks that a limit that stops the machine is a code
// and a value, in the error and in the events, with the sentence the
// command line prints.
func TestLimitsAreData(t *testing.T) {
	tests := []struct {
		prog  string
		args  []string
		cfg   Config
		limit Limit
		value int64
		text  string
	}{
		{"loop", nil, Config{MaxTicks: 100_000}, LimitTicks, 100_000, "instruction limit of 100000 ticks reached: is there an infinite loop?"},
		{"libcalls", nil, Config{MaxInstructions: 2_000_000}, LimitInstructions, 2_000_000, "instruction limit of 2000000 VM instructions reached: is there an infinite loop?"},
		{"chatty", nil, Config{MaxOutput: 1000}, LimitOutput, 1000, "output limit of 1000 bytes reached"},
	}
	for _, tt := range tests {
		t.Run(tt.limit.String(), func(t *testing.T) {
			r := runTestdata(t, tt.cfg, tt.prog, tt.args...)
			var le *LimitError
			if !asLimit(r.res.Err, &le) || *le != (LimitError{tt.limit, tt.value}) || le.Error() != tt.text {
				t.Fatalf("err %#v (%v), want %s of %d: %q", r.res.Err, r.res.Err, tt.limit, tt.value, tt.text)
			}
			for _, k := range []Kind{KindLimit, KindHalt} {
				if n := r.count(k, func(e Event) bool { return e.Limit == tt.limit && e.Value == tt.value && e.Msg.String() == tt.text }); n != 1 {
					t.Errorf("%d %s events with the limit:\n%s", n, k, r.trace())
				}
			}
		})
	}
}

// TestOOMEventText checks how the trace shows the killer's decision.
func TestOOMEventText(t *testing.T) {
	e := Event{Tick: 7, CPU: -1, PID: 5, Kind: KindOOM, Other: 3, Bytes: 4096, Limit: LimitTotalMemory, Value: 8192}
	want := "        7      pid 5    oom      out of memory (8192 bytes for all processes): killed, 4096 bytes resident (pid 3 needed a page)"
	if got := e.String(); got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	if KindOOM.String() != "oom" || LimitTotalMemory.String() != "max_total_memory" {
		t.Errorf("names %s, %s", KindOOM, LimitTotalMemory)
	}
}

// TestMmapSegments checks the memory map the views show after mmap: a
// shared mapping marked "s", a private one beside it, each where mmap
// said, and one fewer after each munmap.
func TestMmapSegments(t *testing.T) {
	src := `#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>
int main(void)
{
	int *s = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	int *p = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	s[0] = p[0] + 1;
	if (fork() == 0) {
		s[1] = 2;
		_exit(0);
	}
	wait(NULL);
	munmap(s, 8192);
	munmap(p, 4096);
	return s == p;
}
`
	var addrs []uint64
	var left []int // mappings after each munmap
	seen := map[string]vm.Segment{}
	check := func(m *Machine, e Event) {
		if e.Kind != KindSysret || e.PID != 2 || e.Name != "mmap" && e.Name != "munmap" {
			return
		}
		n := 0
		for _, v := range m.Processes() {
			for _, s := range v.Segments {
				if v.PID == 2 && strings.HasPrefix(s.Name, "mmap") {
					seen[s.Name] = s
					n++
				}
			}
		}
		if e.Name == "mmap" {
			addrs = append(addrs, uint64(e.Result))
		} else {
			left = append(left, n)
		}
	}
	r, err := watchRun(t, Config{}, map[string]string{"mm.c": src}, check, "mm.c")
	if err != nil {
		t.Fatal(err)
	}
	if r.res.ExitCode() != 0 {
		t.Fatalf("exit %d\n%s", r.res.ExitCode(), r.trace())
	}
	sh, pr := seen["mmap shared"], seen["mmap"]
	if len(addrs) != 2 || sh.Start != addrs[0] || sh.End != addrs[0]+8192 || sh.Prot != "rw-s" ||
		pr.Start != addrs[1] || pr.End != addrs[1]+4096 || pr.Prot != "r--" {
		t.Errorf("mmap returned %#x; segments %+v", addrs, seen)
	}
	if !slices.Equal(left, []int{1, 0}) {
		t.Errorf("mappings left after each munmap: %v, want [1 0]", left)
	}
}
