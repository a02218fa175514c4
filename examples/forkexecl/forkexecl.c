#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

void main(int argc, char *argv[])
{
	int pid;

	/* fork another process */
	pid = fork();
	if(pid < 0) { /* error occurred */
		fprintf(stderr, "Fork Failed");
		exit(-1);
	}
	else if (pid == 0) { /* child process */
		execl("/bin/ls", "ls", "-l", NULL);
	}
	else { /* parent process */
		wait(NULL);
		printf("child Complete\n");
		exit(0);
	}
}
