package exercises

import (
	"strings"
	"testing"
)

// ipcProgram makes each IPC check pass or fail on purpose: SIGUSR1 caught
// twice and SIGUSR2 sent once (to a child that dies of it), a read of an
// empty nonblocking pipe failing with EAGAIN, and, when hang is set, a
// child left waiting for data on a pipe nobody writes.
const ipcProgram = `#include <stdio.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <unistd.h>
#include <sys/wait.h>

static void on_usr1(int sig) { }

int main(int argc, char **argv)
{
	int fd[2];
	char c;
	signal(SIGUSR1, on_usr1);
	raise(SIGUSR1);
	raise(SIGUSR1);
	pid_t child = fork();
	if (child == 0) {
		pause();
		return 0;
	}
	kill(child, SIGUSR2);
	waitpid(child, NULL, 0);
	pipe(fd);
	fcntl(fd[0], F_SETFL, O_NONBLOCK);
	if (read(fd[0], &c, 1) < 0 && errno == EAGAIN)
		printf("empty\n");
	if (argc > 1 && fork() == 0) {
		fcntl(fd[0], F_SETFL, 0);
		read(fd[0], &c, 1);
		return 0;
	}
	if (argc > 1)
		wait(NULL);
	return 0;
}
`

func TestIPCChecks(t *testing.T) {
	f := func(v float64) *float64 { return &v }
	for _, tc := range []struct {
		name string
		c    Check
		hang bool
		pass bool
		msg  string // a part of the English message
	}{
		{"usr1 caught twice", Check{Type: CheckSignals, Signal: "SIGUSR1", Equals: f(2)}, false, true, "Times a handler caught SIGUSR1: 2"},
		{"usr1 caught once fails", Check{Type: CheckSignals, Signal: "SIGUSR1", Equals: f(1)}, false, false, ": 2"},
		{"usr2 never caught", Check{Type: CheckSignals, Signal: "SIGUSR2", Min: f(1)}, false, false, "caught SIGUSR2: 0"},
		{"usr2 sent to the child", Check{Type: CheckSignals, Signal: "SIGUSR2", Action: "sent", Of: "children", Equals: f(1)}, false, true, "Times SIGUSR2 was sent: 1"},
		{"usr2 not sent to main", Check{Type: CheckSignals, Signal: "SIGUSR2", Action: "sent", Of: "main", Min: f(1)}, false, false, "sent: 0"},
		{"read EAGAIN", Check{Type: CheckSyscalls, Call: "read", Errno: "EAGAIN", Equals: f(1)}, false, true, "Times read failed with EAGAIN: 1"},
		{"no read EINTR", Check{Type: CheckSyscalls, Call: "read", Errno: "EINTR", Min: f(1)}, false, false, "EINTR: 0"},
		{"kill called", Check{Type: CheckSyscalls, Call: "kill", Of: "main", Min: f(1)}, false, true, "Calls of kill"},
		{"nobody stuck", Check{Type: CheckBlocked, On: "pipe", Equals: f(0)}, false, true, "No thread was waiting"},
		{"stuck on a pipe", Check{Type: CheckBlocked, On: "pipe", Equals: f(0)}, true, false, "waits for data in pipe"},
		{"stuck, but not on a child", Check{Type: CheckBlocked, On: "msgrcv", Equals: f(0)}, true, true, "No thread"},
		{"stuck on anything", Check{Type: CheckBlocked, Max: f(1)}, true, false, "Threads still waiting when the run ended: 2"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.c.ID = "c"
			if errs := tc.c.validate("checks[0]", false); len(errs) > 0 {
				t.Fatalf("invalid check: %v", errs[0])
			}
			run := Run{}
			if tc.hang {
				run.Argv = []string{"hang"}
			}
			tr := run.run([]File{{Name: "ipc.c", Text: ipcProgram}}, "ipc.c", false)
			tr.finish()
			if strings.Count(tr.stdout, "empty") != 1 {
				t.Fatalf("the program printed %q", tr.stdout)
			}
			ok, m := tc.c.evaluate(tr, "", English)
			if ok != tc.pass || !strings.Contains(revealed(m), tc.msg) {
				t.Errorf("passed %v, message %q; want %v and %q", ok, revealed(m), tc.pass, tc.msg)
			}
			if _, ko := tc.c.evaluate(tr, "", Korean); !hasHangul(ko) {
				t.Errorf("the Korean message %q", ko)
			}
			if got, ok := tc.c.measure(tr); !ok || got < 0 {
				t.Errorf("measure = %v, %v", got, ok)
			}
		})
	}
}

func TestIPCCheckTitles(t *testing.T) {
	for _, tc := range []struct {
		c      Check
		ko, en string
	}{
		{Check{Type: CheckSignals, Signal: "SIGUSR1"}, "핸들러가 SIGUSR1을 받은 횟수", "Times a handler caught SIGUSR1"},
		{Check{Type: CheckSignals, Signal: "SIGCHLD", Action: "sent"}, "SIGCHLD를 보낸 횟수", "Times SIGCHLD was sent"},
		{Check{Type: CheckSyscalls, Call: "read", Errno: "EINTR"}, "read가 EINTR로 실패한 횟수", "Times read failed with EINTR"},
		{Check{Type: CheckSyscalls, Call: "msgrcv"}, "msgrcv 시스템 호출 횟수", "Calls of msgrcv"},
		{Check{Type: CheckBlocked, On: "pipe"}, "실행이 끝날 때 pipe에서 기다리는 스레드", "Threads still waiting on a pipe when the run ended"},
	} {
		if ko, en := tc.c.title(Korean), tc.c.title(English); ko != tc.ko || en != tc.en {
			t.Errorf("titles %q, %q; want %q, %q", ko, en, tc.ko, tc.en)
		}
	}
}
