package kernel

import (
	"slices"
	"testing"
	"testing/fstest"

	"osplay/kernel/msg"
)

func TestWaitObjectText(t *testing.T) {
	for _, c := range []struct {
		o            WaitObject
		label, about string
	}{
		{WaitObject{}, "", "nothing"},
		{WaitObject{Kind: WaitChild, ID: 2}, "child", "a child of pid 2"},
		{WaitObject{Kind: WaitTTY}, "tty", "input from the terminal"},
		{WaitObject{Kind: WaitTimer}, "timer", "a timer"},
		{WaitObject{Kind: WaitIO, ID: 1, Name: "printer"}, "printer", "I/O on printer"},
		{WaitObject{Kind: WaitJoin, ID: 7, Holder: 7}, "join", "thread 7 to exit"},
		{WaitObject{Kind: WaitMutex, ID: 0x601040, Holder: 5}, "mutex", "mutex 0x601040 held by thread 5"},
		{WaitObject{Kind: WaitFutex, ID: 0x601048}, "futex", "futex 0x601048"},
	} {
		if label, about := c.o.Label(), c.o.String(); label != c.label || about != c.about {
			t.Errorf("%+v: Label %q, String %q; want %q, %q", c.o, label, about, c.label, c.about)
		}
	}
}

// sleepyChild's parent waits for a child that sleeps a second.
const sleepyChild = `#include <unistd.h>
#include <sys/wait.h>
int main(void) {
	if (fork() == 0) {
		sleep(1);
		return 0;
	}
	wait(NULL);
	return 0;
}
`

// startMain starts the program main.c, whose text is src, on a recording
// machine.
func startMain(t *testing.T, cfg Config, src string) *Machine {
	t.Helper()
	cfg.Files = fstest.MapFS{"main.c": &fstest.MapFile{Data: []byte(src)}}
	cfg.Record = true
	m := New(cfg)
	if err := m.Start([]string{"main.c"}); err != nil {
		t.Fatal(err)
	}
	return m
}

// TestWaitingIsTyped stops programs and workloads while their threads
// wait and checks what the views say they wait for: the typed object, and
// the label the views have always shown, derived from it.
func TestWaitingIsTyped(t *testing.T) {
	for _, c := range []struct {
		name string
		m    func(t *testing.T) *Machine
		at   int64
		pid  int
		want WaitObject
	}{
		{"sleep", func(t *testing.T) *Machine { m, _ := startTestdata(t, Config{}, "sleeper"); return m },
			1000, 2, WaitObject{Kind: WaitTimer}},
		{"read the terminal", func(t *testing.T) *Machine { m, _ := startTestdata(t, Config{}, "upper"); return m },
			1000, 2, WaitObject{Kind: WaitTTY}},
		{"wait for a child", func(t *testing.T) *Machine { return startMain(t, Config{}, sleepyChild) },
			1000, 2, WaitObject{Kind: WaitChild, ID: 2}},
		{"running", func(t *testing.T) *Machine { return startMain(t, Config{}, sleepyChild) },
			3, 2, WaitObject{}},
		{"init", func(t *testing.T) *Machine { m, _ := startTestdata(t, Config{}, "sleeper"); return m },
			1000, 1, WaitObject{Kind: WaitChild, ID: 1}},
		{"device", func(t *testing.T) *Machine {
			m := New(Config{Record: true})
			if err := m.StartWorkload(mustWorkload(t, "A 0 2 io:printer:50 1\n")); err != nil {
				t.Fatal(err)
			}
			return m
		}, 10, 2, WaitObject{Kind: WaitIO, ID: 0, Name: "printer"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			m := c.m(t)
			m.RunTo(c.at)
			v, ok := m.Process(c.pid)
			if !ok {
				t.Fatalf("no pid %d at tick %d", c.pid, c.at)
			}
			if v.WaitFor != c.want || v.WaitOn != c.want.Label() {
				t.Errorf("pid %d at tick %d (%s): waits for %+v (%q), want %+v", c.pid, c.at, v.State, v.WaitFor, v.WaitOn, c.want)
			}
			if len(v.Threads) != 1 || v.Threads[0].TID != c.pid || v.Threads[0].WaitFor != c.want {
				t.Errorf("threads %+v, want one, tid %d, waiting for %+v", v.Threads, c.pid, c.want)
			}
		})
	}
}

// TestWakeOrder checks the two ways a queue wakes: WakeOne the thread
// that has waited longest, WakeAll every thread in tid order (the order
// sessions recorded before wait queues replay in).
func TestWakeOrder(t *testing.T) {
	m := startMain(t, Config{}, readers)
	m.RunTo(1000)
	q := &m.console.readers
	if got, want := q.Waiters(), []int{3, 4, 2}; !slices.Equal(got, want) {
		t.Fatalf("readers %v, want %v (in the order they began to wait)", got, want)
	}
	first := q.WakeOne(msg.New(msg.WokeTimer))
	if first == nil || first.TID != 3 || q.Len() != 2 {
		t.Fatalf("WakeOne woke %v, %d left; want tid 3, 2 left", first, q.Len())
	}
	var woken []int
	m.cfg.OnEvent = func(e Event) {
		if e.Kind == KindState && e.To == StateReady {
			woken = append(woken, e.TID)
		}
	}
	q.WakeAll(msg.New(msg.WokeTimer))
	if want := []int{2, 4}; !slices.Equal(woken, want) || q.Len() != 0 {
		t.Errorf("WakeAll woke %v, %d left; want %v, none", woken, q.Len(), want)
	}
}
