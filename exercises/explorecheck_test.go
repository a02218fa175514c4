package exercises

import (
	"context"
	"strings"
	"testing"
	"time"
)

// counterProgram: two threads add 1 to counter once each, under the
// mutex m when its argument is "lock"; hits is always under other. With
// "spin" it loops for ever before any thread starts, and with "bomb" it
// forks until fork fails, for ever.
const counterProgram = `#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <pthread.h>

int counter;
int hits;
pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
pthread_mutex_t other = PTHREAD_MUTEX_INITIALIZER;
int locked;

void *worker(void *arg)
{
	if (locked)
		pthread_mutex_lock(&m);
	counter = counter + 1;
	if (locked)
		pthread_mutex_unlock(&m);
	pthread_mutex_lock(&other);
	hits++;
	pthread_mutex_unlock(&other);
	return NULL;
}

int main(int argc, char **argv)
{
	pthread_t a, b;
	locked = argc > 1 && strcmp(argv[1], "lock") == 0;
	if (argc > 1 && strcmp(argv[1], "spin") == 0)
		for (;;)
			;
	if (argc > 1 && strcmp(argv[1], "bomb") == 0)
		for (;;)
			fork();
	pthread_create(&a, NULL, worker, NULL);
	pthread_create(&b, NULL, worker, NULL);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	printf("counter = %d\n", counter);
	return 0;
}
`

func counterTrace(t *testing.T, arg string, races bool) *trace {
	t.Helper()
	run := Run{races: races}
	if arg != "" {
		run.Argv = []string{arg}
	}
	tr := run.run([]File{{Name: "counter.c", Text: counterProgram}}, "counter.c", false)
	tr.finish()
	if !tr.ran() {
		t.Fatalf("the program did not run: %v %s", tr.compile, tr.startErr)
	}
	return tr
}

func TestExploreChecks(t *testing.T) {
	for _, tc := range []struct {
		name string
		c    Check
		arg  string
		pass bool
		msg  string // a part of the English message
	}{
		{"lost update found", Check{Type: CheckExplore}, "", false, "A failing schedule was found"},
		{"replay line", Check{Type: CheckExplore}, "", false, "Replay it: osplay run --schedule "},
		{"link parameters", Check{Type: CheckExplore, Races: true, Preemptions: 1}, "", false, "in the playground, the link parameters ?races=1&schedule="},
		{"lost update is what is expected", Check{Type: CheckExplore, Expect: "fails"}, "", true, `"counter = 1", expected "counter = 2"`},
		{"the mutex passes within 2", Check{Type: CheckExplore}, "lock", true, "No schedule fails (every schedule with at most 2 preemptions"},
		{"expected output given", Check{Type: CheckExplore, Lines: Lines{"counter = 3"}, Preemptions: 1}, "lock", false, `expected "counter = 3"`},
		{"fails but none found", Check{Type: CheckExplore, Expect: "fails", Preemptions: 1}, "lock", false, "No failing schedule was found"},
		{"pct finds it", Check{Type: CheckExplore, Strategy: "pct", Depth: 2, Runs: 300}, "", false, "A failing schedule was found"},
		{"a race fails a run", Check{Type: CheckExplore, Races: true, Preemptions: 1}, "", false, "--races counter.c"},
		{"too few runs", Check{Type: CheckExplore, Runs: 20}, "lock", false, "Not every schedule could be tried within 20 runs"},
		{"endless loop", Check{Type: CheckExplore}, "spin", false, "The default schedule already reaches the limit"},
		{"fork bomb", Check{Type: CheckExplore}, "bomb", false, "The default schedule already reaches the limit"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.c.ID = "c"
			if errs := tc.c.validate("checks[0]", false); len(errs) > 0 {
				t.Fatalf("invalid check: %v", errs[0])
			}
			tr := counterTrace(t, tc.arg, false)
			ok, m := tc.c.evaluate(tr, "", English)
			if ok != tc.pass || !strings.Contains(revealed(m), tc.msg) {
				t.Errorf("passed %v, message %q; want %v and %q", ok, revealed(m), tc.pass, tc.msg)
			}
			if _, ko := tc.c.evaluate(tr, "", Korean); !hasHangul(ko) {
				t.Errorf("the Korean message %q", ko)
			}
		})
	}
}

// TestExploreTimeLimit: a search that cannot finish in its time says so.
func TestExploreTimeLimit(t *testing.T) {
	defer func(d time.Duration) { exploreTimeLimit = d }(exploreTimeLimit)
	exploreTimeLimit = 50 * time.Millisecond
	c := Check{ID: "c", Type: CheckExplore, Preemptions: 3}
	ok, m := c.evaluate(counterTrace(t, "lock", false), "", English)
	if ok || !strings.Contains(m, "stopped at its time limit (50ms)") {
		t.Errorf("passed %v, message %q", ok, m)
	}
}

