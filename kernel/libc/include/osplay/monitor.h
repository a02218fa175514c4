#ifndef _OSPLAY_MONITOR_H
#define _OSPLAY_MONITOR_H

/*
 * Monitors (seed 002, slides 11-27). One thread at a time is inside a
 * monitor: every procedure of the monitor begins with monitor_enter and
 * ends with monitor_leave, the P(mutex) and V(mutex) a compiler adds
 * (slide 11). Threads that find it taken wait in its entry queue.
 *
 * What condition_signal does is the run's setting "monitor" (slide 20):
 * hoare (the default) — the signalled thread runs in the monitor at once
 * and the signaller waits in the urgent queue; mesa — the signaller goes
 * on and the signalled thread waits to enter again, so it must check its
 * condition again: while, not if.
 */

#include <osplay/model.h>
#include <errno.h>

typedef int monitor_t;
typedef int condition_t;

/* A new monitor; name is for the views. */
static monitor_t monitor_create(const char *name);
/* Slide 11: the implicit P(mutex) at the start of a procedure. */
static void monitor_enter(monitor_t mon);
/* Slide 11: the implicit V(mutex) at the end of a procedure. */
static void monitor_leave(monitor_t mon);

/* Slide 18: a condition variable of the monitor. */
static condition_t condition_create(monitor_t mon, const char *name);
/* Slide 18: x.wait() - wait, out of the monitor, until signalled; returns inside it. */
static void condition_wait(condition_t x);
/* Slide 18: x.signal() - let one waiting thread go on; nothing if none waits. */
static void condition_signal(condition_t x);
/* Slide 18: x.queue() - how many threads wait (true when at least one). */
static int condition_queue(condition_t x);

/* The functions: each one op of the kernel's __osplay_model (kernel/model.go). */

static monitor_t monitor_create(const char *name)
{
	return (monitor_t)__osplay_model(__OSPLAY_MONITOR_CREATE, (long)name, 0, 0, 0);
}

static void monitor_enter(monitor_t mon)
{
	while (__osplay_model(__OSPLAY_MONITOR_ENTER, mon, 0, 0, 0) < 0 && errno == EINTR)
		;
}

static void monitor_leave(monitor_t mon)
{
	__osplay_model(__OSPLAY_MONITOR_LEAVE, mon, 0, 0, 0);
}

static condition_t condition_create(monitor_t mon, const char *name)
{
	return (condition_t)__osplay_model(__OSPLAY_CONDITION_CREATE, mon, (long)name, 0, 0);
}

static void condition_wait(condition_t x)
{
	if (__osplay_model(__OSPLAY_CONDITION_WAIT, x, 0, 0, 0) < 0 && errno == EINTR)
		monitor_enter((monitor_t)__osplay_model(__OSPLAY_CONDITION_QUEUE, x, 1, 0, 0));
}

static void condition_signal(condition_t x)
{
	if (__osplay_model(__OSPLAY_CONDITION_SIGNAL, x, 0, 0, 0) < 0 && errno == EINTR)
		monitor_enter((monitor_t)__osplay_model(__OSPLAY_CONDITION_QUEUE, x, 1, 0, 0));
}

static int condition_queue(condition_t x)
{
	return (int)__osplay_model(__OSPLAY_CONDITION_QUEUE, x, 0, 0, 0);
}

#endif
