/*
 * ps: a snapshot of the processes, in procps-ng's formats.
 *
 *   ps          PID TTY TIME CMD
 *   ps -f       UID PID PPID C STIME TTY TIME CMD
 *   ps -l       F S UID PID PPID C PRI NI ADDR SZ WCHAN TTY TIME CMD
 *   ps -e, -A   every process
 *
 * Every process runs as the user on the terminal pts/0, except init
 * (pid 1), which belongs to root and has no terminal: like on Linux, plain
 * ps leaves it out. The kernel reports a process's state and CPU time but
 * not its memory size, start time or what it waits for: those columns
 * show placeholders.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <osplay.h>

#define MAX_PROCS 256

/* CPU time as [DD-]HH:MM:SS. */
static void cpu_time(char *buf, long ticks)
{
	long s = ticks / __OSPLAY_TICKS_PER_SEC;

	if (s >= 86400)
		sprintf(buf, "%ld-%02ld:%02ld:%02ld", s / 86400, s / 3600 % 24, s / 60 % 60, s % 60);
	else
		sprintf(buf, "%02ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
}

int main(int argc, char **argv)
{
	static struct __osplay_proc procs[MAX_PROCS];
	int full = 0, longfmt = 0, all = 0;
	int n, i, opt;
	char tbuf[32], stime[8];
	time_t now = time(NULL);
	struct tm tm;

	while ((opt = getopt(argc, argv, "aeAfl")) != -1) {
		switch (opt) {
		case 'a':
		case 'e':
		case 'A':
			all = 1;
			break;
		case 'f':
			full = 1;
			break;
		case 'l':
			longfmt = 1;
			break;
		default:
			fprintf(stderr, "error: unsupported option (BSD syntax)\n");
			return 1;
		}
	}
	n = __osplay_procs(procs, MAX_PROCS);
	if (n > MAX_PROCS)
		n = MAX_PROCS;
	localtime_r(&now, &tm);
	strftime(stime, sizeof stime, "%H:%M", &tm);

	if (longfmt && full)
		puts("F S UID          PID    PPID  C PRI  NI ADDR SZ WCHAN  STIME TTY          TIME CMD");
	else if (longfmt)
		puts("F S   UID     PID    PPID  C PRI  NI ADDR SZ WCHAN  TTY          TIME CMD");
	else if (full)
		puts("UID          PID    PPID  C STIME TTY          TIME CMD");
	else
		puts("    PID TTY          TIME CMD");
	for (i = 0; i < n; i++) {
		struct __osplay_proc *p = &procs[i];
		int init = p->pid == 1;
		const char *user = init ? "root" : "user";
		const char *tty = init ? "?" : "pts/0";

		if (init && !all)
			continue;
		cpu_time(tbuf, p->ticks);
		if (longfmt && full)
			printf("%d %c %-8s %7d %7d %2d %3d %3d %s %5s %-6s %5s %-8s %8s %s\n", init ? 4 : 0,
				p->state, user, p->pid, p->ppid, 0, 80, 0, "-", "-", "-", stime, tty, tbuf, p->name);
		else if (longfmt)
			printf("%d %c %5d %7d %7d %2d %3d %3d %s %5s %-6s %-8s %8s %s\n", init ? 4 : 0, p->state,
				init ? 0 : 1000, p->pid, p->ppid, 0, 80, 0, "-", "-", "-", tty, tbuf, p->name);
		else if (full)
			printf("%-8s %7d %7d %2d %5s %-8s %8s %s\n", user, p->pid, p->ppid, 0, stime, tty, tbuf,
				p->name);
		else
			printf("%7d %-8s %8s %s\n", p->pid, tty, tbuf, p->name);
	}
	return 0;
}
