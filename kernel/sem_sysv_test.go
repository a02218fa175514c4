package kernel

import (
	"strings"
	"testing"
)

// TestSemHostile feeds semop and semctl what a hostile program would:
// an enormous count of operations (refused before anything is read),
// operations and arrays at bad addresses, a set of the largest size over
// and over until the machine's bound, and semget's bound on sets.
func TestSemHostile(t *testing.T) {
	src := `#include <stdio.h>
#include <errno.h>
#include <string.h>
#include <sys/sem.h>
union semun { int val; struct semid_ds *buf; unsigned short *array; };
int main(void)
{
	int id = semget(IPC_PRIVATE, 4, 0600);
	struct sembuf b = {0, 1, 0};
	int r = semop(id, &b, (size_t)1 << 62);
	printf("2^62 operations: %d %s\n", r, strerror(errno));
	r = semop(id, (struct sembuf *)16, 3);
	printf("operations at 16: %d %s\n", r, strerror(errno));
	union semun u;
	u.array = (unsigned short *)16;
	r = semctl(id, 0, SETALL, u);
	printf("SETALL from 16: %d %s\n", r, strerror(errno));
	r = semctl(id, 0, GETALL, u);
	printf("GETALL to 16: %d %s\n", r, strerror(errno));
	u.buf = (struct semid_ds *)16;
	r = semctl(id, 0, IPC_STAT, u);
	printf("IPC_STAT to 16: %d %s\n", r, strerror(errno));
	struct timespec ts = {-1, 0};
	r = semtimedop(id, &b, 1, &ts);
	printf("negative timeout: %d %s\n", r, strerror(errno));
	int n = 0;
	while (semget(IPC_PRIVATE, 32000, 0600) >= 0)
		n++;
	printf("sets of 32000: %d, then %s\n", n, strerror(errno));
	n = 0;
	while (semget(IPC_PRIVATE, 1, 0600) >= 0)
		n++;
	printf("then sets of 1: %d, then %s\n", n, strerror(errno));
	return 0;
}
`
	r := runFiles(t, Config{}, map[string]string{"h.c": src}, "h.c")
	want := "2^62 operations: -1 Argument list too long\n" +
		"operations at 16: -1 Bad address\n" +
		"SETALL from 16: -1 Bad address\n" +
		"GETALL to 16: -1 Bad address\n" +
		"IPC_STAT to 16: -1 Bad address\n" +
		"negative timeout: -1 Invalid argument\n" +
		"sets of 32000: 2, then No space left on device\n" +
		"then sets of 1: 125, then No space left on device\n"
	if r.stdout != want {
		t.Errorf("stdout:\n%s\nwant:\n%s", r.stdout, want)
	}
}

// TestSemWaits checks what a blocked semop waits for, as the views and
// the deadlock detector see it: the semaphore of the set, by number.
func TestSemWaits(t *testing.T) {
	src := `#include <sys/sem.h>
#include <unistd.h>
int main(void)
{
	int id = semget(IPC_PRIVATE, 2, 0600);
	struct sembuf p = {1, -2, 0}, v = {1, 1, 0};
	if (fork() == 0) {
		semop(id, &p, 1);
		return 0;
	}
	sleep(1);
	semop(id, &v, 1);
	semop(id, &v, 1);
	return 0;
}
`
	var seen []string
	check := func(m *Machine, e Event) {
		for _, v := range m.WaitQueues() {
			if v.Object.Kind == WaitSemSet {
				if s := v.Object.String(); len(seen) == 0 || seen[len(seen)-1] != s {
					seen = append(seen, s)
				}
			}
		}
	}
	r, err := watchRun(t, Config{}, map[string]string{"w.c": src}, check, "w.c")
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(seen, "; "); got != "semaphore 1 of set 0 (value 0); semaphore 1 of set 0 (value 1)" {
		t.Errorf("waits seen: %s", got)
	}
	if !strings.Contains(r.trace(), "semop: waiting for semaphore 1 of set 0 (value 0) to be at least 2") {
		t.Errorf("trace lacks the wait:\n%s", r.trace())
	}
}
