/* A child writes "hello pipe" into a pipe and exits; the parent sleeps a
 * second before it reads, so the bytes sit in the pipe a while. */
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>
int main(void) {
	int fd[2];
	char buf[32];
	pipe(fd);
	if (fork() == 0) {
		close(fd[0]);
		write(fd[1], "hello pipe", 10);
		return 0;
	}
	close(fd[1]);
	sleep(1);
	ssize_t n = read(fd[0], buf, sizeof buf);
	buf[n] = 0;
	printf("parent read: %s\n", buf);
	wait(NULL);
	return 0;
}
