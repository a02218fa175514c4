package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// osplayOut runs the command line and returns its exit code and outputs.
func osplayOut(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := osplay(args, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

func TestExploreFindsAndReplays(t *testing.T) {
	code, out, errs := osplayOut("explore", "--depth", "1", "--runs", "100", "kernel/testdata/race/counter.c")
	if code != 1 {
		t.Fatalf("exit %d, want 1\n%s%s", code, out, errs)
	}
	replay := regexp.MustCompile(`replay: osplay run --schedule (\S+) (\S+)\n`).FindStringSubmatch(out)
	hash := regexp.MustCompile(`events: (\d+), their trace hashes to ([0-9a-f]+)`).FindStringSubmatch(out)
	line := regexp.MustCompile(`output line 1 is "(counter \d+)", expected "counter 10"`).FindStringSubmatch(out)
	if replay == nil || hash == nil || line == nil {
		t.Fatalf("report:\n%s", out)
	}
	code, stdout, trace := osplayOut("run", "--trace", "--schedule", replay[1], replay[2])
	if code != 0 || stdout != line[1]+"\n" {
		t.Errorf("replay: exit %d, output %q, want %q", code, stdout, line[1]+"\n")
	}
	sum := sha256.Sum256([]byte(trace))
	if got := hex.EncodeToString(sum[:])[:16]; got != hash[2] {
		t.Errorf("the replay's trace hashes to %s, the counterexample's to %s", got, hash[2])
	}
	if n := strings.Count(trace, "\n"); hash[1] != strconv.Itoa(n) {
		t.Errorf("replay: %d events, counterexample %s", n, hash[1])
	}
}

func TestExploreOutcomes(t *testing.T) {
	tests := []struct {
		args []string
		code int
		out  string // a substring of standard output, or of standard error
	}{
		{[]string{"explore", "--strategy", "exhaustive", "kernel/testdata/race/counter_mutex.c"}, 0, "every schedule with at most 2 preemptions passed"},
		{[]string{"explore", "--strategy", "random", "--runs", "300", "kernel/testdata/race/counter_mutex.c"}, 0, "no failing schedule (random, 300 runs"},
		{[]string{"explore", "--strategy", "random", "kernel/testdata/proc/philosophers.c"}, 1, "threads wait for each other in a cycle: deadlock"},
		{[]string{"explore", "--races", "--strategy", "exhaustive", "--preemptions", "1", "kernel/testdata/race/counter_mutex.c"}, 0, "every schedule with at most 1 preemptions passed"},
		{[]string{"explore", "--races", "kernel/testdata/race/two_counters.c"}, 1, "data race: count read by thread 4 at two_counters.c:16"},
		{[]string{"explore", "--expect-output", "kernel/testdata/race/counter.c", "kernel/testdata/race/counter_mutex.c"}, 1, "the default schedule fails"},
		{[]string{"explore", "--depth", "2", "--lang", "ko", "kernel/explore/testdata/order.c"}, 1, "SIGSEGV로 종료됨"},
		{[]string{"explore", "--strategy", "dfs", "kernel/testdata/race/counter.c"}, 2, `unknown strategy "dfs"`},
		{[]string{"explore", "--depth", "11", "kernel/testdata/race/counter.c"}, 2, "depth 11"},
		{[]string{"explore"}, 2, "usage: osplay explore"},
		{[]string{"explore", "README"}, 2, "not a C file"},
		{[]string{"run", "--schedule", "3@x:4", "kernel/testdata/race/counter.c"}, 2, "not a number"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			code, out, errs := osplayOut(tt.args...)
			if code != tt.code || !strings.Contains(out+errs, tt.out) {
				t.Errorf("exit %d, want %d; want %q in\n%s%s", code, tt.code, tt.out, out, errs)
			}
		})
	}
}
