/*
 * The date server of slides 3.69 and 3.71: the remote procedures
 * (bin_date_1, str_date_1, and add_1) and the server stub, the skeleton
 * rpcgen would write into date_svc.c: it takes a call, unmarshals the
 * arguments, calls the procedure and marshals its result into the reply.
 *
 * The server binds its port and tells the matchmaker (pmap_set); then it
 * starts the client (./rdate) and serves CALLS calls, as many as rdate
 * makes, so that the run ends; a real server serves for ever.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>
#include <sys/wait.h>
#include "date.h"

#define CALLS 4

/* The remote procedures: ordinary functions. */
long *bin_date_1(void)
{
	static long timeval;	/* must be static: the skeleton marshals it after the return */

	timeval = time((long *)0);
	return &timeval;
}

char **str_date_1(long *bintime)
{
	static char *ptr;
	time_t t = *bintime;

	ptr = ctime(&t);
	return &ptr;
}

int *add_1(struct add_in *in)
{
	static int sum;

	sum = in->a + in->b;
	return &sum;
}

/* The skeleton: one call, dispatched by its procedure number. */
void date_prog_1(int sock, struct svc_req *rq)
{
	struct add_in in;
	long t;

	if (rq->prog != DATE_PROG) {
		svcerr(sock, rq, PROG_UNAVAIL);
		return;
	}
	if (rq->vers != DATE_VERS) {
		svcerr(sock, rq, PROG_MISMATCH);
		return;
	}
	switch (rq->proc) {
	case BIN_DATE:
		printf("date_svc: call %u: BIN_DATE()\n", rq->xid);
		svc_sendreply(sock, rq, xdr_long_p, bin_date_1());
		break;
	case STR_DATE:
		if (!xdr_long(&rq->args, &t)) {
			printf("date_svc: call %u: STR_DATE: garbage arguments\n", rq->xid);
			svcerr(sock, rq, GARBAGE_ARGS);
			break;
		}
		printf("date_svc: call %u: STR_DATE(%ld)\n", rq->xid, t);
		svc_sendreply(sock, rq, xdr_date_string, str_date_1(&t));
		break;
	case ADD:
		if (!xdr_add_in(&rq->args, &in)) {
			printf("date_svc: call %u: ADD: garbage arguments\n", rq->xid);
			svcerr(sock, rq, GARBAGE_ARGS);
			break;
		}
		printf("date_svc: call %u: ADD(%d, %d)\n", rq->xid, in.a, in.b);
		svc_sendreply(sock, rq, xdr_int_p, add_1(&in));
		break;
	default:
		printf("date_svc: call %u: no procedure %u\n", rq->xid, rq->proc);
		svcerr(sock, rq, PROC_UNAVAIL);
	}
}

int main(void)
{
	struct svc_req rq;
	int sock, r;
	pid_t client;

	sock = svc_create(DATE_PORT);
	if (sock < 0) {
		perror("date_svc: bind");
		exit(1);
	}
	if (pmap_set(DATE_PROG, DATE_VERS, DATE_PORT) < 0) {
		printf("date_svc: the matchmaker refused: %s\n", rpc_errstr(rpc_error));
		exit(1);
	}
	printf("date_svc: bound to udp port %d and registered\n", DATE_PORT);
	client = fork();
	if (client == 0) {
		close(sock);
		execl("./rdate", "rdate", "127.0.0.1", (char *)0);
		perror("execl");
		_exit(1);
	}
	for (int served = 0; served < CALLS; served++) {
		r = svc_getreq(sock, &rq);
		if (r == 0)
			date_prog_1(sock, &rq);
		else if (r > 0)
			svcerr(sock, &rq, r);	/* a malformed call */
	}
	waitpid(client, NULL, 0);
	printf("date_svc: served %d calls, unregistering\n", CALLS);
	pmap_unset(DATE_PROG, DATE_VERS);
	close(sock);
	return 0;
}
