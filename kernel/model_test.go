package kernel

import (
	"errors"
	"os"
	"strconv"
	"strings"
	"testing"

	"osplay/kernel/msg"
)

// The lecture's models checked against the slides' definitions.

// runModel runs src to its end and returns its output and the machine.
func runModel(t *testing.T, cfg Config, src string) (string, *Machine) {
	t.Helper()
	var out strings.Builder
	cfg.Stdout = &out
	m := startMain(t, cfg, src)
	if res := m.Run(); res.Err != nil || res.ExitCode() != 0 {
		t.Fatalf("result %+v, output\n%s", res, out.String())
	}
	return out.String(), m
}

// call finds the n-th system call named name (from 0) and its return:
// their ticks and the value returned.
func call(t *testing.T, m *Machine, name string, n int) (enter, ret int64, val int64) {
	t.Helper()
	entered := map[int]int64{}
	seen := 0
	for _, e := range m.Events() {
		switch {
		case e.Kind == KindSyscall && e.Name == name:
			entered[e.TID] = e.Tick
		case e.Kind == KindSysret && e.Name == name:
			if seen == n {
				return entered[e.TID], e.Tick, e.Result
			}
			seen++
		}
	}
	t.Fatalf("no call %d of %s", n, name)
	return 0, 0, 0
}

// modelTexts lists the codes of the KindModel events, in order.
func modelCodes(m *Machine) []msg.Code {
	var out []msg.Code
	for _, e := range m.Events() {
		if e.Kind == KindModel {
			out = append(out, e.Msg.Code)
		}
	}
	return out
}

// A send into a mailbox of zero capacity waits for the matching receive
// (slide 3.45, rendezvous): the sender returns only after the receiver,
// which comes 2 ms later, has taken the message.
func TestRendezvousSendWaitsForTheReceive(t *testing.T) {
	src := `#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>
#include <osplay/mailbox.h>
int main(void)
{
	struct message m = {0};
	int mb = mailbox_create(0, MAILBOX_BY_PROCESS);
	if (fork() == 0) {
		m.length = 3;
		m.body[0] = 'h'; m.body[1] = 'i';
		printf("send %d\n", mailbox_send(mb, &m, MAILBOX_WAIT));
		return 0;
	}
	usleep(2000);
	int r = mailbox_receive(mb, &m, MAILBOX_WAIT);
	printf("received %d: %s\n", r, m.body);
	wait(NULL);
	return 0;
}`
	out, m := runModel(t, Config{}, src)
	if out != "send 0\nreceived 1: hi\n" {
		t.Errorf("output %q", out)
	}
	sendIn, sendOut, _ := call(t, m, "mailbox_send", 0)
	recvIn, recvOut, _ := call(t, m, "mailbox_receive", 0)
	if sendIn > recvIn || sendOut < recvOut || recvIn < 2000 {
		t.Errorf("send from %d to %d, receive from %d to %d: the send did not wait for the receive", sendIn, sendOut, recvIn, recvOut)
	}
	waited := false
	for _, e := range m.Events() {
		if e.Kind == KindState && e.To == StateWaiting && e.Cause.Code == msg.WaitTaken {
			waited = true
		}
	}
	if !waited {
		t.Error("the sender never waited for the receiver to take its message")
	}
}

// A nonblocking receive on an empty mailbox returns at once, 0, without
// waiting; a bounded mailbox refuses a nonblocking send when full.
func TestNonblockingCallsReturnAtOnce(t *testing.T) {
	src := `#include <stdio.h>
#include <errno.h>
#include <osplay/mailbox.h>
int main(void)
{
	struct message m = {0};
	int mb = mailbox_create(1, MAILBOX_BY_PROCESS);
	printf("receive %d\n", mailbox_receive(mb, &m, MAILBOX_NOWAIT));
	printf("send %d\n", mailbox_send(mb, &m, MAILBOX_NOWAIT));
	int r = mailbox_send(mb, &m, MAILBOX_NOWAIT);
	printf("send %d %d count %d\n", r, errno == EAGAIN, mailbox_count(mb));
	return 0;
}`
	out, m := runModel(t, Config{}, src)
	if out != "receive 0\nsend 0\nsend -1 1 count 1\n" {
		t.Errorf("output %q", out)
	}
	in, ret, _ := call(t, m, "mailbox_receive", 0)
	if in != ret {
		t.Errorf("the nonblocking receive took from %d to %d", in, ret)
	}
	for _, e := range m.Events() {
		if e.Kind == KindState && e.To == StateWaiting && e.PID == 2 {
			t.Errorf("the program waited: %v", e)
		}
	}
	codes := modelCodes(m)
	if !containsCode(codes, msg.ModelEmpty) || !containsCode(codes, msg.ModelFull) {
		t.Errorf("model events %v, want an empty receive and a full send", codes)
	}
}

