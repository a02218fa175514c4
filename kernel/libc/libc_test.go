package libc

import (
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"osplay/kernel/abi"
)

func TestHeaders(t *testing.T) {
	h := Headers()
	for _, name := range []string{
		"stdio.h", "stdlib.h", "string.h", "strings.h", "unistd.h", "sys/types.h",
		"sys/wait.h", "sys/stat.h", "sys/time.h", "fcntl.h", "errno.h", "assert.h",
		"stddef.h", "stdint.h", "stdarg.h", "stdbool.h", "limits.h", "float.h", "time.h",
		"signal.h", "ctype.h", "math.h", "dirent.h", "inttypes.h", "malloc.h",
	} {
		data, err := fs.ReadFile(h, name)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if len(data) == 0 {
			t.Errorf("%s is empty", name)
		}
	}
}

func TestSourcesAndPrograms(t *testing.T) {
	src := Sources()
	if len(src) == 0 {
		t.Fatal("no sources")
	}
	names := make([]string, len(src))
	for i, f := range src {
		names[i] = f.Name
		if !strings.HasSuffix(f.Name, ".c") || f.Text == "" {
			t.Errorf("bad source %q", f.Name)
		}
	}
	if !sort.StringsAreSorted(names) {
		t.Errorf("sources not in a stable order: %v", names)
	}
	for _, want := range []string{"printf.c", "malloc.c", "start.c", "stdio_file.c"} {
		if sort.SearchStrings(names, want) == len(names) || names[sort.SearchStrings(names, want)] != want {
			t.Errorf("missing source %s", want)
		}
	}
	progs := Programs()
	for _, name := range []string{"ls", "cat", "echo", "wc", "ps", "sleep", "kill", "true", "false", "pwd"} {
		if !strings.Contains(progs[name], "main(") {
			t.Errorf("/bin/%s: no main", name)
		}
	}
}

// Sources must be plain text the compiler can read: no tabs mixed with
// trailing white space, no words about TODO work.
func TestSourceHygiene(t *testing.T) {
	var files []string
	for _, dir := range []string{"include", "src", "bin"} {
		filepath.Walk(dir, func(path string, info os.FileInfo, err error) error {
			if err == nil && !info.IsDir() {
				files = append(files, path)
			}
			return nil
		})
	}
	forbidden := regexp.MustCompile(`\b(TODO|FIXME|XXX)\b|__attribute__|\b_Thread_local\b|\basm\b`)
	for _, path := range files {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(string(data), "\n") {
			if m := forbidden.FindString(line); m != "" {
				t.Errorf("%s:%d: %q", path, i+1, m)
			}
			if strings.TrimRight(line, " \t") != line {
				t.Errorf("%s:%d: trailing white space", path, i+1)
			}
		}
	}
}

// The contract with the compiler: every function the headers declare is
// either defined by libc or is a system call, libc itself calls nothing
// else, and neither do the programs of /bin.
func TestSymbolsAreDefinedOrSystemCalls(t *testing.T) {
	tc := native(t)
	nm, err := exec.LookPath("nm")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("nm (binutils) is required: %v", err)
		}
		t.Skip("no nm")
	}
	syscalls := make(map[string]bool)
	for name := range abi.Syscalls {
		syscalls[name] = true
	}

	symbols := func(args ...string) []string {
		out, err := exec.Command(nm, args...).Output()
		if err != nil {
			t.Fatalf("nm %v: %v", args, err)
		}
		var names []string
		for _, line := range strings.Split(string(out), "\n") {
			f := strings.Fields(line)
			if len(f) >= 2 {
				names = append(names, f[len(f)-1])
			}
		}
		return names
	}
	defined := make(map[string]bool)
	for _, s := range symbols("-g", "--defined-only", tc.libc) {
		defined[s] = true
	}
	for name := range syscalls {
		if defined[name] {
			t.Errorf("%s is a system call but libc defines it", name)
		}
	}
	for _, s := range symbols("-u", tc.libc) {
		if !defined[s] && !syscalls[s] {
			t.Errorf("libc needs %s, which is neither in libc nor a system call", s)
		}
	}

	// What the headers declare, as gcc sees it with the simulator's macros.
	dir := t.TempDir()
	var all strings.Builder
	fs.WalkDir(Headers(), ".", func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && !strings.HasPrefix(path, "bits/") {
			all.WriteString("#include <" + path + ">\n")
		}
		return nil
	})
	allC := filepath.Join(dir, "all.c")
	aux := filepath.Join(dir, "aux.txt")
	os.WriteFile(allC, []byte(all.String()), 0o644)
	args := append(append([]string{}, nativeFlags...), "-D__OSPLAY__", "-fsyntax-only", "-aux-info", aux, allC)
	if err := runTool(tc.gcc, args...); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(aux)
	if err != nil {
		t.Fatal(err)
	}
	name := regexp.MustCompile(`\*/ .*?\b(\w+) \(`)
	declared := make(map[string]bool)
	for _, line := range strings.Split(string(data), "\n") {
		// A static function of a header (the models' teaching headers,
		// <osplay/*.h>) is defined where it is declared.
		if m := name.FindStringSubmatch(line); m != nil && !strings.Contains(line, "*/ static ") {
			declared[m[1]] = true
		}
	}
	if len(declared) < 100 {
		t.Fatalf("only %d declarations found", len(declared))
	}
	for fn := range declared {
		if !defined[fn] && !syscalls[fn] && fn != "__osplay_va_start" {
			t.Errorf("%s is declared but neither defined nor a system call", fn)
		}
	}
	for fn := range syscalls {
		if !declared[fn] {
			t.Errorf("system call %s is not declared in any header", fn)
		}
	}

	// The programs of /bin are plain C99 and use only libc and system calls.
	for prog := range Programs() {
		obj := filepath.Join(dir, prog+".o")
		args := append(append([]string{}, libcFlags...), "-c", filepath.Join("bin", prog+".c"), "-o", obj)
		if err := runTool(tc.gcc, args...); err != nil {
			t.Fatal(err)
		}
		for _, s := range symbols("-u", obj) {
			if !defined[s] && !syscalls[s] {
				t.Errorf("/bin/%s needs %s", prog, s)
			}
		}
	}
}
