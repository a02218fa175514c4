package kernel

import (
	"fmt"
	"io/fs"
	"strconv"
	"strings"
	"testing"

	"osplay/kernel/abi"
	"osplay/kernel/libc"
)

// lostUpdate is OSTEP's counter without a lock (ch. 26): two threads add
// to a shared counter, counter++ being a load, an add and a store that a
// preemption can split.
const lostUpdate = `#include <pthread.h>
#include <stdio.h>
static volatile int counter;
static void *add(void *arg)
{
	for (int i = 0; i < 2000; i++)
		counter = counter + 1;
	return NULL;
}
int main(void)
{
	pthread_t a, b;
	pthread_create(&a, NULL, add, NULL);
	pthread_create(&b, NULL, add, NULL);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	printf("%d\n", counter);
	return 0;
}
`

// TestLostUpdateDependsOnTheSeed runs the unlocked counter under the
// lottery policy, seeds 1 to 10: the draws vary the interleaving, the
// totals differ between seeds — at least two different ones, updates
// being lost — and one seed gives the same total every time. The quantum
// is 5 ticks: with 3, which divides the length of the loop's iteration,
// every preemption falls at the same place in the iteration, never between
// the load and the store, unless something shifts where the slices start
// (under Round Robin, a seed's first slices: see
// TestLostUpdateUnderRRDependsOnTheSeed) — an interleaving is a matter of
// where the switches fall, not only of how often.
func TestLostUpdateDependsOnTheSeed(t *testing.T) {
	run := func(seed int) string {
		var out strings.Builder
		m := startMain(t, Config{Sched: fmt.Sprintf("lottery:seed=%d,q=5", seed), Stdout: &out}, lostUpdate)
		if res := m.Run(); res.Err != nil || res.ExitCode() != 0 {
			t.Fatalf("seed %d: result %+v", seed, res)
		}
		return strings.TrimSpace(out.String())
	}
	totals := map[string]bool{}
	for seed := 1; seed <= 10; seed++ {
		total := run(seed)
		totals[total] = true
		if again := run(seed); again != total {
			t.Errorf("seed %d: total %s, then %s", seed, total, again)
		}
	}
	if len(totals) < 2 {
		t.Errorf("totals %v over seeds 1-10, want at least two different", totals)
	}
	if totals["4000"] && len(totals) == 1 {
		t.Errorf("no update was ever lost")
	}
}

// TestWaitingOnSyncObjects stops programs while a thread waits on each
// kind of object and checks what the views say it waits for.
func TestWaitingOnSyncObjects(t *testing.T) {
	for _, c := range []struct {
		name, src string
		kind      WaitKind
		text      string // what String says, after the address
	}{
		{"semaphore", `#include <semaphore.h>
#include <pthread.h>
static sem_t s;
static void *w(void *arg) { sem_wait(&s); return NULL; }
int main(void) { pthread_t t; sem_init(&s, 0, 0); pthread_create(&t, NULL, w, NULL); pthread_join(t, NULL); return 0; }
`, WaitSemaphore, "(value 0)"},
		{"condvar", `#include <pthread.h>
static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t c = PTHREAD_COND_INITIALIZER;
static void *w(void *arg) { pthread_mutex_lock(&m); pthread_cond_wait(&c, &m); return NULL; }
int main(void) { pthread_t t; pthread_create(&t, NULL, w, NULL); pthread_join(t, NULL); return 0; }
`, WaitCondvar, ""},
		{"rwlock held for writing", `#include <pthread.h>
static pthread_rwlock_t rw = PTHREAD_RWLOCK_INITIALIZER;
static void *w(void *arg) { pthread_rwlock_rdlock(&rw); return NULL; }
int main(void) { pthread_t t; pthread_rwlock_wrlock(&rw); pthread_create(&t, NULL, w, NULL); pthread_join(t, NULL); return 0; }
`, WaitRWLock, "held by thread 2"},
		{"barrier", `#include <pthread.h>
static pthread_barrier_t b;
static void *w(void *arg) { pthread_barrier_wait(&b); return NULL; }
int main(void) { pthread_t t; pthread_barrier_init(&b, NULL, 3); pthread_create(&t, NULL, w, NULL); pthread_join(t, NULL); return 0; }
`, WaitBarrier, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			m := startMain(t, Config{}, c.src)
			m.Run() // every thread ends up waiting: the machine halts
			var found bool
			for _, q := range m.WaitQueues() {
				if q.Object.Kind != c.kind {
					continue
				}
				found = true
				s := q.Object.String()
				if !strings.HasPrefix(s, c.kind.String()+" 0x") || !strings.HasSuffix(s, c.text) {
					t.Errorf("the view says %q, want %s 0x… %s", s, c.kind, c.text)
				}
				if len(q.Waiters) != 1 || q.Waiters[0] != 3 {
					t.Errorf("waiters %v, want thread 3", q.Waiters)
				}
			}
			if !found {
				t.Errorf("no thread waits on a %s", c.kind)
			}
		})
	}
}

// TestStackLayoutAgreesWithTheLibrary checks that <osplay.h> describes the
// thread stacks as the kernel lays them out: the C library finds a
// thread's errno from them.
func TestStackLayoutAgreesWithTheLibrary(t *testing.T) {
	h, err := fs.ReadFile(libc.Headers(), "osplay.h")
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]uint64{
		"__OSPLAY_STACK_TOP":  abi.StackTop,
		"__OSPLAY_STACK_SIZE": threadStackSize,
		"__OSPLAY_GUARD":      guardSize,
		"__OSPLAY_ERRNO_SLOT": errnoSlot,
	} {
		var got uint64
		for _, line := range strings.Split(string(h), "\n") {
			f := strings.Fields(line)
			if len(f) >= 3 && f[0] == "#define" && f[1] == name {
				v := strings.Trim(strings.Join(f[2:], " "), "()")
				v = strings.TrimSuffix(strings.ReplaceAll(v, "UL", ""), " ")
				if a, b, shift := strings.Cut(v, " << "); shift {
					x, _ := strconv.ParseUint(a, 0, 64)
					y, _ := strconv.ParseUint(b, 0, 64)
					got = x << y
				} else {
					got, _ = strconv.ParseUint(v, 0, 64)
				}
			}
		}
		if got != want {
			t.Errorf("<osplay.h> %s = %#x, the kernel's is %#x", name, got, want)
		}
	}
}
