/* Expect: mkfifo makes a named pipe (S_ISFIFO; EEXIST a second time); the
 * parent's open for reading waits until the child opens for writing, and
 * reads until the child closes; a nonblocking open for reading succeeds
 * at once, one for writing with no reader fails with ENXIO; an O_RDWR
 * open never waits. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>

int main(void)
{
	const char *path = "myfifo";
	unlink(path);
	if (mkfifo(path, 0600) < 0)
		perror("mkfifo");
	int r = mkfifo(path, 0600);
	printf("mkfifo again: %d %s\n", r, strerror(errno));
	struct stat st;
	stat(path, &st);
	printf("S_ISFIFO %d, mode %o, size %ld\n", S_ISFIFO(st.st_mode) != 0, st.st_mode & 0777, (long)st.st_size);

	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0) {
		int w = open(path, O_WRONLY);
		for (int i = 0; i < 3; i++) {
			char line[32];
			int k = snprintf(line, sizeof line, "line %d\n", i);
			write(w, line, k);
		}
		close(w);
		exit(0);
	}
	int fd = open(path, O_RDONLY);
	char buf[128];
	int n, total = 0;
	while ((n = read(fd, buf + total, sizeof buf - 1 - total)) > 0)
		total += n;
	buf[total] = '\0';
	printf("read %d bytes:\n%s", total, buf);
	close(fd);
	waitpid(pid, NULL, 0);

	int w = open(path, O_WRONLY | O_NONBLOCK);
	printf("nonblocking writer, no reader: %d %s\n", w, strerror(errno));
	int rd = open(path, O_RDONLY | O_NONBLOCK);
	printf("nonblocking reader: %s\n", rd >= 0 ? "opened" : strerror(errno));
	n = read(rd, buf, sizeof buf);
	printf("read with no writer: %d\n", n);
	w = open(path, O_WRONLY | O_NONBLOCK);
	printf("nonblocking writer, a reader: %s\n", w >= 0 ? "opened" : strerror(errno));
	write(w, "abc", 3);
	n = read(rd, buf, sizeof buf);
	printf("read %d\n", n);
	n = read(rd, buf, sizeof buf);
	printf("read again: %d %s\n", n, n < 0 && errno == EAGAIN ? "EAGAIN" : "");
	printf("F_GETFL reader %o writer %o\n", fcntl(rd, F_GETFL), fcntl(w, F_GETFL));
	close(w);
	close(rd);
	int rw = open(path, O_RDWR);
	write(rw, "xy", 2);
	n = read(rw, buf, sizeof buf);
	printf("O_RDWR: read %d\n", n);
	close(rw);
	/* The bytes die with the last end. */
	rw = open(path, O_RDWR);
	write(rw, "left", 4);
	close(rw);
	rw = open(path, O_RDWR | O_NONBLOCK);
	n = read(rw, buf, sizeof buf);
	printf("reopened: %d %s\n", n, n < 0 && errno == EAGAIN ? "EAGAIN" : "");
	close(rw);
	unlink(path);
	return 0;
}
