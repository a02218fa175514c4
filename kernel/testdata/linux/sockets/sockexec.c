/* Expect: sockets across fork and exec: a socketpair end made with
 * SOCK_CLOEXEC is closed by exec, the other stays open in the new
 * program (./sockfds), which reads what the parent sent through it and
 * answers; dup of a socket shares it (FD_CLOEXEC is the descriptor's,
 * not the socket's); the socket lives until its last descriptor is
 * closed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/wait.h>
#include <sys/socket.h>

int main(void)
{
	int keep[2], drop[2];
	socketpair(AF_UNIX, SOCK_STREAM, 0, keep);
	socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, drop);
	printf("FD_CLOEXEC: keep %d, drop %d\n", fcntl(keep[1], F_GETFD), fcntl(drop[1], F_GETFD));
	int copy = dup(drop[1]);
	printf("dup of a SOCK_CLOEXEC socket: FD_CLOEXEC %d\n", fcntl(copy, F_GETFD));
	pid_t pid = fork();
	if (pid == 0) {
		char a[16], b[16], c[16];
		snprintf(a, sizeof a, "%d", keep[1]);
		snprintf(b, sizeof b, "%d", drop[1]);
		snprintf(c, sizeof c, "%d", copy);
		execl("./sockfds", "sockfds", a, b, c, (char *)0);
		perror("execl");
		exit(1);
	}
	close(keep[1]);
	close(drop[1]);
	close(copy);
	write(keep[0], "through exec", 12);
	char buf[32] = {0};
	int n = read(keep[0], buf, sizeof buf - 1);
	printf("parent read %d bytes: %s\n", n, buf);
	n = read(drop[0], buf, sizeof buf - 1);
	printf("the dup kept the other pair open: %s\n", n < 0 ? "error" : "until the child exited");
	int st;
	waitpid(pid, &st, 0);
	printf("child exit %d\n", WEXITSTATUS(st));
	close(keep[0]);
	close(drop[0]);
	return 0;
}
