/* Expect: mmap of a regular file. MAP_SHARED writes are in the file at
 * once (read, another mapping, a child's mapping, /bin/cat see them) and
 * write() shows through the mapping; msync checks its arguments;
 * MAP_PRIVATE copies on write and leaves the file alone; the rest of the
 * last page past the end of the file reads as zeros, a page wholly past
 * it faults with SIGBUS until ftruncate grows the file; the errors. */
#include <stdio.h>
#include <errno.h>
#include <string.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>

#define FAILS(what, call, e) do { \
	errno = 0; \
	long r_ = (long)(call); \
	printf("%s: %s, %s %d\n", what, r_ == -1 ? "-1" : "ok", #e, errno == e); \
} while (0)

static void show(const char *what, int fd)
{
	char buf[64];
	ssize_t n = pread(fd, buf, sizeof buf - 1, 0);
	buf[n > 0 ? n : 0] = '\0';
	printf("%s: read %zd: %s", what, n, buf);
}

int main(void)
{
	setvbuf(stdout, NULL, _IONBF, 0);
	const char *text = "hello, mapped world\n";
	size_t len = strlen(text);
	int fd = open("data.txt", O_RDWR | O_CREAT | O_TRUNC, 0644);
	write(fd, text, len);

	char *p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (p == MAP_FAILED) {
		perror("mmap");
		return 1;
	}
	printf("mapped: %.*s", (int)len, p);
	p[0] = 'H';
	memcpy(p + 7, "MAPPED", 6);
	int other = open("data.txt", O_RDONLY);
	show("through another descriptor", other);
	printf("msync: %d\n", msync(p, len, MS_SYNC));

	char *q = mmap(NULL, len, PROT_READ, MAP_SHARED, other, 0);
	printf("second mapping: %.*s", (int)len, q);
	pwrite(fd, "W", 1, 1);
	printf("after pwrite: %c%c (second mapping %c)\n", p[0], p[1], q[1]);

	pid_t pid = fork();
	if (pid == 0) {
		char *c = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
		c[len - 2] = '!';
		p[2] = 'L'; /* the inherited mapping is shared too */
		exit(0);
	}
	waitpid(pid, NULL, 0);
	show("after the child", other);

	char *priv = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	priv[0] = 'P';
	printf("private: %c, shared: %c\n", priv[0], p[0]);
	show("file after a private write", other);

	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		execl("/bin/cat", "cat", "data.txt", (char *)NULL);
		_exit(127);
	}
	waitpid(pid, NULL, 0);

	/* Past the end of the file. */
	long zeros = 0;
	for (size_t i = len; i < 4096; i++)
		zeros += p[i] == 0;
	printf("rest of the last page: %ld zero bytes of %zu\n", zeros, 4096 - len);
	char *big = mmap(NULL, 3 * 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	pid = fork();
	if (pid == 0) {
		volatile char c = big[4096];
		printf("child: read %d past the end\n", c);
		exit(0);
	}
	int st;
	waitpid(pid, &st, 0);
	printf("page past the end: killed by %s\n", WIFSIGNALED(st) ? strsignal(WTERMSIG(st)) : "nothing");
	ftruncate(fd, 2 * 4096);
	printf("after ftruncate: big[4096] %d, big[5000] %d\n", big[4096], big[5000]);
	big[5000] = 'Z';
	char c;
	pread(other, &c, 1, 5000);
	struct stat sb;
	fstat(fd, &sb);
	printf("file size %lld, byte 5000 read back: %c\n", (long long)sb.st_size, c);
	pid = fork();
	if (pid == 0) {
		big[2 * 4096] = 1;
		exit(0);
	}
	waitpid(pid, &st, 0);
	printf("third page: killed by %s\n", WIFSIGNALED(st) ? strsignal(WTERMSIG(st)) : "nothing");
	ftruncate(fd, 10);
	printf("truncated to 10: big[10] %d, big[19] %d\n", big[10], big[19]);

	/* Errors. */
	FAILS("PROT_WRITE shared on O_RDONLY", mmap(NULL, 10, PROT_READ | PROT_WRITE, MAP_SHARED, other, 0), EACCES);
	char *ro = mmap(NULL, 10, PROT_READ | PROT_WRITE, MAP_PRIVATE, other, 0);
	printf("PROT_WRITE private on O_RDONLY: %s\n", ro == MAP_FAILED ? "failed" : "ok");
	FAILS("offset 100", mmap(NULL, 10, PROT_READ, MAP_SHARED, fd, 100), EINVAL);
	FAILS("no descriptor", mmap(NULL, 10, PROT_READ, MAP_SHARED, 99, 0), EBADF);
	int dir = open(".", O_RDONLY);
	FAILS("a directory", mmap(NULL, 10, PROT_READ, MAP_SHARED, dir, 0), ENODEV);
	int wo = open("data.txt", O_WRONLY);
	FAILS("O_WRONLY", mmap(NULL, 10, PROT_READ, MAP_SHARED, wo, 0), EACCES);
	FAILS("msync unaligned", msync(p + 1, 10, MS_SYNC), EINVAL);
	FAILS("msync both", msync(p, 10, MS_SYNC | MS_ASYNC), EINVAL);

	munmap(p, len);
	munmap(q, len);
	close(fd);
	show("after munmap and close", other);
	unlink("data.txt");
	return 0;
}
