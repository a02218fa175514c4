/* Expect: sigtimedwait returns a pending signal at once with its
 * siginfo, EAGAIN when its timeout passes with none (a zero timeout
 * polls), EINTR when a handler of another signal runs, and a signal that
 * comes while it waits. Time is the machine's (simulated on osplay). */
#include <stdio.h>
#include <errno.h>
#include <string.h>
#include <signal.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>
#include <sys/wait.h>

static void on_alarm(int sig)
{
	printf("handler: SIGALRM\n");
}

int main(void)
{
	setvbuf(stdout, NULL, _IONBF, 0);
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigaddset(&set, SIGUSR2);
	sigprocmask(SIG_BLOCK, &set, NULL);
	siginfo_t si;
	struct timespec zero = {0, 0}, tenth = {0, 100000000};

	errno = 0;
	int r = sigtimedwait(&set, &si, &zero);
	printf("nothing pending, zero timeout: %d %s\n", r, strerror(errno));
	errno = 0;
	r = sigtimedwait(&set, &si, &tenth);
	printf("nothing pending, 0.1 s: %d %s\n", r, strerror(errno));

	kill(getpid(), SIGUSR2);
	r = sigtimedwait(&set, &si, &zero);
	printf("pending SIGUSR2: %d, si_signo %d, si_code SI_USER %d, si_pid me %d\n", r, si.si_signo,
	       si.si_code == SI_USER, si.si_pid == getpid());

	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_alarm;
	sigaction(SIGALRM, &sa, NULL);
	alarm(1);
	struct timespec five = {5, 0};
	errno = 0;
	r = sigtimedwait(&set, &si, &five);
	printf("interrupted by SIGALRM: %d %s\n", r, strerror(errno));

	pid_t pid = fork();
	if (pid == 0) {
		usleep(200000);
		kill(getppid(), SIGUSR1);
		exit(0);
	}
	r = sigtimedwait(&set, &si, &five);
	printf("from the child: %d, si_pid the child %d\n", r, si.si_pid == pid);
	waitpid(pid, NULL, 0);

	struct timespec bad = {0, 1000000000};
	errno = 0;
	r = sigtimedwait(&set, &si, &bad);
	printf("tv_nsec 1e9: %d %s\n", r, strerror(errno));
	r = sigtimedwait(&set, NULL, &zero);
	printf("NULL info: %d %s\n", r, strerror(errno));
	return 0;
}
