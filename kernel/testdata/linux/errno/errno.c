/* Expect: failing system calls return -1 and set errno to Linux's number:
 * ENOENT 2, EBADF 9, ECHILD 10, EEXIST 17, ENOTDIR 20, EISDIR 21, EINVAL 22;
 * strerror gives glibc's text and perror prints "label: text" on stderr;
 * errno keeps its value across later successful calls. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <fcntl.h>
#include <errno.h>
#include <signal.h>
#include <sys/wait.h>

static void check(const char *call, long r)
{
	int e = errno;
	printf("%-36s -> %ld, errno %2d (%s)\n", call, r, e, strerror(e));
	errno = e;
	perror(call);
	errno = 0;
}

int main(void)
{
	char buf[8];
	int fd;

	errno = 0;
	check("open(\"missing.txt\", O_RDONLY)", open("missing.txt", O_RDONLY));
	check("open(\"no-dir/x\", O_CREAT|O_WRONLY)", open("no-dir/x", O_CREAT | O_WRONLY, 0644));
	check("open(\"errno.c/x\", O_RDONLY)", open("errno.c/x", O_RDONLY));
	check("open(\".\", O_WRONLY)", open(".", O_WRONLY));
	check("open(\"errno.c\", O_CREAT|O_EXCL)", open("errno.c", O_CREAT | O_EXCL | O_WRONLY, 0644));
	check("close(99)", close(99));
	check("read(99, buf, 8)", read(99, buf, sizeof buf));
	check("write(99, \"x\", 1)", write(99, "x", 1));
	check("lseek(99, 0, SEEK_SET)", lseek(99, 0, SEEK_SET));
	check("dup(99)", dup(99));
	check("dup2(99, 5)", dup2(99, 5));
	check("unlink(\"missing.txt\")", unlink("missing.txt"));
	check("waitpid(-1, NULL, 0)", waitpid(-1, NULL, 0));
	check("wait(NULL)", wait(NULL));
	check("kill(getpid(), 12345)", kill(getpid(), 12345));
	check("lseek(fd, -1, SEEK_SET)", (fd = open("errno.c", O_RDONLY), lseek(fd, -1, SEEK_SET)));
	close(fd);
	check("execl(\"/missing\", ...)", execl("/missing", "missing", (char *)0));

	errno = 0;
	open("missing.txt", O_RDONLY);
	fd = open("errno.c", O_RDONLY);
	printf("after a failure and a success: fd %d, errno still %d\n", fd, errno);
	close(fd);
	printf("strerror: [%s] [%s] [%s] [%s] [%s]\n", strerror(EPERM), strerror(EACCES),
		strerror(EAGAIN), strerror(ENOMEM), strerror(ESRCH));
	printf("strerror(0): [%s]\n", strerror(0));
	return 0;
}