func containsCode(codes []msg.Code, c msg.Code) bool {
	for _, x := range codes {
		if x == c {
			return true
		}
	}
	return false
}

// Mach's msg_send with SEND_TIMEOUT on a full port gives up after the
// timeout, in simulated time (slide 3.56), and so does msg_receive with
// RCV_TIMEOUT on an empty port.
func TestMachTimeoutIsSimulatedTime(t *testing.T) {
	src := `#include <stdio.h>
#include <osplay/mach.h>
int main(void)
{
	port_t p;
	struct message m = {0};
	port_allocate(&p);
	port_set_backlog(p, 1);
	m.dest = p;
	printf("%d\n", msg_send(&m, MSG_OPTION_NONE, 0));
	printf("%d\n", msg_send(&m, SEND_TIMEOUT, 5));
	printf("%d\n", msg_send(&m, SEND_NOWAIT, 0));
	printf("%d\n", msg_receive(&m, p, RCV_TIMEOUT, 0));
	printf("%d\n", msg_receive(&m, p, RCV_TIMEOUT, 7));
	return 0;
}`
	cfg := Config{TicksPerSecond: 1000000}
	out, m := runModel(t, cfg, src)
	if out != "0\n-103\n-103\n0\n-203\n" {
		t.Errorf("output %q", out)
	}
	in, ret, _ := call(t, m, "msg_send", 1)
	if ret-in < 5000 || ret-in > 5010 {
		t.Errorf("msg_send with a timeout of 5 ms took %d ticks, want 5000", ret-in)
	}
	in, ret, _ = call(t, m, "msg_send", 2)
	if ret != in {
		t.Errorf("msg_send with SEND_NOWAIT took %d ticks", ret-in)
	}
	in, ret, _ = call(t, m, "msg_receive", 1)
	if ret-in < 7000 || ret-in > 7010 {
		t.Errorf("msg_receive with a timeout of 7 ms took %d ticks, want 7000", ret-in)
	}
}

// SEND_NOTIFY on a full port: the OS keeps one message per sender and
// refuses a second; the kept one enters when a receive makes room.
func TestMachKeepsOneMessagePerSender(t *testing.T) {
	src := `#include <stdio.h>
#include <osplay/mach.h>
int main(void)
{
	port_t p;
	struct message m = {0};
	port_allocate(&p);
	port_set_backlog(p, 1);
	m.dest = p;
	m.type = 1;
	printf("%d\n", msg_send(&m, SEND_NOTIFY, 0));
	m.type = 2;
	printf("%d\n", msg_send(&m, SEND_NOTIFY, 0));
	m.type = 3;
	printf("%d\n", msg_send(&m, SEND_NOTIFY, 0));
	printf("status %d\n", port_status(p));
	msg_receive(&m, p, MSG_OPTION_NONE, 0);
	printf("got %d, status %d\n", m.type, port_status(p));
	msg_receive(&m, p, MSG_OPTION_NONE, 0);
	printf("got %d, status %d\n", m.type, port_status(p));
	return 0;
}`
	out, m := runModel(t, Config{}, src)
	want := "0\n-105\n-106\nstatus 1\ngot 1, status 1\ngot 2, status 0\n"
	if out != want {
		t.Errorf("output %q, want %q", out, want)
	}
	codes := modelCodes(m)
	for _, c := range []msg.Code{msg.ModelCached, msg.ModelCacheRefused, msg.ModelCacheDelivered, msg.ModelCopyIn, msg.ModelCopyOut} {
		if !containsCode(codes, c) {
			t.Errorf("no %s among %v", c, codes)
		}
	}
}

