package kernel

import (
	"bytes"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"osplay/kernel/vm"
)

// ipcEvents lists a run's IPC events (KindIPC and KindTransfer).
func ipcEvents(r *run) []Event {
	var out []Event
	for _, e := range r.events {
		if e.Kind == KindIPC || e.Kind == KindTransfer {
			if e.IPC == nil {
				panic(e.String())
			}
			out = append(out, e)
		}
	}
	return out
}

const pipeTwoWrites = `#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
int main(void) {
	int fd[2];
	char buf[64];
	pipe(fd);
	if (fork() == 0) {
		close(fd[0]);
		write(fd[1], "hello ", 6);
		write(fd[1], "world", 5);
		return 0;
	}
	close(fd[1]);
	wait(NULL);
	ssize_t n = read(fd[0], buf, 8);
	ssize_t m = read(fd[0], buf + n, sizeof buf - n);
	buf[n + m] = 0;
	printf("%s\n", buf);
	return 0;
}
`

// TestPipeReadsNameTheirWrites: a pipe's writes are numbered, and each
// read names the writes (and how many bytes of each) it took, oldest
// first; the pipe's life is reported from creation to its last close.
func TestPipeReadsNameTheirWrites(t *testing.T) {
	r := runFiles(t, Config{}, map[string]string{"main.c": pipeTwoWrites}, "main.c")
	if r.stdout != "hello world\n" {
		t.Fatalf("output %q", r.stdout)
	}
	var ops []string
	var reads []Event
	for _, e := range ipcEvents(r) {
		ops = append(ops, e.IPC.Op)
		if e.IPC.Obj.Kind != IPCPipe {
			t.Errorf("%s: kind %s", e, e.IPC.Obj.Kind)
		}
		switch e.IPC.Op {
		case OpWrite:
			if e.PID != 3 {
				t.Errorf("%s: the writer is the child", e)
			}
		case OpRead:
			reads = append(reads, e)
		}
	}
	if got := strings.Join(ops, " "); got != "create write write read read destroy" {
		t.Fatalf("operations %q", got)
	}
	first, second := reads[0].IPC, reads[1].IPC
	if string(first.Data) != "hello wo" || len(first.Matched) != 2 ||
		first.Matched[0] != (IPCMatch{Seq: 1, PID: 3, TID: 3, Bytes: 6}) || first.Matched[1] != (IPCMatch{Seq: 2, PID: 3, TID: 3, Bytes: 2}) {
		t.Errorf("first read %+v", first)
	}
	if string(second.Data) != "rld" || len(second.Matched) != 1 || second.Matched[0] != (IPCMatch{Seq: 2, PID: 3, TID: 3, Bytes: 3}) {
		t.Errorf("second read %+v", second)
	}
	if got := reads[0].In("ko"); !strings.Contains(got, "파이프") {
		t.Errorf("Korean text %q", got)
	}
}

