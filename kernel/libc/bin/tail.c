/*
 * tail: the last lines (-n N, or -N; 10 by default) or bytes (-c N) of
 * each file; "-n +N" starts at line N instead. With several files each
 * gets a "==> name <==" header. The whole input is read into memory.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

static long count = 10;
static int from_start;  /* "+N": from line (or byte) N on */
static int bytes_mode;

static int parse_count(const char *s, const char *prog, const char *what)
{
	char *end;

	from_start = *s == '+';
	if (*s == '+' || *s == '-')
		s++;
	errno = 0;
	count = strtol(s, &end, 10);
	if (*s == '\0' || *end != '\0' || count < 0 || errno != 0) {
		fprintf(stderr, "%s: invalid number of %s: '%s'\n", prog, what, s);
		return -1;
	}
	return 0;
}

/* Read all of fd into a malloc'ed buffer. */
static char *slurp(int fd, size_t *len)
{
	size_t cap = 4096;
	char *buf = malloc(cap);
	char *grown;
	ssize_t n;

	*len = 0;
	if (buf == NULL)
		return NULL;
	while ((n = read(fd, buf + *len, cap - *len)) > 0) {
		*len += n;
		if (*len == cap) {
			grown = realloc(buf, cap * 2);
			if (grown == NULL) {
				free(buf);
				return NULL;
			}
			buf = grown;
			cap *= 2;
		}
	}
	if (n < 0) {
		free(buf);
		return NULL;
	}
	return buf;
}

static int tail_fd(int fd, const char *name, const char *prog)
{
	size_t len, start, i;
	long lines;
	char *buf = slurp(fd, &len);

	if (buf == NULL) {
		fprintf(stderr, "%s: error reading '%s': %s\n", prog, name, strerror(errno));
		return 1;
	}
	if (bytes_mode) {
		if (from_start)
			start = count > 0 ? (size_t)count - 1 : 0;
		else
			start = (size_t)count < len ? len - count : 0;
		if (start > len)
			start = len;
	} else if (from_start) {
		lines = 1;
		for (start = 0; start < len && lines < count; start++)
			if (buf[start] == '\n')
				lines++;
	} else {
		/* Walk back over count newlines; a last line without one counts too. */
		lines = 0;
		i = len;
		if (i > 0 && buf[i - 1] == '\n')
			i--;
		start = 0;
		while (i > 0) {
			if (buf[i - 1] == '\n' && ++lines == count) {
				start = i;
				break;
			}
			i--;
		}
		if (count == 0)
			start = len;
	}
	write(1, buf + start, len - start);
	free(buf);
	return 0;
}

int main(int argc, char **argv)
{
	int verbose = 0, quiet = 0;
	int first = 1;
	int status = 0;
	int nfiles, i, fd, opt;
	const char *name;

	/*
	 * The old forms, tail -5 or +5 (also -5c for bytes), are allowed only
	 * as the sole option before at most one file.
	 */
	if (argc > 1 && (argv[1][0] == '-' || argv[1][0] == '+') && isdigit((unsigned char)argv[1][1])
	    && (argc == 2 || (argc == 3 && !(argv[2][0] == '-' && argv[2][1] != '\0'))
		|| ((argc == 3 || argc == 4) && strcmp(argv[2], "--") == 0))) {
		char *suffix = argv[1] + 1;

		while (isdigit((unsigned char)*suffix))
			suffix++;
		if (*suffix == 'c' || *suffix == 'l') {
			bytes_mode = *suffix == 'c';
			*suffix = '\0';
		}
		if (parse_count(argv[1], argv[0], bytes_mode ? "bytes" : "lines") < 0)
			return 1;
		argv[1] = argv[0];
		argv++;
		argc--;
	}
	while ((opt = getopt(argc, argv, "c:n:qv0123456789")) != -1) {
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
			if (opt >= '0' && opt <= '9') {
				fprintf(stderr, "%s: option used in invalid context -- %c\n", argv[0], opt);
				return 1;
			}
			fprintf(stderr, "Try '%s --help' for more information.\n", argv[0]);
			return 1;
		}
	}
	nfiles = argc - optind;
	if (nfiles == 0) {
		if (verbose)
			printf("==> standard input <==\n");
		fflush(stdout);
		return tail_fd(0, "standard input", argv[0]);
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
		status |= tail_fd(fd, name, argv[0]);
		if (fd != 0)
			close(fd);
	}
	return status;
}
