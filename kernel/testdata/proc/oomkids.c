/* oomkids N MIB: N children each touch MIB mebibytes of fresh memory, a
 * byte per page; the parent counts how they ended. With less memory in
 * the machine than they need together, the out-of-memory killer ends some
 * of them with SIGKILL. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char *argv[])
{
	int n = atoi(argv[1]), i, status, killed = 0, exited = 0, other = 0;
	long size = atol(argv[2]) << 20, off;
	for (i = 0; i < n; i++) {
		if (fork() == 0) {
			char *p = malloc(size);
			if (p == NULL)
				_exit(2);
			for (off = 0; off < size; off += 4096)
				p[off] = 1;
			_exit(0);
		}
	}
	while (wait(&status) > 0) {
		if (WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL)
			killed++;
		else if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
			exited++;
		else
			other++;
	}
	printf("%d killed, %d exited, %d other\n", killed, exited, other);
	return 0;
}
