/* N transfers of 1 MB through a pipe from a child to its parent, in
   writes and reads of 64 KiB. Prints N when every byte has arrived. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>

#define MB (1 << 20)
static char buf[65536];

int main(int argc, char *argv[])
{
	long n = argc > 1 ? atol(argv[1]) : 1;
	int fd[2];
	pipe(fd);
	if (fork() == 0) {
		close(fd[0]);
		for (long i = 0; i < n; i++)
			for (int done = 0; done < MB; done += sizeof buf)
				write(fd[1], buf, sizeof buf);
		_exit(0);
	}
	close(fd[1]);
	long total = 0, k;
	while ((k = read(fd[0], buf, sizeof buf)) > 0)
		total += k;
	wait(NULL);
	printf("%ld\n", total / MB);
	return 0;
}
