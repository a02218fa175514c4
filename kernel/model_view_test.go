package kernel

import (
	"strconv"
	"strings"
	"testing"
)

// transfers lists the transfer events of m on objects of kind.
func transfers(m *Machine, kind IPCKind) []Event {
	var out []Event
	for _, e := range m.Events() {
		if e.Kind == KindTransfer && e.IPC != nil && e.IPC.Obj.Kind == kind {
			out = append(out, e)
		}
	}
	return out
}

// Mach's msg_rpc: each request is copied into the server's port and out
// of it, each answer into the client's reply port and out: every receive
// names the send it took (same port, same number, its sender), the send
// as copy 1 and the receive as copy 2 — six arrows for three calls.
func TestMachMessagesAreMatchedTransfers(t *testing.T) {
	src := `#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <osplay/mach.h>
int main(void)
{
	port_t server, reply;
	struct message m = {0};
	port_allocate(&server);
	if (fork() == 0) {
		port_allocate(&reply);
		for (int x = 2; x <= 4; x++) {
			m.type = 1; m.dest = server; m.source = reply; m.length = sizeof x;
			memcpy(m.body, &x, sizeof x);
			msg_rpc(&m, MSG_OPTION_NONE, 0);
		}
		return 0;
	}
	for (int i = 0; i < 3; i++) {
		msg_receive(&m, server, MSG_OPTION_NONE, 0);
		m.dest = m.source; m.source = server;
		msg_send(&m, MSG_OPTION_NONE, 0);
	}
	wait(NULL);
	return 0;
}`
	_, m := runModel(t, Config{}, src)
	ports := transfers(m, IPCPort)
	sent := map[[2]int64]Event{}
	receives := 0
	for _, e := range ports {
		key := [2]int64{e.IPC.Obj.ID, e.IPC.Seq}
		switch e.IPC.Op {
		case OpSend:
			if e.IPC.Copy != 1 || e.IPC.Bytes != 4 {
				t.Errorf("send %+v", e.IPC)
			}
			sent[key] = e
		case OpReceive:
			receives++
			s, ok := sent[key]
			if !ok || e.IPC.Copy != 2 || len(e.IPC.Matched) != 1 || e.IPC.Matched[0].PID != s.PID || e.IPC.Matched[0].TID != s.TID ||
				e.IPC.Matched[0].Seq != e.IPC.Seq || e.PID == s.PID {
				t.Errorf("receive %+v of %+v", e.IPC, s.IPC)
			}
			if !strings.Contains(e.String(), "copy 2 of 2") {
				t.Errorf("receive in words: %s", e)
			}
		}
	}
	if len(sent) != 6 || receives != 6 {
		t.Errorf("%d sends, %d receives on ports", len(sent), receives)
	}
}

// A lossy link's lost messages are sends with no receive, marked lost; its
// scrambled ones are marked on their send and on their receive; the rest
// are matched.
func TestLostAndScrambledTransfers(t *testing.T) {
	src := `#include <stdio.h>
#include <osplay/mailbox.h>
int main(void)
{
	struct message m = {0};
	int mb = mailbox_create(MAILBOX_UNBOUNDED, MAILBOX_BY_PROCESS);
	mailbox_faults(mb, 20, 20);
	for (int i = 0; i < 40; i++) {
		m.type = i;
		m.length = 8;
		mailbox_send(mb, &m, MAILBOX_WAIT);
	}
	while (mailbox_receive(mb, &m, MAILBOX_NOWAIT) == 1)
		;
	return 0;
}`
	_, m := runModel(t, Config{Seed: 1}, src)
	fault := map[int64]string{}
	sends, received := 0, 0
	lost, scrambled := 0, 0
	for _, e := range transfers(m, IPCMailbox) {
		switch e.IPC.Op {
		case OpSend:
			sends++
			fault[e.IPC.Seq] = e.IPC.Fault
			switch e.IPC.Fault {
			case FaultLost:
				lost++
			case FaultScrambled:
				scrambled++
			}
		case OpReceive:
			received++
			f, ok := fault[e.IPC.Seq]
			if !ok || f == FaultLost || e.IPC.Fault != f {
				t.Errorf("receive #%d (%q) of a send marked %q", e.IPC.Seq, e.IPC.Fault, f)
			}
		}
	}
	if sends != 40 || lost == 0 || scrambled == 0 || received != 40-lost {
		t.Errorf("%d sends, %d lost, %d scrambled, %d received", sends, lost, scrambled, received)
	}
}

