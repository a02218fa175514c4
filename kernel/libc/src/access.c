#include <unistd.h>
#include <sys/stat.h>
#include <errno.h>
#include <sys/ipc.h>

/*
 * access answers from the file's permission bits. The simulated user owns
 * the files it works with, so the owner's bits are the ones that count.
 */
int access(const char *path, int mode)
{
	struct stat st;

	if (mode & ~(R_OK | W_OK | X_OK)) {
		errno = EINVAL;
		return -1;
	}
	if (stat(path, &st) < 0)
		return -1;
	if (((mode & R_OK) && !(st.st_mode & S_IRUSR))
	    || ((mode & W_OK) && !(st.st_mode & S_IWUSR))
	    || ((mode & X_OK) && !(st.st_mode & S_IXUSR))) {
		errno = EACCES;
		return -1;
	}
	return 0;
}

/*
 * ftok: a System V IPC key made, as glibc makes it, from the low 16 bits
 * of a file's inode number, the low 8 bits of its device and the low 8
 * bits of proj_id. Two programs that name the same file and proj_id get
 * the same key.
 */
key_t ftok(const char *pathname, int proj_id)
{
	struct stat st;
	if (stat(pathname, &st) < 0)
		return -1;
	return (key_t)((st.st_ino & 0xffff) | ((st.st_dev & 0xff) << 16) | ((proj_id & 0xffu) << 24));
}
