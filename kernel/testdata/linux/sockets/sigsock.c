/* Expect: a signal whose handler has no SA_RESTART ends a blocked
 * accept and a blocked recv with EINTR; with SA_RESTART the accept goes
 * on waiting after the handler and returns the connection that comes
 * later. Port 6141. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <signal.h>
#include <unistd.h>
#include <sys/wait.h>
#include <sys/socket.h>
#include <netinet/in.h>

static volatile int alarms;

static void onalarm(int sig)
{
	alarms++;
}

static void handle(int flags)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = onalarm;
	sa.sa_flags = flags;
	sigaction(SIGALRM, &sa, NULL);
}

int main(void)
{
	int l = socket(AF_INET, SOCK_STREAM, 0), on = 1;
	setsockopt(l, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
	struct sockaddr_in a;
	memset(&a, 0, sizeof a);
	a.sin_family = AF_INET;
	a.sin_port = htons(6141);
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (bind(l, (struct sockaddr *)&a, sizeof a) < 0 || listen(l, 1) < 0) {
		perror("listen");
		return 1;
	}
	handle(0);
	alarm(1);
	int r = accept(l, NULL, NULL);
	printf("accept without SA_RESTART: %d %s, alarms %d\n", r, strerror(errno), alarms);

	handle(SA_RESTART);
	pid_t pid = fork();
	if (pid == 0) {
		sleep(2);
		int c = socket(AF_INET, SOCK_STREAM, 0);
		connect(c, (struct sockaddr *)&a, sizeof a);
		char b;
		read(c, &b, 1); /* until the parent closes */
		exit(0);
	}
	alarm(1);
	int s = accept(l, NULL, NULL);
	printf("accept with SA_RESTART: %s, alarms %d\n", s >= 0 ? "a connection" : strerror(errno), alarms);

	handle(0);
	alarm(1);
	char b;
	r = recv(s, &b, 1, 0);
	printf("recv without SA_RESTART: %d %s, alarms %d\n", r, strerror(errno), alarms);
	close(s);
	waitpid(pid, NULL, 0);
	close(l);
	return 0;
}
