package ostep

import (
	"io"
	"strings"
	"testing"
	"time"
)

// The simulators run on command lines typed into the playground, so any
// command line must end soon with a status: 0 (done, or help), 1 (the
// script's own error) or 2 (a bad command line), never a panic, a hang or
// endless output.
const (
	fuzzMaxOutput = 8 << 20
	fuzzMaxTime   = 5 * time.Second
)

func FuzzScheduler(f *testing.F) { fuzzSimulator(f, "sched", Scheduler) }

func FuzzMLFQ(f *testing.F) { fuzzSimulator(f, "mlfq", MLFQ) }

func FuzzProcessRun(f *testing.F) { fuzzSimulator(f, "process-run", ProcessRun) }

// fuzzSimulator seeds the corpus with the recorded command lines of command
// and checks run on argv made by splitting the input on spaces and NULs.
func fuzzSimulator(f *testing.F, command string, run func(args []string, stdout, stderr io.Writer) int) {
	for _, dir := range []string{"testdata/golden", "testdata/extra"} {
		for _, c := range loadCases(f, dir) {
			if c.Command == command {
				f.Add(strings.Join(c.Args, " "))
			}
		}
	}
	f.Fuzz(func(t *testing.T, line string) {
		args := strings.FieldsFunc(line, func(r rune) bool { return r == ' ' || r == 0 })
		stdout, stderr := limitedWriter{t: t}, limitedWriter{t: t}
		start := time.Now()
		code := run(args, &stdout, &stderr)
		if d := time.Since(start); d > fuzzMaxTime {
			t.Errorf("%q took %v", args, d)
		}
		if code < 0 || code > 2 {
			t.Errorf("%q: status %d", args, code)
		}
		if code != 0 && stderr.n == 0 && stdout.n == 0 {
			t.Errorf("%q: status %d and nothing said", args, code)
		}
	})
}

// limitedWriter counts what is written and stops the test past
// fuzzMaxOutput: a simulator that prints forever must not run forever.
type limitedWriter struct {
	t *testing.T
	n int
}

func (w *limitedWriter) Write(p []byte) (int, error) {
	w.n += len(p)
	if w.n > fuzzMaxOutput {
		w.t.Fatalf("more than %d bytes of output", fuzzMaxOutput)
	}
	return len(p), nil
}
