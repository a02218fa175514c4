/*
 * Calendar time. The simulated machine keeps UTC, so local time is UTC
 * too (as on a Linux system without a time zone configured).
 */
#include <time.h>
#include <stdio.h>
#include <stdlib.h>
#include <errno.h>
#include <limits.h>
#include <unistd.h>
#include <sys/time.h>
#include <osplay.h>

#define SECS_PER_DAY 86400L

/*
 * Days since 1970-01-01 of a date in the proleptic Gregorian calendar.
 * The year is counted from March, so that the leap day is the last day of
 * the year, and split into 400-year eras of 146097 days each.
 */
static long days_from_civil(long y, int m, int d)
{
	long era, yoe, doy, doe;

	if (m <= 2)
		y--;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;                                 /* 0..399 */
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1; /* 0..365 */
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;         /* 0..146096 */
	return era * 146097 + doe - 719468;
}

/* The inverse: the date of day z since 1970-01-01. */
static void civil_from_days(long z, long *y, int *m, int *d)
{
	long era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = yoe + era * 400 + (*m <= 2);
}

static struct tm *breakdown(time_t t, struct tm *tm, const char *zone)
{
	long days = t / SECS_PER_DAY;
	long secs = t % SECS_PER_DAY;
	long year;
	int mon, mday;

	if (secs < 0) {
		secs += SECS_PER_DAY;
		days--;
	}
	civil_from_days(days, &year, &mon, &mday);
	if (year - 1900 > INT_MAX || year - 1900 < INT_MIN) {
		errno = EOVERFLOW;
		return NULL;
	}
	tm->tm_year = (int)(year - 1900);
	tm->tm_mon = mon - 1;
	tm->tm_mday = mday;
	tm->tm_hour = (int)(secs / 3600);
	tm->tm_min = (int)(secs / 60 % 60);
	tm->tm_sec = (int)(secs % 60);
	/* 1970-01-01 was a Thursday. */
	tm->tm_wday = (int)((days % 7 + 11) % 7);
	tm->tm_yday = (int)(days - days_from_civil(year, 1, 1));
	tm->tm_isdst = 0;
	tm->tm_gmtoff = 0;
	tm->tm_zone = zone;
	return tm;
}

struct tm *gmtime_r(const time_t *t, struct tm *result)
{
	return breakdown(*t, result, "GMT");
}

struct tm *localtime_r(const time_t *t, struct tm *result)
{
	return breakdown(*t, result, "UTC");
}

static struct tm shared_tm;

struct tm *gmtime(const time_t *t)
{
	return gmtime_r(t, &shared_tm);
}

struct tm *localtime(const time_t *t)
{
	return localtime_r(t, &shared_tm);
}

/* Seconds since the epoch of a broken-down time whose fields may be out of range. */
static time_t seconds(const struct tm *tm)
{
	long year = tm->tm_year + 1900L;
	long mon = tm->tm_mon;

	/* Bring the month into 0..11, carrying into the year. */
	year += mon / 12;
	mon %= 12;
	if (mon < 0) {
		mon += 12;
		year--;
	}
	return (days_from_civil(year, (int)mon + 1, 1) + tm->tm_mday - 1) * SECS_PER_DAY
		+ tm->tm_hour * 3600L + tm->tm_min * 60L + tm->tm_sec;
}

/* mktime also normalises *tm and fills in tm_wday and tm_yday. */
time_t mktime(struct tm *tm)
{
	time_t t = seconds(tm);

	if (breakdown(t, tm, "UTC") == NULL)
		return (time_t)-1;
	return t;
}

time_t timegm(struct tm *tm)
{
	time_t t = seconds(tm);

	if (breakdown(t, tm, "GMT") == NULL)
		return (time_t)-1;
	return t;
}

double difftime(time_t t1, time_t t0)
{
	return (double)(t1 - t0);
}

static const char day_names[7][4] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
static const char month_names[12][4] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
	"Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

/* "Thu Jan  1 00:00:00 1970\n" */
char *asctime_r(const struct tm *tm, char *buf)
{
	const char *day = tm->tm_wday >= 0 && tm->tm_wday < 7 ? day_names[tm->tm_wday] : "???";
	const char *mon = tm->tm_mon >= 0 && tm->tm_mon < 12 ? month_names[tm->tm_mon] : "???";

	sprintf(buf, "%.3s %.3s%3d %.2d:%.2d:%.2d %d\n", day, mon, tm->tm_mday, tm->tm_hour,
		tm->tm_min, tm->tm_sec, 1900 + tm->tm_year);
	return buf;
}

char *asctime(const struct tm *tm)
{
	static char buf[114];

	return asctime_r(tm, buf);
}

char *ctime_r(const time_t *t, char *buf)
{
	struct tm tm;

	if (localtime_r(t, &tm) == NULL)
		return NULL;
	return asctime_r(&tm, buf);
}

char *ctime(const time_t *t)
{
	return asctime(localtime(t));
}

/*
 * clock: the CPU time this process has used, which the kernel counts in
 * ticks. It is read from a snapshot of the process table.
 */
clock_t clock(void)
{
	struct __osplay_proc small[16];
	struct __osplay_proc *procs = small;
	int n, i;
	pid_t me = getpid();
	clock_t result = (clock_t)-1;

	n = __osplay_procs(small, 16);
	if (n > 16) {
		procs = malloc(n * sizeof *procs);
		if (procs == NULL)
			return (clock_t)-1;
		n = __osplay_procs(procs, n);
	}
	for (i = 0; i < n; i++) {
		if (procs[i].pid == me) {
			result = (clock_t)(procs[i].ticks * (CLOCKS_PER_SEC / __OSPLAY_TICKS_PER_SEC));
			break;
		}
	}
	if (procs != small)
		free(procs);
	return result;
}

int clock_gettime(clockid_t clk, struct timespec *ts)
{
	struct timeval tv;
	clock_t c;

	switch (clk) {
	case CLOCK_REALTIME:
	case CLOCK_MONOTONIC:
		if (gettimeofday(&tv, NULL) < 0)
			return -1;
		ts->tv_sec = tv.tv_sec;
		ts->tv_nsec = tv.tv_usec * 1000;
		return 0;
	case CLOCK_PROCESS_CPUTIME_ID:
		c = clock();
		if (c == (clock_t)-1)
			return -1;
		ts->tv_sec = c / CLOCKS_PER_SEC;
		ts->tv_nsec = c % CLOCKS_PER_SEC * (1000000000 / CLOCKS_PER_SEC);
		return 0;
	}
	errno = EINVAL;
	return -1;
}

/* Sleep in whole seconds with sleep, then the rest with usleep. */
int nanosleep(const struct timespec *req, struct timespec *rem)
{
	if (req->tv_nsec < 0 || req->tv_nsec >= 1000000000 || req->tv_sec < 0) {
		errno = EINVAL;
		return -1;
	}
	if (req->tv_sec > 0)
		sleep((unsigned int)req->tv_sec);
	if (req->tv_nsec >= 1000)
		usleep((useconds_t)(req->tv_nsec / 1000));
	if (rem != NULL) {
		rem->tv_sec = 0;
		rem->tv_nsec = 0;
	}
	return 0;
}
