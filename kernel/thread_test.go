package kernel

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
)

// counterProgram is testdata/linux/threads: four threads add to a
// mutex-protected counter.
func counterProgram(t *testing.T) string {
	t.Helper()
	src, err := os.ReadFile("testdata/linux/threads/threads.c")
	if err != nil {
		t.Fatal(err)
	}
	return string(src)
}

const counterOutput = `thread 0 returned 100
thread 1 returned 101
thread 2 returned 102
thread 3 returned 103
counter = 4000 (want 4000)
main is thread itself
`

// TestMutexCounter runs the counter under every kind of policy, on one
// CPU and several, with switch costs, swapping and a quantum of one
// instruction: whatever interleaving they make, the mutex keeps the count
// and the joins find every thread's value.
func TestMutexCounter(t *testing.T) {
	src := counterProgram(t)
	for _, cfg := range []Config{
		{},
		{Sched: "rr:q=1"},
		{Sched: "fcfs"},
		{Sched: "mlfq", CPUs: 2},
		{Sched: "cfs", CPUs: 4, ContextSwitch: 3},
		{Sched: "lottery:seed=7", CPUs: 2},
		{Sched: "stride:q=3,percpu", CPUs: 3},
		{Sched: "priority:preemptive", SyscallCost: 2},
		{Sched: "sjf"},
		{Resident: 1},
		{ChildFirst: true, LibCallCost: 5},
	} {
		t.Run(cfg.Sched+describeCPUs(cfg), func(t *testing.T) {
			var out strings.Builder
			cfg.Stdout = &out
			m := startMain(t, cfg, src)
			res := m.Run()
			if res.Err != nil || !res.Exited || res.Code != 0 {
				t.Fatalf("result %+v", res)
			}
			if out.String() != counterOutput {
				t.Errorf("output\n%s\nwant\n%s", out.String(), counterOutput)
			}
			if n := len(m.byTID); n != 1 {
				t.Errorf("%d threads left, want init's only", n)
			}
			if n := m.MemoryInUse(); n != 0 {
				t.Errorf("%d bytes of memory in use after the run, want none", n)
			}
		})
	}
}

func describeCPUs(cfg Config) string {
	if cfg.CPUs > 1 {
		return "/cpus=" + string(rune('0'+cfg.CPUs))
	}
	return ""
}

// threadCase is a small program about one rule of threads.
type threadCase struct {
	name string
	src  string
	cfg  Config
	out  string // standard output
	code int    // exit code, or 128+signal
}

var threadCases = []threadCase{
	{"join errors", `#include <stdio.h>
#include <pthread.h>
#include <errno.h>
#include <unistd.h>
static void *idle(void *arg) { return arg; }
int main(void) {
	pthread_t th;
	void *v;
	printf("self: %d\n", pthread_join(pthread_self(), &v) == EDEADLK);
	printf("none: %d\n", pthread_join(12345, &v) == ESRCH);
	pthread_create(&th, NULL, idle, (void *)7);
	int r = pthread_join(th, &v);
	printf("join: %d %ld\n", r, (long)v);
	printf("twice: %d\n", pthread_join(th, &v) == ESRCH);
	printf("tid: %d\n", (int)pthread_self() == getpid() && gettid() == getpid());
	return 0;
}
`, Config{}, "self: 1\nnone: 1\njoin: 0 7\ntwice: 1\ntid: 1\n", 0},
	{"exit from a thread ends the process", `#include <stdio.h>
#include <stdlib.h>
#include <pthread.h>
#include <unistd.h>
static void *quit(void *arg) { exit(3); }
int main(void) {
	pthread_t th;
	pthread_create(&th, NULL, quit, NULL);
	for (;;)
		;
}
`, Config{CPUs: 2}, "", 3},
	{"main's pthread_exit leaves the others running", `#include <stdio.h>
#include <pthread.h>
#include <unistd.h>
static void *late(void *arg) { usleep(100); printf("still here\n"); return NULL; }
int main(void) {
	pthread_t th;
	pthread_create(&th, NULL, late, NULL);
	pthread_exit(NULL);
}
`, Config{}, "still here\n", 0},
	{"a fault in a thread kills the process", `#include <stdio.h>
#include <pthread.h>
static void *crash(void *arg) { *(int *)arg = 1; return NULL; }
int main(void) {
	pthread_t th;
	void *v;
	pthread_create(&th, NULL, crash, NULL);
	pthread_join(th, &v);
	printf("not reached\n");
	return 0;
}
`, Config{}, "", 128 + 11},
	{"runaway recursion hits the guard page", `#include <stdio.h>
#include <pthread.h>
static int deep(int n) { volatile char pad[1024]; pad[0] = n; return n == 0 ? 0 : deep(n - 1) + pad[0]; }
static void *run(void *arg) { return (void *)(long)deep(100000); }
int main(void) {
	pthread_t th;
	void *v;
	pthread_create(&th, NULL, run, NULL);
	pthread_join(th, &v);
	return 0;
}
`, Config{}, "", 128 + 11},
	{"fork in a thread copies only that thread", `#include <stdio.h>
#include <pthread.h>
#include <unistd.h>
#include <sys/wait.h>
static void *forker(void *arg) {
	pid_t pid = fork();
	if (pid == 0) {
		printf("child: one thread, tid is pid: %d\n", gettid() == getpid());
		_exit(0);
	}
	waitpid(pid, NULL, 0);
	return NULL;
}
int main(void) {
	pthread_t th;
	pthread_create(&th, NULL, forker, NULL);
	pthread_join(th, NULL);
	printf("parent done\n");
	return 0;
}
`, Config{}, "child: one thread, tid is pid: 1\nparent done\n", 0},
	{"exec in a thread", `#include <stdio.h>
#include <pthread.h>
#include <unistd.h>
static void *run(void *arg) { execl("/bin/echo", "echo", "from", "echo", (char *)0); return NULL; }
int main(void) {
	pthread_t th;
	pthread_create(&th, NULL, run, NULL);
	for (;;)
		usleep(10);
}
`, Config{}, "from echo\n", 0},
	{"trylock and unlock errors", `#include <stdio.h>
#include <pthread.h>
#include <errno.h>
static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static void *try(void *arg) {
	printf("busy: %d\n", pthread_mutex_trylock(&m) == EBUSY);
	printf("not mine: %d\n", pthread_mutex_unlock(&m) == EPERM);
	return NULL;
}
int main(void) {
	pthread_t th;
	pthread_mutex_lock(&m);
	pthread_create(&th, NULL, try, NULL);
	pthread_join(th, NULL);
	printf("destroy held: %d\n", pthread_mutex_destroy(&m) == EBUSY);
	pthread_mutex_unlock(&m);
	printf("destroy: %d, size %d\n", pthread_mutex_destroy(&m), (int)sizeof m);
	return 0;
}
`, Config{}, "busy: 1\nnot mine: 1\ndestroy held: 1\ndestroy: 0, size 40\n", 0},
}

