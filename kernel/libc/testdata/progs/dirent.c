/* readdir lists a directory; the names are sorted to be comparable. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <dirent.h>

static int cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(int argc, char **argv)
{
	char *names[100];
	int n = 0, i;
	struct dirent *d;
	DIR *dir = opendir(argc > 1 ? argv[1] : ".");

	if (dir == NULL) {
		perror("opendir");
		return 1;
	}
	while ((d = readdir(dir)) != NULL && n < 100)
		names[n++] = strdup(d->d_name);
	rewinddir(dir);
	printf("after rewind: %s\n", readdir(dir) != NULL ? "entry" : "none");
	closedir(dir);
	qsort(names, n, sizeof names[0], cmp);
	for (i = 0; i < n; i++)
		printf("%s\n", names[i]);
	errno = 0;
	dir = opendir("no-such-dir");
	printf("missing: %s errno=%d\n", dir ? "opened" : "NULL", errno);
	dir = opendir("a.txt");
	printf("file: %s errno=%d\n", dir ? "opened" : "NULL", errno);
	return 0;
}
