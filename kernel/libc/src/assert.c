#include <assert.h>
#include <stdio.h>
#include <stdlib.h>

extern const char *__progname;

/* glibc's message, e.g. "prog: t.c:5: main: Assertion `x > 0' failed." */
void __assert_fail(const char *expr, const char *file, unsigned int line, const char *func)
{
	fprintf(stderr, "%s%s%s:%u: %s%sAssertion `%s' failed.\n", __progname,
		__progname[0] != '\0' ? ": " : "", file, line, func != NULL ? func : "",
		func != NULL ? ": " : "", expr);
	abort();
}
