/*
 * wc: count lines, words and bytes, as GNU coreutils does it.
 *
 * A word is a run of printable non-space characters; other control
 * characters neither start nor end a word. The columns are as wide as the
 * total size of the regular files named (at least 7 if one of them is not
 * a regular file, e.g. a pipe), so that they line up.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/stat.h>

struct counts {
	unsigned long lines, words, chars, bytes, maxline;
};

static int show_lines, show_words, show_chars, show_bytes, show_maxline;
static int width;

static void print_counts(const struct counts *c, const char *name)
{
	const char *sep = "";

	if (show_lines) {
		printf("%s%*lu", sep, width, c->lines);
		sep = " ";
	}
	if (show_words) {
		printf("%s%*lu", sep, width, c->words);
		sep = " ";
	}
	if (show_chars) {
		printf("%s%*lu", sep, width, c->chars);
		sep = " ";
	}
	if (show_bytes) {
		printf("%s%*lu", sep, width, c->bytes);
		sep = " ";
	}
	if (show_maxline)
		printf("%s%*lu", sep, width, c->maxline);
	if (name != NULL)
		printf(" %s", name);
	putchar('\n');
}

/* Count what fd holds; 0 on success, -1 if reading failed. */
static int count(int fd, struct counts *c)
{
	unsigned char buf[4096];
	unsigned long linepos = 0;
	int in_word = 0;
	ssize_t n, i;

	memset(c, 0, sizeof *c);
	while ((n = read(fd, buf, sizeof buf)) > 0) {
		c->bytes += n;
		c->chars += n;
		for (i = 0; i < n; i++) {
			switch (buf[i]) {
			case '\n':
				c->lines++;
				/* fall through */
			case '\r':
			case '\f':
				if (linepos > c->maxline)
					c->maxline = linepos;
				linepos = 0;
				c->words += in_word;
				in_word = 0;
				break;
			case '\t':
				linepos += 8 - linepos % 8;
				c->words += in_word;
				in_word = 0;
				break;
			case ' ':
				linepos++;
				/* fall through */
			case '\v':
				c->words += in_word;
				in_word = 0;
				break;
			default:
				if (isprint(buf[i])) {
					linepos++;
					in_word = 1;
				}
				break;
			}
		}
	}
	if (linepos > c->maxline)
		c->maxline = linepos;
	c->words += in_word;
	return n < 0 ? -1 : 0;
}

/* The column width, from what stat says about the inputs. */
static int number_width(int nfiles, char **files)
{
	unsigned long total = 0;
	int min = 1;
	int w = 1;
	struct stat st;
	int i, r;

	if (show_lines + show_words + show_chars + show_bytes + show_maxline == 1 && nfiles == 1)
		return 1;
	for (i = 0; i < nfiles; i++) {
		if (files[i] == NULL || strcmp(files[i], "-") == 0)
			r = fstat(0, &st);
		else
			r = stat(files[i], &st);
		if (r < 0)
			continue;
		if (S_ISREG(st.st_mode))
			total += st.st_size;
		else
			min = 7;
	}
	for (; total >= 10; total /= 10)
		w++;
	return w < min ? min : w;
}

static void add(struct counts *total, const struct counts *c)
{
	total->lines += c->lines;
	total->words += c->words;
	total->chars += c->chars;
	total->bytes += c->bytes;
	if (c->maxline > total->maxline)
		total->maxline = c->maxline;
}

int main(int argc, char **argv)
{
	static char *stdin_only[] = {NULL};
	struct counts c, total;
	char **files;
	int nfiles, i, fd, opt;
	int status = 0;

	while ((opt = getopt(argc, argv, "clLmw")) != -1) {
		switch (opt) {
		case 'c':
			show_bytes = 1;
			break;
		case 'l':
			show_lines = 1;
			break;
		case 'L':
			show_maxline = 1;
			break;
		case 'm':
			show_chars = 1;
			break;
		case 'w':
			show_words = 1;
			break;
		default:
			fprintf(stderr, "Try '%s --help' for more information.\n", argv[0]);
			return 1;
		}
	}
	if (!show_lines && !show_words && !show_chars && !show_bytes && !show_maxline)
		show_lines = show_words = show_bytes = 1;

	if (optind < argc) {
		files = argv + optind;
		nfiles = argc - optind;
	} else {
		files = stdin_only;
		nfiles = 1;
	}
	width = number_width(nfiles, files);
	memset(&total, 0, sizeof total);

	for (i = 0; i < nfiles; i++) {
		const char *name = files[i];

		if (name == NULL || strcmp(name, "-") == 0) {
			fd = 0;
		} else {
			fd = open(name, O_RDONLY);
			if (fd < 0) {
				fflush(stdout);
				fprintf(stderr, "%s: %s: %s\n", argv[0], name, strerror(errno));
				status = 1;
				continue;
			}
		}
		if (count(fd, &c) < 0) {
			fflush(stdout);
			fprintf(stderr, "%s: %s: %s\n", argv[0], name != NULL ? name : "-", strerror(errno));
			status = 1;
		}
		if (fd != 0)
			close(fd);
		print_counts(&c, name);
		add(&total, &c);
	}
	if (nfiles > 1)
		print_counts(&total, "total");
	return status;
}
