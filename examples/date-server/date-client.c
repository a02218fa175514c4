/*
 * DateClient.java of slide 3.62, as a C program on Linux sockets: it
 * connects to port 6013 of this machine and prints every line the
 * server sends.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>

int main(void)
{
	int sock;
	struct sockaddr_in server;
	FILE *in;
	char line[256];

	sock = socket(AF_INET, SOCK_STREAM, 0);
	if (sock < 0) {
		perror("socket");
		exit(1);
	}
	memset(&server, 0, sizeof server);
	server.sin_family = AF_INET;
	server.sin_port = htons(6013);
	/* this could be changed to an IP name or address other than the localhost */
	inet_pton(AF_INET, "127.0.0.1", &server.sin_addr);
	if (connect(sock, (struct sockaddr *)&server, sizeof server) < 0) {
		perror("connect");
		exit(1);
	}
	in = fdopen(sock, "r");
	while (fgets(line, sizeof line, in) != NULL)
		printf("DateClient: %s", line);
	fclose(in);
	return 0;
}
