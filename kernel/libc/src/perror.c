#include <stdio.h>
#include <string.h>
#include <errno.h>

/* "s: message\n" on stderr, or just the message when s is NULL or empty. */
void perror(const char *s)
{
	const char *msg = strerror(errno);

	if (s == NULL || *s == '\0')
		fprintf(stderr, "%s\n", msg);
	else
		fprintf(stderr, "%s: %s\n", s, msg);
}
