/* The shared balance in a monitor (seed 002, slide 14): credit and debit
   are the monitor's procedures, so only one thread at a time changes
   balance, and no update is lost however the scheduler interleaves them. */
#include <stdio.h>
#include <pthread.h>
#include <osplay/monitor.h>

monitor_t sharedBalance;
double balance = 0;

void credit(double amount)
{
	monitor_enter(sharedBalance);
	balance += amount;
	monitor_leave(sharedBalance);
}

void debit(double amount)
{
	monitor_enter(sharedBalance);
	balance -= amount;
	monitor_leave(sharedBalance);
}

void *depositor(void *arg)
{
	for (int i = 0; i < 100; i++)
		credit(10);
	return NULL;
}

void *spender(void *arg)
{
	for (int i = 0; i < 100; i++)
		debit(3);
	return NULL;
}

int main(void)
{
	pthread_t a, b;
	sharedBalance = monitor_create("sharedBalance");
	pthread_create(&a, NULL, depositor, NULL);
	pthread_create(&b, NULL, spender, NULL);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	printf("balance = %.2f (want 700.00)\n", balance);
	return 0;
}
