/* Parent and child each print five lines, computing between them. */
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

static void work(const char *who)
{
	int i, j;
	for (i = 0; i < 5; i++) {
		volatile int x = 0;
		for (j = 0; j < 20; j++)
			x += j;
		printf("%s %d\n", who, i);
	}
}

int main(void)
{
	pid_t pid = fork();
	work(pid == 0 ? "child" : "parent");
	if (pid != 0)
		wait(0);
	return 0;
}
