package exercises

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"
)

// valid is a small exercise that passes validation; the table below
// breaks it one way at a time.
const valid = `---
slug: tiny
topic: fork
title: {ko: 작은 실습, en: A tiny exercise}
run:
  main: a.c
  sched: rr
views: [code, console]
checks:
  - id: out
    type: output
    match: exact
    lines: |
      hi
  - id: q
    type: question
    format: choice
    ask: {ko: 질문, en: Question}
    choices:
      - {id: a, text: {ko: 가, en: A}}
      - {id: b, text: {ko: 나, en: B}}
    answer: a
---

# ko

본문

# en

Text

# files

` + "```c a.c\nint main() { return 0; }\n```" + `

# solution

` + "```c a.c\n#include <stdio.h>\nint main() { printf(\"hi\\n\"); return 0; }\n```\n"

func TestValidExample(t *testing.T) {
	x, err := Parse("tiny.md", []byte(valid))
	if err != nil {
		t.Fatal(err)
	}
	if x.Kind != KindExercise || len(x.Files) != 1 || len(x.Solution) != 1 || x.Body.Ko != "본문\n" || x.Body.En != "Text\n" {
		t.Errorf("parsed %+v", x)
	}
	if rep := x.Evaluate(map[string]string{"a.c": x.Solution[0].Text}, map[string]string{"q": "a"}, "ko"); !rep.Passed {
		t.Errorf("the solution fails: %s", describe(rep))
	}
	if rep := x.Evaluate(nil, map[string]string{"q": "b"}, "en"); rep.Passed || rep.Score != 0 {
		t.Errorf("the starter with a wrong answer passes: %s", describe(rep))
	}
}

