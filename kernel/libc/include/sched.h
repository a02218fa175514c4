#ifndef _SCHED_H
#define _SCHED_H

/* System call: give the processor to another runnable process. */
int sched_yield(void);

#endif
