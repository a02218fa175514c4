package kernel

import (
	"reflect"
	"testing"
)

// TestProcessListAgreesWithProcesses stops a run at every event that
// changes a process and checks that the cheap list and the one-process
// view say what the full snapshot says.
func TestProcessListAgreesWithProcesses(t *testing.T) {
	tests := []struct {
		prog string
		cfg  Config
	}{
		{"forkwait", Config{}},
		{"zombie", Config{}},
		{"orphan", Config{CPUs: 2}},
		{"race", Config{Sched: "rr:q=3", CPUs: 2}},
		{"procs", Config{}},
		{"threads", Config{CPUs: 2}},
	}
	for _, tt := range tests {
		t.Run(tt.prog, func(t *testing.T) {
			m, _ := startTestdata(t, tt.cfg, tt.prog)
			checks := 0
			for !m.Done() {
				m.RunUntil(func(e Event) bool {
					return e.Kind == KindState || e.Kind == KindCreate || e.Kind == KindExec || e.Kind == KindSyscall
				})
				checks++
				full := m.Processes()
				list := m.ProcessList()
				if len(list) != len(full) {
					t.Fatalf("tick %d: %d in the list, %d in the snapshot", m.Now(), len(list), len(full))
				}
				for i, v := range full {
					want := ProcBrief{PID: v.PID, PPID: v.PPID, Name: v.Name, State: v.State, WaitOn: v.WaitOn,
						WaitFor: v.WaitFor, CPU: v.CPU, CPUTicks: v.CPUTicks, Threads: len(v.Threads),
						File: v.Regs.File, Line: v.Regs.Line, Func: v.Regs.Func}
					if len(v.Threads) > 1 {
						for _, th := range v.Threads {
							want.TCBs = append(want.TCBs, ThreadBrief{TID: th.TID, State: th.State, WaitOn: th.WaitOn,
								WaitFor: th.WaitFor, CPU: th.CPU, CPUTicks: th.CPUTicks,
								File: th.Regs.File, Line: th.Regs.Line, Func: th.Regs.Func})
						}
					}
					if !reflect.DeepEqual(list[i], want) {
						t.Errorf("tick %d: brief %+v, want %+v", m.Now(), list[i], want)
					}
					one, ok := m.Process(v.PID)
					if !ok || !reflect.DeepEqual(one, v) {
						t.Errorf("tick %d: Process(%d) = %+v %v, want %+v", m.Now(), v.PID, one, ok, v)
					}
				}
				if checks > 10_000 {
					t.Fatal("the run never ends")
				}
			}
			if checks < 3 {
				t.Errorf("only %d stops", checks)
			}
		})
	}
}

func TestProcessOfUnknownPID(t *testing.T) {
	m, _ := startTestdata(t, Config{}, "forkwait")
	m.Run()
	for _, pid := range []int{0, -1, 2, 3, 999} { // 2 and 3 were reaped
		if v, ok := m.Process(pid); ok {
			t.Errorf("Process(%d) = %+v, want none", pid, v)
		}
	}
	if v, ok := m.Process(1); !ok || v.Name != "init" {
		t.Errorf("Process(1) = %+v %v, want init", v, ok)
	}
}

// BenchmarkProcessList and BenchmarkProcesses time what a batch pays to
// list the processes, in the middle of the lecture's fork program.
func BenchmarkProcessList(b *testing.B) {
	m := benchMachine(b)
	for b.Loop() {
		m.ProcessList()
	}
}

func BenchmarkProcesses(b *testing.B) {
	m := benchMachine(b)
	for b.Loop() {
		m.Processes()
	}
}

func benchMachine(b *testing.B) *Machine {
	m := New(Config{Files: testdataFiles(b)})
	if err := m.Start([]string{"race.c"}); err != nil {
		b.Fatal(err)
	}
	m.RunUntil(func(e Event) bool { return e.Kind == KindCreate && e.PID == 3 })
	m.RunTo(m.Now() + 50)
	if len(m.ProcessList()) != 3 {
		b.Fatalf("processes %+v", m.ProcessList())
	}
	return m
}

