/* Synchronisation between processes through shared memory: unnamed
   semaphores (sem_init with pshared 1), a process-shared mutex and
   condition variable, in a MAP_SHARED mapping that a parent and its
   forked children use. */
#include <stdio.h>
#include <pthread.h>
#include <semaphore.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

struct shared {
	sem_t ready, lock;
	pthread_mutex_t m;
	pthread_cond_t c;
	int count, turn;
};

int main(void)
{
	struct shared *s = mmap(NULL, sizeof *s, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	pthread_mutexattr_t ma;
	pthread_condattr_t ca;
	int v;

	sem_init(&s->ready, 1, 0);
	sem_init(&s->lock, 1, 1);
	pthread_mutexattr_init(&ma);
	pthread_mutexattr_setpshared(&ma, PTHREAD_PROCESS_SHARED);
	pthread_mutexattr_getpshared(&ma, &v);
	printf("mutex attr shared: %d\n", v == PTHREAD_PROCESS_SHARED);
	pthread_mutexattr_settype(&ma, PTHREAD_MUTEX_ERRORCHECK);
	pthread_mutexattr_gettype(&ma, &v);
	printf("mutex attr type errorcheck: %d\n", v == PTHREAD_MUTEX_ERRORCHECK);
	pthread_mutex_init(&s->m, &ma);
	pthread_condattr_init(&ca);
	pthread_condattr_setpshared(&ca, PTHREAD_PROCESS_SHARED);
	pthread_condattr_getpshared(&ca, &v);
	printf("cond attr shared: %d\n", v == PTHREAD_PROCESS_SHARED);
	pthread_cond_init(&s->c, &ca);

	for (int k = 0; k < 3; k++) {
		if (fork() == 0) {
			for (int i = 0; i < 100; i++) {
				sem_wait(&s->lock);
				s->count++;
				sem_post(&s->lock);
			}
			/* Wait for this child's turn under the shared mutex. */
			pthread_mutex_lock(&s->m);
			while (s->turn != k)
				pthread_cond_wait(&s->c, &s->m);
			printf("child %d: its turn\n", k);
			fflush(stdout);
			s->turn++;
			pthread_cond_broadcast(&s->c);
			pthread_mutex_unlock(&s->m);
			sem_post(&s->ready);
			_exit(0);
		}
	}
	for (int k = 0; k < 3; k++)
		sem_wait(&s->ready);
	sem_getvalue(&s->ready, &v);
	printf("parent: all three ready (value %d), count %d, turn %d\n", v, s->count, s->turn);
	while (wait(NULL) > 0)
		;
	sem_destroy(&s->ready);
	sem_destroy(&s->lock);
	pthread_mutex_destroy(&s->m);
	pthread_cond_destroy(&s->c);
	munmap(s, sizeof *s);
	return 0;
}
