package kernel

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"testing/fstest"
)

// philosophers is the naive dining philosophers: each takes the fork on
// its left, reaches for the one on its right, and so all five can end up
// holding one fork each and waiting for the next.
var philosophers = func() string {
	src, err := os.ReadFile("testdata/proc/philosophers.c")
	if err != nil {
		panic(err)
	}
	return string(src)
}()

// inversion takes two mutexes in opposite orders in two threads; a third
// thread, waiting for neither, counts on and prints, and main joins only
// it, so the process ends even though the two never will.
const inversion = `#include <pthread.h>
#include <stdio.h>
#include <unistd.h>
static pthread_mutex_t a = PTHREAD_MUTEX_INITIALIZER, b = PTHREAD_MUTEX_INITIALIZER;
static void *ab(void *arg)
{
	pthread_mutex_lock(&a);
	usleep(100);
	pthread_mutex_lock(&b);
	return NULL;
}
static void *ba(void *arg)
{
	pthread_mutex_lock(&b);
	usleep(100);
	pthread_mutex_lock(&a);
	return NULL;
}
static void *counter(void *arg)
{
	long n = 0;
	usleep(1000);
	for (int i = 0; i < 1000; i++)
		n += i;
	printf("counter done: %ld\n", n);
	return NULL;
}
int main(int argc, char **argv)
{
	pthread_t t1, t2, t3;
	pthread_create(&t1, NULL, ab, NULL);
	pthread_create(&t2, NULL, ba, NULL);
	pthread_create(&t3, NULL, counter, NULL);
	pthread_join(t3, NULL);
	if (argc > 1)
		pthread_join(t1, NULL); /* and wait for ever */
	return 0;
}
`

// joinCycle: main joins A, A joins B, B joins main.
const joinCycle = `#include <pthread.h>
static pthread_t main_thread, b;
static void *joins_main(void *arg) { pthread_join(main_thread, NULL); return NULL; }
static void *joins_b(void *arg) { pthread_join(b, NULL); return NULL; }
int main(void)
{
	pthread_t a;
	main_thread = pthread_self();
	pthread_create(&b, NULL, joins_main, NULL);
	pthread_create(&a, NULL, joins_b, NULL);
	pthread_join(a, NULL);
	return 0;
}
`

// deadlocks returns the KindDeadlock events of a run.
func deadlocks(m *Machine) []Event {
	var out []Event
	for _, e := range m.Events() {
		if e.Kind == KindDeadlock {
			out = append(out, e)
		}
	}
	return out
}

// TestDeadlockDetected runs programs whose threads end up waiting in a
// cycle and checks the cycle reported as it closes — its length, the kinds
// of what each thread waits for, each holder being the next thread, a
// source line for each — and how the run ends.
func TestDeadlockDetected(t *testing.T) {
	for _, c := range []struct {
		name   string
		cfg    Config
		src    string
		args   []string
		kinds  []WaitKind // what the threads of the cycle wait for, in any rotation
		out    string     // the program's output
		halted bool       // the machine halts: nothing can run again
	}{
		{"dining philosophers", Config{Sched: "rr:q=2"}, philosophers, nil,
			[]WaitKind{WaitMutex, WaitMutex, WaitMutex, WaitMutex, WaitMutex}, "", true},
		{"lock-order inversion, an unrelated thread runs on", Config{}, inversion, nil,
			[]WaitKind{WaitMutex, WaitMutex}, "counter done: 499500\n", false},
		{"lock-order inversion, joined", Config{}, inversion, []string{"forever"},
			[]WaitKind{WaitMutex, WaitMutex}, "counter done: 499500\n", true},
		{"join cycle", Config{}, joinCycle, nil, []WaitKind{WaitJoin, WaitJoin, WaitJoin}, "", true},
	} {
		t.Run(c.name, func(t *testing.T) {
			var out strings.Builder
			c.cfg.Stdout = &out
			m := startMainArgs(t, c.cfg, c.src, c.args...)
			res := m.Run()
			var de *DeadlockError
			if got := errors.As(res.Err, &de); got != c.halted {
				t.Fatalf("result %+v: halted at a deadlock %v, want %v", res, got, c.halted)
			}
			if out.String() != c.out {
				t.Errorf("output %q, want %q", out.String(), c.out)
			}
			ds := deadlocks(m)
			if len(ds) != 1 {
				t.Fatalf("%d deadlock events, want 1: %v", len(ds), ds)
			}
			cycle := ds[0].Waits
			if len(cycle) != len(c.kinds) {
				t.Fatalf("cycle %v, want %d threads", cycle, len(c.kinds))
			}
			for i, w := range cycle {
				next := cycle[(i+1)%len(cycle)]
				if w.Kind != c.kinds[i] || w.Holder != next.TID || w.Line == 0 || w.PID != 2 {
					t.Errorf("wait %d: %+v, want a %v held by thread %d, with a line", i, w, c.kinds[i], next.TID)
				}
			}
			if ds[0].TID != cycle[0].TID {
				t.Errorf("event of thread %d, want the one that closed the cycle, %d", ds[0].TID, cycle[0].TID)
			}
			if de != nil {
				text := de.Describe()
				for _, w := range cycle {
					if !strings.Contains(text, w.String()) {
						t.Errorf("halt report\n%s\nlacks %q", text, w)
					}
				}
			}
		})
	}
}

