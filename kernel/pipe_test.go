package kernel

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"osplay/kernel/linuxtest"
)

// runPipeProgram runs src to its end and returns its output and result.
func runPipeProgram(t *testing.T, src string) (string, Result) {
	t.Helper()
	var out strings.Builder
	m := startMainArgs(t, Config{Stdout: &out, Stderr: &out}, src)
	res := m.Run()
	return out.String(), res
}

// TestPipeNeverReadDeadlocks: a child fills a pipe nobody reads while its
// parent waits for it. Nothing can ever run again: the run ends with a
// deadlock report that names the pipe the child waits on and the parent's
// wait for its child.
func TestPipeNeverReadDeadlocks(t *testing.T) {
	out, res := runPipeProgram(t, `#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>
static char buf[100000];
int main(void) {
	int fd[2];
	pipe(fd);
	if (fork() == 0) {
		int n = write(fd[1], buf, sizeof buf);
		printf("not reached %d\n", n);
		exit(0);
	}
	wait(NULL);
	printf("not reached either\n");
	return 0;
}`)
	var de *DeadlockError
	if !errors.As(res.Err, &de) {
		t.Fatalf("result %+v (output %q): want a deadlock", res, out)
	}
	text := de.Describe()
	for _, want := range []string{"pid 3 waits for room in pipe 1", "pid 2 waits for a child of pid 2"} {
		if !strings.Contains(text, want) {
			t.Errorf("report\n%s\nlacks %q", text, want)
		}
	}
	var pipeWait bool
	for _, w := range de.Waits {
		if w.Kind == WaitPipe && w.Addr == 1 && w.Line > 0 {
			pipeWait = true
		}
	}
	if !pipeWait {
		t.Errorf("waits %+v: none on pipe 1 with a line", de.Waits)
	}
	if out != "" {
		t.Errorf("output %q", out)
	}
}

// TestPipeHostile: many pipes run into the descriptor limit (EMFILE, with
// nothing left half made); a write of a length far beyond the buffer
// writes what the memory holds and fails no worse than EFAULT; a reader
// blocked on a pipe whose writer dies sees the end of the file, and a
// writer blocked on a full pipe whose reader dies is killed by SIGPIPE.
func TestPipeHostile(t *testing.T) {
	out, res := runPipeProgram(t, `#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/wait.h>
int main(void) {
	int fd[2], n = 0;
	while (pipe(fd) == 0)
		n++;
	printf("%d pipes, then %s\n", n, strerror(errno));
	for (int i = 3; i < 1024; i++)
		close(i);

	pipe(fd);
	fcntl(fd[1], F_SETFL, O_NONBLOCK);
	char *mb = malloc(1 << 20);
	long k = write(fd[1], mb, 1L << 40);
	printf("nonblocking write of 2^40 bytes: %ld\n", k);
	close(fd[0]);
	close(fd[1]);

	pipe(fd);
	if (fork() == 0) {
		close(fd[0]);
		char *big = malloc(1 << 20);
		long w = write(fd[1], big, 1L << 40);
		printf("writer: %ld %s\n", w, w < 0 ? strerror(errno) : "");
		exit(0);
	}
	close(fd[1]);
	char buf[65536];
	long total = 0, r;
	while ((r = read(fd[0], buf, sizeof buf)) > 0)
		total += r;
	wait(NULL);
	printf("reader: %s\n", total >= (1 << 20) ? "at least the buffer" : "less");
	close(fd[0]);

	pipe(fd);
	pid_t pid = fork();
	if (pid == 0) {
		close(fd[0]);
		static char more[100000];
		write(fd[1], more, sizeof more);
		printf("not reached\n");
		exit(0);
	}
	close(fd[1]);
	read(fd[0], buf, 10);
	close(fd[0]);
	int st;
	waitpid(pid, &st, 0);
	printf("blocked writer: signal %d\n", WIFSIGNALED(st) ? WTERMSIG(st) : 0);
	return 0;
}`)
	if res.Err != nil || res.ExitCode() != 0 {
		t.Fatalf("result %+v, output %q", res, out)
	}
	for _, want := range []string{
		"510 pipes, then Too many open files\n",
		"nonblocking write of 2^40 bytes: 65536\n",
		"reader: at least the buffer\n",
		"blocked writer: signal 13\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output\n%s\nlacks %q", out, want)
		}
	}
	if !strings.Contains(out, "writer: ") {
		t.Errorf("output\n%s\nlacks the huge writer's result", out)
	}
}

