/* exec of a missing file fails with ENOENT; of a text file with EACCES. */
#include <stdio.h>
#include <errno.h>
#include <string.h>
#include <unistd.h>

int main(void)
{
	if (execl("./no-such-program", "no-such-program", (char *)0) == -1)
		printf("missing: %s\n", strerror(errno));
	if (execl("./myexit.c", "myexit.c", (char *)0) == -1)
		printf("source file: %s\n", strerror(errno));
	if (execl("/bin", "bin", (char *)0) == -1)
		printf("directory: %s\n", strerror(errno));
	return 0;
}
