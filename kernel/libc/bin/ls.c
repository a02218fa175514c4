/*
 * ls: list directory contents, formatted as GNU coreutils does.
 *
 *   -a  include names starting with '.'     -A  the same without . and ..
 *   -l  long format                         -n  long, with numeric owners
 *   -i  inode numbers                       -d  directories as themselves
 *   -1  one name per line                   -C  names in columns
 *   -F  append / to directories, * to executables
 *   -r  reverse order    -t  newest first    -S  largest first
 *
 * Without -l, -1 or -C the names go in columns when standard output is a
 * terminal (80 columns unless COLUMNS says otherwise) and one per line
 * otherwise. Names are sorted in byte order, as in the "C" locale.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <time.h>
#include <dirent.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/time.h>

enum { LONG, ONE_PER_LINE, COLUMNS };

struct entry {
	char *name;      /* as shown */
	char *path;      /* as given to stat */
	struct stat st;
};

static int format = -1;
static int show_all, almost_all, numeric, show_inode, dirs_as_files, classify;
static int reverse, sort_time, sort_size;
static int line_width = 80;
static int status;
static const char *prog;

/* Column widths of the long format, computed over one listing. */
static int inode_width, nlink_width, owner_width, group_width, size_width;

static int need_stat(void)
{
	return format == LONG || show_inode || classify || sort_time || sort_size;
}

static int compare(const void *a, const void *b)
{
	const struct entry *x = a;
	const struct entry *y = b;
	int c = 0;

	if (sort_time) {
		if (x->st.st_mtim.tv_sec != y->st.st_mtim.tv_sec)
			c = x->st.st_mtim.tv_sec > y->st.st_mtim.tv_sec ? -1 : 1;
		else if (x->st.st_mtim.tv_nsec != y->st.st_mtim.tv_nsec)
			c = x->st.st_mtim.tv_nsec > y->st.st_mtim.tv_nsec ? -1 : 1;
	} else if (sort_size && x->st.st_size != y->st.st_size) {
		c = x->st.st_size > y->st.st_size ? -1 : 1;
	}
	if (c == 0)
		c = strcmp(x->name, y->name);
	return reverse ? -c : c;
}

static int digits(unsigned long v)
{
	int n = 1;

	while (v >= 10) {
		v /= 10;
		n++;
	}
	return n;
}

static const char *user_name(unsigned int id)
{
	if (numeric)
		return NULL;
	if (id == 0)
		return "root";
	if (id == 1000)
		return "user";
	return NULL;
}

static int id_width(unsigned int id)
{
	const char *name = user_name(id);

	return name != NULL ? (int)strlen(name) : digits(id);
}

static char indicator(const struct entry *e)
{
	mode_t m = e->st.st_mode;

	if (!classify)
		return 0;
	if (S_ISDIR(m))
		return '/';
	if (S_ISLNK(m))
		return '@';
	if (S_ISFIFO(m))
		return '|';
	if (S_ISSOCK(m))
		return '=';
	if (S_ISREG(m) && (m & 0111))
		return '*';
	return 0;
}

/* The width of a name with its inode number and indicator. */
static int name_width(const struct entry *e)
{
	return (int)strlen(e->name) + (show_inode ? inode_width + 1 : 0) + (indicator(e) ? 1 : 0);
}

static void print_name(const struct entry *e)
{
	char c = indicator(e);

	if (show_inode && format != LONG)
		printf("%*lu ", inode_width, (unsigned long)e->st.st_ino);
	fputs(e->name, stdout);
	if (c)
		putchar(c);
}

static void mode_string(mode_t m, char *s)
{
	const char *rwx = "rwxrwxrwx";
	int i;

	s[0] = S_ISDIR(m) ? 'd' : S_ISCHR(m) ? 'c' : S_ISBLK(m) ? 'b' : S_ISFIFO(m) ? 'p'
		: S_ISLNK(m) ? 'l' : S_ISSOCK(m) ? 's' : '-';
	for (i = 0; i < 9; i++)
		s[i + 1] = (m & (0400 >> i)) ? rwx[i] : '-';
	if (m & S_ISUID)
		s[3] = s[3] == 'x' ? 's' : 'S';
	if (m & S_ISGID)
		s[6] = s[6] == 'x' ? 's' : 'S';
	if (m & S_ISVTX)
		s[9] = s[9] == 'x' ? 't' : 'T';
	s[10] = '\0';
}

/*
 * The date of the long format: month, day and time for files changed in
 * the last six months, month, day and year for older ones or ones from the
 * future.
 */
static void date_string(const struct stat *st, char *buf, size_t size)
{
	struct timeval now;
	struct tm tm;
	time_t when = st->st_mtim.tv_sec;
	long when_ns = st->st_mtim.tv_nsec;
	long half_year = 31556952 / 2;
	int recent;

	gettimeofday(&now, NULL);
	recent = when > now.tv_sec - half_year
		&& (when < now.tv_sec || (when == now.tv_sec && when_ns < now.tv_usec * 1000L));
	localtime_r(&when, &tm);
	strftime(buf, size, recent ? "%b %e %H:%M" : "%b %e  %Y", &tm);
}

