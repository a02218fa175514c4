#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

main ()
{
	int pid, status, childpid;

	printf ("I'm the parent process and my PID is %d\n", getpid ());
	pid = fork (); /* Duplicate */
	if (pid != 0) /* Branch based on return value from fork () */
	{
		printf ("I'm the parent process with PID %d and PPID %d\n",
			getpid (), getppid ());
		childpid = wait (&status); /* Wait for a child to terminate. */
		printf ("A child with PID %d, terminated with exit code low: %d, high: %d\n",
			childpid, (status & 0xFF), status >> 8); /* Linux */
	}
	else
	{
		printf ("I'm the child process with PID %d and PPID %d\n",
			getpid (), getppid ());
		execlp ("ls", "ls", "-li", (char *)0);
		/* execlp ("myexit", "myexit", (char *)0); */
		exit (42); /* Exit with a silly number */
	}
	printf ("PID %d terminates\n", getpid () );
}
