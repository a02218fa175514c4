package ostep

import (
	"bufio"
	"errors"
	"fmt"
	"io"
)

// scriptExit ends a simulator run early the way the Python script ends: by
// sys.exit after printing its complaint to standard output (msg empty), or by
// an uncaught exception or an optparse error, whose text goes to standard
// error (msg set).
type scriptExit struct {
	code int
	msg  string
}

func (e *scriptExit) Error() string { return e.msg }

// pyException is the error of an uncaught Python exception: the last line of
// its traceback on standard error, and exit status 1.
func pyException(kind, format string, args ...any) *scriptExit {
	msg := kind
	if text := fmt.Sprintf(format, args...); text != "" {
		msg += ": " + text
	}
	return &scriptExit{code: 1, msg: msg}
}

// exitWith ends the run with the given status after what has been printed.
func exitWith(code int) *scriptExit { return &scriptExit{code: code} }

// runScript runs one simulator body and turns how it ended into an exit
// status. Standard output is buffered and always flushed, since Python also
// flushes what was printed before an exception.
func runScript(stdout, stderr io.Writer, body func(out *bufio.Writer) error) int {
	out := bufio.NewWriter(stdout)
	err := body(out)
	out.Flush()
	if err == nil {
		return 0
	}
	var exit *scriptExit
	if !errors.As(err, &exit) {
		fmt.Fprintln(stderr, err)
		return 1
	}
	if exit.msg != "" {
		fmt.Fprintln(stderr, exit.msg)
	}
	return exit.code
}

// The scripts set no bounds: a large -j, or a job millions of ticks long
// with a short quantum, runs for minutes and prints gigabytes. Here a run
// must end soon and print what a student can read, so a command line
// beyond these bounds ends with status 1 and the reason on standard error.
const (
	maxJobs   = 10_000 // -j, or the jobs listed with -l
	maxSteps  = 50_000 // steps of an execution trace: a slice, a tick or a clock cycle
	maxQueues = 100    // MLFQ's -n, or the levels listed with -Q
	// process-run's processes: its trace has a column for each.
	maxProcesses = 10
)

func tooManyJobs(prog string, n int64) *scriptExit {
	return &scriptExit{code: 1, msg: fmt.Sprintf("%s: %d jobs; at most %d here", prog, n, maxJobs)}
}

func tooManySteps(prog string) *scriptExit {
	return &scriptExit{code: 1, msg: fmt.Sprintf(
		"%s: the execution trace is longer than %d steps; use shorter jobs or a longer quantum", prog, maxSteps)}
}