// A mailbox its process owns goes when the process exits (slide 3.44);
// a sender waiting for room in it wakes to EIDRM (slide 3.47). One the
// OS owns stays, and anyone may then receive from it.
func TestProcessMailboxGoesWithItsOwner(t *testing.T) {
	src := `#include <stdio.h>
#include <errno.h>
#include <unistd.h>
#include <sys/wait.h>
#include <osplay/mailbox.h>
int main(void)
{
	struct message m = {0};
	int mine = mailbox_create(1, MAILBOX_BY_PROCESS);
	int os = mailbox_create(1, MAILBOX_BY_OS);
	pid_t child = fork();
	if (child == 0) {
		mailbox_send(mine, &m, MAILBOX_WAIT);
		int r = mailbox_send(mine, &m, MAILBOX_WAIT);
		printf("child: send %d %s\n", r, errno == EIDRM ? "EIDRM" : "?");
		r = mailbox_count(mine);
		printf("child: count %d %s\n", r, errno == EIDRM ? "EIDRM" : "?");
		m.type = 7;
		mailbox_send(os, &m, MAILBOX_WAIT);
		m.type = 0;
		r = mailbox_receive(os, &m, MAILBOX_WAIT);
		printf("child: receive %d type %d\n", r, m.type);
		return 0;
	}
	usleep(1000);
	return 0;
}`
	out, m := runModel(t, Config{}, src)
	want := "child: send -1 EIDRM\nchild: count -1 EIDRM\nchild: receive 1 type 7\n"
	if out != want {
		t.Errorf("output %q, want %q", out, want)
	}
	if !containsCode(modelCodes(m), msg.ModelOwnerGone) {
		t.Error("no event says the mailbox went with its owner")
	}
	for _, o := range m.ModelObjects() {
		if o.Kind == "mailbox" && !o.ByOS {
			t.Errorf("the process's mailbox is still there: %+v", o)
		}
	}
}

// Receiving from a process that has exited, or sending to it, fails with
// ESRCH (slide 3.47), also for a receiver already waiting.
func TestPeerExited(t *testing.T) {
	src := `#include <stdio.h>
#include <errno.h>
#include <unistd.h>
#include <sys/wait.h>
#include <osplay/message.h>
int main(void)
{
	struct message m = {0};
	pid_t child = fork();
	if (child == 0) {
		usleep(1000);
		return 0;
	}
	int r = receive(child, &m);
	printf("receive %d %d\n", r, errno == ESRCH);
	wait(NULL);
	r = send(child, &m);
	printf("send %d %d\n", r, errno == ESRCH);
	return 0;
}`
	out, _ := runModel(t, Config{}, src)
	if out != "receive -1 1\nsend -1 1\n" {
		t.Errorf("output %q", out)
	}
}

// signalOrder is a waiter and a signaller in a monitor: it prints in which
// order they go on after the signal.
const signalOrder = `#include <stdio.h>
#include <pthread.h>
#include <osplay/monitor.h>
monitor_t mon;
condition_t ready;
int done;
void *waiter(void *arg)
{
	monitor_enter(mon);
	while (!done)
		condition_wait(ready);
	printf("waiter goes on\n");
	monitor_leave(mon);
	return NULL;
}
int main(void)
{
	pthread_t w;
	mon = monitor_create("m");
	ready = condition_create(mon, "ready");
	pthread_create(&w, NULL, waiter, NULL);
	while (1) {
		monitor_enter(mon);
		if (condition_queue(ready) > 0)
			break;
		monitor_leave(mon);
	}
	done = 1;
	condition_signal(ready);
	printf("signaller goes on\n");
	monitor_leave(mon);
	pthread_join(w, NULL);
	return 0;
}`

