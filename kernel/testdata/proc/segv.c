#include <stdio.h>

int main(void)
{
	int *p = 0;
	printf("about to crash\n");
	*p = 1;
	printf("not reached\n");
	return 0;
}
