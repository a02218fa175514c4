/*
 * strftime for the "C" locale, with GNU's padding flags: %-d (no
 * padding), %_d (spaces), %0e (zeros).
 */
#include <time.h>
#include <stdio.h>
#include <string.h>

static const char *const days[7] = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday",
	"Friday", "Saturday"};
static const char *const months[12] = {"January", "February", "March", "April", "May", "June",
	"July", "August", "September", "October", "November", "December"};

struct sbuf {
	char *s;
	size_t max;
	size_t len;
};

static void add(struct sbuf *b, const char *p, size_t n)
{
	while (n-- > 0) {
		if (b->len < b->max)
			b->s[b->len] = *p;
		b->len++;
		p++;
	}
}

/* A number, at least width digits, padded as pad says: '0', ' ', or '-' for none. */
static void number(struct sbuf *b, long v, int width, int pad)
{
	char digits[24];
	int n = 0;
	int negative = v < 0;
	unsigned long u = negative ? 0 - (unsigned long)v : (unsigned long)v;

	do {
		digits[n++] = (char)('0' + u % 10);
		u /= 10;
	} while (u != 0);
	if (pad == '-')
		width = 0;
	width -= n + negative;
	if (pad == ' ')
		for (; width > 0; width--)
			add(b, " ", 1);
	if (negative)
		add(b, "-", 1);
	for (; width > 0; width--)
		add(b, "0", 1);
	while (n > 0)
		add(b, &digits[--n], 1);
}

static void text(struct sbuf *b, const char *s)
{
	add(b, s, strlen(s));
}

static const char *name(const char *const *names, int i, int n)
{
	return i >= 0 && i < n ? names[i] : "?";
}

static void format(struct sbuf *b, const char *fmt, const struct tm *tm)
{
	const char *start;
	char tmp[16];
	struct tm copy;
	int pad, hour12;
	long gmtoff;

	for (; *fmt != '\0'; fmt++) {
		if (*fmt != '%') {
			add(b, fmt, 1);
			continue;
		}
		start = fmt++;
		pad = 0;
		if (*fmt == '-' || *fmt == '0')
			pad = *fmt++;
		else if (*fmt == '_') {
			pad = ' ';
			fmt++;
		}
		hour12 = tm->tm_hour % 12 == 0 ? 12 : tm->tm_hour % 12;
		switch (*fmt) {
		case 'a':
			add(b, name(days, tm->tm_wday, 7), 3);
			break;
		case 'A':
			text(b, name(days, tm->tm_wday, 7));
			break;
		case 'b':
		case 'h':
			add(b, name(months, tm->tm_mon, 12), 3);
			break;
		case 'B':
			text(b, name(months, tm->tm_mon, 12));
			break;
		case 'c':
			format(b, "%a %b %e %H:%M:%S %Y", tm);
			break;
		case 'C':
			number(b, (tm->tm_year + 1900L) / 100, 2, pad ? pad : '0');
			break;
		case 'd':
			number(b, tm->tm_mday, 2, pad ? pad : '0');
			break;
		case 'D':
		case 'x':
			format(b, "%m/%d/%y", tm);
			break;
		case 'e':
			number(b, tm->tm_mday, 2, pad ? pad : ' ');
			break;
		case 'F':
			format(b, "%Y-%m-%d", tm);
			break;
		case 'H':
			number(b, tm->tm_hour, 2, pad ? pad : '0');
			break;
		case 'I':
			number(b, hour12, 2, pad ? pad : '0');
			break;
		case 'j':
			number(b, tm->tm_yday + 1, 3, pad ? pad : '0');
			break;
		case 'k':
			number(b, tm->tm_hour, 2, pad ? pad : ' ');
			break;
		case 'l':
			number(b, hour12, 2, pad ? pad : ' ');
			break;
		case 'm':
			number(b, tm->tm_mon + 1, 2, pad ? pad : '0');
			break;
		case 'M':
			number(b, tm->tm_min, 2, pad ? pad : '0');
			break;
		case 'n':
			text(b, "\n");
			break;
		case 'p':
			text(b, tm->tm_hour < 12 ? "AM" : "PM");
			break;
		case 'P':
			text(b, tm->tm_hour < 12 ? "am" : "pm");
			break;
		case 'r':
			format(b, "%I:%M:%S %p", tm);
			break;
		case 'R':
			format(b, "%H:%M", tm);
			break;
		case 's':
			copy = *tm;
			sprintf(tmp, "%ld", (long)mktime(&copy));
			text(b, tmp);
			break;
		case 'S':
			number(b, tm->tm_sec, 2, pad ? pad : '0');
			break;
		case 't':
			text(b, "\t");
			break;
		case 'T':
		case 'X':
			format(b, "%H:%M:%S", tm);
			break;
		case 'u':
			number(b, tm->tm_wday == 0 ? 7 : tm->tm_wday, 1, pad ? pad : '0');
			break;
		case 'U':
			/* Weeks starting on Sunday; days before the first Sunday are week 0. */
			number(b, (tm->tm_yday + 7 - tm->tm_wday) / 7, 2, pad ? pad : '0');
			break;
		case 'w':
			number(b, tm->tm_wday, 1, pad ? pad : '0');
			break;
		case 'W':
			/* The same with weeks starting on Monday. */
			number(b, (tm->tm_yday + 7 - (tm->tm_wday + 6) % 7) / 7, 2, pad ? pad : '0');
			break;
		case 'y':
			number(b, ((tm->tm_year + 1900L) % 100 + 100) % 100, 2, pad ? pad : '0');
			break;
		case 'Y':
			number(b, tm->tm_year + 1900L, 1, pad ? pad : '0');
			break;
		case 'z':
			gmtoff = tm->tm_gmtoff;
			sprintf(tmp, "%c%02ld%02ld", gmtoff < 0 ? '-' : '+', (gmtoff < 0 ? -gmtoff : gmtoff) / 3600,
				(gmtoff < 0 ? -gmtoff : gmtoff) / 60 % 60);
			text(b, tmp);
			break;
		case 'Z':
			if (tm->tm_zone != NULL)
				text(b, tm->tm_zone);
			break;
		case '%':
			text(b, "%");
			break;
		default:
			/* Unknown: copied as it is, like glibc. */
			if (*fmt == '\0') {
				add(b, start, fmt - start);
				return;
			}
			add(b, start, fmt + 1 - start);
			break;
		}
	}
}

/* The length of the result without its NUL, or 0 if it does not fit in max bytes. */
size_t strftime(char *s, size_t max, const char *fmt, const struct tm *tm)
{
	struct sbuf b;

	b.s = s;
	b.max = max;
	b.len = 0;
	format(&b, fmt, tm);
	if (b.len >= max)
		return 0;
	s[b.len] = '\0';
	return b.len;
}