// Hoare's signal runs the waiter before the signaller goes on; Mesa's
// lets the signaller go on first (slide 20).
func TestHoareAndMesaSignal(t *testing.T) {
	hoare, m := runModel(t, Config{Monitor: MonitorHoare}, signalOrder)
	if hoare != "waiter goes on\nsignaller goes on\n" {
		t.Errorf("Hoare: %q", hoare)
	}
	if !containsCode(modelCodes(m), msg.ModelSignalHoare) {
		t.Error("Hoare: no event of a Hoare signal")
	}
	urgent := false
	for _, e := range m.Events() {
		if e.Kind == KindState && e.To == StateWaiting && e.Cause.Code == msg.WaitUrgent {
			urgent = true
		}
	}
	if !urgent {
		t.Error("Hoare: the signaller never waited in the urgent queue")
	}
	mesa, m := runModel(t, Config{Monitor: MonitorMesa}, signalOrder)
	if mesa != "signaller goes on\nwaiter goes on\n" {
		t.Errorf("Mesa: %q", mesa)
	}
	if !containsCode(modelCodes(m), msg.ModelSignalMesa) {
		t.Error("Mesa: no event of a Mesa signal")
	}
	if err := New(Config{Monitor: "brinch"}).Start([]string{"main.c"}); err == nil || !strings.Contains(err.Error(), "hoare or mesa") {
		t.Errorf("monitor semantics brinch: %v", err)
	}
}

// Only one thread is inside a monitor: the others wait in its entry
// queue, and the wait-for graph knows who holds it.
func TestMonitorEntryQueue(t *testing.T) {
	src := `#include <stdio.h>
#include <pthread.h>
#include <sched.h>
#include <osplay/monitor.h>
monitor_t mon;
int inside, most;
void *worker(void *arg)
{
	for (int i = 0; i < 3; i++) {
		monitor_enter(mon);
		inside++;
		if (inside > most)
			most = inside;
		sched_yield();
		inside--;
		monitor_leave(mon);
	}
	return NULL;
}
int main(void)
{
	pthread_t t[3];
	mon = monitor_create("m");
	for (int i = 0; i < 3; i++)
		pthread_create(&t[i], NULL, worker, NULL);
	for (int i = 0; i < 3; i++)
		pthread_join(t[i], NULL);
	printf("most inside at once: %d\n", most);
	return 0;
}`
	out, m := runModel(t, Config{Sched: "rr:q=2"}, src)
	if out != "most inside at once: 1\n" {
		t.Errorf("output %q", out)
	}
	entry := false
	for _, e := range m.Events() {
		if e.Kind == KindState && e.To == StateWaiting && e.Cause.Code == msg.WaitEntry {
			entry = true
		}
	}
	if !entry {
		t.Error("nobody waited in the entry queue")
	}
}

// The same seed loses and scrambles the same messages (slide 3.47); the
// checksum finds the scrambled ones.
func TestLossyLinkFollowsTheSeed(t *testing.T) {
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
		for (int j = 0; j < 8; j++)
			m.body[j] = 'a' + (i + j) % 26;
		message_seal(&m);
		mailbox_send(mb, &m, MAILBOX_WAIT);
	}
	int got = 0, bad = 0;
	while (mailbox_receive(mb, &m, MAILBOX_NOWAIT) == 1) {
		got++;
		if (!message_intact(&m)) {
			bad++;
			printf("%d scrambled\n", m.type);
		}
	}
	printf("%d of 40 arrived, %d scrambled\n", got, bad);
	return 0;
}`
	one, _ := runModel(t, Config{Seed: 1}, src)
	again, m := runModel(t, Config{Seed: 1}, src)
	if one != again {
		t.Errorf("seed 1 gave\n%s\nthen\n%s", one, again)
	}
	other, _ := runModel(t, Config{Seed: 2}, src)
	if other == one {
		t.Errorf("seeds 1 and 2 lost and scrambled the same messages:\n%s", one)
	}
	if strings.Contains(one, "40 of 40") || strings.Contains(one, " 0 scrambled") {
		t.Errorf("seed 1: %s", one)
	}
	lost, scrambled := 0, 0
	for _, c := range modelCodes(m) {
		switch c {
		case msg.ModelLost:
			lost++
		case msg.ModelCorrupted:
			scrambled++
		}
	}
	if !strings.Contains(one, strconv.Itoa(40-lost)+" of 40 arrived, "+strconv.Itoa(scrambled)+" scrambled") {
		t.Errorf("events: %d lost, %d scrambled; output %s", lost, scrambled, one)
	}
}

// The top of the hour (seed 002, slide 3): event_signal wakes one waiting
// process; a signal nobody waits for is lost.
func TestEventSignalWakesOne(t *testing.T) {
	src := `#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>
