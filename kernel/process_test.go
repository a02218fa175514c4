package kernel

import (
	"fmt"
	"testing"
)

func TestLecturePrograms(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		stdout string
		stderr string
		code   int
	}{
		{"onetwo", nil, "one\ntwo\ntwo\n", "", 0},
		{"forkwait", nil, "child: my parent is the one who forked me: yes\nwait returned the child: yes\n" +
			"low: 0, high: 42\nWIFEXITED 1 WEXITSTATUS 42\n", "second wait: No child processes\n", 0},
		{"orphan", nil, "parent: exiting\norphan: my parent is now 1\n", "", 0},
		{"zombie", nil, "reaped the zombie, exit code 7\n", "", 0},
		{"wnohang", nil, "first poll returned 0: yes\nthen the child: yes, exit code 5\n", "", 0},
		{"execself", nil, "I'm going to exit with return code 33\nA child terminated with exit code low: 0, high: 33\n", "", 0},
		{"execfail", nil, "missing: No such file or directory\nsource file: Permission denied\ndirectory: Permission denied\n", "", 0},
		{"killchild", nil, "signaled 1, signal 15\nkill of a reaped child: -1\n", "", 0},
		{"files", nil, "read back 5 bytes: file\nsize 12 mode 644\nO_EXCL: File exists\n" +
			"file now: hello, file\nthis line goes to the file\nclosed: Bad file descriptor\n" +
			"unlinked: No such file or directory\nisatty(1) 1\n", "", 0},
		{"clock", nil, "start 1704067200, slept 2 s, gettimeofday agrees: 1\n", "", 0},
		{"segv", nil, "about to crash\n", "", 128 + 11},
		{"abort", nil, "giving up\n", "", 128 + 6},
		{"divzero", nil, "", "", 128 + 8},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runTestdata(t, Config{}, tt.name, tt.args...)
			if r.res.Err != nil {
				t.Fatalf("machine error: %v\n%s", r.res.Err, r.trace())
			}
			if r.stdout != tt.stdout {
				t.Errorf("stdout:\n%s\nwant:\n%s", r.stdout, tt.stdout)
			}
			if r.stderr != tt.stderr {
				t.Errorf("stderr:\n%s\nwant:\n%s", r.stderr, tt.stderr)
			}
			if got := r.res.ExitCode(); got != tt.code {
				t.Errorf("exit code %d, want %d", got, tt.code)
			}
			if ps := r.m.Processes(); len(ps) != 1 || ps[0].PID != 1 {
				t.Errorf("processes left after the run: %+v, want init alone", ps)
			}
		})
	}
}

func TestMemoryLimit(t *testing.T) {
	r := runTestdata(t, Config{MaxVirtualMemory: 8 << 20}, "hog")
	var mib int
	if _, err := fmt.Sscanf(r.stdout, "malloc failed after %d MiB", &mib); err != nil {
		t.Fatalf("stdout %q", r.stdout)
	}
	if mib < 4 || mib > 8 {
		t.Errorf("malloc failed after %d MiB with an 8 MiB virtual size limit", mib)
	}
	if n := r.count(KindSysret, func(e Event) bool { return e.Name == "sbrk" && e.Errno == 12 }); n == 0 {
		t.Error("no sbrk failed with ENOMEM")
	}
}

func TestOutputLimit(t *testing.T) {
	r := runTestdata(t, Config{MaxOutput: 1000}, "chatty")
	if len(r.stdout) != 1000 {
		t.Errorf("%d bytes of output, want the limit 1000", len(r.stdout))
	}
	if r.res.Err == nil || r.res.Err.Error() != "output limit of 1000 bytes reached" {
		t.Errorf("err = %v", r.res.Err)
	}
}

func TestSyscallCost(t *testing.T) {
	free := runTestdata(t, Config{}, "forkwait")
	costly := runTestdata(t, Config{SyscallCost: 50}, "forkwait")
	// Every completed call costs, except the child's return from fork,
	// which it never made.
	calls := costly.count(KindSysret, func(e Event) bool { return !(e.Name == "fork" && e.Result == 0) })
	if calls < 5 {
		t.Fatalf("only %d system calls", calls)
	}
	if d := costly.res.CPUTicks - free.res.CPUTicks; d != int64(50*calls) {
		t.Errorf("system calls cost %d ticks in all, want 50 × %d", d, calls)
	}
	if costly.stdout != free.stdout {
		t.Errorf("output changed with the cost: %q", costly.stdout)
	}
}
