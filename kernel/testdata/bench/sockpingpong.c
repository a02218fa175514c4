/* TCP ping-pong over the loopback between two processes, N round trips:
   the parent listens on an ephemeral port, the child connects; the parent
   sends a byte, the child sends it back. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <sys/socket.h>
#include <netinet/in.h>

int main(int argc, char *argv[])
{
	long n = argc > 1 ? atol(argv[1]) : 1000, trips = 0;
	char c = 'x';
	int l = socket(AF_INET, SOCK_STREAM, 0);
	struct sockaddr_in a;
	socklen_t len = sizeof a;
	memset(&a, 0, sizeof a);
	a.sin_family = AF_INET;
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (bind(l, (struct sockaddr *)&a, sizeof a) < 0 || listen(l, 1) < 0 ||
	    getsockname(l, (struct sockaddr *)&a, &len) < 0)
		return 1;
	if (fork() == 0) {
		int s = socket(AF_INET, SOCK_STREAM, 0);
		if (connect(s, (struct sockaddr *)&a, sizeof a) < 0)
			_exit(1);
		for (long i = 0; i < n; i++) {
			read(s, &c, 1);
			write(s, &c, 1);
		}
		_exit(0);
	}
	int s = accept(l, NULL, NULL);
	for (long i = 0; i < n; i++) {
		write(s, &c, 1);
		if (read(s, &c, 1) == 1)
			trips++;
	}
	wait(NULL);
	printf("%ld\n", trips);
	return 0;
}
