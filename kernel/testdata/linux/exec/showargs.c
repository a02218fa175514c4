/* The sibling program that exec.c runs: prints its arguments, or checks
 * that exec kept the caller's pid (--pid N), or exits with a code (--exit N). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char *argv[])
{
	int i;

	if (argc == 3 && strcmp(argv[1], "--pid") == 0) {
		printf("showargs: exec kept the process id: %d\n", atoi(argv[2]) == (int)getpid());
		return 0;
	}
	if (argc == 3 && strcmp(argv[1], "--exit") == 0) {
		printf("showargs: exiting with %s\n", argv[2]);
		return atoi(argv[2]);
	}
	printf("showargs: argc %d\n", argc);
	for (i = 0; i < argc; i++)
		printf("  argv[%d] = [%s]\n", i, argv[i]);
	printf("  argv[argc] is NULL: %d\n", argv[argc] == NULL);
	return 0;
}
