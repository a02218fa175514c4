/* A small bank, the size of a lecture's example: two tellers move money
   between accounts, each transfer under the accounts' locks taken in
   order of account number, and an auditor checks at the end that no money
   was made or lost. About a hundred lines, two threads: the program the
   exploration benchmark runs. */
#include <stdio.h>
#include <stdlib.h>
#include <pthread.h>

#define ACCOUNTS 4
#define TRANSFERS 6

struct account {
	int id;
	int balance;
	pthread_mutex_t lock;
};

static struct account bank[ACCOUNTS];
static int transfers_done;
static pthread_mutex_t stats = PTHREAD_MUTEX_INITIALIZER;

static void open_accounts(void)
{
	for (int i = 0; i < ACCOUNTS; i++) {
		bank[i].id = i;
		bank[i].balance = 100;
		pthread_mutex_init(&bank[i].lock, NULL);
	}
}

static int total(void)
{
	int sum = 0;
	for (int i = 0; i < ACCOUNTS; i++)
		sum += bank[i].balance;
	return sum;
}

/* transfer moves amount from one account to another, locking the lower
   account number first so that two tellers never wait for each other in
   a circle. */
static int transfer(struct account *from, struct account *to, int amount)
{
	struct account *first = from->id < to->id ? from : to;
	struct account *second = from->id < to->id ? to : from;
	int ok = 0;

	pthread_mutex_lock(&first->lock);
	pthread_mutex_lock(&second->lock);
	if (from->balance >= amount) {
		from->balance -= amount;
		to->balance += amount;
		ok = 1;
	}
	pthread_mutex_unlock(&second->lock);
	pthread_mutex_unlock(&first->lock);
	return ok;
}

struct teller {
	int seed;
	int moved;
};

/* next is a small deterministic generator, so that runs differ only by
   their schedule. */
static int next(int *seed)
{
	*seed = *seed * 1103515245 + 12345;
	return (*seed >> 16) & 0x7fff;
}

static void *teller(void *arg)
{
	struct teller *t = arg;
	for (int i = 0; i < TRANSFERS; i++) {
		int a = next(&t->seed) % ACCOUNTS;
		int b = (a + 1 + next(&t->seed) % (ACCOUNTS - 1)) % ACCOUNTS;
		if (transfer(&bank[a], &bank[b], 10 + next(&t->seed) % 20))
			t->moved++;
	}
	pthread_mutex_lock(&stats);
	transfers_done += t->moved;
	pthread_mutex_unlock(&stats);
	return NULL;
}

int main(void)
{
	pthread_t tid[2];
	struct teller tellers[2] = {{1, 0}, {2, 0}};

	open_accounts();
	for (int i = 0; i < 2; i++)
		pthread_create(&tid[i], NULL, teller, &tellers[i]);
	for (int i = 0; i < 2; i++)
		pthread_join(tid[i], NULL);
	if (total() != ACCOUNTS * 100) {
		printf("money went missing: %d\n", total());
		return 1;
	}
	printf("%d transfers, total %d\n", transfers_done, total());
	return 0;
}
