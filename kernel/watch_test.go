package kernel

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"osplay/kernel/vm"
)

// TestWatchingChangesNothing runs programs with and without watching the
// instructions, on one CPU and on two, and wants the same events, the
// same output and the same ticks: watching only looks.
func TestWatchingChangesNothing(t *testing.T) {
	for _, c := range []struct {
		name string
		cfg  Config
		src  string
	}{
		{"lost update, lottery", Config{Sched: "lottery:seed=3,q=5"}, lostUpdate},
		{"lost update, two CPUs", Config{Sched: "rr:q=4", CPUs: 2}, lostUpdate},
		{"philosophers", Config{Sched: "rr:q=2"}, philosophers},
	} {
		t.Run(c.name, func(t *testing.T) {
			run := func(watch bool) ([]Event, string) {
				var out strings.Builder
				cfg := c.cfg
				cfg.Stdout = &out
				m := startMain(t, cfg, c.src)
				if watch {
					m.Watch(64)
				}
				m.Run()
				return append([]Event(nil), m.Events()...), out.String()
			}
			plain, plainOut := run(false)
			watched, watchedOut := run(true)
			if plainOut != watchedOut {
				t.Errorf("output %q watched, %q not", watchedOut, plainOut)
			}
			if !reflect.DeepEqual(plain, watched) {
				n := min(len(plain), len(watched))
				for i := 0; i < n; i++ {
					if !reflect.DeepEqual(plain[i], watched[i]) {
						t.Fatalf("event %d differs: %v watched, %v not", i, watched[i], plain[i])
					}
				}
				t.Fatalf("%d events watched, %d not", len(watched), len(plain))
			}
		})
	}
}

// TestWatchShowsTheLostUpdate steps the unlocked counter of two threads
// under Round Robin with a quantum of 5 ticks, watching, until a store
// loses an update, and checks the interleaving the watch shows: this
// thread's load of counter, the other thread's store to it after that
// load, then this store, each with its C line.
func TestWatchShowsTheLostUpdate(t *testing.T) {
	m := startMain(t, Config{Sched: "rr:q=5"}, lostUpdate)
	m.Watch(256)
	var lost *Instruction
	for !m.Done() && lost == nil {
		m.Step()
		for _, in := range m.Watched() {
			if in.Lost != nil {
				lost = &in
				break
			}
		}
	}
	if lost == nil {
		t.Fatal("no lost update seen")
	}
	bySeq := map[int64]Instruction{}
	for _, in := range m.Watched() {
		bySeq[in.Seq] = in
	}
	load, ok1 := bySeq[lost.Lost.Load]
	other, ok2 := bySeq[lost.Lost.Overwritten]
	if !ok1 || !ok2 {
		t.Fatalf("the load (%v) or the store overwritten (%v) is no longer watched", ok1, ok2)
	}
	for _, c := range []struct {
		what string
		in   Instruction
		tid  int
	}{{"the load", load, lost.TID}, {"the other thread's store", other, lost.Lost.Other}, {"the store", *lost, lost.TID}} {
		if c.in.Var != "counter" || c.in.Addr != lost.Addr || c.in.Line != 7 || c.in.File != "main.c" || c.in.TID != c.tid {
			t.Errorf("%s: %+v, want thread %d at main.c:7 on counter", c.what, c.in, c.tid)
		}
	}
	if load.Store || !other.Store || !lost.Store || lost.TID == other.TID {
		t.Errorf("load %+v, other's store %+v, store %+v", load, other, *lost)
	}
	if !(load.Seq < other.Seq && other.Seq < lost.Seq && load.Tick < other.Tick && other.Tick < lost.Tick) {
		t.Errorf("not in order: load %d@%d, other's store %d@%d, store %d@%d", load.Seq, load.Tick, other.Seq, other.Tick, lost.Seq, lost.Tick)
	}
	// The store writes back one more than the value its thread loaded,
	// though the other thread had stored a newer one.
	if lost.Value != load.Value+1 || other.Value < lost.Value {
		t.Errorf("load %d, other's store %d, store %d", load.Value, other.Value, lost.Value)
	}
	// Between the load and the store the thread added 1.
	var added bool
	for s := load.Seq + 1; s < lost.Seq; s++ {
		if in, ok := bySeq[s]; ok && in.TID == lost.TID && (in.Op == vm.ADD || in.Op == vm.ADDI || in.Op == vm.ADDI32 || in.Op == vm.ADD32) {
			added = true
		}
	}
	if !added {
		t.Errorf("no add between the load and the store: %s", fmt.Sprint(m.Watched()))
	}
	// The machine keeps that interleaving: from the load to the store.
	seq, count := m.LastLostUpdate()
	if count != 1 || len(seq) == 0 || seq[0].Seq != load.Seq || seq[len(seq)-1].Seq != lost.Seq || len(seq) != int(lost.Seq-load.Seq+1) {
		t.Errorf("last lost update (%d of them): %v", count, seq)
	}
}

