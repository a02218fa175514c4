/* Run by system("./sendint PID"): sends SIGINT to the program that called
 * system, which ignores it while it waits. */
#include <signal.h>
#include <stdlib.h>

int main(int argc, char *argv[])
{
	if (argc > 1)
		kill(atoi(argv[1]), SIGINT);
	return 0;
}
