/* stdio locked per FILE: a thread holding stdout with flockfile writes its
   whole line with the _unlocked calls while the other, which calls printf
   meanwhile, waits for funlockfile; ftrylockfile fails while it is held
   by another thread and nests for its holder. */
#include <stdio.h>
#include <pthread.h>
#include <unistd.h>

static volatile int holding, tried;

static void *other(void *arg)
{
	(void)arg;
	while (!holding)
		sched_yield();
	int r = ftrylockfile(stdout);
	tried = 1;
	printf("trylock from the other thread: %s\n", r == 0 ? "taken" : "busy");
	printf("the other thread's printf, after the line\n");
	return NULL;
}

int main(void)
{
	const char *s = "a line written a character at a time\n";
	pthread_t t;

	setvbuf(stdout, NULL, _IONBF, 0);
	pthread_create(&t, NULL, other, NULL);
	flockfile(stdout);
	printf("trylock by the holder: %d\n", ftrylockfile(stdout));
	funlockfile(stdout);
	holding = 1;
	while (!tried)
		sched_yield();
	for (; *s; s++) {
		putchar_unlocked(*s);
		sched_yield();
	}
	fputs_unlocked("end of the line\n", stdout);
	funlockfile(stdout);
	pthread_join(t, NULL);
	int c = getc_unlocked(stdin);
	printf("first input byte %d\n", c);
	return 0;
}
