/* A mutex that protects one variable but not the other: balance is only
   touched under m, count is updated outside it. */
#include <stdio.h>
#include <pthread.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static int balance;
static int count;

static void *deposit(void *arg)
{
	for (int i = 0; i < 3; i++) {
		pthread_mutex_lock(&m);
		balance = balance + 10;
		pthread_mutex_unlock(&m);
		count = count + 1;
	}
	return NULL;
}

int main(void)
{
	pthread_t a, b;
	pthread_create(&a, NULL, deposit, NULL);
	pthread_create(&b, NULL, deposit, NULL);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	printf("balance %d count %d\n", balance, count);
	return 0;
}
