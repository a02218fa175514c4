package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestRun(t *testing.T) {
	tests := []struct {
		args   []string
		stdin  string
		code   int
		stdout string
		stderr string // a substring of standard error
	}{
		{[]string{"run", "kernel/testdata/proc/onetwo.c"}, "", 0, "one\ntwo\ntwo\n", ""},
		{[]string{"run", "kernel/testdata/proc/segv.c"}, "", 139, "about to crash\n", "Segmentation fault (core dumped)\n"},
		{[]string{"run", "kernel/testdata/proc/execself.c"}, "", 0,
			"I'm going to exit with return code 33\nA child terminated with exit code low: 0, high: 33\n", ""},
		{[]string{"run", "kernel/testdata/proc/upper.c"}, "shout\n", 0, "SHOUT\nbye\n", ""},
		{[]string{"run", "--sched", "fcfs", "kernel/testdata/proc/race.c"}, "", 0,
			"parent 0\nparent 1\nparent 2\nparent 3\nparent 4\nchild 0\nchild 1\nchild 2\nchild 3\nchild 4\n", ""},
		{[]string{"run", "--max-ticks", "5000", "kernel/testdata/proc/loop.c"}, "", 124, "",
			"osplay: instruction limit of 5000 ticks reached: is there an infinite loop?\n"},
		{[]string{"run", "--gantt", "--cpus", "2", "kernel/testdata/proc/onetwo.c"}, "", 0, "one\ntwo\ntwo\n", "cpu1 |"},
		{[]string{"run", "--trace", "kernel/testdata/proc/onetwo.c"}, "", 0, "one\ntwo\ntwo\n", "syscall  fork()"},
		{[]string{"run", "kernel/testdata/proc/echo.c"}, "", 0, "hello from echo\nvia PATH\n", ""},
		{[]string{"run", "kernel/testdata/proc/badprog.c"}, "", 1, "", "badprog.c:4:"},
		{[]string{"run", "kernel/testdata/proc/nothere.c"}, "", 1, "", "no such file"},
		{[]string{"run", "--sched", "sjf-ish", "kernel/testdata/proc/onetwo.c"}, "", 1, "", `unknown scheduler "sjf-ish"`},
		{[]string{"run"}, "", 2, "", "usage: osplay run"},
		{[]string{"run", "README"}, "", 2, "", "not a C file"},
		{[]string{"help"}, "", 0, usage, ""},
		{[]string{"serve", "--addr", "not-an-address"}, "", 1, "", "server stopped"},
		{[]string{"serve", "--memory-limit", "lots"}, "", 2, "", `osplay: --memory-limit: size "lots"`},
		{[]string{"serve", "--program-cache", "-1"}, "", 2, "", `osplay: --program-cache: size "-1"`},
		{[]string{"run", "--max-total-memory", "much", "kernel/testdata/proc/onetwo.c"}, "", 2, "", `--max-total-memory: size "much"`},
		{[]string{"run", "--max-total-memory", "16MiB", "--max-memory", "8MiB", "kernel/testdata/proc/onetwo.c"}, "", 0, "one\ntwo\ntwo\n", ""},
		{[]string{"run", "--max-virtual-memory", "8MiB", "kernel/testdata/proc/hog.c"}, "", 0, "malloc failed after 7 MiB\n", ""},
		{[]string{"run", "--max-virtual-memory", "lots", "kernel/testdata/proc/hog.c"}, "", 2, "", `--max-virtual-memory: size "lots"`},
		{[]string{"frobnicate"}, "", 2, "", `unknown command "frobnicate"`},
		{[]string{"run", "--sched", "rr:q=0", "kernel/testdata/proc/onetwo.c"}, "", 1, "", "rr: q=0: want a whole number of at least 1"},
		{[]string{"run", "examples/bb4-monitor/bb4-monitor.c"}, "", 0,
			"sum of the items fetched: 78 (want 78)\nfetches from an empty buffer: 0\n", ""},
		{[]string{"run", "--monitor", "mesa", "examples/bb4-monitor/bb4-monitor.c"}, "", 0,
			"sum of the items fetched: 72 (want 78)\nfetches from an empty buffer: 3\n", ""},
		{[]string{"run", "--monitor", "brinch", "kernel/testdata/proc/onetwo.c"}, "", 1, "", `monitor semantics "brinch": hoare or mesa`},
		{[]string{"run", "--metrics", "kernel/testdata/proc/onetwo.c"}, "", 0, "one\ntwo\ntwo\n", "average over 2 completed"},
		{[]string{"run", "--workload", "kernel/testdata/workload/nothere.txt"}, "", 1, "", "no such file"},
		{[]string{"run", "--workload", "main.go"}, "", 1, "", "main.go: workload line"},
		{[]string{"run", "--workload", "kernel/testdata/workload/srtf.txt", "extra.c"}, "", 2, "", "one too many"},
		{[]string{"run", "--ostep", "sched -p LOTTERY -l 1,2"}, "", 1, "", "policy LOTTERY is not available"},
		{[]string{"run", "--sched", "rr:q=2", "kernel/testdata/proc/philosophers.c"}, "", 124, "",
			"deadlock: every process is waiting and nothing can wake them\n  pid 1 waits for a child of pid 1\n" +
				"  pid 2 waits for thread 3 to exit at philosophers.c:30\n" +
				"  thread 3 (pid 2) waits for mutex 0x"},
		{[]string{"run", "--max-ticks", "100000", "examples/rw-busywait/rw-busywait.c"}, "", 124, "reader: read 0\n",
			"osplay: instruction limit of 100000 ticks reached: is there an infinite loop?\n" +
				"  thread 3 (pid 2) waits for mutex 0x"},
		{[]string{"run", "--sched", "rr:q=2", "kernel/testdata/proc/philosophers.c"}, "", 124, "",
			"  cycle: thread 3 → thread 4 → thread 5 → thread 6 → thread 7 → thread 3\n"},
	}
	for _, tt := range tests {
		var out, errb bytes.Buffer
		code := osplay(tt.args, strings.NewReader(tt.stdin), &out, &errb)
		if code != tt.code {
			t.Errorf("osplay %q: exit code %d, want %d (stderr %q)", tt.args, code, tt.code, errb.String())
		}
		if out.String() != tt.stdout {
			t.Errorf("osplay %q: stdout %q, want %q", tt.args, out.String(), tt.stdout)
		}
		if !strings.Contains(errb.String(), tt.stderr) {
			t.Errorf("osplay %q: stderr %q, want it to contain %q", tt.args, errb.String(), tt.stderr)
		}
	}
}

