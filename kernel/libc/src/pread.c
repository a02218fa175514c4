/*
 * pread and pwrite: a read or write at an offset that leaves the file's
 * offset where it was. Built on lseek; a file that cannot seek (a pipe,
 * the terminal) fails with ESPIPE, as on Linux. Not atomic with respect
 * to another thread moving the same offset at the same time.
 */
#include <unistd.h>
#include <errno.h>

ssize_t pread(int fd, void *buf, size_t n, off_t offset)
{
	off_t here;
	ssize_t r;
	int e;

	if (offset < 0) {
		errno = EINVAL;
		return -1;
	}
	here = lseek(fd, 0, SEEK_CUR);
	if (here < 0 || lseek(fd, offset, SEEK_SET) < 0)
		return -1;
	r = read(fd, buf, n);
	e = errno;
	lseek(fd, here, SEEK_SET);
	errno = e;
	return r;
}

ssize_t pwrite(int fd, const void *buf, size_t n, off_t offset)
{
	off_t here;
	ssize_t r;
	int e;

	if (offset < 0) {
		errno = EINVAL;
		return -1;
	}
	here = lseek(fd, 0, SEEK_CUR);
	if (here < 0 || lseek(fd, offset, SEEK_SET) < 0)
		return -1;
	r = write(fd, buf, n);
	e = errno;
	lseek(fd, here, SEEK_SET);
	errno = e;
	return r;
}
