package kernel

import (
	"strings"
	"testing"
)

// mutexHandoff: main holds lock while the worker waits for it, then hands
// it over; a second mutex, never contended, is never seen by the kernel.
const mutexHandoff = `#include <pthread.h>
#include <stdio.h>
#include <unistd.h>
pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
pthread_mutex_t quiet = PTHREAD_MUTEX_INITIALIZER;
int shared;
void *worker(void *arg) {
	pthread_mutex_lock(&lock);
	shared++;
	pthread_mutex_unlock(&lock);
	return NULL;
}
int main(void) {
	pthread_t t;
	pthread_mutex_lock(&quiet);
	pthread_mutex_lock(&lock);
	pthread_create(&t, NULL, worker, NULL);
	sleep(1);
	pthread_mutex_unlock(&lock);
	pthread_join(t, NULL);
	pthread_mutex_unlock(&quiet);
	printf("%d\n", shared);
	return 0;
}
`

// TestMutexAsIPCObject: while the worker waits, the mutex is listed by
// its variable with main as its owner and the worker waiting; after the
// handoff, with nobody waiting, it is still listed, free. The mutex
// nobody waited for is not.
func TestMutexAsIPCObject(t *testing.T) {
	m, _ := startFiles(t, Config{}, map[string]string{"main.c": mutexHandoff})
	m.RunTo(500000)
	locks := lockObjects(m.IPCObjects())
	if len(locks) != 1 {
		t.Fatalf("locks %+v", locks)
	}
	o := locks[0]
	if o.Ref.Kind != "mutex" || o.Ref.Name != "lock" || o.Text.String() != "mutex lock" {
		t.Errorf("ref %+v %q", o.Ref, o.Text.String())
	}
	if len(o.Fields) != 1 || o.Fields[0] != (IPCField{Key: "owner", Value: 2}) {
		t.Errorf("fields %+v", o.Fields)
	}
	if len(o.Queues) != 1 || o.Queues[0].Key != "waiters" || len(o.Queues[0].Waiters) != 1 || o.Queues[0].Waiters[0] != 3 {
		t.Errorf("queues %+v", o.Queues)
	}
	m.RunUntil(func(e Event) bool { return e.Kind == KindTransfer && e.IPC.Op == OpLock }) // the handoff
	locks = lockObjects(m.IPCObjects())
	if len(locks) != 1 || locks[0].Fields[0].Value != 0 || len(locks[0].Queues) != 0 {
		t.Errorf("after the handoff: %+v", locks)
	}
}

func lockObjects(objs []IPCObject) []IPCObject {
	var out []IPCObject
	for _, o := range objs {
		if _, lock := futexKindOf(o.Ref.Kind); lock {
			out = append(out, o)
		}
	}
	return out
}

// TestUnlockMatchesLock: main's unlock that wakes the worker is numbered
// in the mutex; the worker, back, takes the mutex naming that unlock.
func TestUnlockMatchesLock(t *testing.T) {
	r := runFiles(t, Config{}, map[string]string{"main.c": mutexHandoff}, "main.c")
	if r.stdout != "1\n" {
		t.Fatalf("output %q", r.stdout)
	}
	var ops []string
	var evs []Event
	for _, e := range ipcEvents(r) {
		if e.IPC.Obj.Kind != "mutex" {
			continue
		}
		ops = append(ops, e.IPC.Op)
		evs = append(evs, e)
		checkTexts(t, e)
	}
	if got := strings.Join(ops, " "); got != "unlock lock" {
		t.Fatalf("operations %q", got)
	}
	if u := evs[0]; u.TID != 2 || u.IPC.Seq != 1 || u.IPC.Obj.Name != "lock" || u.IPC.Bytes != 1 {
		t.Errorf("unlock %s %+v", u, u.IPC)
	}
	if l := evs[1]; l.TID != 3 || len(l.IPC.Matched) != 1 || l.IPC.Matched[0] != (IPCMatch{Seq: 1, PID: 2, TID: 2, Bytes: 1}) || l.IPC.Obj != evs[0].IPC.Obj {
		t.Errorf("lock %s %+v", l, l.IPC)
	}
}

// TestFutexWordsAreCapped: a program that makes threads wait on thousands
// of words has the first futexWordsMax of them tracked, no more.
func TestFutexWordsAreCapped(t *testing.T) {
	m, _ := startFiles(t, Config{}, map[string]string{"main.c": mutexHandoff})
	m.RunTo(500000)
	p := m.proc(2)
	for i := range 3 * futexWordsMax {
		m.futexSeen(p, 0x10000+uint64(4*i), WaitMutex)
	}
	if n := len(lockObjects(m.IPCObjects())); n != futexWordsMax {
		t.Errorf("%d locks listed, want %d", n, futexWordsMax)
	}
	m.futexForget(p)
	if n := len(lockObjects(m.IPCObjects())); n != 0 || m.futexWords.n != 0 {
		t.Errorf("after the process: %d locks listed, %d counted", n, m.futexWords.n)
	}
}
