package exercises

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestBuiltin checks every built-in exercise: both languages everywhere,
// the reference solution passes every check with the expected answers, the
// starter code of an exercise fails at least one check that runs it, and
// every verified answer equals what the reference run measures.
func TestBuiltin(t *testing.T) {
	list, err := Load()
	if err != nil {
		t.Fatalf("the built-in exercises do not load:\n%v", err)
	}
	if len(list) < 30 {
		t.Errorf("%d built-in exercises, want at least 30", len(list))
	}
	for _, x := range list {
		t.Run(x.Slug, func(t *testing.T) {
			t.Parallel()
			checkLanguages(t, x)
			solution := map[string]string{}
			for _, f := range x.SolutionFiles() {
				solution[f.Name] = f.Text
			}
			for _, lang := range []string{Korean, English} {
				rep := x.Evaluate(solution, x.Answers(), lang)
				if !rep.Passed || rep.Error != "" && !expectsDeadlock(x) {
					t.Errorf("the reference solution does not pass (%s): %s", lang, describe(rep))
				}
			}
			if x.Kind == KindExercise {
				rep := x.Evaluate(nil, x.Answers(), English)
				failed := false
				for i, r := range rep.Checks {
					if !r.Passed && x.Checks[i].Type != CheckQuestion {
						failed = true
					}
				}
				if !failed {
					t.Errorf("the starter code passes every check of the program: %s", describe(rep))
				}
			}
			verifyAnswers(t, x)
		})
	}
}

// expectsDeadlock reports whether x checks that its run deadlocks: the
// report of such a run says so in its error.
func expectsDeadlock(x *Exercise) bool {
	for _, c := range x.Checks {
		if c.Type == CheckDeadlock && c.deadlockExpected() {
			return true
		}
	}
	return false
}

func describe(rep Report) string {
	var b strings.Builder
	if rep.Error != "" {
		b.WriteString(rep.Error + "\n")
	}
	for _, d := range rep.Compile {
		b.WriteString("  " + d.File + ": " + d.Msg + "\n")
	}
	for _, c := range rep.Checks {
		mark := "ok  "
		if !c.Passed {
			mark = "FAIL"
		}
		b.WriteString("\n  " + mark + " " + c.ID + ": " + c.Message)
	}
	b.WriteString("\n  stdout:\n" + rep.Run.Stdout + "  stderr:\n" + rep.Run.Stderr)
	return b.String()
}

func checkLanguages(t *testing.T, x *Exercise) {
	t.Helper()
	texts := map[string]Text{"title": x.Title, "body": x.Body}
	for i, h := range x.Hints {
		texts["hint "+string(rune('0'+i))] = h
	}
	for _, c := range x.Checks {
		for _, lang := range []string{Korean, English} {
			if c.title(lang) == "" {
				t.Errorf("check %s has no title in %s", c.ID, lang)
			}
		}
		if c.Type == CheckQuestion {
			texts["question "+c.ID] = c.Ask
		}
	}
	for name, text := range texts {
		if strings.TrimSpace(text.Ko) == "" || strings.TrimSpace(text.En) == "" {
			t.Errorf("%s is missing a language: %+v", name, text)
		}
		if !hasHangul(text.Ko) {
			t.Errorf("the Korean %s has no Korean in it: %q", name, text.Ko)
		}
	}
}

func hasHangul(s string) bool {
	for _, r := range s {
		if r >= 0xAC00 && r <= 0xD7A3 {
			return true
		}
	}
	return false
}

// verifyAnswers measures every question's Verify on the reference run.
func verifyAnswers(t *testing.T, x *Exercise) {
	t.Helper()
	var tr *trace
	for _, c := range x.Checks {
		if c.Verify == nil {
			continue
		}
		if tr == nil {
			tr = x.settings().run(x.SolutionFiles(), x.MainFile(), x.keepsMemory())
			tr.finish()
		}
		if c.Format == "choice" {
			got, ok := c.Verify.measureGuard(tr)
			if !ok || got != c.Answer {
				t.Errorf("question %s: the answer is %s but the run measures %s (ok=%v)", c.ID, c.Answer, got, ok)
			}
			continue
		}
		got, ok := c.Verify.measure(tr)
		want, _ := parseNumber(c.Answer)
		if !ok || got < want-c.Tolerance-1e-9 || got > want+c.Tolerance+1e-9 {
			t.Errorf("question %s: the answer is %s but the run measures %s (ok=%v)", c.ID, c.Answer, num(got), ok)
		}
	}
}

// TestPageHidesAnswers: a student's page has neither the solution nor the
// expected answers.
func TestPageHidesAnswers(t *testing.T) {
	list, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range list {
		for _, lang := range []string{Korean, English} {
			b, err := json.Marshal(x.Render(lang))
			if err != nil {
				t.Fatal(err)
			}
			page := string(b)
			for _, key := range []string{`"answer"`, `"solution"`, `"accept"`, `"verify"`} {
				if strings.Contains(page, key) {
					t.Errorf("%s: the page (%s) contains %s", x.Slug, lang, key)
				}
			}
			if x.Kind == KindExercise {
				for _, f := range x.Solution {
					text, _ := json.Marshal(f.Text)
					if strings.Contains(page, string(text)) {
						t.Errorf("%s: the page contains the solution's %s", x.Slug, f.Name)
					}
				}
			}
		}
	}
}

