/* The process table as ps sees it, with a zombie and init in it. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>
#include <osplay.h>

int main(void)
{
	struct __osplay_proc p[8];
	int n, i;
	pid_t child = fork();
	if (child == 0)
		exit(0);
	sleep(1); /* the child is a zombie now */
	n = __osplay_procs(p, 8);
	printf("%d processes\n", n);
	for (i = 0; i < n && i < 8; i++)
		printf("%c %s%s\n", p[i].state, p[i].name,
		       p[i].pid == getpid() ? " (me)" : p[i].pid == child ? " (my child)" : p[i].pid == 1 ? " (init)" : "");
	if (__osplay_procs(p, 1) != 3)
		printf("a short buffer hides processes\n");
	wait(NULL);
	return 0;
}