// The IPC view's objects: a monitor is its thread inside and every queue,
// empty or not (entry, urgent under Hoare, a queue per condition named);
// a mailbox its messages with the slide's header, its capacity, owner,
// placement and mode switches; a port its double copy.
func TestModelObjectsInTheIPCView(t *testing.T) {
	src := `#include <pthread.h>
#include <unistd.h>
#include <osplay/mailbox.h>
#include <osplay/monitor.h>
monitor_t mon;
condition_t c;
void *inside(void *arg)
{
	monitor_enter(mon);
	condition_wait(c);
	monitor_leave(mon);
	return NULL;
}
void *knock(void *arg)
{
	monitor_enter(mon);
	monitor_leave(mon);
	return NULL;
}
int main(void)
{
	struct message m = {0};
	int mb = mailbox_create(4, MAILBOX_BY_OS | MAILBOX_IN_PROCESS);
	m.type = 9; m.control = 7; m.length = 3;
	m.body[0] = 'h'; m.body[1] = 'i';
	mailbox_send(mb, &m, MAILBOX_WAIT);
	mon = monitor_create("m");
	c = condition_create(mon, "notEmpty");
	pthread_t t, u;
	pthread_create(&t, NULL, inside, NULL);
	usleep(100);
	monitor_enter(mon);
	pthread_create(&u, NULL, knock, NULL);
	usleep(100);
	usleep(100);
	return 0;
}`
	m := startMain(t, Config{}, src)
	if !m.RunUntil(func(e Event) bool {
		if e.Kind != KindSyscall || e.Name != "usleep" || e.TID != 2 {
			return false
		}
		for _, o := range m.IPCObjects() {
			if o.Ref.Kind == IPCMonitor && len(o.Queues) == 3 && len(o.Queues[0].Waiters) == 1 {
				return true
			}
		}
		return false
	}) {
		t.Fatal("the knocking thread never waited to enter")
	}
	var mb, mon *IPCObject
	objs := m.IPCObjects()
	for i := range objs {
		switch objs[i].Ref.Kind {
		case IPCMailbox:
			mb = &objs[i]
		case IPCMonitor:
			mon = &objs[i]
		}
	}
	if mb == nil || mon == nil {
		t.Fatalf("objects %+v", objs)
	}
	fields := func(o *IPCObject) string {
		var b strings.Builder
		for _, f := range o.Fields {
			b.WriteString(f.Key + "=" + f.Str)
			if f.Str == "" {
				b.WriteString(strconv.FormatInt(f.Value, 10))
			}
			b.WriteString(" ")
		}
		return b.String()
	}
	if got := fields(mb); !strings.HasPrefix(got, "capacity=4 messages=1 owned_by=os placed=in_process switches=2 received=0") {
		t.Errorf("mailbox fields %s", got)
	}
	if len(mb.Items) != 1 || mb.Items[0].Header == nil || *mb.Items[0].Header != (MessageHeader{Type: 9, Dest: int32(mb.Ref.ID), Source: 2, Length: 3, Control: 7}) ||
		string(mb.Items[0].Data) != "hi\x00" || mb.Items[0].Seq != 1 || len(mb.Users) != 1 || mb.Users[0].PID != 2 || mb.Users[0].Role != "receive" {
		t.Errorf("mailbox %+v", mb)
	}
	if got := fields(mon); got != "semantics=hoare inside=2 " {
		t.Errorf("monitor fields %s", got)
	}
	q := mon.Queues
	if len(q) != 3 || q[0].Key != "entry" || len(q[0].Waiters) != 1 || q[1].Key != "urgent" || len(q[1].Waiters) != 0 || q[1].Waiters == nil ||
		q[2].Key != "condition" || q[2].Name != "notEmpty" || len(q[2].Waiters) != 1 || q[2].Waiters[0] == q[0].Waiters[0] {
		t.Errorf("monitor queues %+v", q)
	}
	if s := mon.Text.In("en"); s != "monitor m" {
		t.Errorf("monitor named %q", s)
	}
}
