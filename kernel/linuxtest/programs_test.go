package linuxtest

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// The exit statuses the programs are written to end with.
var wantExit = map[string]int{
	"examples/mystatus/myexit":            33,
	"kernel/testdata/linux/exitstatus":    3,
	"kernel/testdata/linux/pipes/sigpipe": 128 + 13, // killed by SIGPIPE
	"kernel/testdata/linux/sigalarm":      128 + 14, // killed by SIGALRM
	"kernel/testdata/linux/sigfault":      3,
	"kernel/testdata/linux/sigrt/itimers": 128 + 26, // killed by SIGVTALRM
}

// TestProgramsNatively runs every case on Linux twice: each must compile,
// run, and give the same masked output, stderr and exit status both times —
// so that it can be the oracle for the simulator.
func TestProgramsNatively(t *testing.T) {
	root := Root(t)
	for _, c := range Cases {
		t.Run(c.Name(), func(t *testing.T) {
			t.Parallel()
			first := c.Native(t, root)
			second := c.Native(t, root)
			if !c.Same(t, first, second) {
				t.Logf("two native runs of %s differ: the program is not deterministic", c.Name())
			}
			if first.Stdout == "" {
				t.Errorf("no output")
			}
			if want := wantExit[c.Name()]; first.Exit != want {
				t.Errorf("exit status %d, want %d\nstderr:\n%s", first.Exit, want, first.Stderr)
			}
		})
	}
}

// The harness itself: arguments, stdin, exit codes, deaths by signal, line
// buffering, and the sibling programs it compiles.
func TestNative(t *testing.T) {
	dir := t.TempDir()
	write := func(name, src string) {
		t.Helper()
		if err := writeFile(dir, name, src); err != nil {
			t.Fatal(err)
		}
	}
	write("prog.c", `#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <unistd.h>
int main(int argc, char **argv) {
	char line[64];
	if (argc > 1 && strcmp(argv[1], "kill") == 0) { printf("partial"); fflush(stdout); raise(SIGTERM); }
	if (argc > 1 && strcmp(argv[1], "abort") == 0) abort();
	if (argc > 1 && strcmp(argv[1], "exec") == 0) { execl("./other", "other", (char *)0); return 1; }
	printf("argc %d last [%s]\n", argc, argv[argc - 1]);
	printf("line before fork, ");
	if (fork() == 0) { printf("in child\n"); return 0; }
	sleep(0);
	fgets(line, sizeof line, stdin);
	fprintf(stderr, "err %s", line);
	return 7;
}
`)
	write("other.c", "#include <stdio.h>\nint main(void) { printf(\"other ran\\n\"); return 0; }\n")
	write("README.md", "not copied\n")

	r := Native(t, dir, "prog", []string{"a", "b c"}, "input line\n")
	if !strings.Contains(r.Stdout, "argc 3 last [b c]\n") {
		t.Errorf("arguments: stdout %q", r.Stdout)
	}
	if !strings.Contains(r.Stdout, "line before fork, in child\n") {
		t.Errorf("a partial line must be in the buffer at fork (line-buffered stdout): %q", r.Stdout)
	}
	if r.Stderr != "err input line\n" {
		t.Errorf("stdin/stderr: %q", r.Stderr)
	}
	if r.Exit != 7 || r.Status != 7<<8 {
		t.Errorf("exit %d status %#x, want 7 and 0x700", r.Exit, r.Status)
	}
	if r.PID <= 1 {
		t.Errorf("pid %d", r.PID)
	}

	r = Native(t, dir, "prog", []string{"kill"}, "")
	if r.Exit != 128+15 || r.Status&0x7f != 15 || r.Stdout != "partial" {
		t.Errorf("SIGTERM: exit %d status %#x stdout %q", r.Exit, r.Status, r.Stdout)
	}
	r = Native(t, dir, "prog", []string{"abort"}, "")
	if r.Exit != 128+6 || r.Status&0x7f != 6 {
		t.Errorf("abort: exit %d status %#x", r.Exit, r.Status)
	}
	r = Native(t, dir, "prog", []string{"exec"}, "")
	if r.Stdout != "other ran\n" || r.Exit != 0 {
		t.Errorf("exec of a sibling: %q exit %d", r.Stdout, r.Exit)
	}

	files, err := Files(dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := files["README.md"]; ok || len(files) != 2 {
		t.Errorf("Files = %v, want the two C files", keys(files))
	}
	if got := strings.Join(Programs(files), " "); got != "other prog" {
		t.Errorf("Programs = %q", got)
	}
}

func writeFile(dir, name, src string) error {
	return os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644)
}

func keys(m map[string][]byte) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}
