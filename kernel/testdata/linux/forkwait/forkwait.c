/* Expect: fork returns 0 in the child and the child's pid in the parent;
 * waitpid for each child in creation order reports each exit code; wait
 * with no children left fails with ECHILD; waitpid with WNOHANG returns 0
 * while the child runs and the child's pid once it has exited; exit flushes
 * stdio buffers and _exit does not; getpid in the child equals what fork
 * returned to the parent. No pid is printed. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <errno.h>
#include <signal.h>
#include <sys/wait.h>

int main(void)
{
	pid_t pids[3], w, pid;
	int i, status, polls;

	for (i = 0; i < 3; i++) {
		pids[i] = fork();
		if (pids[i] < 0) {
			perror("fork");
			return 1;
		}
		if (pids[i] == 0)
			exit(10 * (i + 1));
	}
	for (i = 0; i < 3; i++) {
		w = waitpid(pids[i], &status, 0);
		printf("child %d: waitpid matched %d, exited %d, code %d\n",
			i, w == pids[i], WIFEXITED(status), WEXITSTATUS(status));
	}
	errno = 0;
	w = wait(&status);
	printf("wait with no children: %d, ECHILD %d\n", (int)w, errno == ECHILD);

	/* the child stays alive until it is killed */
	pid = fork();
	if (pid == 0) {
		for (;;)
			sleep(1);
	}
	w = waitpid(pid, &status, WNOHANG);
	printf("WNOHANG on a running child: %d\n", (int)w);
	kill(pid, SIGKILL);
	w = waitpid(pid, &status, 0);
	printf("after SIGKILL: matched %d, signaled %d, signal %d\n",
		w == pid, WIFSIGNALED(status), WTERMSIG(status));

	pid = fork();
	if (pid == 0)
		exit(5);
	polls = 0;
	while ((w = waitpid(pid, &status, WNOHANG)) == 0) {
		polls++;
		usleep(1000);
	}
	printf("WNOHANG polling: matched %d, code %d\n", w == pid, WEXITSTATUS(status));

	/* fork's return value in the parent is the child's getpid(): the child
	 * reports the low byte of its pid as its exit code */
	pid = fork();
	if (pid == 0)
		exit(getpid() & 0xFF);
	w = waitpid(pid, &status, 0);
	printf("fork returned the child's getpid: %d\n", w == pid && WEXITSTATUS(status) == (pid & 0xFF));

	printf("exit flushes: ");
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		printf("[partial line from the child]");
		exit(0);
	}
	waitpid(pid, NULL, 0);
	printf("\n");

	printf("_exit does not: ");
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		printf("[partial line from the child]");
		_exit(0);
	}
	waitpid(pid, NULL, 0);
	printf("\n");

	/* a child's variables are its own copy */
	{
		int shared = 1;
		pid = fork();
		if (pid == 0) {
			shared = 100;
			printf("child sees %d\n", shared);
			exit(0);
		}
		waitpid(pid, NULL, 0);
		printf("parent still sees %d\n", shared);
	}
	return 0;
}