// TestWatchedTicksAcrossSlices runs a loop longer than one slice of the
// VM (sliceTicks) with nothing to preempt it, and wants the watched
// instructions' ticks to be the ticks they ran at: the last ones just
// before the exit.
func TestWatchedTicksAcrossSlices(t *testing.T) {
	m := startMain(t, Config{Sched: "fcfs"}, `int main(void) { volatile long n = 0; for (long i = 0; i < 100000; i++) n++; return 0; }`)
	m.Watch(16)
	var exit int64 = -1
	m.RunUntil(func(e Event) bool {
		if e.Kind == KindSyscall && e.Name == "_exit" && exit < 0 {
			exit = e.Tick
		}
		return exit >= 0
	})
	w := m.Watched()
	if exit < sliceTicks || len(w) != 16 {
		t.Fatalf("exit at tick %d, %d instructions watched", exit, len(w))
	}
	for i := 1; i < len(w); i++ {
		if w[i].Tick <= w[i-1].Tick {
			t.Errorf("instruction %d at tick %d after %d", w[i].Seq, w[i].Tick, w[i-1].Tick)
		}
	}
	if last := w[len(w)-1].Tick; last > exit || last < exit-20 {
		t.Errorf("the last instruction watched ran at tick %d; the exit is at %d", last, exit)
	}
}

// WatchedSince(seq) is Watched() from seq on, and WatchedSpan(seq) the
// same without a copy: before the ring fills, once it wraps, past its end
// and before its oldest instruction.
func TestWatchedSince(t *testing.T) {
	m := startMain(t, Config{Sched: "fcfs"}, `int main(void) { volatile long n = 0; for (long i = 0; i < 1000; i++) n++; return 0; }`)
	m.Watch(16)
	for _, until := range []int64{5, 9, 40, 400} {
		m.RunTo(until)
		all := m.Watched()
		if len(all) == 0 {
			t.Fatalf("nothing watched by tick %d", until)
		}
		first, last := all[0].Seq, all[len(all)-1].Seq
		for seq := int64(0); seq <= last+2; seq++ {
			var want []Instruction
			for _, in := range all {
				if in.Seq >= seq {
					want = append(want, in)
				}
			}
			got := m.WatchedSince(seq)
			a, b := m.WatchedSpan(seq)
			if span := append(a[:len(a):len(a)], b...); !reflect.DeepEqual(span, got) && len(got)+len(span) > 0 {
				t.Fatalf("tick %d, since %d: WatchedSpan gives %d instructions unlike WatchedSince's %d", until, seq, len(span), len(got))
			}
			if len(got) != len(want) {
				t.Fatalf("tick %d, since %d (kept %d–%d): %d instructions, want %d", until, seq, first, last, len(got), len(want))
			}
			for i := range got {
				if got[i].Seq != want[i].Seq || got[i].Tick != want[i].Tick {
					t.Fatalf("tick %d, since %d: instruction %d is seq %d, want %d", until, seq, i, got[i].Seq, want[i].Seq)
				}
			}
		}
	}
}
