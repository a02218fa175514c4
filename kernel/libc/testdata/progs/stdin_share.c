/*
 * A child reads a line of a redirected file with stdio, which reads ahead
 * a whole buffer; at exit glibc gives the unread part back by seeking, so
 * the parent continues right after the child's line.
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void)
{
	char line[100];

	if (fork() == 0) {
		if (fgets(line, sizeof line, stdin) != NULL)
			printf("child read: %s", line);
		exit(0);
	}
	wait(NULL);
	while (fgets(line, sizeof line, stdin) != NULL)
		printf("parent read: %s", line);
	return 0;
}