// TestPollTerminal: poll and select on the terminal wait for a whole line
// typed by the user (the machine waits for input, not at a deadlock), and
// a nonblocking read of it fails with EAGAIN until then.
func TestPollTerminal(t *testing.T) {
	var out strings.Builder
	m := startMainArgs(t, Config{Stdout: &out}, `#include <stdio.h>
#include <errno.h>
#include <string.h>
#include <unistd.h>
#include <fcntl.h>
#include <poll.h>
#include <sys/select.h>
int main(void) {
	char buf[64];
	int fl = fcntl(0, F_GETFL);
	fcntl(0, F_SETFL, fl | O_NONBLOCK);
	int n = read(0, buf, sizeof buf);
	printf("nonblocking: %d %s\n", n, n < 0 && errno == EAGAIN ? "EAGAIN" : "");
	fcntl(0, F_SETFL, fl);
	struct pollfd p = {0, POLLIN, 0};
	int r = poll(&p, 1, -1);
	printf("poll: %d %#x\n", r, p.revents);
	n = read(0, buf, sizeof buf);
	printf("read %d\n", n);
	fd_set rs;
	FD_ZERO(&rs);
	FD_SET(0, &rs);
	r = select(1, &rs, NULL, NULL, NULL);
	printf("select: %d %d\n", r, FD_ISSET(0, &rs));
	return 0;
}`)
	m.Run()
	if m.Done() || !m.WaitingForInput() {
		t.Fatalf("done %v (%v), waiting for input %v: want poll waiting for the terminal; output %q", m.Done(), m.Err(), m.WaitingForInput(), out.String())
	}
	if p := findProc(m, 2); p.State != StateWaiting || p.WaitOn != "poll" {
		t.Errorf("poller is %v on %q, want waiting on poll", p.State, p.WaitOn)
	}
	m.Input([]byte("half"))
	m.Run()
	if !strings.HasSuffix(out.String(), "nonblocking: -1 EAGAIN\n") {
		t.Errorf("half a line woke poll: %q", out.String())
	}
	m.Input([]byte(" line\n"))
	m.Run()
	if !m.WaitingForInput() {
		t.Fatalf("select is not waiting for the terminal: output %q", out.String())
	}
	m.Input([]byte("next\n"))
	m.Run()
	want := "nonblocking: -1 EAGAIN\npoll: 1 0x1\nread 10\nselect: 1 1\n"
	if !m.Done() || out.String() != want {
		t.Errorf("done %v (%v), output %q, want %q", m.Done(), m.Err(), out.String(), want)
	}
}

// TestPipesUnderSchedulers runs the pipe programs of testdata/linux under
// other interleavings (tiny quanta, two CPUs, FCFS): each prints what it
// prints under the default one. A lost wake-up or a count of ends gone
// wrong would hang a run or change a line.
func TestPipesUnderSchedulers(t *testing.T) {
	dir := "testdata/linux/pipes"
	for _, main := range []string{"fifo", "pollselect", "slides", "sigpipe"} {
		want := simulateConfig(t, Config{}, dir, main)
		for _, cfg := range []Config{{Sched: "rr:q=1"}, {Sched: "rr:q=3", CPUs: 2}, {Sched: "fcfs"}, {Sched: "mlfq", CPUs: 3}} {
			t.Run(main+"/"+cfg.Sched, func(t *testing.T) {
				if got := simulateConfig(t, cfg, dir, main); got != want {
					t.Errorf("output\n%s\nwant (default scheduler)\n%s", got, want)
				}
			})
		}
	}
}

// simulateConfig runs main of dir (with its sibling files) under cfg and
// returns its output and how it ended; every page, of a process or of a
// pipe, must be free at the end.
func simulateConfig(t *testing.T, cfg Config, dir, main string) string {
	t.Helper()
	files, err := linuxtest.Files(dir)
	if err != nil {
		t.Fatal(err)
	}
	mfs := fstest.MapFS{}
	for name, data := range files {
		mfs[name] = &fstest.MapFile{Data: data, Mode: 0o644}
	}
	var out strings.Builder
	cfg.Files, cfg.Stdout, cfg.Stderr = mfs, &out, &out
	m := New(cfg)
	if err := m.Start([]string{"./" + main}); err != nil {
		t.Fatal(err)
	}
	res := m.Run()
	if used := m.phys.InUse(); used != 0 {
		t.Errorf("%s: %d bytes of memory still in use after the run", main, used)
	}
	return fmt.Sprintf("%s[err %v, code %d]\n", out.String(), res.Err, res.Code)
}

// TestPipePagesAreMemory: a pipe's pages count against the machine's
// memory as the processes' pages do. A program that fills pipe after pipe
// on a small machine meets the out-of-memory killer, and every page comes
// back once the pipes are gone.
func TestPipePagesAreMemory(t *testing.T) {
	var out strings.Builder
	cfg := Config{Stdout: &out, MaxTotalMemory: 2 << 20}
	m := startMainArgs(t, cfg, `#include <stdio.h>
#include <fcntl.h>
#include <unistd.h>
static char buf[65536];
int main(void) {
	for (int i = 0; i < 100; i++) {
		int fd[2];
		if (pipe2(fd, O_NONBLOCK) < 0)
			return 1;
		if (write(fd[1], buf, sizeof buf) != sizeof buf)
			break;
	}
	printf("not reached\n");
	return 0;
}`)
	res := m.Run()
	if res.Err != nil || !res.Signaled || res.Signal != 9 {
		t.Fatalf("result %+v, output %q: want killed by SIGKILL", res, out.String())
	}
	ooms := 0
	for _, e := range m.Events() {
		if e.Kind == KindOOM {
			ooms++
		}
	}
	if ooms != 1 {
		t.Errorf("%d oom events, want 1", ooms)
	}
	if used := m.phys.InUse(); used != 0 {
		t.Errorf("%d bytes still in use after the run", used)
	}
}
