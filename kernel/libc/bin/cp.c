/*
 * cp: copy a file, or several files into a directory. The copy gets the
 * permission bits of the original.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <unistd.h>
#include <sys/stat.h>

static const char *prog;

static void usage_hint(void)
{
	fprintf(stderr, "Try '%s --help' for more information.\n", prog);
}

static int copy(const char *src, const char *dst)
{
	char buf[4096];
	struct stat st, dst_st;
	int in, out;
	ssize_t n;

	if (stat(src, &st) < 0) {
		fprintf(stderr, "%s: cannot stat '%s': %s\n", prog, src, strerror(errno));
		return 1;
	}
	if (S_ISDIR(st.st_mode)) {
		fprintf(stderr, "%s: -r not specified; omitting directory '%s'\n", prog, src);
		return 1;
	}
	if (stat(dst, &dst_st) == 0 && dst_st.st_dev == st.st_dev && dst_st.st_ino == st.st_ino) {
		fprintf(stderr, "%s: '%s' and '%s' are the same file\n", prog, src, dst);
		return 1;
	}
	in = open(src, O_RDONLY);
	if (in < 0) {
		fprintf(stderr, "%s: cannot open '%s' for reading: %s\n", prog, src, strerror(errno));
		return 1;
	}
	out = open(dst, O_WRONLY | O_CREAT | O_TRUNC, st.st_mode & 07777);
	if (out < 0) {
		fprintf(stderr, "%s: cannot create regular file '%s': %s\n", prog, dst, strerror(errno));
		close(in);
		return 1;
	}
	while ((n = read(in, buf, sizeof buf)) > 0) {
		if (write(out, buf, n) != n) {
			fprintf(stderr, "%s: error writing '%s': %s\n", prog, dst, strerror(errno));
			close(in);
			close(out);
			return 1;
		}
	}
	if (n < 0)
		fprintf(stderr, "%s: error reading '%s': %s\n", prog, src, strerror(errno));
	close(in);
	close(out);
	return n < 0;
}

static int is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

int main(int argc, char **argv)
{
	char path[PATH_MAX];
	const char *dir, *base;
	int status = 0;
	int i, nfiles;

	prog = argv[0];
	if (getopt(argc, argv, "") != -1) {
		usage_hint();
		return 1;
	}
	nfiles = argc - optind;
	if (nfiles == 0) {
		fprintf(stderr, "%s: missing file operand\n", prog);
		usage_hint();
		return 1;
	}
	if (nfiles == 1) {
		fprintf(stderr, "%s: missing destination file operand after '%s'\n", prog, argv[optind]);
		usage_hint();
		return 1;
	}
	dir = argv[argc - 1];
	if (!is_dir(dir)) {
		if (nfiles > 2) {
			fprintf(stderr, "%s: target '%s' is not a directory\n", prog, dir);
			return 1;
		}
		return copy(argv[optind], dir);
	}
	for (i = optind; i < argc - 1; i++) {
		base = strrchr(argv[i], '/');
		base = base != NULL ? base + 1 : argv[i];
		snprintf(path, sizeof path, "%s/%s", dir, base);
		status |= copy(argv[i], path);
	}
	return status;
}
