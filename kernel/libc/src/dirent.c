/*
 * Directory streams on top of the kernel's __osplay_getdents, which hands
 * out the entries of a directory one at a time by their index.
 */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>

struct __dirstream {
	char *path;
	int index;             /* of the next entry */
	struct dirent entry;   /* what readdir returns */
};

DIR *opendir(const char *path)
{
	struct __osplay_dirent first;
	DIR *d;

	/* Asking for the first entry finds out whether the directory can be read. */
	if (__osplay_getdents(path, 0, &first) < 0)
		return NULL;
	d = malloc(sizeof *d);
	if (d == NULL) {
		errno = ENOMEM;
		return NULL;
	}
	d->path = strdup(path);
	if (d->path == NULL) {
		free(d);
		errno = ENOMEM;
		return NULL;
	}
	d->index = 0;
	return d;
}

/* NULL at the end, with errno unchanged, or on an error, with errno set. */
struct dirent *readdir(DIR *d)
{
	struct __osplay_dirent e;

	if (__osplay_getdents(d->path, d->index, &e) <= 0)
		return NULL;
	d->index++;
	d->entry.d_ino = e.d_ino;
	d->entry.d_off = d->index;
	d->entry.d_reclen = sizeof d->entry;
	d->entry.d_type = e.d_type;
	memcpy(d->entry.d_name, e.d_name, sizeof d->entry.d_name);
	d->entry.d_name[sizeof d->entry.d_name - 1] = '\0';
	return &d->entry;
}

void rewinddir(DIR *d)
{
	d->index = 0;
}

int closedir(DIR *d)
{
	free(d->path);
	free(d);
	return 0;
}
