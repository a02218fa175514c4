#ifndef _TIME_H
#define _TIME_H

#include <bits/types/size_t.h>
#include <bits/types/time_t.h>
#include <bits/types/clock_t.h>
#include <bits/types/clockid_t.h>
#include <bits/types/struct_timespec.h>
#ifndef NULL
#define NULL ((void *)0)
#endif

/* Broken-down time, in glibc's field order. */
struct tm {
	int tm_sec;    /* 0-60 */
	int tm_min;    /* 0-59 */
	int tm_hour;   /* 0-23 */
	int tm_mday;   /* 1-31 */
	int tm_mon;    /* 0-11 */
	int tm_year;   /* years since 1900 */
	int tm_wday;   /* 0-6, Sunday = 0 */
	int tm_yday;   /* 0-365 */
	int tm_isdst;
	long tm_gmtoff; /* seconds east of UTC */
	const char *tm_zone;
};

#define CLOCKS_PER_SEC ((clock_t)1000000)

#define CLOCK_REALTIME 0
#define CLOCK_MONOTONIC 1
#define CLOCK_PROCESS_CPUTIME_ID 2

/* System call. */
time_t time(time_t *t);

clock_t clock(void);
double difftime(time_t t1, time_t t0);
time_t mktime(struct tm *tm);
time_t timegm(struct tm *tm);
struct tm *gmtime(const time_t *t);
struct tm *gmtime_r(const time_t *t, struct tm *result);
struct tm *localtime(const time_t *t);
struct tm *localtime_r(const time_t *t, struct tm *result);
char *asctime(const struct tm *tm);
char *asctime_r(const struct tm *tm, char *buf);
char *ctime(const time_t *t);
char *ctime_r(const time_t *t, char *buf);
size_t strftime(char *s, size_t max, const char *format, const struct tm *tm);
int nanosleep(const struct timespec *req, struct timespec *rem);
int clock_gettime(clockid_t clock, struct timespec *ts);

#endif