// TestDeadlockFreeRunsReportNone runs the lock-using programs of
// testdata/linux under small quanta: no cycle is reported where there is
// none (a semaphore, a condition variable or a barrier makes no edge).
func TestDeadlockFreeRunsReportNone(t *testing.T) {
	for _, name := range []string{"threads", "condvar", "semaphore", "rwlock", "barrier", "mutextypes"} {
		src := readTestdata(t, fmt.Sprintf("testdata/linux/%s/%s.c", name, name))
		t.Run(name, func(t *testing.T) {
			m := startMain(t, Config{Sched: "rr:q=2"}, src)
			if res := m.Run(); res.Err != nil || res.ExitCode() != 0 {
				t.Fatalf("result %+v", res)
			}
			if ds := deadlocks(m); len(ds) != 0 {
				t.Errorf("deadlocks reported: %v", ds)
			}
		})
	}
}

// startMainArgs is startMain with arguments for main.
func startMainArgs(t *testing.T, cfg Config, src string, args ...string) *Machine {
	t.Helper()
	cfg.Files = fstest.MapFS{"main.c": &fstest.MapFile{Data: []byte(src)}}
	cfg.Record = true
	m := New(cfg)
	if err := m.Start(append([]string{"main.c"}, args...)); err != nil {
		t.Fatal(err)
	}
	return m
}

func readTestdata(t *testing.T, path string) string {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(src)
}

// TestPauseWithNoSignalComing: a process in pause() whose input is given
// (no user at a keyboard to send a signal), with nothing else that could
// signal it, can never run again: the run ends as a deadlock and says who
// waits for what. With the user at the keyboard (no stdin given) the run
// waits for the user instead, who may send a signal.
func TestPauseWithNoSignalComing(t *testing.T) {
	const src = `#include <stdio.h>
#include <unistd.h>
int main(void) {
	printf("waiting\n");
	pause();
	printf("never\n");
	return 0;
}
`
	var out strings.Builder
	m := startMainArgs(t, Config{Stdout: &out, Stdin: strings.NewReader("")}, src)
	res := m.Run()
	var de *DeadlockError
	if !errors.As(res.Err, &de) {
		t.Fatalf("result %+v, want the run to end as a deadlock", res)
	}
	if out.String() != "waiting\n" {
		t.Errorf("output %q", out.String())
	}
	var paused bool
	for _, w := range de.Waits {
		paused = paused || w.PID == 2 && w.Kind == WaitSignal && w.Line == 5
	}
	if !paused {
		t.Errorf("waits %v: pid 2 does not wait for a signal at line 5", de.Waits)
	}
	if text := de.Describe(); !strings.Contains(text, "pid 2 waits for a signal") {
		t.Errorf("report %q does not say pid 2 waits for a signal", text)
	}

	keyboard := startMainArgs(t, Config{}, src)
	keyboard.Run()
	if keyboard.Err() != nil || !keyboard.WaitingForInput() {
		t.Errorf("at the keyboard: err %v, waiting for the user %v; want it to wait for the user", keyboard.Err(), keyboard.WaitingForInput())
	}
}
