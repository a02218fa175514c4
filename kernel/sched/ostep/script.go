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
