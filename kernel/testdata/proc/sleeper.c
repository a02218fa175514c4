/* Sleeps for a long time: killed from outside. */
#include <stdio.h>
#include <unistd.h>

int main(void)
{
	printf("sleeping\n");
	sleep(100);
	printf("woke up\n");
	return 0;
}
