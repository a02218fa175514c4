/* Stores into a page of shared memory (argument "shared") or of the heap:
   what recording the last writer of shared memory costs each store. */
#include <stdlib.h>
#include <string.h>
#include <sys/shm.h>

int main(int argc, char **argv)
{
	int *p;
	if (argc > 1 && strcmp(argv[1], "shared") == 0)
		p = shmat(shmget(IPC_PRIVATE, 4096, 0600), NULL, 0);
	else
		p = malloc(4096);
	for (int i = 0; i < 300000; i++)
		p[i & 1023] = i;
	return 0;
}
