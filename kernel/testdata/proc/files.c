/* open, write, lseek, read, dup2 and unlink on the in-memory files. */
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/stat.h>

int main(void)
{
	char buf[64];
	struct stat st;
	int fd = open("out.txt", O_RDWR | O_CREAT | O_TRUNC, 0666);
	write(fd, "hello, file\n", 12);
	lseek(fd, 7, SEEK_SET);
	int n = read(fd, buf, sizeof buf);
	buf[n] = 0;
	printf("read back %d bytes: %s", n, buf);
	fstat(fd, &st);
	printf("size %ld mode %o\n", (long)st.st_size, st.st_mode & 0777);
	if (open("out.txt", O_CREAT | O_EXCL | O_WRONLY, 0644) < 0)
		printf("O_EXCL: %s\n", strerror(errno));

	int saved = dup(1);
	dup2(fd, 1);
	printf("this line goes to the file\n");
	fflush(stdout);
	dup2(saved, 1);
	lseek(fd, 0, SEEK_SET);
	n = read(fd, buf, sizeof buf - 1);
	buf[n] = 0;
	printf("file now: %s", buf);
	close(fd);
	if (read(fd, buf, 1) < 0)
		printf("closed: %s\n", strerror(errno));
	unlink("out.txt");
	if (stat("out.txt", &st) < 0)
		printf("unlinked: %s\n", strerror(errno));
	printf("isatty(1) %d\n", isatty(1));
	return 0;
}
