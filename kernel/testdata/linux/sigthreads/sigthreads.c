/* Expect: signals and threads. The main thread blocks SIGUSR1 and SIGTERM
 * before it creates threads, which inherit the mask; a dedicated thread
 * takes the process's signals with sigwait, in the order sent; a signal
 * sent to one thread with pthread_kill runs its handler in that thread,
 * which sees its own tid; raise signals the calling thread. */
#include <stdio.h>
#include <signal.h>
#include <pthread.h>
#include <unistd.h>

static volatile pthread_t in_handler;
static volatile int handled;

static void on_usr2(int sig)
{
	in_handler = pthread_self();
	handled++;
}

static void *waiter(void *arg)
{
	sigset_t *set = arg;
	for (;;) {
		int sig;
		if (sigwait(set, &sig) != 0)
			return NULL;
		printf("sigwait: %s\n", sig == SIGUSR1 ? "SIGUSR1" : sig == SIGTERM ? "SIGTERM" : "other");
		if (sig == SIGTERM)
			return NULL;
	}
}

static volatile int go;

static void *worker(void *arg)
{
	while (!go)
		usleep(1000);
	return NULL;
}

int main(void)
{
	setvbuf(stdout, NULL, _IONBF, 0);
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigaddset(&set, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	signal(SIGUSR2, on_usr2);

	pthread_t w, k;
	pthread_create(&w, NULL, waiter, &set);
	pthread_create(&k, NULL, worker, NULL);
	kill(getpid(), SIGUSR1);
	usleep(100000);
	kill(getpid(), SIGTERM);
	pthread_join(w, NULL);

	pthread_kill(k, SIGUSR2);
	usleep(100000);
	printf("pthread_kill: handled %d, in the worker %d\n", handled, pthread_equal(in_handler, k) != 0);
	raise(SIGUSR2);
	printf("raise: handled %d, in main %d\n", handled, pthread_equal(in_handler, pthread_self()) != 0);
	go = 1;
	pthread_join(k, NULL);
	printf("done\n");
	return 0;
}
