package kernel

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"osplay/kernel/msg"
)

// The event stream of single-threaded programs is a contract: the views,
// the golden traces and every saved session replay it. TestEventStreams
// pins the whole stream (Event.String of every event) of representative
// programs and workloads to a hash, so that a change of the kernel's
// insides that is meant to change nothing visible is checked to change
// nothing, event for event. A hash that must change is recomputed by
// running the test and reading the new value from the failure, and the
// commit that changes it says why.
//
// Recomputed when libc gained pthread.c: every program's heap starts
// higher (each translation unit of libc begins on a page of its own), so
// the C programs' streams differ from those of the same programs without
// it only in the heap addresses they show (sbrk's results, stdio
// buffers), each by the same number of pages, and in nothing else. (With
// the compiler of the time, two pages: 8192.) The workloads' streams have
// not changed since the first hashes.
//
// Recomputed when libc gained the sockets (socket.c, inet.c, netdb.c):
// the heap starts six pages higher (sbrk's results grew by 24576) and a
// signal handler's address follows the library's longer code (again when
// inet_pton and inet_ntop learnt IPv6); nothing else in any stream
// changed.
//
// Recomputed when the linker packed the objects' sections (the read-only
// data of all together, then their data and bss), as a linker does: the
// library's image takes 4 pages instead of 95, so the heap starts 89
// pages lower (sbrk's results fell from 6684672 to 6320128, and the
// stdio buffers in the heap moved with them); nothing else in any stream
// changed, not a tick.
//
// Recomputed when const variables that hold addresses went to read-only
// data, as gcc's relocated read-only data (.data.rel.ro) is: the
// library's tables of names and of functions left its data, so the heap
// starts a page lower (sbrk's results fell from 6320128 to 6316032, and
// the stdio buffers in the heap moved with them); every other number and
// word of every stream is the same (the streams compared line by line).

// streamCase is one run whose events are hashed.
type streamCase struct {
	name string
	want string // the first 16 hex digits of the SHA-256 of the trace
	run  func(t *testing.T) []Event
}

// programStream runs testdata/proc/NAME.c under cfg, with input typed
// by the user at the given ticks (a "" line closes the input) and signals
// sent from outside.
func programStream(cfg Config, name string, inputs []timedInput, args ...string) func(t *testing.T) []Event {
	return func(t *testing.T) []Event {
		t.Helper()
		m, _ := startTestdata(t, cfg, name, args...)
		return driveStream(m, inputs)
	}
}

// filesStream runs main.c of files under cfg, with inputs as programStream.
func filesStream(cfg Config, files map[string]string, inputs []timedInput) func(t *testing.T) []Event {
	return func(t *testing.T) []Event {
		t.Helper()
		mfs := fstest.MapFS{}
		for name, text := range files {
			mfs[name] = &fstest.MapFile{Data: []byte(text)}
		}
		cfg.Files, cfg.Record = mfs, true
		m := New(cfg)
		if err := m.Start([]string{"main.c"}); err != nil {
			t.Fatal(err)
		}
		return driveStream(m, inputs)
	}
}

// timedInput is something the user does at a tick: type a line (close
// the input when line is ""), or send signal sig to pid.
type timedInput struct {
	at       int64
	line     string
	pid, sig int
}

func driveStream(m *Machine, inputs []timedInput) []Event {
	for _, in := range inputs {
		m.RunTo(in.at)
		switch {
		case in.sig != 0:
			m.Signal(in.pid, in.sig)
		case in.line == "":
			m.CloseInput()
		default:
			m.Input([]byte(in.line))
		}
	}
	m.Run()
	return m.Events()
}

// workloadStream runs a workload file of testdata/workload under cfg.
func workloadStream(cfg Config, file string) func(t *testing.T) []Event {
	return func(t *testing.T) []Event {
		t.Helper()
		text, err := os.ReadFile("testdata/workload/" + file)
		if err != nil {
			t.Fatal(err)
		}
		return workloadTextStream(cfg, string(text))(t)
	}
}

func workloadTextStream(cfg Config, text string) func(t *testing.T) []Event {
	return func(t *testing.T) []Event {
		t.Helper()
		w, err := ParseWorkload(text)
		if err != nil {
			t.Fatal(err)
		}
		cfg.Record = true
		m := New(cfg)
		if err := m.StartWorkload(w); err != nil {
			t.Fatal(err)
		}
		m.Run()
		return m.Events()
	}
}

