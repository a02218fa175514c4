#ifndef _DIRENT_H
#define _DIRENT_H

#include <bits/types/ino_t.h>
#include <bits/types/off_t.h>
#ifndef NULL
#define NULL ((void *)0)
#endif

/* One directory entry as the kernel hands it out (see __osplay_getdents). */
struct __osplay_dirent {
	unsigned long d_ino;
	unsigned char d_type;
	char d_name[256];
};

/*
 * System call: fills *d with entry number index of directory dir and
 * returns 1, returns 0 past the last entry and -1 (errno set) on error.
 */
int __osplay_getdents(const char *dir, int index, struct __osplay_dirent *d);

/* glibc's struct dirent on x86-64. */
struct dirent {
	ino_t d_ino;
	off_t d_off;
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[256];
};

#define DT_UNKNOWN 0
#define DT_FIFO 1
#define DT_CHR 2
#define DT_DIR 4
#define DT_BLK 6
#define DT_REG 8
#define DT_LNK 10
#define DT_SOCK 12

typedef struct __dirstream DIR;

DIR *opendir(const char *path);
struct dirent *readdir(DIR *dir);
int closedir(DIR *dir);
void rewinddir(DIR *dir);

#endif
