/* The one-way tunnel (seed 002, slides 21-23), the slide's monitor as it
   is: a car waits on busy while cars go the other way; the last car out
   of the tunnel signals every car waiting. Cars going the same way follow
   each other in. The traffic lights only show what the counts hold. */
#include <stdio.h>
#include <pthread.h>
#include <sched.h>
#include <osplay/monitor.h>

enum direction { NORTH, SOUTH };
enum trafficSignal { RED, GREEN };

monitor_t tunnel;
int northbound = 0, southbound = 0;
enum trafficSignal nbSignal = RED, sbSignal = GREEN;
condition_t busy;
int headOn = 0;	/* cars that met one coming the other way: never */

void northboundArrival(void)
{
	monitor_enter(tunnel);
	if (southbound > 0)
		condition_wait(busy);
	northbound++;
	nbSignal = GREEN;
	sbSignal = RED;
	if (southbound > 0)
		headOn++;
	monitor_leave(tunnel);
}

void southboundArrival(void)
{
	monitor_enter(tunnel);
	if (northbound > 0)
		condition_wait(busy);
	southbound++;
	nbSignal = RED;
	sbSignal = GREEN;
	if (northbound > 0)
		headOn++;
	monitor_leave(tunnel);
}

void depart(enum direction exit)
{
	monitor_enter(tunnel);
	if (exit == NORTH) {
		northbound--;
		if (northbound == 0)
			while (condition_queue(busy))
				condition_signal(busy);
	} else if (exit == SOUTH) {
		southbound--;
		if (southbound == 0)
			while (condition_queue(busy))
				condition_signal(busy);
	}
	monitor_leave(tunnel);
}

void *northCar(void *arg)
{
	for (int i = 0; i < 3; i++) {
		northboundArrival();
		sched_yield();	/* drive through */
		depart(NORTH);
	}
	return NULL;
}

void *southCar(void *arg)
{
	for (int i = 0; i < 3; i++) {
		southboundArrival();
		sched_yield();	/* drive through */
		depart(SOUTH);
	}
	return NULL;
}

int main(void)
{
	pthread_t car[4];
	tunnel = monitor_create("tunnel");
	busy = condition_create(tunnel, "busy");
	pthread_create(&car[0], NULL, northCar, NULL);
	pthread_create(&car[1], NULL, southCar, NULL);
	pthread_create(&car[2], NULL, northCar, NULL);
	pthread_create(&car[3], NULL, southCar, NULL);
	for (int i = 0; i < 4; i++)
		pthread_join(car[i], NULL);
	printf("12 trips, head-on meetings: %d\n", headOn);
	return 0;
}