// TestExploreRequestDeadline: a search ends by the evaluation's deadline
// (the request's) when that comes before its own limit, and says so; it
// is not remembered as a finished search.
func TestExploreRequestDeadline(t *testing.T) {
	c := Check{ID: "c", Type: CheckExplore, Preemptions: 3}
	tr := counterTrace(t, "lock", false)
	ctx, cancel := context.WithTimeout(context.Background(), 80*time.Millisecond)
	defer cancel()
	tr.ctx = ctx
	start := time.Now()
	ok, m := c.evaluate(tr, "", English)
	if took := time.Since(start); took > exploreTimeLimit/2 {
		t.Errorf("the search took %v, past the deadline of 80ms", took)
	}
	if ok || !strings.Contains(m, "stopped at its time limit (") || strings.Contains(m, exploreTimeLimit.String()) {
		t.Errorf("passed %v, message %q", ok, m)
	}
	// A request already gone stops it too.
	gone, stop := context.WithCancel(context.Background())
	stop()
	tr.ctx = gone
	if ok, m := c.evaluate(tr, "", English); ok || !strings.Contains(m, "stopped at its time limit") {
		t.Errorf("a cancelled request: passed %v, message %q", ok, m)
	}
}

// TestExploreMeasure: the distinct outputs over every schedule.
func TestExploreMeasure(t *testing.T) {
	for _, tc := range []struct {
		arg  string
		want float64
	}{{"", 2}, {"lock", 1}} {
		c := Check{Type: CheckExplore, Preemptions: 1}
		if got, ok := c.measure(counterTrace(t, tc.arg, false)); !ok || got != tc.want {
			t.Errorf("%q: %v outputs (%v), want %v", tc.arg, got, ok, tc.want)
		}
	}
	c := Check{Type: CheckExplore}
	if _, ok := c.measure(counterTrace(t, "spin", false)); ok {
		t.Error("an endless loop is measured")
	}
}

func TestRaceAndGuardChecks(t *testing.T) {
	for _, tc := range []struct {
		name string
		c    Check
		arg  string
		pass bool
		msg  string
	}{
		{"race reported", Check{Type: CheckRaces}, "", false, "data races were reported. The first: data race: counter"},
		{"no race", Check{Type: CheckRaces}, "lock", true, "found no data race"},
		{"race expected on counter", Check{Type: CheckRaces, Expect: "race", Var: "counter"}, "", true, "as expected"},
		{"race expected on hits", Check{Type: CheckRaces, Expect: "race", Var: "hits"}, "", false, "not on hits"},
		{"race expected, none", Check{Type: CheckRaces, Expect: "race"}, "lock", false, "No data race was reported"},
		{"m guards counter", Check{Type: CheckGuards, Var: "counter", Lock: "m"}, "lock", true, "counter: 4 accesses by 2 threads; locks held at them: m 4/4"},
		{"m does not guard counter", Check{Type: CheckGuards, Var: "counter", Lock: "m"}, "", false, "locks held at them: none"},
		{"none guards counter", Check{Type: CheckGuards, Var: "counter", Lock: "none"}, "", true, "counter"},
		{"other guards hits", Check{Type: CheckGuards, Var: "hits", Lock: "other"}, "", true, "other 4/4"},
		{"not shared", Check{Type: CheckGuards, Var: "nothing", Lock: "m"}, "", false, "did not share nothing"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.c.ID = "c"
			if errs := tc.c.validate("checks[0]", false); len(errs) > 0 {
				t.Fatalf("invalid check: %v", errs[0])
			}
			tr := counterTrace(t, tc.arg, true)
			ok, m := tc.c.evaluate(tr, "", English)
			if ok != tc.pass || !strings.Contains(revealed(m), tc.msg) {
				t.Errorf("passed %v, message %q; want %v and %q", ok, revealed(m), tc.pass, tc.msg)
			}
			if _, ko := tc.c.evaluate(tr, "", Korean); !hasHangul(ko) {
				t.Errorf("the Korean message %q", ko)
			}
		})
	}
	v := Check{Type: CheckGuards, Var: "hits"}
	if lock, ok := v.measureGuard(counterTrace(t, "", true)); !ok || lock != "other" {
		t.Errorf("hits guarded by %q, %v", lock, ok)
	}
}

// TestPredictionChoices: the outputs the prediction exercises call
// possible are among those the explorer collects, the impossible one is
// not.
func TestPredictionChoices(t *testing.T) {
	for _, tc := range []struct {
		slug, question string
	}{{"predict-fork-outputs", "impossible"}, {"predict-thread-outputs", "never"}} {
		x := Get(tc.slug)
		if x == nil {
			t.Fatalf("no exercise %s", tc.slug)
		}
		tr := x.settings().run(x.SolutionFiles(), x.MainFile(), false)
		tr.finish()
		c := Check{Type: CheckExplore, Preemptions: 2}
		seen, ok := c.outputs(tr)
		if !ok {
			t.Fatalf("%s: the search did not cover every schedule", tc.slug)
		}
		q := x.Check(tc.question)
		for _, ch := range q.Choices {
			out := strings.ReplaceAll(ch.Text.En, " / ", "\n")
			if !strings.Contains(ch.Text.En, " / ") {
				out = strings.ReplaceAll(out, " ", "\n")
			}
			if seen[out+"\n"] == (ch.ID == q.Answer) {
				t.Errorf("%s: choice %s (%q) possible: %v", tc.slug, ch.ID, out, seen[out+"\n"])
			}
		}
	}
}
