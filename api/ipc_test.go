package api

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
)

// pipeHeldProgram leaves the bytes of a write in a pipe for a second.
var pipeHeldProgram = func() string {
	src, err := os.ReadFile("../kernel/testdata/proc/pipeheld.c")
	if err != nil {
		panic(err)
	}
	return string(src)
}()

// TestIPCOnTheWire: a pipe's write and read come as transfer events whose
// "ipc" names the object, the bytes and, for the read, the write it took
// them from, with a text of the catalogue; after a seek back to the write,
// the snapshot's "ipc" has the pipe holding the bytes, by write, with its
// ends by process.
func TestIPCOnTheWire(t *testing.T) {
	s, r := newTestSession()
	s.Handle(command{op: "load", program: &Program{Files: []File{{Name: "pipe.c", Text: pipeHeldProgram}}}})
	s.Handle(cmd(t, `{"op":"speed","ticks":1000000,"interval":33}`))
	runToEnd(t, s, r)
	var write, read *Event
	for _, e := range r.events() {
		if e.Kind != "transfer" {
			continue
		}
		switch e.IPC.Op {
		case "write":
			write = &e
		case "read":
			read = &e
		}
	}
	if write == nil || read == nil {
		t.Fatalf("no write or read among %d events", len(r.events()))
	}
	if write.IPC.Obj != (IPCRef{Kind: "pipe", ID: 1}) || write.IPC.Seq != 1 || write.IPC.Hex != "68656c6c6f2070697065" || write.PID != 3 {
		t.Errorf("write %+v %+v", write, write.IPC)
	}
	if m := read.IPC.Matched; len(m) != 1 || m[0] != (IPCMatch{Seq: 1, PID: 3, Bytes: 10}) || read.MsgText == nil || read.MsgText.Code != "ipc.read" {
		t.Errorf("read %+v %+v", read, read.IPC)
	}
	s.Handle(command{op: "seek", tick: write.Tick + 1})
	rw, ok := r.msgs[len(r.msgs)-1].(Rewound)
	if !ok {
		t.Fatalf("seek answered %T", r.msgs[len(r.msgs)-1])
	}
	if len(rw.State.IPC) != 1 {
		t.Fatalf("objects at the write: %+v", rw.State.IPC)
	}
	b, _ := json.Marshal(rw.State.IPC[0])
	for _, want := range []string{`"kind":"pipe"`, `"text":{"code":"ipcobj.pipe"`, `{"key":"bytes","value":10}`,
		`"items":[{"seq":1,"pid":3,"bytes":10,"hex":"68656c6c6f2070697065"}]`, `{"pid":2,"role":"read","fds":[3]}`, `{"pid":3,"role":"write","fds":[4]}`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("the pipe on the wire lacks %s: %s", want, b)
		}
	}
}

const manySegments = `#include <sys/ipc.h>
#include <sys/shm.h>
#include <string.h>
int main(void) {
	for (int i = 0; i < 100; i++) {
		char *p = shmat(shmget(IPC_PRIVATE, 8192, 0600), NULL, 0);
		memset(p, 'x', 8192);
	}
	return 0;
}
`

// TestIPCSnapshotIsBounded: a program that leaves 100 segments behind
// (System V objects outlive it) is sent 64 of them, the others counted,
// and the bytes of the first 16 only, 1024 of each.
func TestIPCSnapshotIsBounded(t *testing.T) {
	s, r := newTestSession()
	s.Handle(command{op: "load", program: &Program{Files: []File{{Name: "many.c", Text: manySegments}}}})
	s.Handle(cmd(t, `{"op":"speed","ticks":1000000,"interval":33}`))
	runToEnd(t, s, r)
	st := r.last().State
	if st.Status != StatusDone || len(st.IPC) != 64 || st.IPCMore != 36 {
		t.Fatalf("status %s, %d objects sent, %d more", st.Status, len(st.IPC), st.IPCMore)
	}
	withBytes := 0
	for _, o := range st.IPC {
		if o.Memory != nil {
			withBytes++
			if len(o.Memory.Hex) != 2048 || o.Memory.Size != 8192 {
				t.Errorf("segment %d: %d hex digits of %d bytes", o.ID, len(o.Memory.Hex), o.Memory.Size)
			}
		}
	}
	if withBytes != 16 {
		t.Errorf("%d segments with their bytes, want 16", withBytes)
	}
}

const manyMailboxes = `#include <stdio.h>
#include <osplay/mailbox.h>
int main(void) {
	struct message m = {0};
	int made = 0, first = -1;
	for (int i = 0; i < 5000; i++) {
		int mb = mailbox_create(MAILBOX_UNBOUNDED, MAILBOX_BY_OS);
		if (mb < 0)
			continue;
		if (first < 0)
			first = mb;
		made++;
	}
	m.length = MESSAGE_MAX;
	int sent = 0;
	while (mailbox_send(first, &m, MAILBOX_NOWAIT) == 0 && sent < 20000)
		sent++;
	printf("%d mailboxes, %d messages\n", made, sent);
	return 0;
}
`

// TestModelObjectsKeepTheSnapshotBounded: a program that asks for 5000
// mailboxes the OS owns (they outlive it) and fills one without end gets
// the budget's 1024 and 10000 messages; the snapshot carries 64 objects,
// counting the rest, and 32 messages of the full one, counting the rest.
func TestModelObjectsKeepTheSnapshotBounded(t *testing.T) {
	s, r := newTestSession()
	s.Handle(command{op: "load", program: &Program{Files: []File{{Name: "many.c", Text: manyMailboxes}}}})
	s.Handle(cmd(t, `{"op":"speed","ticks":1000000,"interval":33}`))
	runToEnd(t, s, r)
	st := r.last().State
	if st.Status != StatusDone || len(st.IPC) != 64 || st.IPCMore != 1024-64 {
		t.Fatalf("status %s, %d objects sent, %d more", st.Status, len(st.IPC), st.IPCMore)
	}
	full := st.IPC[0]
	if full.Kind != "mailbox" || len(full.Items) != 32 || full.More != 10000-32 || full.Items[0].Header == nil ||
		full.Items[0].Header.Length != 256 || len(full.Items[0].Hex) != 128 {
		t.Fatalf("the full mailbox: %s %d, %d items, %d more", full.Kind, full.ID, len(full.Items), full.More)
	}
	b, _ := json.Marshal(st)
	if len(b) > 1<<20 {
		t.Errorf("the snapshot is %d bytes", len(b))
	}
}
