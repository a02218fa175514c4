/* exec of ./myexit, built from myexit.c in the same folder (3.30). */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void)
{
	int status;
	if (fork() == 0) {
		execl("./myexit", "myexit", (char *)0);
		perror("execl");
		exit(1);
	}
	wait(&status);
	printf("A child terminated with exit code low: %d, high: %d\n", status & 0xFF, status >> 8);
	return 0;
}
