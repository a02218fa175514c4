/* Expect: the wait status of a normal exit holds the exit code's low 8 bits
 * in bits 8-15 and 0 in the low byte (slide 3.23: status >> 8, status &
 * 0xFF): exit(33) -> 0x2100, exit(256+7) -> 7, exit(-1) -> 255, returning
 * 5 from main -> 5, falling off the end of main -> 0. The program itself
 * exits with 3. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>

static void report(const char *how, int status)
{
	printf("%-16s status %#06x  low %3d  high %3d  WIFEXITED %d  WEXITSTATUS %3d  WIFSIGNALED %d\n",
		how, status, status & 0xFF, status >> 8, WIFEXITED(status), WEXITSTATUS(status),
		WIFSIGNALED(status));
}

static int child_main(int which)
{
	switch (which) {
	case 0: exit(0);
	case 1: exit(1);
	case 2: exit(33);
	case 3: exit(42);
	case 4: exit(255);
	case 5: exit(256 + 7);
	case 6: exit(-1);
	case 7: _exit(99);
	case 8: return 5;
	}
	return 0;
}

int main(void)
{
	static const char *how[] = {
		"exit(0)", "exit(1)", "exit(33)", "exit(42)", "exit(255)",
		"exit(256+7)", "exit(-1)", "_exit(99)", "return 5", "fall off main",
	};
	int i, status;
	pid_t pid;

	for (i = 0; i < 10; i++) {
		pid = fork();
		if (pid == 0) {
			if (i == 9)
				break;
			return child_main(i);
		}
		waitpid(pid, &status, 0);
		report(how[i], status);
	}
	if (pid == 0) {
		/* the last child falls off the end of main: C99 says that returns 0 */
		goto end;
	}
	return 3;
end:
	;
}
