#include <stdio.h>
#include <errno.h>
#include <string.h>
#include <unistd.h>

int main(void)
{
	execl("./badprog", "badprog", (char *)0);
	printf("exec: %s\n", strerror(errno));
	return 0;
}
