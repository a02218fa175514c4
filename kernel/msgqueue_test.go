package kernel

import (
	"strings"
	"testing"
)

// TestMsgQueueBounds floods System V message queues: empty messages stop
// at the queue's capacity (one per byte of msg_qbytes, as Linux counts
// them), and queues stop at the machine's bound (ENOSPC).
func TestMsgQueueBounds(t *testing.T) {
	src := `#include <stdio.h>
#include <errno.h>
#include <string.h>
#include <sys/msg.h>
int main(void)
{
	long m = 1;
	int q = msgget(IPC_PRIVATE, 0600), n = 0;
	while (msgsnd(q, &m, 0, IPC_NOWAIT) == 0)
		n++;
	printf("empty messages: %d, then %s\n", n, strerror(errno));
	int queues = 1;
	while (msgget(IPC_PRIVATE, 0600) >= 0)
		queues++;
	printf("queues: %d, then %s\n", queues, strerror(errno));
	return 0;
}
`
	r := runFiles(t, Config{}, map[string]string{"f.c": src}, "f.c")
	want := "empty messages: 16384, then Resource temporarily unavailable\nqueues: 128, then No space left on device\n"
	if r.stdout != want {
		t.Errorf("stdout = %q, want %q (stderr %q)", r.stdout, want, r.stderr)
	}
}

// TestMsgQueueWaits checks what a blocked msgrcv and msgsnd wait for, as
// the views and the deadlock detector see it: the queue, by id.
func TestMsgQueueWaits(t *testing.T) {
	src := `#include <sys/msg.h>
#include <unistd.h>
int main(void)
{
	struct { long t; char c[8000]; } m = {1};
	int q = msgget(IPC_PRIVATE, 0600);
	if (fork() == 0) {
		msgrcv(q, &m, sizeof m.c, 5, 0);
		return 0;
	}
	sleep(1);
	msgsnd(q, &m, 8000, 0);
	msgsnd(q, &m, 8000, 0);
	msgsnd(q, &m, 8000, 0);
	return 0;
}
`
	var recv, send bool
	check := func(m *Machine, e Event) {
		for _, v := range m.WaitQueues() {
			switch v.Object.Kind {
			case WaitMsgReceive:
				recv = recv || strings.HasPrefix(v.Object.String(), "message queue 0 (")
			case WaitMsgSend:
				send = send || v.Object.String() == "message queue 0 (2 messages)"
			}
		}
	}
	r, err := watchRun(t, Config{}, map[string]string{"w.c": src}, check, "w.c")
	if err != nil {
		t.Fatal(err)
	}
	if !recv || !send {
		t.Errorf("receiver seen waiting: %v, sender seen waiting on a full queue: %v", recv, send)
	}
	if !strings.Contains(r.trace(), "msgsnd: waiting for room in message queue 0") {
		t.Errorf("trace lacks the sender's wait:\n%s", r.trace())
	}
}