func TestValidationErrors(t *testing.T) {
	for _, tc := range []struct {
		name     string
		old, new string // replace old by new in valid
		line     int    // expected line, 0: any
		field    string
		reason   string // a part of the reason
	}{
		{"no front matter", "---\nslug", "slug", 1, "", "starts with front matter"},
		{"front matter not closed", "---\n\n# ko", "\n# ko", 1, "", "not closed"},
		{"tab indentation", "  main: a.c", "\tmain: a.c", 6, "", "indent with spaces"},
		{"unknown field", "topic: fork", "topic: fork\ntopik: fork", 4, "topik", "unknown field"},
		{"bad slug", "slug: tiny", "slug: Tiny Exercise", 2, "slug", "lower-case letters"},
		{"missing slug", "slug: tiny\n", "", 0, "slug", "missing"},
		{"unknown topic", "topic: fork", "topic: forks", 3, "topic", `unknown topic "forks"`},
		{"title without English", "title: {ko: 작은 실습, en: A tiny exercise}", "title: {ko: 작은 실습}", 0, "title.en", "English text is missing"},
		{"wrong kind of value", "views: [code, console]", "views: code", 8, "views", "expected a list"},
		{"not a number", "  sched: rr", "  quantum: ten", 7, "run.quantum", "not a whole number"},
		{"unknown scheduler", "  sched: rr", "  sched: sjn", 7, "run.sched", "unknown scheduler"},
		{"main not among files", "  main: a.c", "  main: b.c", 6, "run.main", "not among the files"},
		{"unknown view", "views: [code, console]", "views: [code, consol]", 8, "views[1]", `unknown view "consol"`},
		{"unknown check type", "    type: output", "    type: outputs", 11, "checks[0].type", "unknown type"},
		{"check without id", "  - id: out\n    type: output", "  - type: output", 0, "checks[0].id", "needs an id"},
		{"duplicate id", "  - id: q\n", "  - id: out\n", 0, "checks[1].id", "two checks have this id"},
		{"field of another type", "    match: exact", "    match: exact\n    code: 3", 0, "checks[0].code", "not used by checks of type output"},
		{"bad regexp", "    match: exact\n    lines: |\n      hi", "    match: regexp\n    lines: [\"a(\"]", 0, "checks[0].lines[0]", "bad regular expression"},
		{"count without bounds", "    match: exact\n    lines: |\n      hi", "    match: count\n    pattern: hi", 0, "checks[0].equals", "give equals, min or max"},
		{"answer not a choice", "    answer: a", "    answer: c", 0, "checks[1].answer", `"c" is not the id of a choice`},
		{"question without ask", "    ask: {ko: 질문, en: Question}\n", "", 0, "checks[1].ask", "missing"},
		{"bad tree shape", "  - id: out\n    type: output\n    match: exact\n    lines: |\n      hi", "  - id: out\n    type: tree\n    shape: a(b", 0, "checks[0].shape", "')' is missing"},
		{"globals without types", "  - id: out\n    type: output\n    match: exact\n    lines: |\n      hi", "  - id: out\n    type: globals\n    expr: x == 1", 0, "checks[0].globals", "declare the globals"},
		{"globals unknown type", "  - id: out\n    type: output\n    match: exact\n    lines: |\n      hi", "  - id: out\n    type: globals\n    expr: x == 1\n    globals: {x: float}", 13, "checks[0].globals.x", `unknown C type "float"`},
		{"globals bad array", "  - id: out\n    type: output\n    match: exact\n    lines: |\n      hi", "  - id: out\n    type: globals\n    expr: x == 1\n    globals:\n      x: char[0]", 14, "checks[0].globals.x", "1 to 4096 bytes"},
		{"globals syntax error", "  - id: out\n    type: output\n    match: exact\n    lines: |\n      hi", "  - id: out\n    type: globals\n    expr: \"x == == 1\"\n    globals: {x: int}", 12, "checks[0].expr", "syntax error at column 6"},
		{"globals assignment", "  - id: out\n    type: output\n    match: exact\n    lines: |\n      hi", "  - id: out\n    type: globals\n    expr: x = 1\n    globals: {x: int}", 12, "checks[0].expr", "compare with =="},
		{"globals undeclared name", "  - id: out\n    type: output\n    match: exact\n    lines: |\n      hi", "  - id: out\n    type: globals\n    expr: x == y\n    globals: {x: int}", 12, "checks[0].expr", `unknown name "y"`},
		{"globals string with number", "  - id: out\n    type: output\n    match: exact\n    lines: |\n      hi", "  - id: out\n    type: globals\n    expr: s == 1\n    globals: {s: \"char[8]\"}", 0, "checks[0].expr", "compares a string with a number"},
		{"globals string order", "  - id: out\n    type: output\n    match: exact\n    lines: |\n      hi", "  - id: out\n    type: globals\n    expr: s < \"b\"\n    globals: {s: \"char[8]\"}", 0, "checks[0].expr", "strings compare only with == and !="},
		{"globals bare string", "  - id: out\n    type: output\n    match: exact\n    lines: |\n      hi", "  - id: out\n    type: globals\n    expr: s\n    globals: {s: \"char[8]\"}", 0, "checks[0].expr", "the expression is a string"},
		{"globals bad process", "  - id: out\n    type: output\n    match: exact\n    lines: |\n      hi", "  - id: out\n    type: globals\n    expr: x == 1\n    globals: {x: int}\n    process: last", 0, "checks[0].process", `"last"`},
		{"globals in verify", "    answer: a", "    answer: a\n  - id: n\n    type: question\n    format: number\n    ask: {ko: 몇, en: How many}\n    answer: 2\n    verify: {type: globals, expr: x, globals: {x: int}}", 0, "checks[2].verify.type", "a check of its own"},
		{"unknown signal", "  - id: out\n    type: output\n    match: exact\n    lines: |\n      hi", "  - id: out\n    type: exit\n    signal: SIGFOO", 0, "checks[0].signal", "unknown signal"},
		{"exit code out of range", "  - id: out\n    type: output\n    match: exact\n    lines: |\n      hi", "  - id: out\n    type: exit\n    code: 256", 0, "checks[0].code", "0 to 255"},
		{"unknown metric", "  - id: out\n    type: output\n    match: exact\n    lines: |\n      hi", "  - id: out\n    type: metric\n    metric: speed\n    min: 1", 0, "checks[0].metric", "unknown metric"},
		{"verify with bounds", "    answer: a", "    answer: a\n  - id: n\n    type: question\n    format: number\n    ask: {ko: 몇, en: How many}\n    answer: 2\n    verify: {type: processes, equals: 2}", 0, "checks[2].verify", "takes no equals"},
		{"comma in flow value", "title: {ko: 작은 실습, en: A tiny exercise}", "title: {ko: 작은 실습, en: tiny, small}", 4, "", "quote text that holds one"},
		{"duplicate key", "topic: fork", "topic: fork\ntopic: exec", 4, "", `key "topic" appears twice`},
		{"unknown section", "# en\n", "# English\n", 0, "", `unknown section "English"`},
		{"missing section", "# en\n\nText\n", "", 0, "en", `"# en" is missing`},
		{"code block not closed", "printf(\"hi\\n\"); return 0; }\n```\n", "return 0; }\n", 41, "", "not closed"},
		{"file without a name", "```c a.c\nint main() { return 0; }", "```c\nint main() { return 0; }", 0, "files", "name the file"},
		{"text in files", "# files\n", "# files\nsome text\n", 0, "files", "only code blocks"},
		{"observation with solution", "topic: fork", "topic: fork\nkind: observation", 0, "solution", "has no solution section"},
		{"exercise without solution", "# solution\n", "# notes\n", 0, "", `unknown section "notes"`},
		{"solution same as starter", "#include <stdio.h>\nint main() { printf(\"hi\\n\"); return 0; }", "int main() { return 0; }", 0, "solution", "same as the starter"},
		{"unknown kind", "topic: fork", "topic: fork\nkind: homework", 0, "kind", `"homework"`},
		{"bad file name", "```c a.c\nint main() { return 0; }", "```c ../a.c\nint main() { return 0; }", 0, "files", "bad file name"},
		{"signals unknown signal", "  - id: out\n    type: output\n    match: exact\n    lines: |\n      hi", "  - id: out\n    type: signals\n    signal: SIGFOO\n    min: 1", 0, "checks[0].signal", "unknown signal"},
		{"signals unknown action", "  - id: out\n    type: output\n    match: exact\n    lines: |\n      hi", "  - id: out\n    type: signals\n    action: lost\n    min: 1", 0, "checks[0].action", `"lost"`},
		{"signals without bounds", "  - id: out\n    type: output\n    match: exact\n    lines: |\n      hi", "  - id: out\n    type: signals\n    signal: SIGUSR1", 0, "checks[0].equals", "give equals, min or max"},
		{"syscalls without call", "  - id: out\n    type: output\n    match: exact\n    lines: |\n      hi", "  - id: out\n    type: syscalls\n    errno: EAGAIN\n    min: 1", 0, "checks[0].call", "name the system call"},
		{"syscalls unknown errno", "  - id: out\n    type: output\n    match: exact\n    lines: |\n      hi", "  - id: out\n    type: syscalls\n    call: read\n    errno: EWHAT\n    min: 1", 0, "checks[0].errno", "unknown error"},
		{"blocked unknown wait", "  - id: out\n    type: output\n    match: exact\n    lines: |\n      hi", "  - id: out\n    type: blocked\n    on: pipes\n    equals: 0", 0, "checks[0].on", `"pipes"`},
		{"blocked with a signal", "  - id: out\n    type: output\n    match: exact\n    lines: |\n      hi", "  - id: out\n    type: blocked\n    signal: SIGPIPE\n    equals: 0", 0, "checks[0].signal", "not used by checks of type blocked"},
		{"explore unknown expect", "  - id: out\n    type: output\n    match: exact\n    lines: |\n      hi", "  - id: out\n    type: explore\n    expect: breaks", 0, "checks[0].expect", `"breaks"`},
		{"explore unknown strategy", "  - id: out\n    type: output\n    match: exact\n    lines: |\n      hi", "  - id: out\n    type: explore\n    strategy: dfs", 0, "checks[0].strategy", `"dfs"`},
		{"explore too many preemptions", "  - id: out\n    type: output\n    match: exact\n    lines: |\n      hi", "  - id: out\n    type: explore\n    preemptions: 9", 0, "checks[0].preemptions", `0 to 3`},
		{"explore preemptions with pct", "  - id: out\n    type: output\n    match: exact\n    lines: |\n      hi", "  - id: out\n    type: explore\n    strategy: pct\n    preemptions: 1", 0, "checks[0].preemptions", `exhaustive search`},
		{"explore too many runs", "  - id: out\n    type: output\n    match: exact\n    lines: |\n      hi", "  - id: out\n    type: explore\n    runs: 999999", 0, "checks[0].runs", `choose 1 to`},
		{"explore depth without pct", "  - id: out\n    type: output\n    match: exact\n    lines: |\n      hi", "  - id: out\n    type: explore\n    depth: 2", 0, "checks[0].depth", `strategy pct`},
		{"races unknown expect", "  - id: out\n    type: output\n    match: exact\n    lines: |\n      hi", "  - id: out\n    type: races\n    expect: some", 0, "checks[0].expect", `"some"`},
		{"races var without race", "  - id: out\n    type: output\n    match: exact\n    lines: |\n      hi", "  - id: out\n    type: races\n    var: counter", 0, "checks[0].var", `needs expect: race`},
		{"guards without var", "  - id: out\n    type: output\n    match: exact\n    lines: |\n      hi", "  - id: out\n    type: guards\n    lock: m", 0, "checks[0].var", `name the shared variable`},
		{"guards without lock", "  - id: out\n    type: output\n    match: exact\n    lines: |\n      hi", "  - id: out\n    type: guards\n    var: x", 0, "checks[0].lock", `or none`},
		{"guards with pattern", "  - id: out\n    type: output\n    match: exact\n    lines: |\n      hi", "  - id: out\n    type: guards\n    var: x\n    lock: m\n    pattern: a", 0, "checks[0].pattern", `not used by checks of type guards`},
		{"choice verify not guards", "    answer: a", "    answer: a\n    verify: {type: processes}", 0, "checks[1].verify", "only with type guards"},
		{"guards verify with lock", "    answer: a", "    answer: a\n    verify: {type: guards, var: x, lock: m}", 0, "checks[1].verify.lock", "has no lock"},
		{"explore verify with expect", "    answer: a", "    answer: a\n  - id: n\n    type: question\n    format: number\n    ask: {ko: 몇, en: How many}\n    answer: 2\n    verify: {type: explore, expect: fails}", 0, "checks[2].verify.expect", "counts every output"},
		{"locked setting unknown", "  sched: rr", "  sched: rr\n  locked: [speed]", 0, "run.locked[0]", "unknown setting"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if !strings.Contains(valid, tc.old) {
				t.Fatalf("the test's old text is not in the valid example: %q", tc.old)
			}
			src := strings.Replace(valid, tc.old, tc.new, 1)
			_, err := Parse("tiny.md", []byte(src))
			if err == nil {
				t.Fatalf("no error")
			}
			var list ErrorList
			if !errors.As(err, &list) || len(list) == 0 {
				t.Fatalf("error %v is not an ErrorList", err)
			}
			for _, e := range list {
				if e.File == "tiny.md" && e.Field == tc.field && strings.Contains(e.Reason, tc.reason) && (tc.line == 0 || e.Line == tc.line) {
					return
				}
			}
			t.Errorf("want file tiny.md, line %d, field %q, reason containing %q; got:\n%v", tc.line, tc.field, tc.reason, err)
		})
	}
}

