/* Pipe ping-pong between two processes, N round trips: the parent writes
   a byte down one pipe, the child writes it back up the other. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>

int main(int argc, char *argv[])
{
	long n = argc > 1 ? atol(argv[1]) : 1000, trips = 0;
	int down[2], up[2];
	char c = 'x';
	pipe(down);
	pipe(up);
	if (fork() == 0) {
		for (long i = 0; i < n; i++) {
			read(down[0], &c, 1);
			write(up[1], &c, 1);
		}
		_exit(0);
	}
	for (long i = 0; i < n; i++) {
		write(down[1], &c, 1);
		if (read(up[0], &c, 1) == 1)
			trips++;
	}
	wait(NULL);
	printf("%ld\n", trips);
	return 0;
}
