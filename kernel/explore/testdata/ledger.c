/* Two tellers after a long start: the ledger of past transfers is summed
   into the accounts (a few hundred thousand instructions) before the
   threads start, so every schedule shares a long beginning. The
   exploration benchmark's program for runs that start from a snapshot. */
#include <stdio.h>
#include <pthread.h>

#define ENTRIES 20000

static int ledger[ENTRIES];
static int balance[4];
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static void *teller(void *arg)
{
	int from = *(int *)arg;
	for (int i = 0; i < 3; i++) {
		pthread_mutex_lock(&lock);
		balance[from] -= 1;
		balance[(from + 1) % 4] += 1;
		pthread_mutex_unlock(&lock);
	}
	return NULL;
}

int main(void)
{
	for (int i = 0; i < ENTRIES; i++)
		ledger[i] = (i * 7919) % 13 - 6;
	for (int i = 0; i < ENTRIES; i++)
		balance[i % 4] += ledger[i];
	pthread_t t[2];
	int from[2] = {0, 2};
	for (int i = 0; i < 2; i++)
		pthread_create(&t[i], NULL, teller, &from[i]);
	for (int i = 0; i < 2; i++)
		pthread_join(t[i], NULL);
	printf("total %d\n", balance[0] + balance[1] + balance[2] + balance[3]);
	return 0;
}
