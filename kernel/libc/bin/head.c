/*
 * head: the first lines (-n N, or -N; 10 by default) or bytes (-c N) of
 * each file. With several files each gets a "==> name <==" header. Like
 * GNU head, it leaves a seekable input positioned right after what it
 * printed, so another process sharing the file continues from there.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

static long count = 10;
static int bytes_mode;

static int parse_count(const char *s, const char *prog, const char *what)
{
	char *end;

	errno = 0;
	count = strtol(s, &end, 10);
	if (*s == '\0' || *end != '\0' || count < 0 || errno != 0) {
		fprintf(stderr, "%s: invalid number of %s: '%s'\n", prog, what, s);
		return -1;
	}
	return 0;
}

static int head_fd(int fd, const char *name, const char *prog)
{
	char buf[4096];
	long left = count;
	ssize_t n, i, keep;

	while (left > 0 && (n = read(fd, buf, sizeof buf)) > 0) {
		keep = n;
		if (bytes_mode) {
			if (keep > left)
				keep = left;
			left -= keep;
		} else {
			for (i = 0; i < n; i++) {
				if (buf[i] == '\n' && --left == 0) {
					keep = i + 1;
					break;
				}
			}
		}
		write(1, buf, keep);
		if (keep < n)
			lseek(fd, keep - n, SEEK_CUR);
		if (left == 0)
			return 0;
	}
	if (left > 0 && n < 0) {
		fprintf(stderr, "%s: error reading '%s': %s\n", prog, name, strerror(errno));
		return 1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	int verbose = 0, quiet = 0;
	int first = 1;
	int status = 0;
	int nfiles, i, fd, opt;
	const char *name;

	/* The old form: head -5 */
	if (argc > 1 && argv[1][0] == '-' && isdigit((unsigned char)argv[1][1])) {
		if (parse_count(argv[1] + 1, argv[0], "lines") < 0)
			return 1;
		argv[1] = argv[0];
		argv++;
		argc--;
	}
	while ((opt = getopt(argc, argv, "c:n:qv")) != -1) {
		switch (opt) {
		case 'c':
			bytes_mode = 1;
			if (parse_count(optarg, argv[0], "bytes") < 0)
				return 1;
			break;
		case 'n':
			bytes_mode = 0;
			if (parse_count(optarg, argv[0], "lines") < 0)
				return 1;
			break;
		case 'q':
			quiet = 1;
			verbose = 0;
			break;
		case 'v':
			verbose = 1;
			quiet = 0;
			break;
		default:
			fprintf(stderr, "Try '%s --help' for more information.\n", argv[0]);
			return 1;
		}
	}
	nfiles = argc - optind;
	if (nfiles == 0) {
		if (verbose)
			printf("==> standard input <==\n");
		fflush(stdout);
		return head_fd(0, "standard input", argv[0]);
	}
	for (i = optind; i < argc; i++) {
		name = argv[i];
		if (strcmp(name, "-") == 0) {
			fd = 0;
			name = "standard input";
		} else {
			fd = open(name, O_RDONLY);
			if (fd < 0) {
				fprintf(stderr, "%s: cannot open '%s' for reading: %s\n", argv[0], name,
					strerror(errno));
				status = 1;
				continue;
			}
		}
		if (verbose || (nfiles > 1 && !quiet)) {
			printf("%s==> %s <==\n", first ? "" : "\n", name);
			fflush(stdout);
			first = 0;
		}
		status |= head_fd(fd, name, argv[0]);
		if (fd != 0)
			close(fd);
	}
	return status;
}