#include <osplay/event.h>
int main(void)
{
	event_t ev = event_create("topOfHour");
	printf("lost %d\n", event_signal(ev));
	for (int i = 0; i < 3; i++)
		if (fork() == 0) {
			event_wait(ev);
			printf("woken\n");
			return 0;
		}
	while (event_queue(ev) < 3)
		usleep(100);
	int n = 0;
	while (event_queue(ev) > 0)
		n += event_signal(ev);
	while (wait(NULL) > 0)
		;
	printf("signalled %d\n", n);
	return 0;
}`
	out, _ := runModel(t, Config{}, src)
	if out != "lost 0\nwoken\nwoken\nwoken\nsignalled 3\n" {
		t.Errorf("output %q", out)
	}
}

// Hostile programs: huge messages, bad ids and pointers, thousands of
// objects and messages meet clean errors, never the server's memory.
func TestModelsRefuseHostileCalls(t *testing.T) {
	src := `#include <stdio.h>
#include <errno.h>
#include <string.h>
#include <osplay/mailbox.h>
#include <osplay/monitor.h>
#include <osplay/mach.h>
#define E(x) r = (int)(x); printf("%s %d %s\n", #x, r, strerror(errno)); errno = 0
int main(void)
{
	struct message m = {0};
	int r;
	int mb = mailbox_create(MAILBOX_UNBOUNDED, MAILBOX_BY_PROCESS);
	m.length = 1 << 30;
	E(mailbox_send(mb, &m, 0));
	m.length = -1;
	E(mailbox_send(mb, &m, 0));
	m.length = 0;
	E(mailbox_send(99999, &m, 0));
	E(mailbox_send(-5, &m, 0));
	E(mailbox_send(mb, (struct message *)16, 0));
	E(mailbox_create(-2, 0));
	E(mailbox_create(1, 64));
	E(__osplay_model(999, 0, 0, 0, 0));
	E(__osplay_model(-1, 0, 0, 0, 0));
	int mon = monitor_create("m");
	E(__osplay_model(__OSPLAY_CONDITION_WAIT, mb, 0, 0, 0));
	E(__osplay_model(__OSPLAY_MONITOR_LEAVE, mon, 0, 0, 0));
	char name[100];
	memset(name, 'x', 99);
	name[99] = 0;
	E(monitor_create(name));
	m.dest = 12345;
	E(msg_send(&m, MSG_OPTION_NONE, 0));
	E(msg_send(&m, 77, 0));
	int sent = 0;
	while (mailbox_send(mb, &m, 0) == 0)
		sent++;
	printf("sent %d, then %s\n", sent, strerror(errno));
	int made = 2;
	while (mailbox_create(1, 0) > 0)
		made++;
	printf("made %d, then %s\n", made, strerror(errno));
	port_t p;
	E(port_allocate(&p));
	return 0;
}`
	out, m := runModel(t, Config{}, src)
	want := []string{
		"mailbox_send(mb, &m, 0) -1 Message too long",
		"mailbox_send(mb, &m, 0) -1 Invalid argument",
		"mailbox_send(99999, &m, 0) -1 Invalid argument",
		"mailbox_send(-5, &m, 0) -1 Invalid argument",
		"mailbox_send(mb, (struct message *)16, 0) -1 Bad address",
		"mailbox_create(-2, 0) -1 Invalid argument",
		"mailbox_create(1, 64) -1 Invalid argument",
		"__osplay_model(999, 0, 0, 0, 0) -1 Function not implemented",
		"__osplay_model(-1, 0, 0, 0, 0) -1 Function not implemented",
		"__osplay_model(__OSPLAY_CONDITION_WAIT, mb, 0, 0, 0) -1 Invalid argument",
		"__osplay_model(__OSPLAY_MONITOR_LEAVE, mon, 0, 0, 0) -1 Operation not permitted",
		"monitor_create(name) -1 Invalid argument",
		"msg_send(&m, MSG_OPTION_NONE, 0) -102 Success",
		"msg_send(&m, 77, 0) -102 Success",
		"sent 10000, then No space left on device",
		"made 1024, then No space left on device",
		"port_allocate(&p) 6 No space left on device",
	}
	if got := strings.Split(strings.TrimSpace(out), "\n"); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("output\n%s\nwant\n%s", out, strings.Join(want, "\n"))
	}
	if q := m.models.queued; q != 0 {
		t.Errorf("%d messages still counted after the process exited", q)
	}
}

// The ops <osplay/model.h> numbers are the kernel's.
func TestModelOpsMatchTheHeader(t *testing.T) {
	h, err := os.ReadFile("libc/include/osplay/model.h")
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]uint64{
		"SEND": opSend, "RECEIVE": opReceive, "LINK_FAULTS": opLinkFaults, "MBOX_CREATE": opMboxCreate,
		"MBOX_SEND": opMboxSend, "MBOX_RECEIVE": opMboxReceive, "MBOX_GIVE": opMboxGive, "MBOX_DESTROY": opMboxDestroy,
		"MBOX_STATUS": opMboxStatus, "MBOX_FAULTS": opMboxFaults, "PORT_ALLOCATE": opPortAllocate,
		"PORT_DEALLOCATE": opPortDeallocate, "PORT_STATUS": opPortStatus, "PORT_SET_ALLOCATE": opPortSetAllocate,
		"PORT_SET_ADD": opPortSetAdd, "MSG_SEND": opMsgSend, "MSG_RECEIVE": opMsgReceive, "PORT_BACKLOG": opPortBacklog,
		"MONITOR_CREATE": opMonitorCreate, "MONITOR_ENTER": opMonitorEnter, "MONITOR_LEAVE": opMonitorLeave,
		"CONDITION_CREATE": opConditionCreate, "CONDITION_WAIT": opConditionWait, "CONDITION_SIGNAL": opConditionSignal,
		"CONDITION_QUEUE": opConditionQueue, "EVENT_CREATE": opEventCreate, "EVENT_WAIT": opEventWait,
		"EVENT_SIGNAL": opEventSignal, "EVENT_QUEUE": opEventQueue,
	}
	seen := 0
	for _, line := range strings.Split(string(h), "\n") {
		f := strings.Fields(line)
		if len(f) != 3 || f[0] != "#define" || !strings.HasPrefix(f[1], "__OSPLAY_") {
			continue
		}
		name := strings.TrimPrefix(f[1], "__OSPLAY_")
		op, ok := names[name]
		if !ok {
			t.Errorf("%s: no such op in the kernel", f[1])
			continue
		}
		if n, err := strconv.ParseUint(f[2], 10, 64); err != nil || n != op || modelCalls[op].fn == nil {
			t.Errorf("%s is %s, the kernel's op %d", f[1], f[2], op)
		}
		seen++
	}
	if seen != len(names) {
		t.Errorf("the header defines %d ops, the kernel has %d", seen, len(names))
	}
}

// msg_receive from a port set takes the first message of any of its
// ports, and waits at most the timeout when none has one (slide 3.56).
func TestMachPortSet(t *testing.T) {
	src := `#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>