// TestRunInACrowdedFolder: the program's folder is the machine's working
// directory, however many files it holds (the files over 1 MiB, the
// subfolders left out); those the program opens are read.
func TestRunInACrowdedFolder(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"prog.c": `#include <dirent.h>
#include <stdio.h>
#include <sys/stat.h>
int main(void) {
	int n = 0;
	DIR *d = opendir(".");
	while (readdir(d) != NULL)
		n++;
	closedir(d);
	struct stat st;
	stat("f0042.txt", &st);
	printf("%d entries, f0042.txt is %ld bytes\n", n, (long)st.st_size);
	char line[64];
	FILE *f = fopen("data.txt", "r");
	fputs(fgets(line, sizeof line, f), stdout);
	printf("huge.bin is %s\n", stat("huge.bin", &st) == 0 ? "there" : "absent");
	return 0;
}
`,
		"data.txt": "the one file read\n",
		"huge.bin": strings.Repeat("x", 1<<20+1),
	}
	for i := range 2000 {
		files[fmt.Sprintf("f%04d.txt", i)] = strings.Repeat("y", i)
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(filepath.Join(dir, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	code := osplay([]string{"run", filepath.Join(dir, "prog.c")}, strings.NewReader(""), &out, &errb)
	// ".", "..", prog.c, the program prog built from it, data.txt and the
	// 2,000.
	want := "2005 entries, f0042.txt is 42 bytes\nthe one file read\nhuge.bin is absent\n"
	if code != 0 || out.String() != want {
		t.Errorf("exit %d, stdout %q, stderr %q; want 0, %q", code, out.String(), errb.String(), want)
	}
}

// TestRunWorkload checks "osplay run --workload", with a comparison, and
// "osplay run --ostep", which gives scheduler.py's answers.
func TestRunWorkload(t *testing.T) {
	var out, errb bytes.Buffer
	code := osplay([]string{"run", "--workload", "kernel/testdata/workload/srtf.txt", "--compare", "sjf stcf"},
		strings.NewReader(""), &out, &errb)
	for _, want := range []string{"scheduler sjf\n", "cpu0 |AAAAAAAABBBBDDDDDCCCCCCCCC|",
		"scheduler stcf\n", "cpu0 |ABBBBDDDDDAAAAAAACCCCCCCCC|", "turnaround 13.00, response 4.25, waiting 6.50"} {
		if code != 0 || !strings.Contains(out.String(), want) {
			t.Errorf("compare: exit %d, output lacks %q:\n%s%s", code, want, out.String(), errb.String())
		}
	}
	out.Reset()
	code = osplay([]string{"run", "--ostep", "sched -p RR -q 3 -l 3,15,16 -c"}, strings.NewReader(""), &out, &errb)
	if code != 0 || !strings.Contains(out.String(), "average over 3 completed: turnaround 22.33, response 3.00, waiting 11.00") {
		t.Errorf("ostep: exit %d:\n%s", code, out.String())
	}
	// The manual policy asks on standard error and reads the answers.
	out.Reset()
	errb.Reset()
	code = osplay([]string{"run", "--sched", "manual", "--workload", "kernel/testdata/workload/srtf.txt"},
		strings.NewReader("2\nx\n9\n5\n4\n"), &out, &errb)
	if code != 0 || !strings.Contains(out.String(), "cpu0 |AAAAAAAADDDDDCCCCCCCCCBBBB|") {
		t.Errorf("manual: exit %d:\n%s%s", code, out.String(), errb.String())
	}
	for _, want := range []string{"tick 8: who runs next on cpu0? ready: [3 4 5]", "pid 2 is not in the ready queue",
		"answer with a pid", "tick 13: who runs next on cpu0? ready: [3 4]"} {
		if !strings.Contains(errb.String(), want) {
			t.Errorf("manual: stderr lacks %q:\n%s", want, errb.String())
		}
	}
}

func TestOSTEPCommands(t *testing.T) {
	for _, cmd := range []string{"sched", "mlfq", "process-run"} {
		var out, errb bytes.Buffer
		code := osplay([]string{cmd, "-h"}, strings.NewReader(""), &out, &errb)
		if code != 0 || !strings.Contains(strings.ToLower(out.String()+errb.String()), "usage") {
			t.Errorf("osplay %s -h: exit code %d, output %q %q", cmd, code, out.String(), errb.String())
		}
	}
}

// TestCtrlCStopsARun: osplay run has no tick limit of its own; Ctrl-C
// stops the program, as in a shell (exit 130), with the tick it reached.
func TestCtrlCStopsARun(t *testing.T) {
	if os.Getenv("OSPLAY_CLI_TEST") != "" {
		os.Exit(osplay(strings.Fields(os.Getenv("OSPLAY_CLI_TEST")), os.Stdin, os.Stdout, os.Stderr))
	}
	dir := t.TempDir()
	// A dot every ten million turns of a loop of several instructions.
	src := "#include <unistd.h>\nint main(void) { for (unsigned long i = 1;; i++) if (i % 10000000 == 0) write(1, \".\", 1); }\n"
	if err := os.WriteFile(filepath.Join(dir, "spin.c"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestCtrlCStopsARun$")
	cmd.Env = append(os.Environ(), "OSPLAY_CLI_TEST=run "+filepath.Join(dir, "spin.c"))
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Six dots: past the 50 million ticks a run used to stop at.
	dots := make([]byte, 6)
	if _, err := io.ReadFull(stdout, dots); err != nil {
		cmd.Process.Kill()
		t.Fatalf("the run ended before six dots (%q): %v; stderr %q", dots, err, stderr.String())
	}
	cmd.Process.Signal(os.Interrupt)
	err := cmd.Wait()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != 130 {
		t.Errorf("exit %v, want 130", err)
	}
	if !strings.Contains(stderr.String(), "osplay: interrupted at tick ") {
		t.Errorf("stderr %q", stderr.String())
	}
}

var updateGolden = flag.Bool("update", false, "rewrite the golden traces of testdata/trace")

// TestTraceGolden pins --trace in each language: the kernel's texts
// (causes, reasons, waits, the halt) rendered from the catalogue, in
// English as they always read and in Korean. System calls are left out of
// the program's trace: their addresses follow libc, not the catalogue.
func TestTraceGolden(t *testing.T) {
	for _, c := range []struct {
		name string
		args []string
	}{
		{"onetwo-rr", []string{"run", "--trace", "--sched", "rr:q=3", "kernel/testdata/proc/onetwo.c"}},
		{"io-mlfq", []string{"run", "--trace", "--sched", "mlfq:boost=20", "--workload", "kernel/testdata/workload/io.txt"}},
	} {
		for _, lang := range []string{"en", "ko"} {
			var out, errb bytes.Buffer
			if code := osplay(append(c.args[:2:2], append([]string{"--lang", lang}, c.args[2:]...)...), strings.NewReader(""), &out, &errb); code != 0 {
				t.Fatalf("%s: exit code %d: %s", c.name, code, errb.String())
			}
			var b strings.Builder
			for _, line := range strings.SplitAfter(errb.String(), "\n") {
				if f := strings.Fields(line); len(f) > 3 && (slices.Contains(f, "syscall") || slices.Contains(f, "sysret")) {
					continue
				}
				b.WriteString(line)
			}
			got := b.String()
			file := filepath.Join("testdata", "trace", c.name+"."+lang+".txt")
			if *updateGolden {
				if err := os.WriteFile(file, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			if got != string(want) {
				t.Errorf("%s: the trace differs from %s (go test -run TestTraceGolden -update rewrites it):\n%s", c.name, file, got)
			}
		}
	}
	// The two languages differ exactly in the texts: the Korean has no
	// English cause left.
	ko, err := os.ReadFile(filepath.Join("testdata", "trace", "onetwo-rr.ko.txt"))
	if err != nil {
		t.Fatal(err)
	}
	for _, english := range []string{"quantum of", "head of the ready queue", "admitted", "waiting for", "exited", "init waits"} {
		if strings.Contains(string(ko), english) {
			t.Errorf("the Korean trace still says %q", english)
		}
	}
}

func TestLangFlag(t *testing.T) {
	var out, errb bytes.Buffer
	if code := osplay([]string{"run", "--lang", "fr", "kernel/testdata/proc/onetwo.c"}, strings.NewReader(""), &out, &errb); code != 2 || !strings.Contains(errb.String(), `--lang "fr"`) {
		t.Errorf("--lang fr: exit code %d, stderr %q", code, errb.String())
	}
	t.Setenv("OSPLAY_LANG", "ko")
	errb.Reset()
	if code := osplay([]string{"run", "--max-ticks", "5000", "kernel/testdata/proc/loop.c"}, strings.NewReader(""), &out, &errb); code != 124 ||
		errb.String() != "osplay: 실행 한도 5000틱에 도달: 무한 루프가 있지 않나요?\n" {
		t.Errorf("OSPLAY_LANG=ko: exit code %d, stderr %q", code, errb.String())
	}
}
