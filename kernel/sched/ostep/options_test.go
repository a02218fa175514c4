package ostep

import (
	"bytes"
	"strings"
	"testing"
)

// TestCommandLineErrors checks what goes to standard error, which the
// recorded cases do not cover: optparse's usage and message, status 2.
func TestCommandLineErrors(t *testing.T) {
	tests := []struct {
		command string
		args    []string
		stderr  string
	}{
		{"mlfq", []string{"-x"}, "no such option: -x"},
		{"mlfq", []string{"-c", "-q"}, "-q option requires 1 argument"},
		{"mlfq", []string{"--stay=1"}, "--stay option does not take a value"},
		{"mlfq", []string{"-q", "1.5"}, "option -q: invalid integer value: '1.5'"},
		{"sched", []string{"--j", "3"}, "ambiguous option: --j (--jlist, --jobs?)"},
		{"sched", []string{"--quantum=08"}, "option --quantum: invalid integer value: '08'"},
		{"sched", []string{"-c=3"}, "no such option: -="},
		{"sched", []string{"--seed"}, "--seed option requires 1 argument"},
		{"process-run", []string{"--program"}, "--program option requires 1 argument"},
		{"process-run", []string{"-c", "--nope=1"}, "no such option: --nope"},
	}
	progs := map[string]string{"sched": "scheduler.py", "mlfq": "mlfq.py", "process-run": "process-run.py"}
	for _, tt := range tests {
		t.Run(tt.command+" "+strings.Join(tt.args, " "), func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := simulators[tt.command](tt.args, &stdout, &stderr)
			prog := progs[tt.command]
			want := "Usage: " + prog + " [options]\n\n" + prog + ": error: " + tt.stderr + "\n"
			if code != 2 || stdout.Len() != 0 || stderr.String() != want {
				t.Errorf("got status %d, stdout %q, stderr %q; want 2, \"\", %q",
					code, stdout.String(), stderr.String(), want)
			}
		})
	}
}

// TestHelp checks that -h prints the help and ends the run successfully,
// whatever follows it; the exact text is among the recorded cases.
func TestHelp(t *testing.T) {
	for command, run := range simulators {
		for _, args := range [][]string{{"-h"}, {"--help", "-x"}, {"-ch"}} {
			var stdout, stderr bytes.Buffer
			if code := run(args, &stdout, &stderr); code != 0 || stderr.Len() != 0 ||
				!strings.HasPrefix(stdout.String(), "Usage: ") {
				t.Errorf("%s %v: status %d, stdout %q, stderr %q", command, args, code, stdout.String(), stderr.String())
			}
		}
	}
}

// TestScriptErrors checks the status and message of runs the scripts end
// with an exception, and of runs that would never end.
func TestScriptErrors(t *testing.T) {
	tests := []struct {
		command string
		args    []string
		stderr  string
	}{
		{"sched", []string{"-l", "1,x", "-c"}, "ValueError: could not convert string to float: 'x'\n"},
		{"sched", []string{"-j", "0", "-c"}, "ZeroDivisionError: float division by zero\n"},
		{"mlfq", []string{"-l", "0,0,0", "-c"}, "Error: should never have less than 0 time left to run\n"},
		{"mlfq", []string{"-n", "0", "-c"}, "KeyError: -1\n"},
		{"process-run", []string{"-L", "-1", "-P", "c1", "-c"}, "AssertionError\n"},
		// Never-ending runs stop instead of printing forever.
		{"sched", []string{"-p", "RR", "-q", "0", "-l", "1,2", "-c"},
			"scheduler: job 0 (1.0 left) never finishes with quantum 0.0\n"},
		{"mlfq", []string{"-l", "-1,5,0", "-c"}, "mlfq: 1 job(s) can never run again; stopping at time 0\n"},
		{"mlfq", []string{"-l", "0,5,1", "-i", "-1", "-c"}, "mlfq: 1 job(s) can never run again; stopping at time 1\n"},
		// Runs too large for the playground stop before they start printing
		// for minutes.
		{"sched", []string{"-j", "10001", "-c"}, "scheduler: 10001 jobs; at most 10000 here\n"},
		{"sched", []string{"-l", strings.Repeat("1,", 10000) + "1"}, "scheduler: 10001 jobs; at most 10000 here\n"},
		{"sched", []string{"-p", "RR", "-l", "1E7", "-c"},
			"scheduler: the execution trace is longer than 50000 steps; use shorter jobs or a longer quantum\n"},
		{"mlfq", []string{"-n100000"}, "mlfq: 100000 queues; at most 100 here\n"},
		{"process-run", []string{"-Pc200000", "-c"},
			"process-run: the execution trace is longer than 50000 steps; use shorter jobs or a longer quantum\n"},
		{"process-run", []string{"-l", "40000:100,40000:100"},
			"process-run: the execution trace is longer than 50000 steps; use shorter jobs or a longer quantum\n"},
		{"process-run", []string{"-P", "c1" + strings.Repeat(":c1", 10)},
			"process-run: 11 processes; at most 10 here (the trace has a column for each)\n"},
		{"process-run", []string{"-P", "c1" + strings.Repeat(",i", 1000), "-L", "1000", "-c"},
			"process-run: the execution trace is longer than 50000 steps; use shorter jobs or a longer quantum\n"},
		{"mlfq", []string{"-Q", strings.Repeat("1,", 100) + "1"}, "mlfq: 101 queues; at most 100 here\n"},
		{"mlfq", []string{"-j", "20000"}, "mlfq: 20000 jobs; at most 10000 here\n"},
		{"mlfq", []string{"-l", "0,1000000,0", "-c"},
			"mlfq: the execution trace is longer than 50000 steps; use shorter jobs or a longer quantum\n"},
	}
	for _, tt := range tests {
		t.Run(tt.command+" "+strings.Join(tt.args, " "), func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := simulators[tt.command](tt.args, &stdout, &stderr)
			if code != 1 || stderr.String() != tt.stderr {
				t.Errorf("got status %d, stderr %q; want 1, %q", code, stderr.String(), tt.stderr)
			}
		})
	}
}
