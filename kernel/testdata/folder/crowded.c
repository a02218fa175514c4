/* A program in a crowded folder (the test makes the crowd): it lists the
   folder, stats and reads every text file in it, twice (read(2), then
   stdio) and prints one whole, so that what the machine shows of a
   folder read lazily can be compared with Linux. */
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "crowd.h" /* written by the test: POEM, the file to print */

static int byname(const void *a, const void *b) {
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int text(const char *name) {
	size_t n = strlen(name);
	return n > 4 && strcmp(name + n - 4, ".txt") == 0;
}

int main(void) {
	static char *names[8192];
	int n = 0;
	DIR *d = opendir(".");
	if (d == NULL) {
		perror("opendir");
		return 1;
	}
	struct dirent *e;
	while ((e = readdir(d)) != NULL && n < 8192)
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
			names[n++] = strdup(e->d_name);
	closedir(d);
	qsort(names, n, sizeof names[0], byname);
	printf("%d entries\n", n);

	long total = 0;
	int files = 0;
	for (int i = 0; i < n; i++) {
		if (!text(names[i]))
			continue;
		struct stat st;
		if (stat(names[i], &st) != 0) {
			perror(names[i]);
			continue;
		}
		unsigned long sum = 0, again = 0;
		long got = 0;
		unsigned char buf[512];
		ssize_t k;
		int fd = open(names[i], O_RDONLY);
		while ((k = read(fd, buf, sizeof buf)) > 0) {
			for (ssize_t j = 0; j < k; j++)
				sum = sum * 31 + buf[j];
			got += k;
		}
		close(fd);
		FILE *f = fopen(names[i], "r");
		for (int c; (c = getc(f)) != EOF;)
			again = again * 31 + (unsigned char)c;
		fclose(f);
		printf("%s %ld %o %o %ld %lx%s\n", names[i], (long)st.st_size, st.st_mode & 0777,
		       (unsigned)(st.st_mode & S_IFMT) >> 12, got, sum, sum == again ? "" : " (read twice, different)");
		total += st.st_size;
		files++;
	}
	printf("%d text files, %ld bytes\n", files, total);

	FILE *poem = fopen(POEM, "r");
	if (poem == NULL) {
		perror(POEM);
		return 1;
	}
	char line[256];
	while (fgets(line, sizeof line, poem) != NULL)
		fputs(line, stdout);
	fclose(poem);
	return 0;
}
