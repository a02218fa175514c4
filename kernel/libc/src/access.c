#include <unistd.h>
#include <sys/stat.h>
#include <errno.h>

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
