#include <sys/wait.h>

/* Wait for any child: waitpid with pid -1 and no options. */
pid_t wait(int *status)
{
	return waitpid(-1, status, 0);
}
