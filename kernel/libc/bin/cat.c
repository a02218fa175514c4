/*
 * cat: copy files (or standard input, also named "-") to standard output.
 * Options as in GNU coreutils: -n numbers all lines, -b only non-empty
 * ones, -E shows '$' at line ends, -s squeezes runs of empty lines, -T
 * shows tabs as ^I, -v shows other control characters as ^X and bytes
 * above 127 as M-x; -A, -e and -t combine them. Line numbers continue
 * from one file to the next.
 */
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

static int number, number_nonblank, show_ends, squeeze, show_tabs, nonprinting;

/* State carried across files when lines are being decorated. */
static long line = 0;
static int at_line_start = 1;
static int empty_lines = 0;

static void decorate(const char *buf, ssize_t n)
{
	ssize_t i;
	int c;

	for (i = 0; i < n; i++) {
		c = (unsigned char)buf[i];
		if (at_line_start) {
			if (c == '\n') {
				empty_lines++;
				if (squeeze && empty_lines > 1)
					continue;
			} else {
				empty_lines = 0;
			}
			if (number && (!number_nonblank || c != '\n'))
				printf("%6ld\t", ++line);
		}
		at_line_start = c == '\n';
		if (c == '\n' && show_ends)
			putchar('$');
		if (c == '\t' && show_tabs) {
			fputs("^I", stdout);
			continue;
		}
		if (nonprinting && c != '\n' && c != '\t') {
			if (c >= 128) {
				fputs("M-", stdout);
				c -= 128;
			}
			if (c < 32) {
				putchar('^');
				c += 64;
			} else if (c == 127) {
				putchar('^');
				c = '?';
			}
		}
		putchar(c);
	}
}

static int cat_fd(int fd, const char *name, const char *prog)
{
	char buf[4096];
	ssize_t n;
	int plain = !number && !show_ends && !squeeze && !show_tabs && !nonprinting;

	while ((n = read(fd, buf, sizeof buf)) > 0) {
		if (plain)
			write(1, buf, n);
		else
			decorate(buf, n);
	}
	if (n < 0) {
		fflush(stdout);
		fprintf(stderr, "%s: %s: %s\n", prog, name, strerror(errno));
		return 1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	int status = 0;
	int c, i, fd;

	while ((c = getopt(argc, argv, "benstuvAET")) != -1) {
		switch (c) {
		case 'b':
			number = number_nonblank = 1;
			break;
		case 'n':
			number = 1;
			break;
		case 'E':
			show_ends = 1;
			break;
		case 's':
			squeeze = 1;
			break;
		case 'T':
			show_tabs = 1;
			break;
		case 'u':
			break;
		case 'e':
			show_ends = nonprinting = 1;
			break;
		case 't':
			show_tabs = nonprinting = 1;
			break;
		case 'A':
			show_ends = show_tabs = nonprinting = 1;
			break;
		case 'v':
			nonprinting = 1;
			break;
		default:
			fprintf(stderr, "Try '%s --help' for more information.\n", argv[0]);
			return 1;
		}
	}
	if (optind == argc)
		return cat_fd(0, "-", argv[0]);
	for (i = optind; i < argc; i++) {
		if (strcmp(argv[i], "-") == 0) {
			status |= cat_fd(0, "-", argv[0]);
			continue;
		}
		fd = open(argv[i], O_RDONLY);
		if (fd < 0) {
			fflush(stdout);
			fprintf(stderr, "%s: %s: %s\n", argv[0], argv[i], strerror(errno));
			status = 1;
			continue;
		}
		status |= cat_fd(fd, argv[i], argv[0]);
		close(fd);
	}
	return status;
}