// readers forks two children; all three read the terminal, so several
// processes wait for input at once and wake together.
const readers = `#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>
int main(void) {
	char buf[64];
	int i;
	for (i = 0; i < 2; i++)
		if (fork() == 0)
			break;
	ssize_t n = read(0, buf, sizeof buf);
	printf("pid-order %d read %zd\n", i, n);
	if (i == 2) { wait(NULL); wait(NULL); }
	return 0;
}
`

// sleepers forks three children that sleep the same time and a parent
// that waits for each: timers expire together, children exit in turn.
const sleepers = `#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>
int main(void) {
	int i, status;
	for (i = 0; i < 3; i++)
		if (fork() == 0) {
			usleep(500);
			return i;
		}
	while (wait(&status) > 0)
		printf("child exit %d\n", WEXITSTATUS(status));
	return 0;
}
`

// ipcQueues passes messages between a parent and its child through a
// System V queue small enough to fill (the sender waits) and a POSIX
// queue (the receiver waits), and through a shared segment.
const ipcQueues = `#include <stdio.h>
#include <mqueue.h>
#include <sys/msg.h>
#include <sys/shm.h>
#include <sys/wait.h>
#include <unistd.h>
int main(void)
{
	struct { long t; char c[6000]; } m = {1, "ping"};
	int q = msgget(IPC_PRIVATE, 0600);
	int s = shmget(IPC_PRIVATE, 64, 0600);
	int *shared = shmat(s, NULL, 0);
	mqd_t mq = mq_open("/stream", O_CREAT | O_RDWR, 0600, NULL);
	if (fork() == 0) {
		for (int i = 0; i < 3; i++)
			msgsnd(q, &m, sizeof m.c, 0);
		shared[0] = 42;
		mq_send(mq, "done", 5, 1);
		return 0;
	}
	sleep(1);
	for (int i = 0; i < 3; i++)
		printf("got %zd\n", msgrcv(q, &m, sizeof m.c, 0, 0));
	char buf[8192];
	mq_receive(mq, buf, sizeof buf, NULL);
	printf("%s %d\n", buf, shared[0]);
	wait(NULL);
	msgctl(q, IPC_RMID, NULL);
	shmctl(s, IPC_RMID, NULL);
	mq_unlink("/stream");
	return 0;
}
`