// TestMessagesMatchTheirSends: each message received names the send it
// was, with its sender, type and bytes — System V and POSIX alike; the
// shared segment's write is reported, by the child, with its range.
func TestMessagesMatchTheirSends(t *testing.T) {
	r := runFiles(t, Config{}, map[string]string{"main.c": ipcQueues}, "main.c")
	sends := map[string]Event{}
	var receives []Event
	var shmWrites []Event
	for _, e := range ipcEvents(r) {
		key := string(e.IPC.Obj.Kind) + "#" + itoa(e.IPC.Seq)
		switch e.IPC.Op {
		case OpSend:
			sends[key] = e
		case OpReceive:
			receives = append(receives, e)
		case OpShmWrite:
			shmWrites = append(shmWrites, e)
		}
	}
	if len(sends) != 4 || len(receives) != 4 {
		t.Fatalf("%d sends, %d receives", len(sends), len(receives))
	}
	for _, e := range receives {
		s, ok := sends[string(e.IPC.Obj.Kind)+"#"+itoa(e.IPC.Seq)]
		if !ok {
			t.Fatalf("%s: no send", e)
		}
		m := e.IPC.Matched
		if len(m) != 1 || m[0].PID != s.PID || m[0].Seq != s.IPC.Seq || e.IPC.Type != s.IPC.Type || e.IPC.Bytes != s.IPC.Bytes || s.Tick > e.Tick {
			t.Errorf("%s does not match %s", e, s)
		}
	}
	if len(shmWrites) != 1 || shmWrites[0].PID != 3 || shmWrites[0].IPC.Lo != 0 || shmWrites[0].IPC.Hi != 8 ||
		shmWrites[0].IPC.Data[0] != 42 {
		t.Errorf("shared memory writes %v", shmWrites)
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

const ipcHeld = `#include <fcntl.h>
#include <mqueue.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/msg.h>
#include <sys/shm.h>
#include <sys/wait.h>
#include <unistd.h>
int main(void) {
	int fd[2];
	pipe(fd);
	write(fd[1], "hello ", 6);
	struct { long t; char c[8]; } m = {7, "seven"};
	int q = msgget(IPC_PRIVATE, 0600);
	msgsnd(q, &m, 6, 0);
	int s = shmget(IPC_PRIVATE, 100, 0600);
	char *shared = shmat(s, NULL, 0);
	if (fork() == 0) {
		write(fd[1], "world", 5);
		strcpy(shared + 16, "child");
		sleep(2);
		return 0;
	}
	strcpy(shared, "parent");
	sleep(1);
	wait(NULL);
	return 0;
}
`

// TestIPCObjectsNow stops a program while its objects hold something and
// checks what IPCObjects says of each: the pipe's bytes cut by write, with
// its ends by process; the queue's message; the segment's bytes with the
// process that wrote each range and who is attached.
func TestIPCObjectsNow(t *testing.T) {
	mfs := map[string]string{"main.c": ipcHeld}
	m, _ := startFiles(t, Config{}, mfs)
	m.RunTo(500000)
	objs := m.IPCObjects()
	if len(objs) != 3 {
		t.Fatalf("%d objects: %+v", len(objs), objs)
	}
	p, q, s := objs[0], objs[1], objs[2]
	if p.Ref.Kind != IPCPipe || len(p.Items) != 2 || string(p.Items[0].Data) != "hello " || p.Items[0].PID != 2 ||
		string(p.Items[1].Data) != "world" || p.Items[1].PID != 3 || p.Items[1].Seq != 2 {
		t.Errorf("pipe %+v", p)
	}
	if len(p.Users) != 4 || p.Users[0].PID != 2 || p.Users[0].Role != "read" || len(p.Users[0].FDs) != 1 || p.Users[0].FDs[0] != 3 || p.Users[3].PID != 3 || p.Users[3].Role != "write" {
		t.Errorf("pipe's users %+v", p.Users)
	}
	if q.Ref.Kind != IPCMsgQueue || len(q.Items) != 1 || q.Items[0].Type != 7 || string(q.Items[0].Data) != "seven\x00" {
		t.Errorf("queue %+v", q)
	}
	if s.Ref.Kind != IPCShm || s.Memory == nil || string(s.Memory.Data[:6]) != "parent" || string(s.Memory.Data[16:21]) != "child" ||
		len(s.Users) != 2 || len(s.Memory.Writers) != 2 {
		t.Fatalf("segment %+v", s)
	}
	if w := s.Memory.Writers; w[0] != (vm.WriterRange{Lo: 0, Hi: 8, PID: 2}) || w[1] != (vm.WriterRange{Lo: 16, Hi: 24, PID: 3}) {
		t.Errorf("writers %+v", w)
	}
}

// startFiles starts main.c of files under cfg, recording its events.
func startFiles(t *testing.T, cfg Config, files map[string]string) (*Machine, *bytes.Buffer) {
	t.Helper()
	mfs := fstest.MapFS{}
	for name, text := range files {
		mfs[name] = &fstest.MapFile{Data: []byte(text)}
	}
	var out bytes.Buffer
	cfg.Files, cfg.Record, cfg.Stdout = mfs, true, &out
	m := New(cfg)
	if err := m.Start([]string{"main.c"}); err != nil {
		t.Fatal(err)
	}
	return m, &out
}

const semHandoff = `#include <fcntl.h>
#include <semaphore.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>
int main(void) {
	sem_t *s = sem_open("/go", O_CREAT, 0600, 1);
	sem_wait(s);
	if (fork() == 0) {
		sem_wait(s);
		printf("child went\n");
		return 0;
	}
	sleep(1);
	sem_post(s);
	wait(NULL);
	sem_unlink("/go");
	return 0;
}
`

// TestSemaphoreWaitNamesItsPost: a named semaphore's posts are numbered;
// a wait that takes a unit the semaphore was made with names none, the
// one that takes the parent's post names it.
func TestSemaphoreWaitNamesItsPost(t *testing.T) {
	r := runFiles(t, Config{}, map[string]string{"main.c": semHandoff}, "main.c")
	if r.stdout != "child went\n" {
		t.Fatalf("output %q", r.stdout)
	}
	var ops []string
	var waits []Event
	for _, e := range ipcEvents(r) {
		if e.IPC.Obj.Kind != IPCSem || e.IPC.Obj.Name != "/go" {
			t.Errorf("%s: object %+v", e, e.IPC.Obj)
		}
		ops = append(ops, e.IPC.Op)
		if e.IPC.Op == OpSemWait {
			waits = append(waits, e)
		}
	}
	if got := strings.Join(ops, " "); got != "create sem_wait sem_post sem_wait unlink" {
		t.Fatalf("operations %q", got)
	}
	if waits[0].PID != 2 || len(waits[0].IPC.Matched) != 0 {
		t.Errorf("first wait %s %+v", waits[0], waits[0].IPC)
	}
	if m := waits[1].IPC.Matched; waits[1].PID != 3 || len(m) != 1 || m[0].Seq != 1 || m[0].PID != 2 {
		t.Errorf("second wait %s %+v", waits[1], waits[1].IPC)
	}
}

const tcpHello = `#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>
int main(void) {
	struct sockaddr_in a;
	memset(&a, 0, sizeof a);
	a.sin_family = AF_INET;
	a.sin_port = htons(6013);
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	int l = socket(AF_INET, SOCK_STREAM, 0);
	bind(l, (struct sockaddr *)&a, sizeof a);
	listen(l, 5);
	if (fork() == 0) {
		int c = socket(AF_INET, SOCK_STREAM, 0);
		connect(c, (struct sockaddr *)&a, sizeof a);
		write(c, "hello", 5);
		sleep(2);
		return 0;
	}
	sleep(1);
	int s = accept(l, NULL, NULL);
	char buf[16] = {0};
	read(s, buf, sizeof buf - 1);
	printf("got %s\n", buf);
	wait(NULL);
	return 0;
}
`

// TestSocketsAsIPCObjects: while the server sleeps, its listening socket
// holds the connection in its accept queue and the connection's server
// end holds the client's bytes, by the write they came from; the server's
// read then names that write.
func TestSocketsAsIPCObjects(t *testing.T) {
	m, out := startFiles(t, Config{}, map[string]string{"main.c": tcpHello})
	m.RunTo(500000)
	objs := m.IPCObjects()
	field := func(o IPCObject, key string) IPCField {
		for _, f := range o.Fields {
			if f.Key == key {
				return f
			}
		}
		return IPCField{}
	}
	var listening, serverEnd *IPCObject
	for i, o := range objs {
		if o.Ref.Kind != IPCSocket {
			continue
		}
		switch field(o, "state").Str {
		case "listening":
			listening = &objs[i]
		case "connected":
			if len(o.Items) > 0 {
				serverEnd = &objs[i]
			}
		}
	}
	if listening == nil || serverEnd == nil {
		t.Fatalf("objects %+v", objs)
	}
	if field(*listening, "local").Str != "127.0.0.1:6013" || field(*listening, "proto").Str != "tcp" {
		t.Errorf("listening socket %+v", listening.Fields)
	}
	if q := listening.Queues; len(q) != 1 || q[0].Key != "accept" || q[0].Of != IPCSocket || len(q[0].Waiters) != 1 ||
		int64(q[0].Waiters[0]) != serverEnd.Ref.ID {
		t.Errorf("accept queue %+v, the server end is socket %d", q, serverEnd.Ref.ID)
	}
	if it := serverEnd.Items; string(it[0].Data) != "hello" || it[0].PID != 3 || it[0].Seq != 1 || field(*serverEnd, "bytes").Value != 5 {
		t.Errorf("server end %+v", serverEnd)
	}
	m.Run()
	if out.String() != "got hello\n" {
		t.Fatalf("output %q", out.String())
	}
	var read *Event
	for _, e := range m.Events() {
		if e.Kind == KindTransfer && e.IPC.Op == OpRead && e.IPC.Obj.Kind == IPCSocket {
			read = &e
		}
	}
	if read == nil || read.PID != 2 || len(read.IPC.Matched) != 1 || read.IPC.Matched[0].PID != 3 || read.IPC.Matched[0].Seq != 1 ||
		read.IPC.Obj.ID != serverEnd.Ref.ID {
		t.Errorf("the server's read: %v", read)
	}
}

// TestLedgerIsBounded: an object keeps at most ipcLedgerMax writes
// pending; the bytes of later ones join the last kept, and every byte is
// still matched to a write.
func TestLedgerIsBounded(t *testing.T) {
	var l ipcLedger
	for i := 0; i < 1000; i++ {
		l.wrote(2, 2, 1)
	}
	if len(l.pending) != ipcLedgerMax || l.pending[ipcLedgerMax-1].Bytes != 1000-ipcLedgerMax+1 {
		t.Fatalf("%d pending, the last of %d bytes", len(l.pending), l.pending[len(l.pending)-1].Bytes)
	}
	var n int64
	for _, m := range l.took(1000) {
		n += m.Bytes
	}
	if n != 1000 || len(l.pending) != 0 {
		t.Errorf("took %d bytes, %d writes left", n, len(l.pending))
	}
}

const semSetHeld = `#include <sys/ipc.h>
#include <sys/sem.h>
#include <sys/wait.h>
#include <unistd.h>
int main(void) {
	int id = semget(IPC_PRIVATE, 2, 0600);
	struct sembuf up = {1, 3, 0}, down = {0, -1, 0};
	semop(id, &up, 1);
	if (fork() == 0) {
		semop(id, &down, 1);
		return 0;
	}
	sleep(1);
	struct sembuf go = {0, 1, 0};
	semop(id, &go, 1);
	wait(NULL);
	return 0;
}
`

// TestSemSetAsIPCObject: a System V set shows each semaphore's value and
// the thread waiting on the one it cannot decrease.
func TestSemSetAsIPCObject(t *testing.T) {
	m, _ := startFiles(t, Config{}, map[string]string{"main.c": semSetHeld})
	m.RunTo(500000)
	var set *IPCObject
	for _, o := range m.IPCObjects() {
		if o.Ref.Kind == IPCSemSet {
			set = &o
		}
	}
	if set == nil {
		t.Fatalf("no semaphore set in %+v", m.IPCObjects())
	}
	want := []IPCField{{Key: "nsems", Value: 2}, {Key: "sem 0", Value: 0}, {Key: "sem 1", Value: 3}}
	if len(set.Fields) != 3 || set.Fields[0] != want[0] || set.Fields[1] != want[1] || set.Fields[2] != want[2] {
		t.Errorf("fields %+v", set.Fields)
	}
	if q := set.Queues; len(q) != 1 || q[0].Key != "sem 0" || len(q[0].Waiters) != 1 || q[0].Waiters[0] != 3 {
		t.Errorf("queues %+v", q)
	}
}
