package exercises

import (
	"encoding/json"
	"osplay/kernel"
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
	five := 5.0
	none := Check{Type: CheckDeadlock, Expect: "none"}
	no := Check{Type: CheckDeadlock, Expect: "no"}
	expected := Check{Type: CheckDeadlock, Expect: "deadlock"}
	yes := Check{Type: CheckDeadlock, Expect: "yes"}
	cycleOf5 := Check{Type: CheckDeadlock, Expect: "yes", Equals: &five}
	edge := func(tid, holder int) kernel.WaitEdge {
		return kernel.WaitEdge{PID: 2, TID: tid, Kind: kernel.WaitMutex, Addr: 0x1000, Holder: holder, File: "main.c", Line: 9}
	}
	clean, stuck := &trace{}, &trace{deadlock: true}
	pair := &trace{deadlock: true, cycles: [][]kernel.WaitEdge{{edge(3, 4), edge(4, 3)}}}
	for _, tc := range []struct {
		c    Check
		t    *trace
		want bool
	}{
		{none, clean, true}, {none, stuck, false}, {expected, clean, false}, {expected, stuck, true},
		{no, clean, true}, {no, pair, false}, {yes, clean, false}, {yes, pair, true},
		{cycleOf5, pair, false}, {cycleOf5, clean, false},
	} {
		got, msg := tc.c.evaluate(tc.t, "", Korean)
		if got != tc.want {
			t.Errorf("%s (equals %v) on deadlock=%v cycles %v: %v, want %v", tc.c.Expect, tc.c.Equals, tc.t.deadlock, tc.t.cycles, got, tc.want)
		}
		if len(tc.t.cycles) > 0 && !strings.Contains(msg, "main.c") {
			t.Errorf("message %q does not say where the threads wait", msg)
		}
	}
	cycleOf5.ID = "cycle"
	for _, c := range []Check{{ID: "a", Type: CheckDeadlock, Expect: "maybe"}, {ID: "b", Type: CheckDeadlock, Expect: "no", Equals: &five}} {
		if errs := c.validate("checks[0]", false); len(errs) == 0 {
			t.Errorf("%+v validates", c)
		}
	}
	if errs := cycleOf5.validate("checks[0]", false); len(errs) != 0 {
		t.Errorf("%+v: %v", cycleOf5, errs)
	}
}

// TestDeadlockCheckRuns checks real runs: the naive dining philosophers
// deadlock in a cycle of five, also measured for a question; threads that
// take two locks in the same order do not deadlock; a thread spinning
// while it holds the lock another waits for is named when the run hits
// the instruction limit.
func TestDeadlockCheckRuns(t *testing.T) {
	philosophers := `#include <pthread.h>
#include <unistd.h>
pthread_mutex_t fork_[5];
void *philosopher(void *arg) {
	int i = (int)(long)arg;
	pthread_mutex_lock(&fork_[i]);
	usleep(1000);
	pthread_mutex_lock(&fork_[(i + 1) % 5]);
	return NULL;
}
int main(void) {
	pthread_t t[5];
	for (long i = 0; i < 5; i++)
		pthread_create(&t[i], NULL, philosopher, (void *)i);
	for (int i = 0; i < 5; i++)
		pthread_join(t[i], NULL);
	return 0;
}
`
	ordered := strings.Replace(philosophers, "	pthread_mutex_lock(&fork_[i]);\n	usleep(1000);\n	pthread_mutex_lock(&fork_[(i + 1) % 5]);",
		"	int a = i, b = (i + 1) % 5;\n	if (b < a) { a = b; b = i; }\n	pthread_mutex_lock(&fork_[a]);\n	usleep(1000);\n	pthread_mutex_lock(&fork_[b]);\n	pthread_mutex_unlock(&fork_[b]);\n	pthread_mutex_unlock(&fork_[a]);", 1)
	if ordered == philosophers {
		t.Fatal("the ordered version is the same program")
	}
	spinning := `#include <pthread.h>
#include <unistd.h>
pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
volatile int go;
void *spinner(void *arg) {
	pthread_mutex_lock(&m);
	while (!go)
		;
	pthread_mutex_unlock(&m);
	return NULL;
}
int main(void) {
	pthread_t t;
	pthread_create(&t, NULL, spinner, NULL);
	usleep(100);
	pthread_mutex_lock(&m);
	go = 1;
	return 0;
}
`
	five := 5.0
	run := func(src string) *trace {
		tr := Run{MaxTicks: 100_000}.run([]File{{Name: "main.c", Text: src}}, "main.c", false)
		tr.finish()
		return tr
	}
	check := Check{Type: CheckDeadlock, Expect: "deadlock", Equals: &five}
	if tr := run(philosophers); len(tr.cycles) != 1 {
		t.Errorf("philosophers: cycles %v", tr.cycles)
	} else {
		if ok, msg := check.evaluate(tr, "", English); !ok || !strings.Contains(msg, "main.c:8") {
			t.Errorf("philosophers: %v %s", ok, msg)
		}
		if n, ok := (&Check{Type: CheckDeadlock}).measure(tr); !ok || n != 5 {
			t.Errorf("measured %v threads in the cycle", n)
		}
	}
	if tr := run(ordered); tr.deadlock || tr.halt != "" {
		t.Errorf("ordered: deadlock %v, halt %q", tr.deadlock, tr.halt)
	} else if ok, _ := check.evaluate(tr, "", English); ok {
		t.Error("the deadlock check passes a run without deadlock")
	}
	tr := run(spinning)
	if tr.deadlock || len(tr.spins) != 1 || tr.spins[0].Kind != kernel.WaitMutex {
		t.Fatalf("spinning: deadlock %v, spins %+v, halt %q", tr.deadlock, tr.spins, tr.halt)
	}
	x := &Exercise{Slug: "spin"}
	rep := x.judge(Report{Lang: English}, tr, nil)
	if !strings.Contains(rep.Error, "busy waiting while holding the lock") {
		t.Errorf("report error %q", rep.Error)
	}
}

func TestLang(t *testing.T) {
	for in, want := range map[string]string{"ko": Korean, "ko-KR": Korean, "KO": Korean, "en": English, "en-US": English, "": English, "fr": English} {
		if got := Lang(in); got != want {
			t.Errorf("Lang(%q) = %q, want %q", in, got, want)
		}
	}
}
