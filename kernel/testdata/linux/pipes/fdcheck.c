/* Run by pipes: says, for each descriptor named on the command line,
 * whether it is still open after exec. */
#include <stdio.h>
#include <stdlib.h>
#include <fcntl.h>
#include <errno.h>
#include <string.h>

int main(int argc, char *argv[])
{
	for (int i = 1; i < argc; i++) {
		int fd = atoi(argv[i]);
		if (fcntl(fd, F_GETFD) < 0)
			printf("fd %d: %s\n", fd, strerror(errno));
		else
			printf("fd %d: open\n", fd);
	}
	return 0;
}