#include <osplay/mach.h>
int main(void)
{
	port_t a, b, set;
	struct message m = {0};
	port_allocate(&a);
	port_allocate(&b);
	port_set_allocate(&set);
	port_set_add(set, a);
	port_set_add(set, b);
	printf("empty: %d\n", msg_receive(&m, set, RCV_TIMEOUT, 2));
	if (fork() == 0) {
		usleep(500);
		m.dest = b;
		m.type = 2;
		msg_send(&m, MSG_OPTION_NONE, 0);
		return 0;
	}
	int r = msg_receive(&m, set, MSG_OPTION_NONE, 0);
	printf("from the set: %d, type %d, port %d\n", r, m.type, m.dest == b);
	wait(NULL);
	return 0;
}`
	out, m := runModel(t, Config{}, src)
	if out != "empty: -203\nfrom the set: 0, type 2, port 1\n" {
		t.Errorf("output %q", out)
	}
	waited := false
	for _, e := range m.Events() {
		if e.Kind == KindState && e.To == StateWaiting && e.Cause.Code == msg.WaitMsgRecv {
			if a, ok := e.Cause.Arg("obj"); ok && a.Text.Code == msg.ObjPortSet {
				waited = true
			}
		}
	}
	if !waited {
		t.Error("nobody waited on the port set")
	}
}

// The owner of a mailbox the OS owns passes it, and the right to receive,
// to another process (slide 3.44); a process's own mailbox cannot be
// given, and only the owner receives.
func TestMailboxOwnershipPasses(t *testing.T) {
	src := `#include <stdio.h>