func TestThreads(t *testing.T) {
	for _, c := range threadCases {
		t.Run(c.name, func(t *testing.T) {
			var out strings.Builder
			c.cfg.Stdout = &out
			m := startMain(t, c.cfg, c.src)
			res := m.Run()
			if res.Err != nil {
				t.Fatalf("run: %v", res.Err)
			}
			if out.String() != c.out || res.ExitCode() != c.code {
				t.Errorf("output %q, exit %d; want %q, %d", out.String(), res.ExitCode(), c.out, c.code)
			}
		})
	}
}

// TestThreadViews stops the counter when a thread first sleeps on the
// mutex and checks what the views say: the process lists its threads, the
// sleeper waits for the mutex held by another of them, the wait queues
// say the same, the ready queue and the CPU name threads.
func TestThreadViews(t *testing.T) {
	m := startMain(t, Config{}, counterProgram(t))
	var sleeper int
	m.RunUntil(func(e Event) bool {
		if e.Kind == KindState && e.To == StateWaiting && strings.Contains(e.Cause.String(), "mutex") {
			sleeper = e.TID
			return true
		}
		return false
	})
	if sleeper == 0 {
		t.Fatal("no thread ever waited for the mutex")
	}
	v, ok := m.Process(2)
	if !ok {
		t.Fatal("no pid 2")
	}
	tids := map[int]ThreadView{}
	for _, th := range v.Threads {
		tids[th.TID] = th
	}
	if len(v.Threads) < 2 || v.Threads[0].TID != 2 {
		t.Fatalf("threads %+v: want the main thread (tid 2) first and others", v.Threads)
	}
	w := tids[sleeper]
	if w.State != StateWaiting || w.WaitFor.Kind != WaitMutex || w.WaitOn != "mutex" {
		t.Fatalf("thread %d: %+v, want waiting for the mutex", sleeper, w)
	}
	if h, ok := tids[w.WaitFor.Holder]; !ok || h.TID == sleeper || h.State == StateWaiting {
		t.Errorf("the mutex is held by %d (%+v), want another thread that is not waiting", w.WaitFor.Holder, h)
	}
	found := false
	for _, q := range m.WaitQueues() {
		if q.Object == w.WaitFor {
			found = slices.Contains(q.Waiters, sleeper)
		}
	}
	if !found {
		t.Errorf("no wait queue for %v holds thread %d: %+v", w.WaitFor, sleeper, m.WaitQueues())
	}
	for _, tid := range m.ReadyQueue(0) {
		if th, ok := tids[tid]; !ok || th.State != StateReady {
			t.Errorf("ready queue %v: %d is not a ready thread of pid 2", m.ReadyQueue(0), tid)
		}
	}
	if w.Stack == 0 || w.Regs.SP < w.Stack || w.Regs.SP > w.Stack+threadStackSize {
		t.Errorf("thread %d: SP 0x%x outside its stack at 0x%x", sleeper, w.Regs.SP, w.Stack)
	}
	if w.Regs.Func != "add" {
		t.Errorf("thread %d is in %q, want the student's add (libc is hidden)", sleeper, w.Regs.Func)
	}
	m.Step()
	c := m.CPUs()[0]
	if v, _ := m.Process(c.PID); c.PID != 2 || !slices.ContainsFunc(v.Threads, func(th ThreadView) bool {
		return th.TID == c.TID && th.State == StateRunning && th.CPU == 0
	}) {
		t.Errorf("a tick later the CPU runs %d/%d, want a running thread of pid 2", c.PID, c.TID)
	}
}

