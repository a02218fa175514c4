/* The one-way tunnel (seed 002, slides 21-23): cars from the north and
   from the south share a tunnel one lane wide. A car may enter when no car
   drives the other way; cars going the same way follow each other in. The
   monitor is a mutex and one condition variable, busy, on which a car
   waits for the tunnel to empty. */
#include <stdio.h>
#include <pthread.h>
#include <sched.h>

#define CARS 3		/* per direction */
#define TRIPS 4		/* per car */

enum direction { NORTH, SOUTH };

pthread_mutex_t monitor = PTHREAD_MUTEX_INITIALIZER;
pthread_cond_t busy = PTHREAD_COND_INITIALIZER;
int northbound = 0, southbound = 0;	/* cars in the tunnel, each way */

int crossings[2];
int headOn = 0;		/* times a car entered with cars coming the other way */

void northboundArrival(void)
{
	pthread_mutex_lock(&monitor);
	while (southbound > 0)
		pthread_cond_wait(&busy, &monitor);
	if (southbound > 0)
		headOn++;
	northbound++;
	crossings[NORTH]++;
	pthread_mutex_unlock(&monitor);
}

void southboundArrival(void)
{
	pthread_mutex_lock(&monitor);
	while (northbound > 0)
		pthread_cond_wait(&busy, &monitor);
	if (northbound > 0)
		headOn++;
	southbound++;
	crossings[SOUTH]++;
	pthread_mutex_unlock(&monitor);
}

void depart(enum direction exit)
{
	pthread_mutex_lock(&monitor);
	if (exit == NORTH) {
		northbound--;
		if (northbound == 0)
			pthread_cond_broadcast(&busy);
	} else {
		southbound--;
		if (southbound == 0)
			pthread_cond_broadcast(&busy);
	}
	pthread_mutex_unlock(&monitor);
}

void drive(void)
{
	sched_yield();		/* the trip takes a while */
}

void *northCar(void *arg)
{
	for (int i = 0; i < TRIPS; i++) {
		northboundArrival();
		drive();
		depart(NORTH);
	}
	return NULL;
}

void *southCar(void *arg)
{
	for (int i = 0; i < TRIPS; i++) {
		southboundArrival();
		drive();
		depart(SOUTH);
	}
	return NULL;
}

int main(void)
{
	pthread_t car[2 * CARS];
	for (int i = 0; i < CARS; i++) {
		pthread_create(&car[2 * i], NULL, northCar, NULL);
		pthread_create(&car[2 * i + 1], NULL, southCar, NULL);
	}
	for (int i = 0; i < 2 * CARS; i++)
		pthread_join(car[i], NULL);
	printf("northbound crossings: %d\n", crossings[NORTH]);
	printf("southbound crossings: %d\n", crossings[SOUTH]);
	printf("head-on meetings: %d\n", headOn);
	return 0;
}
