/*
 * touch: create each file that does not exist yet. (The simulated file
 * system has no call to change a file's times, so existing files are
 * left as they are.)
 */
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	int status = 0;
	int i, fd;

	if (getopt(argc, argv, "") != -1) {
		fprintf(stderr, "Try '%s --help' for more information.\n", argv[0]);
		return 1;
	}
	if (optind == argc) {
		fprintf(stderr, "%s: missing file operand\n", argv[0]);
		fprintf(stderr, "Try '%s --help' for more information.\n", argv[0]);
		return 1;
	}
	for (i = optind; i < argc; i++) {
		fd = open(argv[i], O_WRONLY | O_CREAT, 0666);
		if (fd < 0) {
			fprintf(stderr, "%s: cannot touch '%s': %s\n", argv[0], argv[i], strerror(errno));
			status = 1;
			continue;
		}
		close(fd);
	}
	return status;
}
