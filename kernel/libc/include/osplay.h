#ifndef _OSPLAY_H
#define _OSPLAY_H

/*
 * System calls of the simulated machine that Linux has no equivalent for
 * (Linux programs read /proc instead).
 */

/* One process in a snapshot of the process table. */
struct __osplay_proc {
	int pid;
	int ppid;
	int state;       /* as ps shows it: 'R', 'S', 'D', 'T' or 'Z' */
	int pad;
	long ticks;      /* CPU time used, in ticks */
	char name[64];   /* the program's name */
};

/* A tick is one microsecond of simulated time. */
#define __OSPLAY_TICKS_PER_SEC 1000000L

/* Fills buf with up to max processes; returns how many processes there are. */
int __osplay_procs(struct __osplay_proc *buf, int max);

/* Waits ticks ticks for an I/O on the named device ("disk"); returns 0. */
int __osplay_io(const char *device, long ticks);

#endif
