/* pwd: print the current working directory. */
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <limits.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	char buf[PATH_MAX];

	if (getcwd(buf, sizeof buf) == NULL) {
		fprintf(stderr, "%s: error retrieving current directory: %s\n", argv[0], strerror(errno));
		return 1;
	}
	puts(buf);
	return 0;
}
