#include <fcntl.h>

/* The old way to create a file: open it for writing, created and emptied. */
int creat(const char *path, mode_t mode)
{
	return open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);
}