static void print_id(unsigned int id, int width)
{
	const char *name = user_name(id);

	if (name != NULL)
		printf("%-*s ", width, name);
	else
		printf("%*u ", width, id);
}

static void print_long(const struct entry *e)
{
	char mode[12];
	char date[64];

	if (show_inode)
		printf("%*lu ", inode_width, (unsigned long)e->st.st_ino);
	mode_string(e->st.st_mode, mode);
	printf("%s %*lu ", mode, nlink_width, (unsigned long)e->st.st_nlink);
	print_id(e->st.st_uid, owner_width);
	print_id(e->st.st_gid, group_width);
	date_string(&e->st, date, sizeof date);
	printf("%*ld %s ", size_width, (long)e->st.st_size, date);
	print_name(e);
	putchar('\n');
}

/* Move from column from to column to with tabs (every 8 columns) and spaces. */
static void indent(int from, int to)
{
	while (from < to) {
		if (to / 8 > (from + 1) / 8) {
			putchar('\t');
			from += 8 - from % 8;
		} else {
			putchar(' ');
			from++;
		}
	}
}

/*
 * Columns, filled top to bottom: try every number of columns and keep the
 * largest whose lines stay shorter than the width, each column as wide as
 * its longest name plus two spaces.
 */
static void print_columns(struct entry *e, int n)
{
	int max_cols = line_width / 3 + (line_width % 3 != 0);
	int *widths, *line_len, *valid;
	int i, f, idx, real, len, cols, rows, row, col, pos, maxw;

	if (n == 0)
		return;
	if (max_cols > n)
		max_cols = n;
	/* widths[i * max_cols + c]: width of column c when there are i + 1 columns */
	widths = malloc(sizeof(int) * max_cols * max_cols);
	line_len = malloc(sizeof(int) * max_cols);
	valid = malloc(sizeof(int) * max_cols);
	if (widths == NULL || line_len == NULL || valid == NULL) {
		fprintf(stderr, "%s: memory exhausted\n", prog);
		exit(2);
	}
	for (i = 0; i < max_cols; i++) {
		valid[i] = 1;
		line_len[i] = (i + 1) * 3;
		for (col = 0; col < max_cols; col++)
			widths[i * max_cols + col] = 3;
	}
	for (f = 0; f < n; f++) {
		len = name_width(&e[f]);
		for (i = 0; i < max_cols; i++) {
			if (!valid[i])
				continue;
			idx = f / ((n + i) / (i + 1));
			real = len + (idx == i ? 0 : 2);
			if (widths[i * max_cols + idx] < real) {
				line_len[i] += real - widths[i * max_cols + idx];
				widths[i * max_cols + idx] = real;
				valid[i] = line_len[i] < line_width;
			}
		}
	}
	for (cols = max_cols; cols > 1 && !valid[cols - 1]; cols--)
		;
	rows = n / cols + (n % cols != 0);
	for (row = 0; row < rows; row++) {
		col = 0;
		pos = 0;
		for (f = row;;) {
			print_name(&e[f]);
			len = name_width(&e[f]);
			maxw = widths[(cols - 1) * max_cols + col++];
			f += rows;
			if (f >= n)
				break;
			indent(pos + len, pos + maxw);
			pos += maxw;
		}
		putchar('\n');
	}
	free(widths);
	free(line_len);
	free(valid);
}

/* Widen the columns of the long format to fit these entries. */
static void measure(const struct entry *e, int n)
{
	int i, w;

	for (i = 0; i < n; i++) {
		if ((w = digits(e[i].st.st_ino)) > inode_width)
			inode_width = w;
		if ((w = digits(e[i].st.st_nlink)) > nlink_width)
			nlink_width = w;
		if ((w = id_width(e[i].st.st_uid)) > owner_width)
			owner_width = w;
		if ((w = id_width(e[i].st.st_gid)) > group_width)
			group_width = w;
		if ((w = digits(e[i].st.st_size)) > size_width)
			size_width = w;
	}
}

static void print_listing(struct entry *e, int n, int is_dir)
{
	unsigned long blocks = 0;
	int i;

	for (i = 0; i < n; i++)
		blocks += e[i].st.st_blocks;
	if (format == LONG) {
		/* st_blocks counts 512-byte units; the total is in 1024-byte blocks. */
		if (is_dir)
			printf("total %lu\n", (blocks + 1) / 2);
		for (i = 0; i < n; i++)
			print_long(&e[i]);
	} else if (format == ONE_PER_LINE) {
		for (i = 0; i < n; i++) {
			print_name(&e[i]);
			putchar('\n');
		}
	} else {
		print_columns(e, n);
	}
}

static void add(struct entry **list, int *n, int *cap, const struct entry *e)
{
	if (*n == *cap) {
		*cap = *cap == 0 ? 16 : *cap * 2;
		*list = realloc(*list, *cap * sizeof **list);
		if (*list == NULL) {
			fprintf(stderr, "%s: memory exhausted\n", prog);
			exit(2);
		}
	}
	(*list)[(*n)++] = *e;
}

