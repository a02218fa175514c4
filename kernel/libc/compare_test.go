package libc

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Each program in testdata/progs is built twice, against our libc and
// against glibc, and must behave identically: same output on stdout and
// stderr, same exit status.
func TestProgramsMatchGlibc(t *testing.T) {
	tc := native(t)
	lines := "first line\nsecond line\nthird line\nfourth line\n"
	cases := []struct {
		name  string
		prog  string
		args  []string
		stdin string
		// file redirected to stdin, created with this content
		stdinFile string
		combined  bool
		files     map[string]string
	}{
		{name: "layout", prog: "layout.c"},
		{name: "printf", prog: "printf_table.c"},
		{name: "strings", prog: "strings.c"},
		{name: "strtol", prog: "strtol.c"},
		{name: "rand", prog: "rand.c"},
		{name: "qsort", prog: "qsort.c"},
		{name: "malloc", prog: "malloc.c"},
		{name: "stdio-files", prog: "stdio_files.c"},
		{name: "fork-buffers", prog: "fork_buffers.c", combined: true},
		{name: "fork-buffers-status", prog: "fork_buffers.c", args: []string{"4"}},
		{name: "wait-status", prog: "wait_status.c"},
		{name: "atexit", prog: "atexit.c"},
		{name: "atexit-exit", prog: "atexit.c", args: []string{"9"}},
		{name: "exec-env", prog: "exec_env.c", combined: true},
		{name: "scanf", prog: "scanf.c", stdin: "12 30\nAda Lovelace\nthe rest\n"},
		{name: "scanf-eof", prog: "scanf.c", stdin: "7"},
		{name: "time", prog: "time.c"},
		{name: "getopt", prog: "getopt.c", args: []string{"-a", "file1", "-b", "arg", "-vcopt", "file2", "-c", "--", "-a"}},
		{name: "getopt-errors", prog: "getopt.c", args: []string{"-x", "-b"}},
		{name: "getopt-grouped", prog: "getopt.c", args: []string{"-avbXY", "-", "z"}},
		{name: "assert", prog: "assert.c"},
		{name: "dirent", prog: "dirent.c", files: map[string]string{"a.txt": "a", "b.txt": "b", ".hidden": ""}},
		{name: "stdin-share", prog: "stdin_share.c", stdinFile: "input.txt", files: map[string]string{"input.txt": lines}},
		{name: "stdin-pipe", prog: "stdin_share.c", stdin: lines},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			src := filepath.Join("testdata", "progs", c.prog)
			ours := tc.osplay(t, src)
			theirs := tc.glibc(t, src)
			dir := tempDir(t, nil)
			for name, text := range c.files {
				writeFile(t, dir, name, text)
			}
			if c.stdinFile != "" {
				// Each run consumes the file; both start from a fresh copy.
				orig := c.files[c.stdinFile]
				defer os.Remove(filepath.Join(dir, c.stdinFile))
				writeFile(t, dir, c.stdinFile, orig)
			}
			r := run{
				argv0:     "./" + strings.TrimSuffix(c.prog, ".c"),
				args:      c.args,
				stdin:     c.stdin,
				stdinFile: c.stdinFile,
				dir:       dir,
				combined:  c.combined,
			}
			compare(t, ours, theirs, r)
		})
	}
}
