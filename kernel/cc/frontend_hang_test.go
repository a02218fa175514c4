package cc

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	cc "modernc.org/cc/v4"
)

// frontEndBugs are the minimal inputs on which modernc.org/cc/v4 v4.31.0
// itself hangs or panics (FRONTEND-BUGS.md). Each must be an ordinary
// compile error here, well within the deadline.
var frontEndBugs = []struct {
	name string
	src  string
	dir  fstest.MapFS
	// bug is what the unguarded front end does; want, what we report.
	bug, want string
}{
	{"missing header, then a declarator", "#include <x.h>\n*a;", nil,
		"hangs: the preprocessor stops, the parser loops on EOF in typeQualifierList",
		"h.c:1:10: x.h: No such file or directory"},
	{"invalid #include, then a declarator", "#include FOO\n*a;", nil,
		"hangs: the preprocessor stops, the parser loops on EOF in typeQualifierList",
		"h.c:1:10: invalid argument"},
	{"macro bomb after a *", "#define A(x) x x x x x x x x\n#define B(x) A(A(A(A(A(A(A(x)))))))\nint * B(1) ;", nil,
		"hangs: the expansion limit stops the preprocessor, the parser loops on EOF in typeQualifierList",
		"h.c:3:7: too much macro expansion (more than 2000000 tokens): the preprocessor stopped here; simplify the macros"},
	{"self-including header", "#include \"s.h\"\n", fstest.MapFS{"s.h": {Data: []byte("#include \"s.h\"\n")}},
		"panics: index out of range in (*cpp).includeArg once the expansion limit is reached",
		"s.h:1:10: #include nested too deeply: more than 200 levels (does a header include itself?)"},
	{"typed nil in the parser's scope", "int x;\n0(i!{int i !i", nil,
		"panics: nil dereference in (*parser).checkTypeName",
		"h.c:2:1: internal compiler error (runtime error: invalid memory address or nil pointer dereference)"},
}

func TestFrontEndBugsAreErrors(t *testing.T) {
	tc := miniToolchain(t).WithLimits(Limits{Deadline: slow * 5 * time.Second})
	for _, b := range frontEndBugs {
		t.Run(b.name, func(t *testing.T) {
			start := time.Now()
			var dir fstest.MapFS
			if b.dir != nil {
				dir = b.dir
			}
			_, err := tc.Compile("h.c", []byte(b.src), dir)
			if err == nil || !strings.HasPrefix(err.Error(), b.want) {
				t.Errorf("got %v\nwant %s", err, b.want)
			}
			if d := time.Since(start); d > slow*5*time.Second {
				t.Errorf("took %v", d)
			}
		})
	}
}

// TestFrontEndBugsUpstream runs the bare front end on each reproducer and
// checks that it still misbehaves as FRONTEND-BUGS.md says: when a new
// version of cc/v4 fixes one, this fails, and its guard here can go. Each
// runs in a child process (this test binary again), ended after five
// seconds or at 512 MiB of heap: a hang allocates without end.
func TestFrontEndBugsUpstream(t *testing.T) {
	if i := os.Getenv("OSPLAY_CC_UPSTREAM_CASE"); i != "" {
		bareFrontEnd(i)
		return
	}
	for i, b := range frontEndBugs {
		t.Run(b.name, func(t *testing.T) {
			t.Parallel() // most wait out their timeout
			ctx, cancel := context.WithTimeout(context.Background(), slow*5*time.Second)
			defer cancel()
			cmd := exec.CommandContext(ctx, os.Args[0], "-test.run=^TestFrontEndBugsUpstream$")
			cmd.Env = append(os.Environ(), fmt.Sprintf("OSPLAY_CC_UPSTREAM_CASE=%d", i))
			out, err := cmd.Output()
			var exit *exec.ExitError
			got := "hangs"
			if ctx.Err() == nil && !(errors.As(err, &exit) && exit.ExitCode() == exitMemory) {
				got, _, _ = strings.Cut(strings.TrimSpace(string(out)), ":")
			}
			if want, _, _ := strings.Cut(b.bug, ":"); got != want {
				t.Errorf("the bare front end %s (%q); FRONTEND-BUGS.md says it %s: update both, and the guard", got, out, b.bug)
			}
		})
	}
}

// bareFrontEnd runs cc/v4 unguarded on reproducer i and prints what it did:
// "panics: …" or "returns: …" (a hang prints nothing).
func bareFrontEnd(i string) {
	w := &memoryWatch{}
	w.setBudget(512 << 20)
	go w.run()
	n, _ := strconv.Atoi(i)
	b := frontEndBugs[n]
	cfg := &cc.Config{ABI: abi64, FS: b.dir, FSOnly: true, IncludePaths: []string{""}, ExpansionLimit: expansionLimit}
	if b.dir == nil {
		cfg.FS = fstest.MapFS{}
	}
	defer func() {
		if r := recover(); r != nil {
			fmt.Println("panics:", r)
		}
	}()
	_, err := cc.Translate(cfg, []cc.Source{{Name: "h.c", Value: b.src}})
	fmt.Println("returns:", err)
}
