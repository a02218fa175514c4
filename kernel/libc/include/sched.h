#ifndef _SCHED_H
#define _SCHED_H

/* System call: give the processor to another runnable process. */
int sched_yield(void);

/* Linux's scheduling policies; the simulated machine's own is chosen in
   its settings, so these are only recorded (pthread_attr_setschedpolicy). */
#define SCHED_OTHER 0
#define SCHED_FIFO 1
#define SCHED_RR 2

struct sched_param {
	int sched_priority;
};

int sched_get_priority_max(int policy);
int sched_get_priority_min(int policy);

#endif
