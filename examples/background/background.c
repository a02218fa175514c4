#include <stdio.h>

main (int argc, char *argv[])
{
	if (fork () == 0) /* Child */
	{
		execvp (argv[1], &argv[1]); /* Execute other program */
		fprintf (stderr, "Could not execute %s\n", argv[1]);
	}
}
