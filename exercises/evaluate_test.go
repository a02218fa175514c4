package exercises

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestCompileErrorReport(t *testing.T) {
	x, err := Parse("tiny.md", []byte(valid))
	if err != nil {
		t.Fatal(err)
	}
	rep := x.Evaluate(map[string]string{"a.c": "int main() {\n\treturn 0\n}\n"}, map[string]string{"q": "a"}, "ko")
	if len(rep.Compile) == 0 {
		t.Fatalf("no compile errors: %s", describe(rep))
	}
	d := rep.Compile[0]
	if d.File != "a.c" || d.Line != 3 || d.Col != 1 || d.Msg == "" {
		t.Errorf("diagnostic %+v: want a.c:3:1", d)
	}
	if rep.Passed || rep.Error == "" || !hasHangul(rep.Error) {
		t.Errorf("report %+v: want a failure explained in Korean", rep)
	}
	if !rep.Checks[1].Passed || rep.Checks[0].Passed {
		t.Errorf("a question is still judged without a run; the output check fails: %+v", rep.Checks)
	}
	// The end of the file, reported by the compiler as "<end of input>".
	rep = x.Evaluate(map[string]string{"a.c": "int main() {\n"}, nil, "en")
	if len(rep.Compile) == 0 || rep.Compile[len(rep.Compile)-1].File != "a.c" {
		t.Errorf("end-of-file error: %+v", rep.Compile)
	}
	if _, err := json.Marshal(rep); err != nil {
		t.Error(err)
	}
}

func TestEvaluateLimits(t *testing.T) {
	x, _ := Parse("tiny.md", []byte(valid))
	rep := x.Evaluate(map[string]string{"a.c": "int main() { for (;;); }\n"}, nil, "en")
	if rep.Passed || !strings.Contains(rep.Error, "limit") {
		t.Errorf("endless loop: %+v", rep)
	}
	rep = x.Evaluate(map[string]string{"a.c": strings.Repeat("x", MaxFileBytes+1)}, nil, "en")
	if rep.Passed || !strings.Contains(rep.Error, "too large") {
		t.Errorf("huge file: %+v", rep.Error)
	}
	rep = x.Evaluate(map[string]string{"../etc": "x"}, nil, "ko")
	if rep.Passed || rep.Error == "" {
		t.Errorf("bad file name: %+v", rep.Error)
	}
}

func TestQuestions(t *testing.T) {
	num := Check{Type: CheckQuestion, Format: "number", Answer: "8448", Tolerance: 0}
	text := Check{Type: CheckQuestion, Format: "text", Answer: "init", Accept: []string{"systemd"}}
	choice := Check{Type: CheckQuestion, Format: "choice", Answer: "b", Choices: []Choice{{ID: "a", Text: Text{"가", "A"}}, {ID: "b", Text: Text{"나", "B"}}}}
	for _, tc := range []struct {
		c      Check
		answer string
		ok     bool
	}{
		{num, "8448", true}, {num, " 8,448 ", true}, {num, "8448개", true}, {num, "8447", false}, {num, "lots", false}, {num, "", false},
		{text, "INIT", true}, {text, " init. ", true}, {text, "systemd", true}, {text, "launchd", false},
		{choice, "b", true}, {choice, "a", false}, {choice, "z", false},
	} {
		if ok, msg := tc.c.evalQuestion(tc.answer, English); ok != tc.ok || msg == "" {
			t.Errorf("%s answer %q: %v (%s), want %v", tc.c.Format, tc.answer, ok, msg, tc.ok)
		}
	}
}

func TestDeadlockCheck(t *testing.T) {
	none := Check{Type: CheckDeadlock, Expect: "none"}
	expected := Check{Type: CheckDeadlock, Expect: "deadlock"}
	clean, stuck := &trace{}, &trace{deadlock: true}
	for _, tc := range []struct {
		c    Check
		t    *trace
		want bool
	}{{none, clean, true}, {none, stuck, false}, {expected, clean, false}, {expected, stuck, true}} {
		if got, _ := tc.c.evaluate(tc.t, "", Korean); got != tc.want {
			t.Errorf("%s on deadlock=%v: %v, want %v", tc.c.Expect, tc.t.deadlock, got, tc.want)
		}
	}
}

func TestLang(t *testing.T) {
	for in, want := range map[string]string{"ko": Korean, "ko-KR": Korean, "KO": Korean, "en": English, "en-US": English, "": English, "fr": English} {
		if got := Lang(in); got != want {
			t.Errorf("Lang(%q) = %q, want %q", in, got, want)
		}
	}
}
