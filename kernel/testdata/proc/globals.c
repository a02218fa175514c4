/* Globals changed before exit; after fork the child changes its own copy. */
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>

int count = 5;
long big;
short neg = -2;
char word[8] = "parent";
unsigned char small;

int main(void) {
	count = 10;
	big = 1L << 40;
	small = 200;
	pid_t pid = fork();
	if (pid == 0) {
		count++;
		strcpy(word, "child");
		exit(0);
	}
	wait(NULL);
	count += 100;
	printf("count = %d\n", count);
	return 0;
}
