/* exec of a built-in program, by path and through PATH. */
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void)
{
	if (fork() == 0) {
		execl("/bin/echo", "echo", "hello", "from", "echo", (char *)0);
		perror("execl");
		return 1;
	}
	wait(NULL);
	if (fork() == 0) {
		execlp("echo", "echo", "via", "PATH", (char *)0);
		perror("execlp");
		return 1;
	}
	wait(NULL);
	return 0;
}
