package kernel

import (
	"errors"
	"testing"
)

// TestSignalRTHostile sends what a hostile program would: real-time
// signals past the queue's bound (the pending one and 1024 behind it,
// then EAGAIN: nothing allocated beyond),
// an alternate stack at a wild address and of a size that wraps around
// (the handler cannot be entered: SIGSEGV, as Linux's force_sigsegv), and
// a sigtimedwait of the longest timeout, which a signal ends.
func TestSignalRTHostile(t *testing.T) {
	src := `#include <stdio.h>
#include <errno.h>
#include <string.h>
#include <signal.h>
#include <unistd.h>
#include <sys/wait.h>
static void h(int sig) { }
int main(void)
{
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGRTMIN);
	sigprocmask(SIG_BLOCK, &set, NULL);
	union sigval v;
	v.sival_int = 1;
	int n = 0;
	while (sigqueue(getpid(), SIGRTMIN, v) == 0 && n < 100000)
		n++;
	printf("queued %d, then %s\n", n, strerror(errno));
	siginfo_t si;
	struct timespec zero = {0, 0};
	int got = 0;
	while (sigtimedwait(&set, &si, &zero) == SIGRTMIN)
		got++;
	printf("taken %d\n", got);

	pid_t pid = fork();
	if (pid == 0) {
		stack_t ss = {(void *)0xfffffffffffff000UL, 0, 1UL << 20};
		printf("wild stack: %d\n", sigaltstack(&ss, NULL));
		fflush(stdout);
		struct sigaction sa;
		memset(&sa, 0, sizeof sa);
		sa.sa_handler = h;
		sa.sa_flags = SA_ONSTACK;
		sigaction(SIGUSR1, &sa, NULL);
		raise(SIGUSR1);
		_exit(0);
	}
	int st;
	waitpid(pid, &st, 0);
	printf("child: killed by %d\n", WIFSIGNALED(st) ? WTERMSIG(st) : 0);

	pid = fork();
	if (pid == 0) {
		sigset_t u;
		sigemptyset(&u);
		sigaddset(&u, SIGUSR2);
		sigprocmask(SIG_BLOCK, &u, NULL);
		struct timespec forever = {0x7fffffffffffffffL, 999999999};
		int r = sigtimedwait(&u, &si, &forever);
		printf("child: %d\n", r);
		_exit(0);
	}
	sleep(1);
	kill(pid, SIGUSR2);
	waitpid(pid, &st, 0);
	return 0;
}
`
	r := runFiles(t, Config{}, map[string]string{"h.c": src}, "h.c")
	want := "queued 1025, then Resource temporarily unavailable\ntaken 1025\nwild stack: 0\nchild: killed by 11\nchild: 12\n"
	if r.stdout != want {
		t.Errorf("stdout:\n%s\nwant:\n%s", r.stdout, want)
	}
	var le *LimitError
	if r.res.Err != nil && !errors.As(r.res.Err, &le) {
		t.Errorf("run: %v", r.res.Err)
	}
}

// TestVirtualTimerStorm arms ITIMER_VIRTUAL for every tick with a
// handler: the process makes almost no progress, and the run ends at its
// tick limit with a limit error, not a hang.
func TestVirtualTimerStorm(t *testing.T) {
	src := `#include <signal.h>
#include <sys/time.h>
static void h(int sig) { }
int main(void)
{
	signal(SIGVTALRM, h);
	struct itimerval it = {{0, 1}, {0, 1}};
	setitimer(ITIMER_VIRTUAL, &it, 0);
	for (;;)
		;
}
`
	r := runFiles(t, Config{MaxTicks: 200_000}, map[string]string{"s.c": src}, "s.c")
	var le *LimitError
	if !errors.As(r.res.Err, &le) || le.Limit != LimitTicks {
		t.Errorf("run: %v, want the tick limit", r.res.Err)
	}
	if n := r.count(KindHandler, func(e Event) bool { return e.Signal == 26 }); n < 1000 {
		t.Errorf("%d SIGVTALRM handlers", n)
	}
}
