/* The parent exits first: init (pid 1) adopts the child. */
#include <stdio.h>
#include <unistd.h>

int main(void)
{
	if (fork() == 0) {
		sleep(1);
		printf("orphan: my parent is now %d\n", getppid());
		return 0;
	}
	printf("parent: exiting\n");
	return 0;
}
