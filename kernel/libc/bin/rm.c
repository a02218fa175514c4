/*
 * rm: remove files. -f ignores files that do not exist. Directories
 * cannot be removed.
 */
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <sys/stat.h>

int main(int argc, char **argv)
{
	struct stat st;
	int force = 0;
	int status = 0;
	int i, opt;

	while ((opt = getopt(argc, argv, "f")) != -1) {
		if (opt != 'f') {
			fprintf(stderr, "Try '%s --help' for more information.\n", argv[0]);
			return 1;
		}
		force = 1;
	}
	if (optind == argc && !force) {
		fprintf(stderr, "%s: missing operand\n", argv[0]);
		fprintf(stderr, "Try '%s --help' for more information.\n", argv[0]);
		return 1;
	}
	for (i = optind; i < argc; i++) {
		if (stat(argv[i], &st) < 0) {
			if (force && errno == ENOENT)
				continue;
			fprintf(stderr, "%s: cannot remove '%s': %s\n", argv[0], argv[i], strerror(errno));
			status = 1;
			continue;
		}
		if (S_ISDIR(st.st_mode)) {
			fprintf(stderr, "%s: cannot remove '%s': %s\n", argv[0], argv[i], strerror(EISDIR));
			status = 1;
			continue;
		}
		if (unlink(argv[i]) < 0) {
			fprintf(stderr, "%s: cannot remove '%s': %s\n", argv[0], argv[i], strerror(errno));
			status = 1;
		}
	}
	return status;
}
