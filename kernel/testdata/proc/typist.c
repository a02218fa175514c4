/* Two processes clear memory in long library calls; then the parent
 * echoes the lines typed meanwhile, until the end of input, and waits for
 * the child. */
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static char buf[1 << 17];

int main(void)
{
	char line[100];
	int i;
	pid_t pid = fork();
	for (i = 0; i < 80; i++)
		memset(buf, i, sizeof buf);
	if (pid == 0)
		_exit(0);
	while (fgets(line, sizeof line, stdin))
		printf("got %s", line);
	wait(NULL);
	printf("done\n");
	return 0;
}
