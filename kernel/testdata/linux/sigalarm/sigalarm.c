/* Expect: alarm and pause. alarm returns what was left of the previous
 * alarm (rounded to the nearest second), alarm(0) cancels; an ITIMER_REAL
 * with an interval sends SIGALRM again and again until it is disarmed;
 * getitimer shows an armed timer. Without a handler SIGALRM ends the
 * process (exit status 128+14). */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <signal.h>
#include <sys/time.h>

static volatile sig_atomic_t ticks;

static void on_alarm(int sig)
{
	ticks++;
}

int main(void)
{
	setvbuf(stdout, NULL, _IONBF, 0);
	signal(SIGALRM, on_alarm);
	printf("first alarm: %u\n", alarm(5));
	printf("replaced, left: %u\n", alarm(1));
	pause();
	printf("after pause: %d alarm(s)\n", ticks);
	alarm(3);
	printf("cancelled, left: %u\n", alarm(0));

	struct itimerval it;
	memset(&it, 0, sizeof it);
	it.it_value.tv_usec = 200000;
	it.it_interval.tv_usec = 100000;
	setitimer(ITIMER_REAL, &it, NULL);
	struct itimerval cur;
	getitimer(ITIMER_REAL, &cur);
	printf("armed: interval %ld us, value > 0: %d\n", (long)cur.it_interval.tv_usec,
	       cur.it_value.tv_sec > 0 || cur.it_value.tv_usec > 0);
	while (ticks < 5)
		pause();
	memset(&it, 0, sizeof it);
	setitimer(ITIMER_REAL, &it, NULL);
	getitimer(ITIMER_REAL, &cur);
	printf("ticks %d, disarmed: %d\n", ticks, cur.it_value.tv_sec == 0 && cur.it_value.tv_usec == 0);

	signal(SIGALRM, SIG_DFL);
	alarm(1);
	for (;;)
		pause();
}
