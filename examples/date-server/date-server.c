/*
 * DateServer.java of slide 3.61, as a C program on Linux sockets: a
 * server socket on port 6013 accepts a connection, writes the date to
 * it and closes it, then goes back to listening.
 *
 * The slide's server loops for ever, and its client runs in another
 * terminal. Here the server starts each client itself (fork, then exec
 * of ./date-client, slide 3.62) and serves three of them, one after the
 * other, so that the run ends.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/wait.h>
#include <sys/socket.h>
#include <netinet/in.h>

#define PORT 6013
#define CLIENTS 3

int main(void)
{
	int sock, client, on = 1;
	struct sockaddr_in addr;
	time_t now;
	char *date;
	pid_t pid;

	sock = socket(AF_INET, SOCK_STREAM, 0);
	if (sock < 0) {
		perror("socket");
		exit(1);
	}
	/* a server run again at once may bind the port its last run left in TIME_WAIT */
	setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
	memset(&addr, 0, sizeof addr);
	addr.sin_family = AF_INET;
	addr.sin_addr.s_addr = htonl(INADDR_ANY);
	addr.sin_port = htons(PORT);
	if (bind(sock, (struct sockaddr *)&addr, sizeof addr) < 0) {
		perror("bind");
		exit(1);
	}
	/* now listen for connections */
	listen(sock, 5);
	printf("DateServer: listening on port %d\n", PORT);

	for (int i = 1; i <= CLIENTS; i++) {
		pid = fork();
		if (pid == 0) {
			execl("./date-client", "date-client", (char *)0);
			perror("execl");
			_exit(1);
		}
		client = accept(sock, NULL, NULL);
		if (client < 0) {
			perror("accept");
			exit(1);
		}
		/* we have a connection: write the Date to the socket */
		now = time(NULL);
		date = ctime(&now);
		write(client, date, strlen(date));
		/* close the socket and resume listening for more connections */
		close(client);
		waitpid(pid, NULL, 0);
		printf("DateServer: served client %d\n", i);
	}
	close(sock);
	return 0;
}
