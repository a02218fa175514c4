package kernel

import (
	"strconv"
	"strings"
	"testing"
)

// semopHandoff: semaphore 1 starts at 1 (SETVAL); the child waits on
// semaphore 0 until the parent posts 2 units of it in one semop that also
// takes semaphore 1's unit, then takes the 2 units in two waits.
const semopHandoff = `#include <stdio.h>
#include <sys/ipc.h>
#include <sys/sem.h>
#include <sys/wait.h>
#include <unistd.h>
union semun { int val; };
int main(void) {
	int id = semget(IPC_PRIVATE, 2, 0600);
	union semun u;
	u.val = 1;
	semctl(id, 1, SETVAL, u);
	if (fork() == 0) {
		struct sembuf p = {0, -1, 0};
		semop(id, &p, 1);
		semop(id, &p, 1);
		printf("child took 2\n");
		return 0;
	}
	sleep(1);
	struct sembuf ops[2] = {{1, -1, 0}, {0, 2, 0}};
	semop(id, ops, 2);
	wait(NULL);
	semctl(id, 0, IPC_RMID);
	return 0;
}
`

// TestSemopAsTransfers: each operation of a semop that changes a value is
// a transfer, in the call's order; a decrease of units set by SETVAL
// names no post, the child's decreases name the parent's post of 2 units,
// one unit each; the values after each are reported.
func TestSemopAsTransfers(t *testing.T) {
	r := runFiles(t, Config{}, map[string]string{"main.c": semopHandoff}, "main.c")
	if r.stdout != "child took 2\n" {
		t.Fatalf("output %q", r.stdout)
	}
	var ops []string
	var evs []Event
	for _, e := range ipcEvents(r) {
		if e.IPC.Obj.Kind != IPCSemSet {
			continue
		}
		ops = append(ops, e.IPC.Op+":"+strconv.Itoa(e.IPC.Num))
		evs = append(evs, e)
		checkTexts(t, e)
	}
	if got := strings.Join(ops, " "); got != "sem_wait:1 sem_post:0 sem_wait:0 sem_wait:0" {
		t.Fatalf("operations %q", got)
	}
	if o := evs[0].IPC; evs[0].PID != 2 || len(o.Matched) != 0 || o.Bytes != 1 || o.Type != 0 {
		t.Errorf("parent's wait %s %+v", evs[0], o)
	}
	if o := evs[1].IPC; evs[1].PID != 2 || o.Seq != 1 || o.Bytes != 2 || o.Type != 2 {
		t.Errorf("parent's post %s %+v", evs[1], o)
	}
	for i, e := range evs[2:] {
		o := e.IPC
		if e.PID != 3 || len(o.Matched) != 1 || o.Matched[0] != (IPCMatch{Seq: 1, PID: 2, TID: 2, Bytes: 1}) || o.Type != int64(1-i) {
			t.Errorf("child's wait %d %s %+v", i, e, o)
		}
	}
}
