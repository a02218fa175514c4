/* Expect: an RPC server of <osplay/rpc.h> (ADD on udp port 6321) meets
 * hostile datagrams and survives each: one too short for an xid is
 * dropped; a reply sent as a call, a wrong RPC version, arguments cut
 * short, a string whose length says 2^31-1 or more than the datagram
 * holds, a datagram longer than RPC_MAX, each get GARBAGE_ARGS; an
 * unknown program PROG_UNAVAIL, an unknown version PROG_MISMATCH; a
 * datagram above UDP's 65507 bytes never leaves (EMSGSIZE); a reply
 * that says SUCCESS but holds no result is a clean error for the client
 * stub. Between them, honest calls through the stub are answered. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <sys/wait.h>
#include <osplay/rpc.h>

#define PROG 0x31230000
#define VERS 1
#define ADD 1
#define ECHO 2
#define SHORT 3	/* answered SUCCESS with no result: the client cannot decode it */
#define PORT 6321
#define DATAGRAMS 13	/* the datagrams the server takes: as many as reach it */

static int xdr_pair(XDR *x, void *p)
{
	int *v = p;
	return xdr_int(x, &v[0]) && xdr_int(x, &v[1]);
}

static int xdr_int_p(XDR *x, void *p)
{
	return xdr_int(x, p);
}

static int xdr_text(XDR *x, void *p)
{
	return xdr_string(x, p, 32);
}

static void serve(int sock)
{
	struct svc_req rq;
	char text[33], *tp = text;
	int v[2], sum;

	for (int i = 1; i <= DATAGRAMS; i++) {
		int r = svc_getreq(sock, &rq);
		if (r < 0) {
			printf("server: datagram %d dropped: nobody to answer\n", i);
			continue;
		}
		if (r > 0) {
			printf("server: datagram %d: malformed call\n", i);
			svcerr(sock, &rq, r);
			continue;
		}
		if (rq.prog != PROG || rq.vers != VERS) {
			printf("server: datagram %d: program 0x%x version %u unknown\n", i, rq.prog, rq.vers);
			svcerr(sock, &rq, rq.prog != PROG ? PROG_UNAVAIL : PROG_MISMATCH);
		} else if (rq.proc == ADD && xdr_pair(&rq.args, v)) {
			sum = v[0] + v[1];
			printf("server: datagram %d: ADD(%d, %d)\n", i, v[0], v[1]);
			svc_sendreply(sock, &rq, xdr_int_p, &sum);
		} else if (rq.proc == ECHO && xdr_text(&rq.args, &tp)) {
			printf("server: datagram %d: ECHO(\"%s\")\n", i, text);
			svc_sendreply(sock, &rq, xdr_text, &tp);
		} else if (rq.proc == SHORT) {
			printf("server: datagram %d: SHORT, a reply without its result\n", i);
			svcerr(sock, &rq, SUCCESS);
		} else {
			printf("server: datagram %d: garbage arguments\n", i);
			svcerr(sock, &rq, GARBAGE_ARGS);
		}
	}
}

/* raw sends n words (and extra bytes) as one datagram and reports the reply's status. */
static void raw(int sock, struct sockaddr_in *to, const char *what, unsigned int *w, int nw, int len, int answered)
{
	unsigned char buf[600];
	XDR x;
	unsigned int h[4];
	int n;

	memset(buf, 0, sizeof buf);
	xdrmem_create(&x, buf, sizeof buf, XDR_ENCODE);
	for (int i = 0; i < nw; i++)
		xdr_u_int(&x, &w[i]);
	if (sendto(sock, buf, len, 0, (struct sockaddr *)to, sizeof *to) < 0) {
		printf("client: %s, %d bytes: sendto: %s\n", what, len, strerror(errno));
		return;
	}
	if (!answered)
		return;
	n = recv(sock, buf, sizeof buf, 0);
	xdrmem_create(&x, buf, n, XDR_DECODE);
	for (int i = 0; i < 4; i++)
		xdr_u_int(&x, &h[i]);
	printf("client: %s, %d bytes: reply of %d bytes, xid %u, status %u: %s\n", what, len, n, h[0], h[3], rpc_errstr(h[3]));
}

