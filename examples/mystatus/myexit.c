#include <stdio.h>
#include <stdlib.h>

main ()
{
	printf ("I'm going to exit with return code 33\n");
	exit (33);
}
