#ifndef _OSPLAY_EVENT_H
#define _OSPLAY_EVENT_H

/*
 * Events (seed 002, slides 2-4): a list of blocked processes the OS
 * keeps. event_wait blocks until the event is signalled, like P;
 * event_signal lets one waiting process go on, like V - but a signal
 * nobody waits for is lost, where a semaphore would remember it.
 * event_queue says how many wait. An event belongs to the OS: processes
 * made by fork after event_create share it.
 */

#include <osplay/model.h>

typedef int event_t;

/* A new event; name is for the views. */
static event_t event_create(const char *name);
/* Slide 3: topOfHour.wait() */
static int event_wait(event_t e);
/* Slide 3: topOfHour.signal() - 1 when a waiting process goes on, 0 when none waited. */
static int event_signal(event_t e);
/* Slide 3: topOfHour.queue() - the number of processes waiting. */
static int event_queue(event_t e);

/* The functions: each one op of the kernel's __osplay_model (kernel/model.go). */

static event_t event_create(const char *name)
{
	return (event_t)__osplay_model(__OSPLAY_EVENT_CREATE, (long)name, 0, 0, 0);
}

static int event_wait(event_t e)
{
	return (int)__osplay_model(__OSPLAY_EVENT_WAIT, e, 0, 0, 0);
}

static int event_signal(event_t e)
{
	return (int)__osplay_model(__OSPLAY_EVENT_SIGNAL, e, 0, 0, 0);
}

static int event_queue(event_t e)
{
	return (int)__osplay_model(__OSPLAY_EVENT_QUEUE, e, 0, 0, 0);
}

#endif
