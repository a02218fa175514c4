/*
 * Runs the textbook's producer, then its consumer, each as a child that
 * execs the program, as a student does in two terminals one after the
 * other; then checks that the consumer removed the object.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

static void run(const char *prog)
{
	pid_t pid = fork();
	if (pid == 0) {
		execl(prog, prog, (char *)NULL);
		perror(prog);
		_exit(127);
	}
	int status;
	waitpid(pid, &status, 0);
	printf("\n%s exited with %d\n", prog, WEXITSTATUS(status));
}

int main(void)
{
	setvbuf(stdout, NULL, _IONBF, 0);
	run("./producer");
	run("./consumer");
	int fd = shm_open("OS", O_RDONLY, 0);
	printf("after the consumer: shm_open %d (%s)\n", fd, fd < 0 ? strerror(errno) : "still there");
	return 0;
}
