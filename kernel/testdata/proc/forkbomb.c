/* Fork until the process limit: fork returns -1 with EAGAIN. */
#include <stdio.h>
#include <errno.h>
#include <unistd.h>

int main(void)
{
	int n = 0;
	for (;;) {
		pid_t pid = fork();
		if (pid == 0) {
			sleep(1);
			_exit(0);
		}
		if (pid < 0)
			break;
		n++;
	}
	printf("forked %d children, then errno is EAGAIN: %s\n", n, errno == EAGAIN ? "yes" : "no");
	return 0;
}
