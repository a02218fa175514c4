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
		char *av[3];
		av[0]="ls"; av[1]="-l"; av[2]=(char *)0;
		execv("/bin/ls", av);
	}
	else { /* parent process */
		wait(NULL);
		printf("child Complete\n");
		exit(0);
	}
}
