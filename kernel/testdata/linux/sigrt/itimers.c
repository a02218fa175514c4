/* Expect: ITIMER_VIRTUAL counts the process's user CPU time and sends
 * SIGVTALRM, ITIMER_PROF its user and system time and sends SIGPROF;
 * neither runs while the process sleeps; getitimer shows them armed,
 * setitimer returns the old setting; a child does not inherit them; with
 * no handler SIGVTALRM ends the process (exit status 128+26). */
#include <stdio.h>
#include <string.h>
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/time.h>
#include <sys/wait.h>

static volatile sig_atomic_t vt, prof;

static void on_vt(int sig)
{
	vt++;
}

static void on_prof(int sig)
{
	prof++;
}

int main(void)
{
	setvbuf(stdout, NULL, _IONBF, 0);
	signal(SIGVTALRM, on_vt);
	signal(SIGPROF, on_prof);
	struct itimerval it, cur, old;
	memset(&it, 0, sizeof it);
	it.it_value.tv_usec = 10000;
	it.it_interval.tv_usec = 10000;
	setitimer(ITIMER_VIRTUAL, &it, NULL);
	setitimer(ITIMER_PROF, &it, NULL);
	getitimer(ITIMER_VIRTUAL, &cur);
	printf("virtual armed: interval %ld us, value > 0 %d\n", (long)cur.it_interval.tv_usec,
	       cur.it_value.tv_sec > 0 || cur.it_value.tv_usec > 0);

	sleep(1);
	printf("after sleeping 1 s: SIGVTALRM %d, SIGPROF %d\n", vt, prof);

	volatile unsigned long spin = 0;
	while (vt < 3 || prof < 3)
		spin++;
	printf("busy: SIGVTALRM at least 3 %d, SIGPROF at least 3 %d\n", vt >= 3, prof >= 3);

	pid_t pid = fork();
	if (pid == 0) {
		getitimer(ITIMER_VIRTUAL, &cur);
		printf("child: virtual disarmed %d\n", cur.it_value.tv_sec == 0 && cur.it_value.tv_usec == 0);
		exit(0);
	}
	waitpid(pid, NULL, 0);

	memset(&it, 0, sizeof it);
	setitimer(ITIMER_VIRTUAL, &it, &old);
	printf("disarmed, old interval %ld us\n", (long)old.it_interval.tv_usec);
	setitimer(ITIMER_PROF, &it, NULL);
	getitimer(ITIMER_PROF, &cur);
	printf("prof disarmed %d\n", cur.it_value.tv_sec == 0 && cur.it_value.tv_usec == 0);
	printf("ITIMER 5: %d\n", setitimer(5, &it, NULL));

	signal(SIGVTALRM, SIG_DFL);
	it.it_value.tv_usec = 20000;
	setitimer(ITIMER_VIRTUAL, &it, NULL);
	for (;;)
		spin++;
}
