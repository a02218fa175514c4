package kernel

import (
	"errors"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// waitingServer listens with a backlog of 1 and sleeps before it accepts:
// three clients connect, the first two into the accept queue, the third
// waits in connect; each connected client then waits in read.
const waitingServer = `#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <sys/socket.h>
#include <netinet/in.h>
int main(void) {
	int l = socket(AF_INET, SOCK_STREAM, 0);
	struct sockaddr_in a;
	memset(&a, 0, sizeof a);
	a.sin_family = AF_INET;
	a.sin_port = htons(6013);
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	bind(l, (struct sockaddr *)&a, sizeof a);
	listen(l, 1);
	for (int i = 0; i < 3; i++) {
		if (fork() == 0) {
			int c = socket(AF_INET, SOCK_STREAM, 0);
			if (connect(c, (struct sockaddr *)&a, sizeof a) < 0)
				exit(1);
			char b[8];
			int n = read(c, b, sizeof b);
			exit(n == 2 ? 0 : 2);
		}
	}
	sleep(1);
	for (int i = 0; i < 3; i++) {
		int s = accept(l, NULL, NULL);
		write(s, "ok", 2);
		close(s);
	}
	int st, good = 0;
	while (wait(&st) > 0)
		good += WIFEXITED(st) && WEXITSTATUS(st) == 0;
	printf("%d clients served\n", good);
	return 0;
}
`

// TestSocketsView stops the waiting server while it sleeps and checks
// what Sockets and the process views say: the listening socket with two
// connections queued and one connect waiting, each client's socket, and
// what each client waits for.
func TestSocketsView(t *testing.T) {
	var out strings.Builder
	m := startMain(t, Config{Stdout: &out}, waitingServer)
	m.RunTo(DefaultTicksPerSecond / 2)
	socks := m.Sockets()
	var listener *SocketView
	for i := range socks {
		if socks[i].State == "listening" {
			listener = &socks[i]
		}
	}
	if listener == nil {
		t.Fatalf("no listening socket in %+v", socks)
	}
	if listener.Local != "127.0.0.1:6013" || listener.Backlog != 1 || len(listener.AcceptQueue) != 2 || len(listener.Connecting) != 1 {
		t.Errorf("listener %+v: want 127.0.0.1:6013, backlog 1, two queued, one connecting", *listener)
	}
	if !slices.Equal(listener.Holders, []SocketHolder{{PID: 2, FD: 3}, {PID: 3, FD: 3}, {PID: 4, FD: 3}, {PID: 5, FD: 3}}) {
		t.Errorf("listener held by %+v: want fd 3 of the server and its three children", listener.Holders)
	}
	byID := map[uint64]SocketView{}
	for _, s := range socks {
		byID[s.ID] = s
	}
	waiting := byID[listener.Connecting[0]]
	if waiting.State != "connecting" || len(waiting.Connectors) != 1 {
		t.Errorf("the waiting connect's socket: %+v", waiting)
	}
	for _, id := range listener.AcceptQueue {
		srv := byID[id]
		cli := byID[srv.PeerID]
		if srv.State != "connected" || srv.Holders != nil || srv.Local != "127.0.0.1:6013" || cli.PeerID != srv.ID ||
			srv.Peer != cli.Local || len(cli.Readers) != 1 || !strings.HasPrefix(cli.Local, "127.0.0.1:") {
			t.Errorf("queued connection: server end %+v, client end %+v", srv, cli)
		}
		pv, ok := m.Process(cli.Readers[0])
		want := WaitObject{Kind: WaitSocket, ID: cli.ID, Value: sockForData}
		if !ok || pv.WaitFor != want || pv.WaitOn != "socket" {
			t.Errorf("reader %d waits for %+v (%q), want %+v", cli.Readers[0], pv.WaitFor, pv.WaitOn, want)
		}
		if got := pv.WaitFor.String(); got != "data in socket "+strconv.Itoa(int(cli.ID)) {
			t.Errorf("reader's wait reads %q", got)
		}
	}
	pv, _ := m.Process(waiting.Connectors[0])
	if got, want := pv.WaitFor.String(), "socket "+strconv.Itoa(int(waiting.ID))+"'s connection to be taken"; got != want {
		t.Errorf("the connector waits for %q, want %q", got, want)
	}
	res := m.Run()
	if res.Err != nil || out.String() != "3 clients served\n" {
		t.Fatalf("result %+v, output %q", res, out.String())
	}
	if left := m.Sockets(); len(left) != 0 {
		t.Errorf("sockets left after the run: %+v", left)
	}
	calls := map[string]bool{}
	for _, e := range m.Events() {
		if e.Kind == KindSyscall {
			calls[e.Name] = true
		}
	}
	for _, c := range []string{"socket", "bind", "listen", "connect", "accept", "read", "write", "close"} {
		if !calls[c] {
			t.Errorf("no syscall event for %s", c)
		}
	}
}

// TestSocketsHostile: sockets up to the descriptor limit (EMFILE), and
// past the machine's limit of sockets in several processes (ENFILE),
// with nothing left half made; a send of a huge length on a nonblocking
// socket takes what the buffer holds; addresses outside the machine are
// unreachable; bad pointers and lengths are EFAULT and EINVAL; an accept
// whose address cannot be written fails and closes the connection.
func TestSocketsHostile(t *testing.T) {
	out, res := runPipeProgram(t, `#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/wait.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>
static void say(const char *what, long r) {
	printf("%s: %ld %s\n", what, r, r < 0 ? strerror(errno) : "");
}
static struct sockaddr_in at(const char *ip, int port) {
	struct sockaddr_in a;
	memset(&a, 0, sizeof a);
	a.sin_family = AF_INET;
	a.sin_port = htons(port);
	inet_pton(AF_INET, ip, &a.sin_addr);
	return a;
}
int main(void) {
	int n = 0;
	while (socket(AF_INET, SOCK_STREAM, 0) >= 0)
		n++;
	printf("%d sockets, then %s\n", n, strerror(errno));
	for (int i = 3; i < 1024; i++)
		close(i);

	for (int k = 0; k < 9; k++) {
		if (fork() == 0) {
			int m = 0;
			while (socket(AF_UNIX, SOCK_DGRAM, 0) >= 0)
				m++;
			exit(errno == ENFILE ? 100 : errno == EMFILE && m == 1021 ? 101 : 1);
		}
	}
	int st, full = 0, limited = 0;
	while (wait(&st) > 0) {
		full += WEXITSTATUS(st) == 101;
		limited += WEXITSTATUS(st) == 100;
	}
	printf("children: %d stopped at a limit, some at the machine's: %s\n", full + limited, limited > 0 ? "yes" : "no");

	int sv[2];
	socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
	fcntl(sv[0], F_SETFL, O_NONBLOCK);
	char *mb = malloc(1 << 20);
	long k = write(sv[0], mb, 1L << 40);
	printf("nonblocking write of 2^40 bytes: %ld\n", k);
	say("and again", send(sv[0], mb, 1L << 40, 0));
	close(sv[0]);
	close(sv[1]);

	int s = socket(AF_INET, SOCK_STREAM, 0);
	struct sockaddr_in far = at("8.8.8.8", 53);
	say("connect 8.8.8.8", connect(s, (struct sockaddr *)&far, sizeof far));
	int u = socket(AF_INET, SOCK_DGRAM, 0);
	say("sendto 8.8.8.8", sendto(u, "x", 1, 0, (struct sockaddr *)&far, sizeof far));
	say("bind with length -1", bind(s, (struct sockaddr *)&far, (socklen_t)-1));
	say("connect with an address at 16", connect(s, (struct sockaddr *)16, 16));
	char b[4];
	struct sockaddr_in self = at("127.0.0.1", 6301);
	bind(u, (struct sockaddr *)&self, sizeof self);
	sendto(u, "x", 1, 0, (struct sockaddr *)&self, sizeof self);
	say("recvfrom with a bad length pointer", recvfrom(u, b, 4, MSG_DONTWAIT, (struct sockaddr *)&far, (socklen_t *)16));
	say("getsockopt with a NULL length", getsockopt(s, SOL_SOCKET, SO_TYPE, b, NULL));

	int l = socket(AF_INET, SOCK_STREAM, 0);
	struct sockaddr_in a = at("127.0.0.1", 6300);
	bind(l, (struct sockaddr *)&a, sizeof a);
	listen(l, 4);
	int c = socket(AF_INET, SOCK_STREAM, 0);
	connect(c, (struct sockaddr *)&a, sizeof a);
	socklen_t len = sizeof a;
	say("accept into a bad address", accept(l, (struct sockaddr *)16, &len));
	say("the client reads", read(c, b, 1));
	return 0;
}`)
	if res.Err != nil || res.ExitCode() != 0 {
		t.Fatalf("result %+v, output %q", res, out)
	}
	for _, want := range []string{
		"1021 sockets, then Too many open files\n",
		"children: 9 stopped at a limit, some at the machine's: yes\n",
		"nonblocking write of 2^40 bytes: 131072\n",
		"and again: -1 Resource temporarily unavailable\n",
		"connect 8.8.8.8: -1 Network is unreachable\n",
		"sendto 8.8.8.8: -1 Network is unreachable\n",
		"bind with length -1: -1 Invalid argument\n",
		"connect with an address at 16: -1 Bad address\n",
		"recvfrom with a bad length pointer: -1 Bad address\n",
		"getsockopt with a NULL length: -1 Bad address\n",
		"accept into a bad address: -1 Bad address\n",
		"the client reads: 0 \n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output\n%s\nlacks %q", out, want)
		}
	}
}