// TestCurriculumCovered: every topic the kernel supports has exercises.
func TestCurriculumCovered(t *testing.T) {
	list, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	count := map[string]int{}
	for _, x := range list {
		count[x.Topic]++
	}
	for _, topic := range []string{"process", "states", "pcb", "queues", "context-switch", "tree", "fork", "exec", "wait", "zombie", "stdio", "sched", "ipc", "signals", "pipes", "threads", "sync", "deadlock"} {
		if count[topic] == 0 {
			t.Errorf("no exercise on %s", topic)
		}
	}
	for _, name := range []string{"onetwo", "nfork-children", "nfork-exit", "forkexecl", "forkexecv", "background", "mystatus", "runls"} {
		if Get(name) == nil {
			t.Errorf("no exercise %s: every Lab 3 program has one", name)
		}
	}
	// The synchronisation lectures' programs (seed 002 and OSTEP's
	// counter), each the subject of an exercise.
	for _, name := range []string{"race-lost-update", "race-mutex-fix", "bounded-buffer-semaphores", "readers-writers-busywait",
		"readers-writers-condvar", "one-way-tunnel", "philosophers-deadlock", "philosophers-order", "philosophers-monitor", "barrier-phases"} {
		if Get(name) == nil {
			t.Errorf("no exercise %s", name)
		}
	}
	// The IPC lectures' topics (issue: pipes, signals, shared memory,
	// message queues, sockets), each the subject of an exercise.
	for _, name := range []string{"pipe-parent-child", "pipe-ls-wc", "pipe-eof-close", "pipe-nonblocking", "pipe-sigpipe",
		"fifo-two-programs", "signal-ping-pong", "sigprocmask-pending", "sigchld-reap", "alarm-watchdog", "eintr-restart",
		"shm-sysv-fork", "shm-bounded-buffer", "mmap-private-shared", "msgqueue-types", "mq-priorities", "date-server", "rpc-xdr-bytes", "rpc-byte-order"} {
		if Get(name) == nil {
			t.Errorf("no exercise %s", name)
		}
	}
}

// TestWrongAnswersFail: every question of every built-in exercise fails a
// wrong answer — another choice, the number off by one, an unrelated word
// — and passes the expected one.
func TestWrongAnswersFail(t *testing.T) {
	list, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range list {
		for _, c := range x.Checks {
			if c.Type != CheckQuestion {
				continue
			}
			var wrong []string
			switch c.Format {
			case "choice":
				for _, ch := range c.Choices {
					if ch.ID != c.Answer {
						wrong = append(wrong, ch.ID)
					}
				}
			case "number":
				n, err := parseNumber(c.Answer)
				if err != nil {
					t.Fatalf("%s/%s: answer %q", x.Slug, c.ID, c.Answer)
				}
				wrong = []string{num(n + 1 + c.Tolerance), num(n - 1 - c.Tolerance)}
			case "text":
				wrong = []string{"zzz"}
			}
			wrong = append(wrong, "")
			for _, lang := range []string{Korean, English} {
				if ok, msg := c.evalQuestion(c.Answer, lang); !ok {
					t.Errorf("%s/%s: the expected answer %q fails: %s", x.Slug, c.ID, c.Answer, msg)
				}
				for _, w := range wrong {
					if ok, _ := c.evalQuestion(w, lang); ok {
						t.Errorf("%s/%s: the wrong answer %q passes", x.Slug, c.ID, w)
					}
				}
			}
		}
	}
}

func TestSummariesAndGet(t *testing.T) {
	list := Summaries()
	if len(list) == 0 || Get(list[0].Slug) == nil {
		t.Fatalf("Summaries = %v", list)
	}
	if Get("no-such-exercise") != nil {
		t.Error("Get of an unknown slug is not nil")
	}
	for _, s := range list {
		if s.Title.Ko == "" || s.Title.En == "" {
			t.Errorf("%s: a title is missing a language", s.Slug)
		}
	}
}

// TestMarkdownRoundTrip: writing an exercise in its format and reading it
// back gives the same exercise, for every built-in one.
func TestMarkdownRoundTrip(t *testing.T) {
	list, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range list {
		src := x.Markdown()
		y, err := Parse(x.Source, src)
		if err != nil {
			t.Errorf("%s: the written exercise does not parse: %v\n%s", x.Slug, err, src)
			continue
		}
		a, _ := json.Marshal(x)
		b, _ := json.Marshal(y)
		if string(a) != string(b) {
			t.Errorf("%s: round trip changed the exercise:\n%s\n%s", x.Slug, a, b)
		}
	}
}
