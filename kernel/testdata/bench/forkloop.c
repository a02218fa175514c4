/* fork, exit and wait N times: the round trip the benchmark times. */
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char *argv[])
{
	int i, n = atoi(argv[1]), status;
	for (i = 0; i < n; i++) {
		if (fork() == 0)
			_exit(0);
		wait(&status);
	}
	return 0;
}
