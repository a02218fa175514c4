/* Expect: a handler that interrupts a blocked call. Without SA_RESTART,
 * waitpid fails with EINTR; with SA_RESTART, it starts over and reaps the
 * child. sleep cut short by SIGALRM returns the whole seconds it had left;
 * usleep and pause fail with EINTR whatever the flags. */
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <signal.h>
#include <sys/wait.h>

static volatile sig_atomic_t alarms;

static void on_alarm(int sig)
{
	alarms++;
}

static void catch_alarm(int flags)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_alarm;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = flags;
	sigaction(SIGALRM, &sa, NULL);
}

static void wait_for_child(int flags, const char *what)
{
	int status;
	pid_t child = fork();
	if (child == 0) {
		sleep(3);
		_exit(7);
	}
	catch_alarm(flags);
	alarm(1);
	pid_t r = waitpid(child, &status, 0);
	if (r < 0) {
		printf("%s: waitpid failed: %s (alarms %d)\n", what, strerror(errno), alarms);
		r = waitpid(child, &status, 0);
	}
	printf("%s: reaped the child: %s, exit %d (alarms %d)\n", what, r == child ? "yes" : "no",
	       WEXITSTATUS(status), alarms);
}

int main(void)
{
	setvbuf(stdout, NULL, _IONBF, 0);
	wait_for_child(0, "no SA_RESTART");
	wait_for_child(SA_RESTART, "SA_RESTART");

	catch_alarm(SA_RESTART);
	alarm(2);
	unsigned left = sleep(10);
	/* What is left is 8 s less the time from alarm to sleep: glibc
	 * reports 7 or 8 whole seconds, depending on that time. */
	printf("sleep(10) cut short after 2 s: %s left\n", left == 7 || left == 8 ? "7 or 8" : "other");

	alarm(1);
	int r = usleep(3000000);
	printf("usleep: %d %s\n", r, r < 0 ? strerror(errno) : "");

	alarm(1);
	r = pause();
	printf("pause: %d %s (alarms %d)\n", r, strerror(errno), alarms);
	return 0;
}