static void add(CLIENT *cl, int a, int b)
{
	int v[2] = {a, b}, sum;

	if (clnt_call(cl, ADD, xdr_pair, v, xdr_int_p, &sum) < 0)
		printf("client: ADD(%d, %d): %s\n", a, b, rpc_errstr(rpc_error));
	else
		printf("client: ADD(%d, %d) = %d\n", a, b, sum);
}

int main(void)
{
	static char huge[70000];
	int sock = svc_create(PORT), c, status;
	struct sockaddr_in to;
	CLIENT *cl;
	pid_t pid;
	char word[] = "hello", *wp = word, back[33], *bp = back;

	if (sock < 0) {
		perror("bind");
		return 1;
	}
	pid = fork();
	if (pid == 0) {
		serve(sock);
		exit(0);
	}
	close(sock);
	cl = clnt_create("127.0.0.1", PROG, VERS, PORT);
	c = socket(AF_INET, SOCK_DGRAM, 0);
	to = cl->server;

	add(cl, 2, 3);
	unsigned int tiny[] = {0x01020304};
	raw(c, &to, "two bytes", tiny, 1, 2, 0);
	unsigned int reply[] = {7, RPC_REPLY, RPC_VERS, PROG, VERS, ADD, 1, 2};
	raw(c, &to, "a reply as a call", reply, 8, 32, 1);
	unsigned int vers3[] = {8, RPC_CALL, 3, PROG, VERS, ADD, 1, 2};
	raw(c, &to, "RPC version 3", vers3, 8, 32, 1);
	unsigned int cut[] = {9, RPC_CALL, RPC_VERS, PROG, VERS, ADD, 1};
	raw(c, &to, "ADD with one argument", cut, 7, 28, 1);
	unsigned int longstr[] = {10, RPC_CALL, RPC_VERS, PROG, VERS, ECHO, 0x7fffffff};
	raw(c, &to, "ECHO of a string of 2^31-1 bytes", longstr, 7, 28, 1);
	unsigned int shortstr[] = {11, RPC_CALL, RPC_VERS, PROG, VERS, ECHO, 20, 0x41414141};
	raw(c, &to, "ECHO of 20 bytes that holds 4", shortstr, 8, 32, 1);
	unsigned int big[] = {12, RPC_CALL, RPC_VERS, PROG, VERS, ADD, 1, 2};
	raw(c, &to, "ADD in a datagram longer than RPC_MAX", big, 8, 600, 1);
	unsigned int prog[] = {13, RPC_CALL, RPC_VERS, 0x20000001, VERS, ADD};
	raw(c, &to, "an unknown program", prog, 6, 24, 1);
	unsigned int vers[] = {14, RPC_CALL, RPC_VERS, PROG, 9, ADD};
	raw(c, &to, "an unknown version", vers, 6, 24, 1);
	if (sendto(c, huge, sizeof huge, 0, (struct sockaddr *)&to, sizeof to) < 0)
		printf("client: a datagram of %d bytes: sendto: %s\n", (int)sizeof huge, strerror(errno));
	if (clnt_call(cl, ECHO, xdr_text, &wp, xdr_text, &bp) == 0)
		printf("client: ECHO(\"%s\") = \"%s\"\n", word, back);
	if (clnt_call(cl, SHORT, xdr_void, NULL, xdr_int_p, &status) < 0)
		printf("client: SHORT: %s\n", rpc_errstr(rpc_error));
	add(cl, 40, 2);
	clnt_destroy(cl);
	waitpid(pid, &status, 0);
	printf("client: server exited with status %d\n", WEXITSTATUS(status));
	return 0;
}
