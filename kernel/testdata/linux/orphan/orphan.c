/* Expect: a child whose parent exits is adopted: getppid() no longer
 * returns the old parent. The child first tells the parent it has started
 * (by creating a file), the parent then exits without waiting, and the
 * child polls getppid() until it changes. Only whether it changed is
 * printed: the new parent's pid differs between systems. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <fcntl.h>

int main(void)
{
	pid_t parent = getpid();
	pid_t pid;
	int fd, i;

	unlink("started");
	pid = fork();
	if (pid == 0) {
		printf("child: my parent is the process that forked me: %d\n", getppid() == parent);
		fd = open("started", O_CREAT | O_WRONLY, 0644);
		close(fd);
		for (i = 0; i < 10000 && getppid() == parent; i++)
			usleep(1000);
		printf("child: after the parent exited, my parent changed: %d\n", getppid() != parent);
		unlink("started");
		return 0;
	}
	for (i = 0; i < 10000; i++) {
		fd = open("started", O_RDONLY);
		if (fd >= 0) {
			close(fd);
			break;
		}
		usleep(1000);
	}
	printf("parent: exiting without waiting for the child\n");
	return 0;
}