// The streams were re-pinned when libc gained sockets, system, popen, the System
// V semaphores, sigqueue and sigwaitinfo: stdio's first sbrk answers where
// the heap begins, after libc's data, which grew, and a handler's address
// follows the library's code.
var streamCases = []streamCase{
	{"onetwo", "b2cb664fb43fe9af", programStream(Config{}, "onetwo", nil)},
	{"forkwait child first", "aeca67c9877883bf", programStream(Config{ChildFirst: true}, "forkwait", nil)},
	{"race 2 CPUs switch cost", "a146334456b0d1d8", programStream(Config{Sched: "rr:q=3", CPUs: 2, ContextSwitch: 2}, "race", nil)},
	{"killchild", "977b08d89fb193f2", programStream(Config{Sched: "rr:q=50"}, "killchild", nil)},
	{"wnohang zombie orphan", "1a42450d10987ba6", programStream(Config{}, "wnohang", nil)},
	{"zombie", "f681b295de146c7a", programStream(Config{}, "zombie", nil)},
	{"orphan", "c18bf02e218dfa24", programStream(Config{}, "orphan", nil)},
	{"echo exec", "6b4ec2b49637d320", programStream(Config{Sched: "mlfq"}, "echo", nil)},
	// forkbomb: re-pinned when calls began to evaluate their arguments as
	// gcc does, the last first (its printf reads errno, a call, after n).
	{"forkbomb", "943124866d66579b", programStream(Config{MaxProcs: 8}, "forkbomb", nil)},
	{"segv", "2b9f5ae3b4221839", programStream(Config{}, "segv", nil)},
	// pingpong: its handler's address follows the library's code, which grew
	// with pipes, poll, shared memory and message queues after it was pinned.
	{"pingpong signals", "cbaf33b05ff7fead", programStream(Config{}, "pingpong", nil)},
	{"pingpong signals 2 CPUs", "79830bb277860a34", programStream(Config{CPUs: 2, Sched: "rr:q=3"}, "pingpong", nil)},
	{"upper typed", "03416d59cc8a38ac", programStream(Config{}, "upper", []timedInput{
		{at: 1000, line: "one\n"}, {at: 5000, line: "tw"}, {at: 6000, line: "o\n"}, {at: 9000}})},
	{"sleeper killed", "c864bc07a9351987", programStream(Config{}, "sleeper", []timedInput{{at: 2000, pid: 2, sig: 15}})},
	{"readers", "1eec140850ad15d0", filesStream(Config{}, map[string]string{"main.c": readers}, []timedInput{
		{at: 3000, line: "a\n"}, {at: 4000, line: "bb\n"}, {at: 5000}})},
	// Re-pinned when CFS began to bring the running tasks up to date before
	// it moves min_vruntime (a new or woken task is placed by it).
	{"readers 2 CPUs", "0a59742b97b0db9b", filesStream(Config{CPUs: 2, Sched: "cfs"}, map[string]string{"main.c": readers}, []timedInput{
		{at: 3000, line: "a\nbb\nccc\n"}})},
	{"sleepers", "dc4efa81ae77f5d4", filesStream(Config{Sched: "lottery:seed=3,transfer"}, map[string]string{"main.c": sleepers}, nil)},
	{"sleepers swapped", "6ff78ccbc4e343bd", filesStream(Config{Resident: 2, Sched: "fcfs"}, map[string]string{"main.c": sleepers}, nil)},
	// ipc queues: re-pinned when IPC operations became events of their
	// own (ipc, transfer: create, send, receive, shm_write, destroy…),
	// added between the stream's other events, which did not change; and
	// again when a fork's inherited attachments and an exit's detaches
	// became events too.
	{"ipc queues", "d317aa996e3fca44", filesStream(Config{}, map[string]string{"main.c": ipcQueues}, nil)},
	{"io mlfq", "31f2fc53993d01a4", workloadStream(Config{Sched: "mlfq"}, "io.txt")},
	{"io fcfs wakefirst 2 CPUs", "766df5007ef88860", workloadStream(Config{Sched: "fcfs:wakefirst", CPUs: 2, ContextSwitch: 1}, "io.txt")},
	{"io lottery", "efd2751cbf5e9a51", workloadStream(Config{Sched: "lottery:seed=5"}, "io.txt")},
	{"srtf stcf", "5112a1f54a31d061", workloadStream(Config{Sched: "stcf"}, "srtf.txt")},
	{"swap and job queue", "73cf3563c8f003ca", workloadTextStream(Config{Sched: "rr:q=2", Resident: 2, Multiprogramming: 3},
		"A 0 2 io:10 2\nB 0 3 io:2 1\nC 0 3\nD 1 2 io:1 1\n")},
	{"percpu priority", "4189ad4ca846a237", workloadTextStream(Config{Sched: "priority:preemptive,percpu", CPUs: 2},
		"A 0 4 io:3 2 priority=3\nB 0 6 priority=1\nC 2 3 io:2 3 priority=0 cpus=1\n")},
}

func TestEventStreams(t *testing.T) {
	for _, c := range streamCases {
		t.Run(c.name, func(t *testing.T) {
			events := c.run(t)
			var b strings.Builder
			for _, e := range events {
				b.WriteString(e.String())
				b.WriteByte('\n')
				checkTexts(t, e)
			}
			sum := sha256.Sum256([]byte(b.String()))
			got := hex.EncodeToString(sum[:])[:16]
			if got != c.want {
				t.Errorf("%d events hash to %s, want %s", len(events), got, c.want)
			}
		})
	}
}

// checkTexts checks that every text of e — its cause, its message, the
// waits of a deadlock — is a code of the catalogue with the arguments the
// catalogue declares, so that every language can render it.
func checkTexts(t *testing.T, e Event) {
	t.Helper()
	texts := []msg.Text{e.Cause, e.Msg}
	if e.IPC != nil {
		texts = append(texts, e.IPC.Text())
	}
	for _, w := range e.Waits {
		texts = append(texts, w.Text())
	}
	for _, x := range texts {
		if x.IsZero() {
			continue
		}
		if err := msg.Check(x); err != nil {
			t.Errorf("%s: %v", e, err)
		}
	}
	switch e.Kind {
	case KindState, KindDispatch, KindPreempt, KindExit, KindSched:
		if e.Cause.IsZero() {
			t.Errorf("%s: no cause", e)
		}
	case KindFault, KindLimit, KindHalt, KindAsk, KindDeadlock, KindOOM:
		if e.Msg.IsZero() {
			t.Errorf("%s: no message", e)
		}
	}
}
