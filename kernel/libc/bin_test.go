package libc

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
)

// sampleText exercises wc's notion of words and lines: tabs, control
// characters, bytes above 127, a long line and no final newline.
func sampleText() string {
	var b strings.Builder
	for i := 0; i < 40; i++ {
		fmt.Fprintf(&b, "line %d\twith  some words %s\n", i, strings.Repeat("x", i*3))
	}
	b.WriteString("\n\n\ncontrol\x01chars\x7f and \xc3\xa9 bytes\r\n")
	b.WriteString("\t\ttabbed\v\fend")
	return b.String()
}

// sampleDir fills dir with files and a subdirectory for ls, cat and friends.
func sampleDir(t *testing.T, dir string) {
	writeFile(t, dir, "a.txt", "alpha\nbeta\ngamma\n")
	writeFile(t, dir, "b.txt", sampleText())
	writeFile(t, dir, "empty", "")
	writeFile(t, dir, ".hidden", "secret\n")
	writeFile(t, dir, "nolf", "one\ntwo\nthree")
	writeFile(t, dir, "blank.txt", "x\n\n\n\ny\n\n")
	for i := 0; i < 30; i++ {
		writeFile(t, dir, fmt.Sprintf("file%02d%s", i, strings.Repeat("_", i%7)), strings.Repeat("z", i*100))
	}
	if err := os.Mkdir(filepath.Join(dir, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, dir, "sub/inner", "inner\n")
	if err := os.Chmod(filepath.Join(dir, "a.txt"), 0o755); err != nil {
		t.Fatal(err)
	}
	// Distinct times: an old file, and recent ones a minute apart.
	old := time.Date(2020, 3, 4, 5, 6, 7, 0, time.UTC)
	if err := os.Chtimes(filepath.Join(dir, "empty"), old, old); err != nil {
		t.Fatal(err)
	}
	now := time.Now().Add(-time.Hour).Truncate(time.Second)
	for i, name := range []string{"a.txt", "b.txt", "nolf", "blank.txt"} {
		when := now.Add(time.Duration(i) * time.Minute)
		if err := os.Chtimes(filepath.Join(dir, name), when, when); err != nil {
			t.Fatal(err)
		}
	}
	// The numbered files share a time, so that -t falls back to names.
	for i := 0; i < 30; i++ {
		name := filepath.Join(dir, fmt.Sprintf("file%02d%s", i, strings.Repeat("_", i%7)))
		if err := os.Chtimes(name, now, now); err != nil {
			t.Fatal(err)
		}
	}
}

// dirState describes the files of dir, for commands that change them.
func dirState(t *testing.T, dir string) string {
	var lines []string
	filepath.Walk(dir, func(path string, info os.FileInfo, err error) error {
		if err != nil || path == dir {
			return nil
		}
		rel, _ := filepath.Rel(dir, path)
		if info.IsDir() {
			lines = append(lines, rel+"/")
			return nil
		}
		data, _ := os.ReadFile(path)
		lines = append(lines, fmt.Sprintf("%s %v %q", rel, info.Mode(), data))
		return nil
	})
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

// The programs of /bin, built with our libc, against the real ones.
func TestBinMatchesLinux(t *testing.T) {
	tc := native(t)
	root := os.Getuid() == 0
	cases := []struct {
		prog    string
		args    []string
		stdin   string
		env     []string
		changes bool // compare the directory afterwards
	}{
		{prog: "echo", args: []string{"hello", "world"}},
		{prog: "echo"},
		{prog: "echo", args: []string{"-n", "no newline"}},
		{prog: "echo", args: []string{"-e", `tab\there\nnewline \\ \a\x41\x4a2\0101\101 \q`}},
		{prog: "echo", args: []string{"-E", `raw\tstring`}},
		{prog: "echo", args: []string{"-neE", `x\ty`, "-n"}},
		{prog: "echo", args: []string{"-nx", "-", "--"}},
		{prog: "echo", args: []string{"-e", `stop\cnow`, "never"}},
		{prog: "echo", args: []string{"-n"}},
		{prog: "echo", args: []string{"-n", "-e", "posix"}, env: []string{"POSIXLY_CORRECT=1"}},
		{prog: "cat", args: []string{"a.txt"}},
		{prog: "cat", args: []string{"a.txt", "nolf", "a.txt"}},
		{prog: "cat", args: []string{"-n", "a.txt", "nolf", "blank.txt"}},
		{prog: "cat", args: []string{"-b", "blank.txt"}},
		{prog: "cat", args: []string{"-s", "-E", "blank.txt"}},
		{prog: "cat", args: []string{"-A", "b.txt"}},
		{prog: "cat", args: []string{"-vT", "b.txt"}},
		{prog: "cat", stdin: "from stdin\n"},
		{prog: "cat", args: []string{"a.txt", "-", "nolf"}, stdin: "middle\n"},
		{prog: "cat", args: []string{"missing", "a.txt"}},
		{prog: "cat", args: []string{"sub"}},
		{prog: "cat", args: []string{"-z"}},
		{prog: "wc", args: []string{"b.txt"}},
		{prog: "wc", args: []string{"a.txt", "b.txt", "empty", "nolf"}},
		{prog: "wc", args: []string{"-l", "a.txt"}},
		{prog: "wc", args: []string{"-w", "b.txt"}},
		{prog: "wc", args: []string{"-c", "-l", "b.txt"}},
		{prog: "wc", args: []string{"-L", "b.txt", "a.txt"}},
		{prog: "wc", args: []string{"-m", "b.txt"}},
		{prog: "wc", stdin: sampleText()},
		{prog: "wc", args: []string{"-l"}, stdin: "a\nb\n"},
		{prog: "wc", args: []string{"a.txt", "-"}, stdin: "x y z\n"},
		{prog: "wc", args: []string{"a.txt", "missing", "nolf"}},
		{prog: "wc", args: []string{"missing", "a.txt"}},
		{prog: "wc", args: []string{"sub", "a.txt"}},
		{prog: "head", args: []string{"b.txt"}},
		{prog: "head", args: []string{"-n", "3", "b.txt"}},
		{prog: "head", args: []string{"-2", "a.txt", "nolf"}},
		{prog: "head", args: []string{"-c", "10", "b.txt"}},
		{prog: "head", args: []string{"-n", "0", "a.txt"}},
		{prog: "head", args: []string{"missing", "a.txt", "nolf"}},
		{prog: "head", args: []string{"-q", "a.txt", "nolf"}},
		{prog: "head", args: []string{"-n", "2"}, stdin: "1\n2\n3\n"},
		{prog: "tail", args: []string{"b.txt"}},
		{prog: "tail", args: []string{"-n", "2", "nolf"}},
		{prog: "tail", args: []string{"-1", "a.txt", "nolf"}},
		{prog: "tail", args: []string{"-1", "a.txt"}},
		{prog: "tail", args: []string{"+2", "a.txt"}},
		{prog: "tail", args: []string{"-3c", "a.txt"}},
		{prog: "tail", args: []string{"-n", "+2", "a.txt"}},
		{prog: "tail", args: []string{"-c", "7", "b.txt"}},
		{prog: "tail", args: []string{"-n", "0", "a.txt"}},
		{prog: "tail", args: []string{"-n", "100", "a.txt"}},
		{prog: "tail", args: []string{"missing", "a.txt"}},
		{prog: "tail", stdin: "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n"},
		{prog: "true"},
		{prog: "true", args: []string{"ignored", "--x"}},
		{prog: "false"},
		{prog: "pwd"},
		{prog: "ls"},
		{prog: "ls", args: []string{"-a"}},
		{prog: "ls", args: []string{"-A", "-1"}},
		{prog: "ls", args: []string{"-C"}},
		{prog: "ls", args: []string{"-C"}, env: []string{"COLUMNS=40"}},
		{prog: "ls", args: []string{"-Ci"}},
		{prog: "ls", args: []string{"-CF", "-a"}},
		{prog: "ls", args: []string{"-ln"}},
		{prog: "ls", args: []string{"-lani"}},
		{prog: "ls", args: []string{"-1rt"}},
		{prog: "ls", args: []string{"-S", "-1"}},
		{prog: "ls", args: []string{"-d", ".", "sub", "a.txt"}},
		{prog: "ls", args: []string{"sub"}},
		{prog: "ls", args: []string{"sub", "."}},
		{prog: "ls", args: []string{"a.txt", "sub", "nolf"}},
		{prog: "ls", args: []string{"-ln", "a.txt", "sub"}},
		{prog: "ls", args: []string{"missing"}},
		{prog: "ls", args: []string{"missing", "sub"}},
		{prog: "ls", args: []string{"a.txt", "missing", "empty"}},
		{prog: "ls", args: []string{"-z"}},
		{prog: "ls", args: []string{"sub", "-l"}},
		{prog: "kill", args: []string{"-l"}},
		{prog: "kill", args: []string{"-L"}},
		{prog: "kill", args: []string{"-l", "9"}},
		{prog: "kill", args: []string{"-l", "SIGSEGV"}},
		{prog: "kill", args: []string{"-l", "99"}},
		{prog: "kill"},
		{prog: "kill", args: []string{"-9"}},
		{prog: "kill", args: []string{"abc"}},
		{prog: "kill", args: []string{"-s"}},
		{prog: "kill", args: []string{"2147483647"}},
		{prog: "kill", args: []string{"-s", "KILL", "2147483647"}},
		{prog: "kill", args: []string{"-TERM", "2147483647"}},
		{prog: "sleep"},
		{prog: "sleep", args: []string{"abc"}},
		{prog: "sleep", args: []string{"0"}},
		{prog: "sleep", args: []string{"0.01", "0s"}},
		{prog: "cp", args: []string{"a.txt", "copy.txt"}, changes: true},
		{prog: "cp", args: []string{"a.txt", "nolf", "sub"}, changes: true},
		{prog: "cp", args: []string{"missing", "x"}, changes: true},
		{prog: "cp", args: []string{"a.txt"}},
		{prog: "cp"},
		{prog: "cp", args: []string{"a.txt", "a.txt"}},
		{prog: "cp", args: []string{"sub", "x"}},
		{prog: "rm", args: []string{"a.txt", "nolf"}, changes: true},
		{prog: "rm", args: []string{"missing", "a.txt"}, changes: true},
		{prog: "rm", args: []string{"-f", "missing"}, changes: true},
		{prog: "rm", args: []string{"sub"}, changes: true},
		{prog: "rm"},
		{prog: "touch", args: []string{"new", "a.txt"}, changes: true},
		{prog: "touch", args: []string{"nodir/x"}, changes: true},
		{prog: "touch"},
		// sh against dash, Debian's /bin/sh.
		{prog: "sh", args: []string{"-c", "echo hi | cat"}},
		{prog: "sh", args: []string{"-c", "ls | wc -l"}},
		{prog: "sh", args: []string{"-c", "cat a.txt | head -n 2 | tail -n 1 | wc -c"}},
		{prog: "sh", args: []string{"-c", "false; echo $?; true && echo and; false || echo or; ! true; echo $?"}},
		{prog: "sh", args: []string{"-c", "foo; echo $?; foo 2>/dev/null || echo quiet $?"}},
		{prog: "sh", args: []string{"-c", `echo 'a  b' "c  $HOME" d\ e \$HOME '$HOME' "\"q\"" x#y # comment`}},
		{prog: "sh", args: []string{"-c", "x='a  b'; echo $x \"$x\" ${x} ${unset:-default} ${x:+set}; y=; echo [$y] \"[$y]\""}},
		{prog: "sh", args: []string{"-c", "cat < missing; echo $?"}},
		{prog: "sh", args: []string{"-c", "echo x > nodir/x"}},
		{prog: "sh", args: []string{"-c", "cd missing; echo $?; cd sub && cat inner && cd .. && pwd"}},
		{prog: "sh", args: []string{"-c", "(cd sub; pwd); pwd"}},
		{prog: "sh", args: []string{"-c", "| x"}},
		{prog: "sh", args: []string{"-c", "echo hi |"}},
		{prog: "sh", args: []string{"-c", `echo "abc`}},
		{prog: "sh", args: []string{"-c", "echo a ;; echo b"}},
		{prog: "sh", args: []string{"-c", "echo one; echo >\nx"}},
		{prog: "sh", args: []string{"-c", "echo 1\nfoo\necho 3; bar"}},
		{prog: "sh", args: []string{"-c", "exit 300"}},
		{prog: "sh", args: []string{"-c", "exit abc"}},
		{prog: "sh", args: []string{"-c", "exit 3 | cat; echo $?; true | false; echo $?"}},
		{prog: "sh", args: []string{"-c", "echo a > f; echo b >> f; cat f; cat < f | wc -l; > g; cat g"}, changes: true},
		{prog: "sh", args: []string{"-c", "ls nope 2>&1 | wc -l; echo err 1>&2; echo both 2>&1 >/dev/null"}},
		{prog: "sh", args: []string{"-c", "sleep 0 & wait; echo done $?; cat a.txt & wait $!; echo $?"}},
		{prog: "sh", args: []string{"-c", "echo *.txt; echo file0*; echo f?le1[0-3]_*; echo *.none '*.txt' \\*; echo [!f]*"}},
		{prog: "sh", args: []string{"-c", "echo $0 $1 $2 $#", "name", "one", "two"}},
		{prog: "sh", args: []string{"-c", "echo -n x; echo 'a\\tb'; echo 'c\\nd\\ce'; echo after"}},
		{prog: "sh", args: []string{"-c", "sh -c 'kill -9 $$'; echo $?; sh -c 'kill -TERM $$'; echo $?; sh -c 'kill -INT $$'; echo $?"}},
		{prog: "sh", args: []string{"-c", "X=1 sh -c 'echo [$X]'; Y=2; sh -c 'echo [$Y]'; export Y; sh -c 'echo [$Y]'"}},
		{prog: "sh", args: []string{"-c"}},
		{prog: "sh", args: []string{"-c", `echo "$(echo x)" $(echo a  b) "$(cat a.txt | wc -l)" ` + "`echo back`" + `; x=$(false); echo $?; echo [$(printf 'a\n\n')] $(echo $(echo nested)); echo $(nosuch)`}},
		{prog: "sh", args: []string{"-c", `x=5; echo $((1+2*3)) $(( (1+2)*3 )) $((7/2)) $((-7%3)) $((1<<4)) $((5>3)) $((2==2 && 0||1)) $((~0)) $((!5)) $((x*2)) $(($x+1)) $((y+1)) $((0x10+010)); i=0; i=$((i+1)); echo "$((i+1))"`}},
		{prog: "sh", args: []string{"-c", `if false; then echo 1; elif [ -f a.txt ]; then echo 2; else echo 3; fi; for f in *.txt; do echo file $f; done; i=0; while [ $i -lt 3 ]; do echo w$i; i=$((i+1)); done; until test $i -le 0; do i=$((i-1)); done; echo $i`}},
		{prog: "sh", args: []string{"-c", `for i in 1 2 3; do for j in a b c; do if test $j = b; then continue 2; fi; if [ $i = 3 ]; then break 2; fi; echo $i$j; done; done; { echo g1; echo g2; } | wc -l; if true; then echo redirected; fi > out; cat out`}},
		{prog: "sh", args: []string{"-c", `n=0; while read line; do n=$((n+1)); done < a.txt; echo $n; cat a.txt | while read -r w; do echo "[$w]"; done; read x y < a.txt; echo "$x|$y"; [ ! -z "" ]; echo $?; [ 1 -lt x ]; echo $?; [ a = a ]; echo $?`}},
		{prog: "sh", args: []string{"-c", "x=5; cat <<EOF\nvalue $x $((x+1)) \"quoted\" \\$x `echo cmd`\nEOF\ncat <<'EOF'\nraw $x\nEOF\ncat <<-EOF | wc -l\n\tone\n\ttwo\n\tEOF\nwhile read l; do echo \"<$l>\"; done <<A; cat <<B\n1\n2\nA\nb\nB\ncat <<EOF\nno end"}},
		{prog: "sh", args: []string{"-c", `for x in apple b.c 42 zz ""; do case $x in a*) echo "a-word $x";; *.c|*.h) echo source;; [0-9]*) echo number;; "") echo empty;; *) echo other $x;; esac; done; case a in (a) ;; esac; echo $?; case a in b) echo no;; esac; echo $?`}},
		{prog: "sh", stdin: "case x in\n  y) echo no ;;\n  x)\n    echo yes\n    ;;\nesac\ncase a in a) echo x\n"},
		{prog: "sh", args: []string{"-c", `f() { echo "in f: $1 $# $0"; return 3; echo never; }; f a b; echo $?; f; echo $?; fact() { if [ $1 -le 1 ]; then echo 1; else echo $(( $1 * $(fact $(( $1 - 1 ))) )); fi; }; fact 5; g() { for i in 1 2 3; do if [ $i = 2 ]; then return 7; fi; echo $i; done; }; g; echo $?; h() { echo redirected; } > out; h; cat out; return 4; echo never`}},
		{prog: "sh", stdin: "greet() {\n  echo hello $1\n}\ngreet world\ngreet there | wc -c\n"},
		{prog: "sh", args: []string{"-c", "if true then echo a; fi"}},
		{prog: "sh", args: []string{"-c", "for x in a b; do echo $x"}},
		{prog: "sh", stdin: "for i in 1 2\ndo\n  echo line $i\ndone\nif [ -d sub ]\nthen\n  echo sub is a directory\nfi\n"},
		{prog: "sh", args: []string{"-c", `echo $((1/0)); echo never`}},
		{prog: "sh", args: []string{"-c", `echo $((1+)); echo never`}},
		{prog: "sh", args: []string{"-c", `x=abc; echo $((x+1))`}},
		{prog: "sh", args: []string{"-c", `printf '[%s]\n' "$@"; printf '<%s>\n' $*; echo $# "$*"`, "name", "a", "b c", ""}},
		{prog: "sh", args: []string{"-c", `printf '%s-%d|%5s|%-4d|%x %X %o %c %%\n' abc 42 r 7 255 255 8 xyz; printf '%s\n' a b c`}},
		{prog: "sh", args: []string{"-c", `printf '%05.1f' 1; echo " $?"; printf '%d\n' 12abc; echo $?; printf '%d %d\n' 0x1f "'A"; printf '%b|%s\n' 'a\tb' 'a\tb'; printf 'x\cy'; printf '%*d|%.2s\n' 6 3 abcdef`}},
		{prog: "sh", args: []string{"-c", `printf; echo $?; printf '%s %s\n' one; printf 'no newline'`}},
		{prog: "sh", stdin: "echo one\nfoo\necho $?\n\n  # a comment\necho a |\n cat\necho \"x\ny\"\n"},
		{prog: "sh", stdin: "echo before\necho a && |\necho never\n"},
		{prog: "sh", stdin: "exit 4\necho never\n"},
	}
	if root {
		cases = append(cases, struct {
			prog    string
			args    []string
			stdin   string
			env     []string
			changes bool
		}{prog: "ls", args: []string{"-l"}})
	}
	for _, c := range cases {
		name := strings.Join(append([]string{c.prog}, c.args...), " ")
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			// The program, never a shell builtin (kill is procps's).
			host, err := exec.LookPath(c.prog)
			if err != nil {
				t.Skipf("no %s on this machine", c.prog)
			}
			ours := tc.osplay(t, filepath.Join("bin", c.prog+".c"))
			env := append(append([]string{}, baseEnv...), c.env...)
			// Commands that only read share one directory, so that even
			// inode numbers agree; the others get one each.
			dirs := [2]string{tempDir(t, nil), ""}
			sampleDir(t, dirs[0])
			dirs[1] = dirs[0]
			if c.changes {
				dirs[1] = tempDir(t, nil)
				sampleDir(t, dirs[1])
			}
			var results [2]result
			for i, path := range []string{ours, host} {
				results[i] = execute(t, path, run{argv0: c.prog, args: c.args, stdin: c.stdin, env: env, dir: dirs[i]})
			}
			got, want := results[0], results[1]
			if got.status != want.status {
				t.Errorf("status: got %s, Linux %s", got.status, want.status)
			}
			diffText(t, "stdout", strings.ReplaceAll(got.stdout, dirs[0], "DIR"), strings.ReplaceAll(want.stdout, dirs[1], "DIR"))
			diffText(t, "stderr", got.stderr, want.stderr)
			if c.changes {
				diffText(t, "files", dirState(t, dirs[0]), dirState(t, dirs[1]))
			}
		})
	}
}
