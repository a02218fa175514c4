/*
 * The matchmaker of slide 3.64 (rpcbind on slide 3.63, once called the
 * portmapper): a daemon on a port every machine knows, itself an RPC
 * program (100000, version 2), that maps a program and version to the
 * port its server bound.
 *
 * The run starts here: the matchmaker binds its port, then starts the
 * date server (./date_svc), which registers and starts the client
 * (./rdate). Everything travels as UDP datagrams on this machine.
 * The real rpcbind runs for ever; this one stops when the last program
 * it knows unregisters, so that the run ends.
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>
#include <osplay/rpc.h>

#define TABLE 8

struct pmap table[TABLE];
int used;

/* find returns the slot of prog and vers, or -1. */
int find(unsigned int prog, unsigned int vers)
{
	for (int i = 0; i < used; i++)
		if (table[i].prog == prog && table[i].vers == vers)
			return i;
	return -1;
}

int main(void)
{
	struct svc_req rq;
	struct pmap m;
	unsigned int res;
	int sock, i, r;
	pid_t server;

	sock = svc_create(PMAP_PORT);
	if (sock < 0) {
		perror("matchmaker: bind");
		exit(1);
	}
	printf("matchmaker: listening on udp port %d\n", PMAP_PORT);
	server = fork();
	if (server == 0) {
		close(sock);
		execl("./date_svc", "date_svc", (char *)0);
		perror("execl");
		_exit(1);
	}

	for (;;) {
		if ((r = svc_getreq(sock, &rq)) != 0) {
			if (r > 0)
				svcerr(sock, &rq, r);	/* a malformed call */
			continue;
		}
		if (rq.prog != PMAP_PROG || rq.vers != PMAP_VERS) {
			svcerr(sock, &rq, rq.prog != PMAP_PROG ? PROG_UNAVAIL : PROG_MISMATCH);
			continue;
		}
		if (rq.proc != PMAPPROC_NULL && !xdr_pmap(&rq.args, &m)) {
			svcerr(sock, &rq, GARBAGE_ARGS);
			continue;
		}
		res = 0;
		switch (rq.proc) {
		case PMAPPROC_NULL:
			svc_sendreply(sock, &rq, xdr_void, NULL);
			continue;
		case PMAPPROC_SET:
			if (find(m.prog, m.vers) < 0 && used < TABLE) {
				table[used++] = m;
				res = 1;
			}
			printf("matchmaker: SET program 0x%x version %u -> port %u: %s\n", m.prog, m.vers, m.port,
			       res ? "registered" : "refused");
			break;
		case PMAPPROC_UNSET:
			if ((i = find(m.prog, m.vers)) >= 0) {
				table[i] = table[--used];
				res = 1;
			}
			printf("matchmaker: UNSET program 0x%x version %u: %s\n", m.prog, m.vers, res ? "gone" : "unknown");
			break;
		case PMAPPROC_GETPORT:
			if ((i = find(m.prog, m.vers)) >= 0)
				res = table[i].port;
			printf("matchmaker: GETPORT program 0x%x version %u: port %u\n", m.prog, m.vers, res);
			break;
		default:
			svcerr(sock, &rq, PROC_UNAVAIL);
			continue;
		}
		svc_sendreply(sock, &rq, __rpc_xdr_uint, &res);
		if (rq.proc == PMAPPROC_UNSET && used == 0)
			break;
	}
	waitpid(server, NULL, 0);
	printf("matchmaker: no program left, stopping\n");
	close(sock);
	return 0;
}
