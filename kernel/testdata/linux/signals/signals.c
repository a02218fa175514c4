/* Expect: a process killed by a signal reports it in the low 7 bits of the
 * wait status, with the core-dump bit 0x80 for the signals whose default
 * action dumps core (the harness enables core dumps): abort -> SIGABRT 6
 * with core; kill(getpid(), SIGTERM) -> 15; SIGKILL -> 9; integer division
 * by zero and INT_MIN / -1 -> SIGFPE 8; writing through NULL, writing to a
 * string literal, calling a NULL function pointer and unbounded recursion
 * -> SIGSEGV 11. A partial line still in the stdio buffer dies with the
 * process. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <signal.h>
#include <limits.h>
#include <sys/wait.h>

static volatile int zero = 0;
static volatile int minus_one = -1;

static int recurse(int n)
{
	volatile char frame[256];
	frame[0] = (char)n;
	return recurse(n + 1) + frame[0];
}

static const char *signame(int sig)
{
	switch (sig) {
	case SIGABRT: return "SIGABRT";
	case SIGFPE: return "SIGFPE";
	case SIGKILL: return "SIGKILL";
	case SIGSEGV: return "SIGSEGV";
	case SIGTERM: return "SIGTERM";
	case SIGINT: return "SIGINT";
	case SIGUSR1: return "SIGUSR1";
	}
	return "?";
}

static void die(int which)
{
	volatile int x = 7;
	switch (which) {
	case 0:
		abort();
	case 1:
		kill(getpid(), SIGTERM);
		break;
	case 2:
		kill(getpid(), SIGKILL);
		break;
	case 3:
		x = x / zero;
		break;
	case 4:
		x = INT_MIN / minus_one;
		break;
	case 5:
		*(volatile int *)NULL = 1;
		break;
	case 6: {
		char *literal = "read-only";
		literal[0] = 'R';
		break;
	}
	case 7: {
		void (*volatile fp)(void) = NULL;
		fp();
		break;
	}
	case 8:
		recurse(0);
		break;
	case 9:
		kill(getpid(), SIGINT);
		break;
	case 10:
		kill(getpid(), SIGUSR1);
		break;
	case 11:
		printf("this partial line dies with the process");
		*(volatile int *)NULL = 1;
		break;
	}
	printf("survived %d (x=%d)\n", which, x);
	exit(0);
}

int main(void)
{
	static const char *how[] = {
		"abort()", "kill SIGTERM", "kill SIGKILL", "7 / 0", "INT_MIN / -1",
		"*NULL = 1", "write literal", "call NULL", "deep recursion", "kill SIGINT",
		"kill SIGUSR1", "crash, buffered",
	};
	int i, status;
	pid_t pid;

	for (i = 0; i < 12; i++) {
		pid = fork();
		if (pid == 0)
			die(i);
		waitpid(pid, &status, 0);
		printf("%-16s signaled %d  signal %2d %-7s  core %d  status&0x7f %2d  status>>8 %d\n",
			how[i], WIFSIGNALED(status), WTERMSIG(status), signame(WTERMSIG(status)),
			WCOREDUMP(status) ? 1 : 0, status & 0x7F, status >> 8);
	}
	return 0;
}