#include <errno.h>
#include <unistd.h>
#include <sys/wait.h>
#include <osplay/mailbox.h>
int main(void)
{
	struct message m = {0};
	int os = mailbox_create(MAILBOX_UNBOUNDED, MAILBOX_BY_OS);
	int mine = mailbox_create(MAILBOX_UNBOUNDED, MAILBOX_BY_PROCESS);
	int r = mailbox_give(mine, 1);
	printf("give mine: %d %d\n", r, errno == EPERM);
	pid_t child = fork();
	if (child == 0) {
		r = mailbox_receive(os, &m, MAILBOX_NOWAIT);
		printf("child before: %d %d\n", r, errno == EPERM);
		usleep(1000);
		r = mailbox_receive(os, &m, MAILBOX_WAIT);
		printf("child after: %d type %d\n", r, m.type);
		return 0;
	}
	m.type = 5;
	mailbox_send(os, &m, MAILBOX_WAIT);
	usleep(500);
	mailbox_give(os, child);
	r = mailbox_receive(os, &m, MAILBOX_NOWAIT);
	printf("parent: %d %d\n", r, errno == EPERM);
	wait(NULL);
	return 0;
}`
	out, _ := runModel(t, Config{}, src)
	want := "give mine: -1 1\nchild before: -1 1\nparent: -1 1\nchild after: 1 type 5\n"
	if out != want {
		t.Errorf("output %q, want %q", out, want)
	}
}

// A handler that interrupts a syncsend leaves the message in the link,
// and the thread's next send starts afresh.
func TestInterruptedSyncSend(t *testing.T) {
	src := `#include <stdio.h>
#include <errno.h>
#include <signal.h>
#include <unistd.h>
#include <sys/wait.h>
#include <osplay/message.h>
void ring(int sig) {}
int main(void)
{
	struct message m = {0};
	signal(SIGALRM, ring);
	pid_t child = fork();
	if (child == 0) {
		pid_t from;
		sleep(2);
		blockreceive(&m, &from);
		printf("child: %d\n", m.type);
		blockreceive(&m, &from);
		printf("child: %d\n", m.type);
		return 0;
	}
	alarm(1);
	m.type = 1;
	int r = syncsend(&m, child);
	printf("parent: %d %d\n", r, errno == EINTR);
	m.type = 2;
	printf("parent: %d\n", syncsend(&m, child));
	wait(NULL);
	return 0;
}`
	out, _ := runModel(t, Config{}, src)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	// The last two lines come in either order: the child's second
	// receive and the parent's second send end together.
	if len(lines) != 4 || lines[0] != "parent: -1 1" || lines[1] != "child: 1" ||
		!(lines[2] == "parent: 0" && lines[3] == "child: 2" || lines[2] == "child: 2" && lines[3] == "parent: 0") {
		t.Errorf("output %q", out)
	}
}

// A thread that ends inside a monitor hands it on: the others are not
// locked out for ever.
func TestThreadEndingInsideAMonitor(t *testing.T) {
	src := `#include <stdio.h>
#include <pthread.h>
#include <unistd.h>
#include <osplay/monitor.h>
monitor_t mon;
void *quitter(void *arg)
{
	monitor_enter(mon);
	usleep(100);
	return NULL;	/* forgets monitor_leave */
}
int main(void)
{
	pthread_t q;
	mon = monitor_create("m");
	pthread_create(&q, NULL, quitter, NULL);
	usleep(10);
	monitor_enter(mon);
	printf("in\n");
	monitor_leave(mon);
	pthread_join(q, NULL);
	return 0;
}`
	if out, _ := runModel(t, Config{}, src); out != "in\n" {
		t.Errorf("output %q", out)
	}
}

// ModelObjects describes each object as a view would draw it: kind, id,
// name, owner, labelled queues and the messages with their headers.
func TestModelObjectsDescribe(t *testing.T) {
	src := `#include <pthread.h>
