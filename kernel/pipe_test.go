package kernel

import (
	"errors"
	"strings"
	"testing"
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
