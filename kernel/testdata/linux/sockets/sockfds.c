/* Run by sockexec: which of the descriptors it was given survived exec;
 * it reads from the one that did and answers. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/socket.h>

int main(int argc, char *argv[])
{
	for (int i = 1; i < argc; i++) {
		int fd = atoi(argv[i]);
		printf("sockfds: descriptor %s %s\n", i == 1 ? "keep" : i == 2 ? "drop" : "dup",
		       fcntl(fd, F_GETFD) < 0 ? "closed by exec" : "open");
	}
	int fd = atoi(argv[1]);
	char buf[32] = {0};
	int n = read(fd, buf, sizeof buf - 1);
	printf("sockfds read %d bytes: %s\n", n, buf);
	int type = 0;
	socklen_t len = sizeof type;
	getsockopt(fd, SOL_SOCKET, SO_TYPE, &type, &len);
	printf("sockfds: it is a socket of type %d\n", type);
	write(fd, "answer", 6);
	return 0;
}
