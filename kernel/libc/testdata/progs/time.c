/* gmtime, localtime (UTC), mktime, strftime, asctime and ctime. */
#include <stdio.h>
#include <string.h>
#include <time.h>

static void show(time_t t)
{
	struct tm tm;
	char buf[256];
	size_t n;

	if (gmtime_r(&t, &tm) == NULL) {
		printf("%ld: gmtime failed\n", (long)t);
		return;
	}
	printf("%ld: %d-%d-%d %d:%d:%d wday=%d yday=%d isdst=%d zone=%s\n", (long)t, tm.tm_year,
		tm.tm_mon, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, tm.tm_wday, tm.tm_yday,
		tm.tm_isdst, tm.tm_zone);
	n = strftime(buf, sizeof buf, "%a %A %b %B %c|%C %d %D %e %F %h %H %I %j %k %l %m %M %p %P %r %R %S %T %u %U %w %W %x %X %y %Y %z %Z %% %-d %_m %0e %s", &tm);
	printf("  %zu [%s]\n", n, buf);
	printf("  %s", asctime(&tm));
	printf("  %s", ctime(&t));
	localtime_r(&t, &tm);
	strftime(buf, sizeof buf, "%Z %z", &tm);
	printf("  local %s\n", buf);
}

int main(void)
{
	static const long times[] = {0, 1, 59, 86399, 86400, 951782400, 951868800, 978307199,
		1234567890, 1700000000, 2147483647, 2147483648L, 4102444800L, 253402300799L, -1, -86400,
		-2208988800L, 1709164800, 1735603200, 1735689599};
	struct tm tm;
	char buf[64];
	size_t i;
	time_t t;

	for (i = 0; i < sizeof times / sizeof times[0]; i++)
		show((time_t)times[i]);

	memset(&tm, 0, sizeof tm);
	tm.tm_year = 124;
	tm.tm_mon = 13;
	tm.tm_mday = 0;
	tm.tm_hour = 25;
	tm.tm_min = -5;
	tm.tm_sec = 70;
	t = mktime(&tm);
	printf("mktime: %ld -> %d-%d-%d %d:%d:%d wday=%d yday=%d\n", (long)t, tm.tm_year, tm.tm_mon,
		tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, tm.tm_wday, tm.tm_yday);
	memset(&tm, 0, sizeof tm);
	tm.tm_year = 70;
	tm.tm_mday = 1;
	printf("timegm epoch: %ld\n", (long)timegm(&tm));
	tm.tm_year = 100;
	tm.tm_mon = -1;
	tm.tm_mday = 31;
	t = timegm(&tm);
	printf("timegm: %ld %d\n", (long)t, tm.tm_year);
	printf("difftime: %.1f\n", difftime(100, 40));
	printf("strftime too small: %zu\n", strftime(buf, 5, "%Y-%m-%d", gmtime(&t)));
	printf("strftime empty: %zu\n", strftime(buf, sizeof buf, "", gmtime(&t)));
	i = strftime(buf, sizeof buf, "%Q|%E", gmtime(&t));
	printf("strftime unknown: %zu [%s]\n", i, buf);
	return 0;
}
