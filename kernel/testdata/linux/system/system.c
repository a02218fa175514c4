/* Expect: system() runs its command through /bin/sh -c and returns the
 * wait status: pipelines, redirections and lists; 127 for a command that
 * is not found (sh says so on stderr); a death by signal; system(NULL)
 * says a shell is there. While the command runs the caller ignores
 * SIGINT and blocks SIGCHLD: the SIGCHLD arrives after system returns. */
#include <stdio.h>
#include <stdlib.h>
#include <signal.h>
#include <unistd.h>
#include <sys/wait.h>

static volatile sig_atomic_t chld;

static void on_chld(int sig)
{
	chld++;
}

static void show(const char *cmd)
{
	fflush(stdout);
	int st = system(cmd);
	if (st == -1)
		printf("[%s] failed\n", cmd);
	else if (WIFEXITED(st))
		printf("[%s] exit %d (status %d)\n", cmd, WEXITSTATUS(st), st);
	else if (WIFSIGNALED(st))
		printf("[%s] killed by signal %d\n", cmd, WTERMSIG(st));
}

int main(void)
{
	printf("system(NULL) != 0: %d\n", system(NULL) != 0);
	show("ls | wc -l");
	show("echo hi > f; cat f");
	show("echo there >> f && cat < f | wc -l");
	show("cat f | cat | cat | head -n 1 | wc -c");
	show("rm f; cat f 2>/dev/null || echo gone");
	show("exit 3");
	show("exit 300");
	show("false");
	show("true && false || echo either");
	show("nosuchcommand");
	show("nosuchcommand 2>/dev/null; echo status $?");
	show("echo 'single  quoted' \"double  quoted\" back\\ slash");
	show("X=inner; echo $X; echo ${UNSET:-default}");
	show("kill -TERM $$");
	show("sleep 0 & wait; echo waited");
	show("cd /; pwd; ls / | wc -l > /dev/null; cd /tmp && pwd");

	struct sigaction sa;
	sa.sa_handler = on_chld;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = 0;
	sigaction(SIGCHLD, &sa, NULL);
	char cmd[64];
	snprintf(cmd, sizeof cmd, "./sendint %d", (int)getpid());
	fflush(stdout);
	int st = system(cmd);
	printf("[./sendint] exit %d\n", WEXITSTATUS(st));
	printf("still here after SIGINT; SIGCHLD handled %d time(s)\n", chld);
	show("kill -INT $$");
	sigset_t cur;
	sigprocmask(SIG_BLOCK, NULL, &cur);
	printf("SIGCHLD blocked after system: %d\n", sigismember(&cur, SIGCHLD));
	struct sigaction old;
	sigaction(SIGINT, NULL, &old);
	printf("SIGINT back to default: %d\n", old.sa_handler == SIG_DFL);
	return 0;
}
