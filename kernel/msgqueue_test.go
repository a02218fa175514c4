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
			case WaitMsgRecv:
				recv = recv || strings.HasPrefix(v.Object.String(), "message queue 0 (")
			case WaitMsgSend:
				send = send || v.Object.String() == "message queue 0 (2 queued)"
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

// TestMqueueBounds checks POSIX message queues' limits: attributes past
// an unprivileged user's (EINVAL), and queues past queues_max (ENOSPC);
// and that a blocked mq_receive waits for the queue by name.
func TestMqueueBounds(t *testing.T) {
	src := `#include <stdio.h>
#include <errno.h>
#include <string.h>
#include <mqueue.h>
int main(void)
{
	struct mq_attr a = {0, 11, 100};
	mq_open("/big", O_CREAT | O_RDWR, 0600, &a);
	printf("maxmsg 11: %s\n", strerror(errno));
	a.mq_maxmsg = 10;
	a.mq_msgsize = 8193;
	mq_open("/big", O_CREAT | O_RDWR, 0600, &a);
	printf("msgsize 8193: %s\n", strerror(errno));
	int n = 0;
	char name[32];
	for (;;) {
		sprintf(name, "/q%d", n);
		if (mq_open(name, O_CREAT | O_RDWR, 0600, NULL) < 0)
			break;
		n++;
	}
	printf("queues: %d, then %s\n", n, strerror(errno));
	char buf[8192];
	mq_receive(mq_open("/q7", O_RDONLY), buf, sizeof buf, NULL);
	return 0;
}
`
	var seen bool
	check := func(m *Machine, e Event) {
		for _, v := range m.WaitQueues() {
			seen = seen || v.Object.Kind == WaitMsgRecv && v.Object.String() == "message queue /q7 (0 queued)"
		}
	}
	r, err := watchRun(t, Config{}, map[string]string{"b.c": src}, check, "b.c")
	if err != nil {
		t.Fatal(err)
	}
	want := "maxmsg 11: Invalid argument\nmsgsize 8193: Invalid argument\nqueues: 256, then No space left on device\n"
	if r.stdout != want {
		t.Errorf("stdout = %q, want %q", r.stdout, want)
	}
	if !seen {
		t.Errorf("no thread seen waiting for message queue /q7")
	}
}