#include <unistd.h>
#include <osplay/mailbox.h>
#include <osplay/monitor.h>
#include <osplay/mach.h>
monitor_t mon;
condition_t c;
void *inside(void *arg)
{
	monitor_enter(mon);
	condition_wait(c);
	monitor_leave(mon);
	return NULL;
}
int main(void)
{
	struct message m = {0};
	port_t p;
	int mb = mailbox_create(4, MAILBOX_BY_OS | MAILBOX_IN_PROCESS);
	m.type = 9;
	m.length = 3;
	m.body[0] = 'h';
	m.body[1] = 'i';
	mailbox_send(mb, &m, MAILBOX_WAIT);
	port_allocate(&p);
	m.dest = p;
	msg_send(&m, MSG_OPTION_NONE, 0);
	msg_receive(&m, p, MSG_OPTION_NONE, 0);
	mon = monitor_create("m");
	c = condition_create(mon, "c");
	pthread_t t;
	pthread_create(&t, NULL, inside, NULL);
	usleep(100);
	monitor_enter(mon);
	usleep(100);
	return 0;
}`
	m := startMain(t, Config{}, src)
	if !m.RunUntil(func(e Event) bool {
		return e.Kind == KindSyscall && e.Name == "usleep" && e.Tick > 0 && e.PID == 2 && e.TID == 2 && len(m.ModelObjects()) == 4 && m.ModelObjects()[2].Owner != 0
	}) {
		t.Fatal("the program never reached its second usleep")
	}
	objs := m.ModelObjects()
	if len(objs) != 4 {
		t.Fatalf("objects %+v", objs)
	}
	mb, port, mon, cond := objs[0], objs[1], objs[2], objs[3]
	if mb.Kind != "mailbox" || !mb.ByOS || !mb.InProcess || mb.Capacity != 4 || mb.Owner != 2 || len(mb.Items) != 1 ||
		mb.Items[0].Type != 9 || mb.Items[0].Source != 2 || mb.Items[0].Dest != mb.ID || string(mb.Items[0].Body) != "hi\x00" {
		t.Errorf("mailbox %+v", mb)
	}
	if port.Kind != "port" || port.Capacity != 8 || port.Copied != 6 || port.Passed != 1 {
		t.Errorf("port %+v", port)
	}
	if mon.Kind != "monitor" || mon.Name != "m" || mon.Semantics != MonitorHoare || mon.Owner != 2 {
		t.Errorf("monitor %+v", mon)
	}
	labels := []string{}
	for _, q := range mon.Queues {
		labels = append(labels, q.Label)
	}
	if strings.Join(labels, ",") != "entry,urgent,c" || len(mon.Queues[2].Waiters) != 1 {
		t.Errorf("monitor queues %+v", mon.Queues)
	}
	if cond.Kind != "condition" || cond.Name != "c" {
		t.Errorf("condition %+v", cond)
	}
}

// Two threads, each inside one monitor and calling into the other's,
// wait in a cycle: the deadlock is reported as it closes, with the
// monitors and their holders.
func TestNestedMonitorsDeadlock(t *testing.T) {
	src := `#include <pthread.h>
#include <unistd.h>
#include <osplay/monitor.h>
monitor_t a, b;
void *one(void *arg)
{
	monitor_enter(a);
	usleep(100);
	monitor_enter(b);
	return NULL;
}
int main(void)
{
	pthread_t t;
	a = monitor_create("a");
	b = monitor_create("b");
	pthread_create(&t, NULL, one, NULL);
	monitor_enter(b);
	usleep(200);
	monitor_enter(a);
	return 0;
}`
	m := startMain(t, Config{}, src)
	res := m.Run()
	var de *DeadlockError
	if !errors.As(res.Err, &de) {
		t.Fatalf("result %+v, want a deadlock", res)
	}
	ds := deadlocks(m)
	if len(ds) != 1 || len(ds[0].Waits) != 2 {
		t.Fatalf("deadlock events %v, want one cycle of two", ds)
	}
	for i, w := range ds[0].Waits {
		if w.Kind != WaitMonitor || w.Holder != ds[0].Waits[1-i].TID {
			t.Errorf("wait %d: %+v", i, w)
		}
	}
}
