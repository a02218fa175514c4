/* Expect: the pipe programs of the IPC lecture (slides 40 and 41): the
 * child reads what the parent writes through a pipe made before fork;
 * a read made nonblocking with ioctl(FIONBIO) on an empty pipe fails with
 * EWOULDBLOCK, then returns the data once it is there. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/wait.h>

int main(void)
{
	char childbuf[64], msgtochild[] = "a message for the child";
	int len = sizeof msgtochild;

	/* Slide 40: Read/Write Method of Pipe. */
	int pipeid[2];
	pipe(pipeid);
	if (fork() == 0) {
		/* the child */
		read(pipeid[0], childbuf, len);
		printf("child got: %s\n", childbuf); /* <process the message> */
		exit(0);
	} else {
		/* the parent */
		write(pipeid[1], msgtochild, len);
	}
	wait(NULL);

	/* Slide 41: Non-blocking Read Method of Pipe. */
	char buffer[64];
	int on = 1;
	pipe(pipeid);
	ioctl(pipeid[0], FIONBIO, &on);
	for (int round = 0; round < 2; round++) {
		int n = read(pipeid[0], buffer, len);
		if (n < 0 && errno == EWOULDBLOCK) {
			printf("no data (EWOULDBLOCK)\n");
			write(pipeid[1], msgtochild, len);
		} else {
			printf("have data: %d bytes: %s\n", n, buffer);
		}
	}
	return 0;
}