// TestMutexDeadlock locks a mutex twice in one thread while main joins
// it: nothing can go on, the machine says so, and the wait queues show
// the cycle's data: the thread waits for a mutex it holds itself, main
// for that thread.
func TestMutexDeadlock(t *testing.T) {
	m := startMain(t, Config{}, `#include <pthread.h>
static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static void *twice(void *arg) {
	pthread_mutex_lock(&m);
	pthread_mutex_lock(&m);
	return NULL;
}
int main(void) {
	pthread_t th;
	pthread_create(&th, NULL, twice, NULL);
	pthread_join(th, NULL);
	return 0;
}
`)
	res := m.Run()
	if res.Err == nil || !strings.Contains(res.Err.Error(), "deadlock") {
		t.Fatalf("result %+v, want a deadlock", res)
	}
	var got []string
	for _, q := range m.WaitQueues() {
		got = append(got, fmt.Sprintf("%v: %v", q.Object, q.Waiters))
	}
	if len(got) != 3 || got[0] != "a child of pid 1: [1]" || got[1] != "thread 3 to exit: [2]" ||
		!strings.HasPrefix(got[2], "mutex 0x") || !strings.HasSuffix(got[2], " held by thread 3: [3]") {
		t.Errorf("wait queues %q, want init's, main joining thread 3, thread 3 waiting for a mutex it holds", got)
	}
}

// TestKillThreads kills, from outside, a process whose threads wait in
// every way (a join, a mutex, a sleep) or are ready: it dies at once, all
// its threads with it, and no queue keeps any of them.
func TestKillThreads(t *testing.T) {
	m := startMain(t, Config{}, `#include <pthread.h>
#include <unistd.h>
static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static void *sleeper(void *arg) { sleep(10); return NULL; }
static void *locker(void *arg) { pthread_mutex_lock(&m); return NULL; }
static void *spinner(void *arg) { for (;;) ; }
int main(void) {
	pthread_t a, b, c;
	pthread_mutex_lock(&m);
	pthread_create(&a, NULL, sleeper, NULL);
	pthread_create(&b, NULL, locker, NULL);
	pthread_create(&c, NULL, spinner, NULL);
	pthread_join(a, NULL);
	return 0;
}
`)
	m.RunTo(5000)
	if err := m.Signal(2, 15); err != nil {
		t.Fatal(err)
	}
	res := m.Run()
	if !res.Signaled || res.Signal != 15 || res.Err != nil {
		t.Fatalf("result %+v, want killed by SIGTERM", res)
	}
	if q := m.WaitQueues(); len(q) != 1 || q[0].Object.Kind != WaitChild {
		t.Errorf("wait queues %+v, want init's alone", q)
	}
	terminated := map[int]bool{}
	for _, e := range m.Events() {
		if e.Kind == KindState && e.To == StateTerminated {
			terminated[e.TID] = true
		}
	}
	if len(terminated) != 4 {
		t.Errorf("threads terminated: %v, want the 4 of pid 2", terminated)
	}
}

// TestManualChoosesThreads lets the student be the scheduler of the
// counter: the ready queue offers threads by tid, and choosing always
// the last one offered still ends with the right count.
func TestManualChoosesThreads(t *testing.T) {
	var out strings.Builder
	m := startMain(t, Config{Sched: "manual:preemptive", Stdout: &out}, counterProgram(t))
	offered := map[int]bool{}
	for i := 0; !m.Done(); i++ {
		if i > 200_000 {
			t.Fatal("the run never ends")
		}
		m.Run()
		for _, d := range m.Asking() {
			for _, tid := range d.Ready {
				offered[tid] = true
			}
			if err := m.Choose(d.Ready[len(d.Ready)-1]); err != nil {
				t.Fatal(err)
			}
		}
	}
	if out.String() != counterOutput {
		t.Errorf("output\n%s\nwant\n%s", out.String(), counterOutput)
	}
	for tid := 2; tid <= 6; tid++ {
		if !offered[tid] {
			t.Errorf("thread %d was never offered (offered %v)", tid, offered)
		}
	}
}
