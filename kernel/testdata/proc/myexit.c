/* The lecture's myexit.c (3.30). */
#include <stdio.h>
#include <stdlib.h>

int main()
{
	printf("I'm going to exit with return code 33\n");
	exit(33);
}