// TestSyncObjectsReadTheirState stops programs in which every thread
// waits and checks what SyncObjects says of each object: a mutex's and a
// write-locked rwlock's owner, a semaphore's value, a barrier's arrived of
// count, and the join the main thread waits in.
func TestSyncObjectsReadTheirState(t *testing.T) {
	for _, c := range []struct {
		name, src string
		want      SyncView // PID, Object.Kind, Owner, Value, Arrived, Count, Waiters checked
	}{
		{"mutex", `#include <pthread.h>
static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static void *w(void *arg) { pthread_mutex_lock(&m); return NULL; }
int main(void) { pthread_t t; pthread_mutex_lock(&m); pthread_create(&t, NULL, w, NULL); pthread_join(t, NULL); return 0; }
`, SyncView{Object: WaitObject{Kind: WaitMutex}, Owner: 2, Waiters: []int{3}}},
		{"semaphore", `#include <semaphore.h>
#include <pthread.h>
static sem_t s;
static void *w(void *arg) { sem_wait(&s); return NULL; }
int main(void) { pthread_t a, b; sem_init(&s, 0, 0); pthread_create(&a, NULL, w, NULL); pthread_create(&b, NULL, w, NULL); pthread_join(a, NULL); return 0; }
`, SyncView{Object: WaitObject{Kind: WaitSemaphore}, Value: 0, Waiters: []int{3, 4}}},
		{"rwlock", `#include <pthread.h>
static pthread_rwlock_t rw = PTHREAD_RWLOCK_INITIALIZER;
static void *w(void *arg) { pthread_rwlock_rdlock(&rw); return NULL; }
int main(void) { pthread_t t; pthread_rwlock_wrlock(&rw); pthread_create(&t, NULL, w, NULL); pthread_join(t, NULL); return 0; }
`, SyncView{Object: WaitObject{Kind: WaitRWLock}, Owner: 2, Waiters: []int{3}}},
		{"barrier", `#include <pthread.h>
static pthread_barrier_t b;
static void *w(void *arg) { pthread_barrier_wait(&b); return NULL; }
int main(void) { pthread_t t; pthread_barrier_init(&b, NULL, 3); pthread_create(&t, NULL, w, NULL); pthread_join(t, NULL); return 0; }
`, SyncView{Object: WaitObject{Kind: WaitBarrier}, Arrived: 1, Count: 3, Waiters: []int{3}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			m := startMain(t, Config{}, c.src)
			m.Run() // every thread ends up waiting: the machine halts
			var got *SyncView
			joins := 0
			for _, v := range m.SyncObjects() {
				if v.Object.Kind == c.want.Object.Kind {
					got = &v
				}
				if v.Object.Kind == WaitJoin {
					joins++
					if v.Object.ID != 3 || !reflect.DeepEqual(v.Waiters, []int{2}) {
						t.Errorf("join %+v: want the main thread waiting for thread 3", v)
					}
				}
			}
			if got == nil {
				t.Fatalf("no %s in %+v", c.want.Object.Kind, m.SyncObjects())
			}
			if got.PID != 2 || got.Owner != c.want.Owner || got.Value != c.want.Value || got.Arrived != c.want.Arrived ||
				got.Count != c.want.Count || !reflect.DeepEqual(got.Waiters, c.want.Waiters) || got.Object.ID == 0 {
				t.Errorf("%+v, want %+v", *got, c.want)
			}
			if joins != 1 {
				t.Errorf("%d joins waited on, want 1", joins)
			}
		})
	}
}

// TestCycles finds the cycles of wait-for graphs: none in a chain, one
// rotated to start at its least tid, two apart, and a chain leading into a
// cycle that is no part of it.
func TestCycles(t *testing.T) {
	e := func(tid, holder int) WaitEdge { return WaitEdge{TID: tid, Holder: holder} }
	tids := func(cs [][]WaitEdge) [][]int {
		var out [][]int
		for _, c := range cs {
			var ids []int
			for _, w := range c {
				ids = append(ids, w.TID)
			}
			out = append(out, ids)
		}
		return out
	}
	for _, c := range []struct {
		name  string
		waits []WaitEdge
		want  [][]int
	}{
		{"chain", []WaitEdge{e(3, 4), e(4, 5), e(5, 0)}, nil},
		{"cycle", []WaitEdge{e(5, 3), e(3, 4), e(4, 5)}, [][]int{{3, 4, 5}}},
		{"two cycles", []WaitEdge{e(3, 4), e(4, 3), e(7, 8), e(8, 7)}, [][]int{{3, 4}, {7, 8}}},
		{"into a cycle", []WaitEdge{e(2, 3), e(3, 4), e(4, 3)}, [][]int{{3, 4}}},
		{"itself", []WaitEdge{e(2, 2)}, [][]int{{2}}},
	} {
		if got := tids(Cycles(c.waits)); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
}