// TestSocketBuffersAreMemory: the bytes a socket holds are pages of the
// machine's memory, as a pipe's: filling many sockets runs the machine
// out of memory (the out-of-memory killer ends the program), and every
// page is given back at the end.
func TestSocketBuffersAreMemory(t *testing.T) {
	var out strings.Builder
	m := startMainArgs(t, Config{Stdout: &out, MaxTotalMemory: 2 << 20}, `#include <stdio.h>
#include <sys/socket.h>
static char buf[131072];
int main(void) {
	for (int i = 0; i < 100; i++) {
		int sv[2];
		if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, sv) < 0)
			return 1;
		if (send(sv[0], buf, sizeof buf, 0) != sizeof buf)
			break;
	}
	printf("not reached\n");
	return 0;
}`)
	res := m.Run()
	if res.Err != nil || !res.Signaled || res.Signal != 9 {
		t.Fatalf("result %+v, output %q: want killed by SIGKILL", res, out.String())
	}
	if used := m.phys.InUse(); used != 0 {
		t.Errorf("%d bytes still in use after the run", used)
	}
	if left := m.Sockets(); len(left) != 0 {
		t.Errorf("%d sockets left after the run", len(left))
	}
}

// TestSocketDeadlock: two processes each waiting to read what the other
// never writes end the run with a deadlock report naming the sockets.
func TestSocketDeadlock(t *testing.T) {
	out, res := runPipeProgram(t, `#include <unistd.h>
#include <sys/socket.h>
#include <sys/wait.h>
int main(void) {
	int sv[2];
	socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
	char c;
	if (fork() == 0) {
		read(sv[1], &c, 1);
		return 0;
	}
	read(sv[0], &c, 1);
	wait(NULL);
	return 0;
}`)
	var de *DeadlockError
	if !errors.As(res.Err, &de) {
		t.Fatalf("result %+v (output %q): want a deadlock", res, out)
	}
	text := de.Describe()
	for _, want := range []string{"pid 2 waits for data in socket 1", "pid 3 waits for data in socket 2"} {
		if !strings.Contains(text, want) {
			t.Errorf("report\n%s\nlacks %q", text, want)
		}
	}
}