func TestErrorFormat(t *testing.T) {
	e := &Error{File: "nfork.md", Line: 12, Field: "checks[2].match", Reason: `unknown match "exakt"`}
	if got, want := e.Error(), `nfork.md:12: checks[2].match: unknown match "exakt"`; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}

func TestLoadFS(t *testing.T) {
	other := strings.Replace(valid, "slug: tiny", "slug: other", 1)
	list, err := LoadFS(fstest.MapFS{"tiny.md": {Data: []byte(valid)}, "other.md": {Data: []byte(other)}})
	if err != nil || len(list) != 2 {
		t.Fatalf("LoadFS = %v, %v", list, err)
	}
	_, err = LoadFS(fstest.MapFS{"tiny.md": {Data: []byte(valid)}, "wrong.md": {Data: []byte(valid)}})
	if err == nil || !strings.Contains(err.Error(), "wrong.md: slug") || !strings.Contains(err.Error(), "must be named tiny.md") {
		t.Errorf("a file not named after its slug: %v", err)
	}
	broken := strings.Replace(valid, "topic: fork", "topic: nope", 1)
	_, err = LoadFS(fstest.MapFS{"tiny.md": {Data: []byte(broken)}, "other.md": {Data: []byte(strings.Replace(other, "match: exact", "match: exakt", 1))}})
	if err == nil || !strings.Contains(err.Error(), "tiny.md:3: topic") || !strings.Contains(err.Error(), "other.md:12: checks[0].match") {
		t.Errorf("every broken file is reported with its line:\n%v", err)
	}
}

// predict: true in the front matter reaches the student's page.
func TestPredictFrontMatter(t *testing.T) {
	x, err := Parse("tiny.md", []byte(strings.Replace(valid, "views: [code, console]\n", "views: [code, console]\npredict: true\n", 1)))
	if err != nil {
		t.Fatal(err)
	}
	if !x.Predict || !x.Render("en").Predict {
		t.Errorf("predict: %v, page %v", x.Predict, x.Render("en").Predict)
	}
	if y, _ := Parse("tiny.md", []byte(valid)); y.Predict {
		t.Error("predict without the field")
	}
}