static void free_entries(struct entry *list, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		free(list[i].name);
		free(list[i].path);
	}
	free(list);
}

/*
 * List a directory, under a "dir:" header when header is set; the
 * headers after the first are separated by an empty line.
 */
static void list_directory(const char *dir, int header)
{
	static int first = 1;
	struct entry *list = NULL;
	struct entry e;
	struct dirent *d;
	size_t dlen = strlen(dir);
	int n = 0, cap = 0;
	DIR *dp = opendir(dir);

	if (dp == NULL) {
		fprintf(stderr, "%s: cannot open directory '%s': %s\n", prog, dir, strerror(errno));
		status = 2;
		return;
	}
	if (header) {
		if (!first)
			putchar('\n');
		first = 0;
		printf("%s:\n", dir);
	}
	while ((d = readdir(dp)) != NULL) {
		if (d->d_name[0] == '.') {
			if (!show_all && !almost_all)
				continue;
			if (!show_all && (strcmp(d->d_name, ".") == 0 || strcmp(d->d_name, "..") == 0))
				continue;
		}
		memset(&e, 0, sizeof e);
		e.name = strdup(d->d_name);
		e.path = malloc(dlen + strlen(d->d_name) + 2);
		if (e.name == NULL || e.path == NULL) {
			fprintf(stderr, "%s: memory exhausted\n", prog);
			exit(2);
		}
		if (strcmp(dir, ".") == 0)
			strcpy(e.path, d->d_name);
		else
			sprintf(e.path, "%s%s%s", dir, dlen > 0 && dir[dlen - 1] == '/' ? "" : "/", d->d_name);
		e.st.st_ino = d->d_ino;
		if (need_stat() && stat(e.path, &e.st) < 0) {
			fprintf(stderr, "%s: cannot access '%s': %s\n", prog, e.path, strerror(errno));
			status = status > 1 ? status : 1;
			free(e.name);
			free(e.path);
			continue;
		}
		add(&list, &n, &cap, &e);
	}
	closedir(dp);
	qsort(list, n, sizeof *list, compare);
	inode_width = nlink_width = owner_width = group_width = size_width = 0;
	measure(list, n);
	print_listing(list, n, 1);
	free_entries(list, n);
}

int main(int argc, char **argv)
{
	struct entry *files = NULL, *dirs = NULL;
	int nfiles = 0, ndirs = 0, fcap = 0, dcap = 0;
	int noperands, i, opt, headers;
	struct entry e;
	const char *columns = getenv("COLUMNS");

	prog = argv[0];
	while ((opt = getopt(argc, argv, "aAlni1dCFrtS")) != -1) {
		switch (opt) {
		case 'a':
			show_all = 1;
			break;
		case 'A':
			almost_all = 1;
			break;
		case 'n':
			numeric = 1;
			format = LONG;
			break;
		case 'l':
			format = LONG;
			break;
		case 'i':
			show_inode = 1;
			break;
		case '1':
			if (format != LONG)
				format = ONE_PER_LINE;
			break;
		case 'd':
			dirs_as_files = 1;
			break;
		case 'C':
			format = COLUMNS;
			break;
		case 'F':
			classify = 1;
			break;
		case 'r':
			reverse = 1;
			break;
		case 't':
			sort_time = 1;
			break;
		case 'S':
			sort_size = 1;
			break;
		default:
			fprintf(stderr, "Try '%s --help' for more information.\n", prog);
			return 2;
		}
	}
	if (format == -1)
		format = isatty(1) ? COLUMNS : ONE_PER_LINE;
	if (columns != NULL && atoi(columns) > 0)
		line_width = atoi(columns);

	noperands = argc - optind;
	if (noperands == 0 && !dirs_as_files) {
		list_directory(".", 0);
		return status;
	}
	for (i = optind; i < argc || (noperands == 0 && i == optind); i++) {
		const char *name = noperands == 0 ? "." : argv[i];

		memset(&e, 0, sizeof e);
		if (stat(name, &e.st) < 0) {
			fprintf(stderr, "%s: cannot access '%s': %s\n", prog, name, strerror(errno));
			status = 2;
			continue;
		}
		e.name = strdup(name);
		e.path = strdup(name);
		if (S_ISDIR(e.st.st_mode) && !dirs_as_files)
			add(&dirs, &ndirs, &dcap, &e);
		else
			add(&files, &nfiles, &fcap, &e);
	}
	qsort(files, nfiles, sizeof *files, compare);
	qsort(dirs, ndirs, sizeof *dirs, compare);
	if (nfiles > 0) {
		/* Like coreutils, the columns also fit the directories named. */
		measure(files, nfiles);
		measure(dirs, ndirs);
		print_listing(files, nfiles, 0);
		if (ndirs > 0)
			putchar('\n');
	}
	/* A lone directory gets no header. */
	headers = nfiles > 0 || noperands > 1 || ndirs > 1;
	for (i = 0; i < ndirs; i++)
		list_directory(dirs[i].path, headers);
	free_entries(files, nfiles);
	free_entries(dirs, ndirs);
	return status;
}
