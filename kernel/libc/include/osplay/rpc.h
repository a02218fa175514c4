#ifndef _OSPLAY_RPC_H
#define _OSPLAY_RPC_H

/*
 * Remote procedure calls, seen (seed 001, slides 3.63-3.84): what
 * rpcgen's stubs and Sun's RPC library do, written out in plain C over
 * UDP sockets so that every byte can be watched.
 *
 * - XDR (slide 3.65): every value travels big-endian in 4-byte units; a
 *   string is its length, then its bytes, padded with zeros to a multiple
 *   of 4 (RFC 4506). xdr_int and friends encode or decode, as the XDR
 *   stream says.
 * - A call is one datagram: a header (xid, CALL, RPC version 2, program,
 *   version, procedure), then the marshalled arguments; a reply is the
 *   xid, REPLY, MSG_ACCEPTED, a status, then the marshalled results
 *   (RFC 5531, whose credentials and verifiers are left out here).
 * - The matchmaker (slide 3.63's rpcbind, once the portmapper) is itself
 *   an RPC program on a port every machine knows. A server binds a port
 *   and tells the matchmaker (pmap_set); a client asks it which port a
 *   program has (pmap_getport), then calls there (slide 3.64).
 *
 * Functions return 0 (or a value) on success, -1 on failure; a call that
 * failed leaves its reason in rpc_error (an accept status, or RPC_CANTSEND
 * and friends), which rpc_errstr names.
 *
 * Pure C on the socket API: the same file compiles with gcc on Linux.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>

/* The largest message, in bytes: a datagram longer than this is refused. */
#define RPC_MAX 512

/* The matchmaker's program, version and procedures (RFC 1833); its port.
   rpcbind listens on port 111, which only root may bind: ours is 6311. */
#define PMAP_PROG 100000
#define PMAP_VERS 2
#define PMAPPROC_NULL 0
#define PMAPPROC_SET 1
#define PMAPPROC_UNSET 2
#define PMAPPROC_GETPORT 3
#define PMAP_PORT 6311

/* Message types and statuses (RFC 5531). */
#define RPC_CALL 0
#define RPC_REPLY 1
#define RPC_VERS 2
#define MSG_ACCEPTED 0
#define SUCCESS 0		/* the procedure ran: the results follow */
#define PROG_UNAVAIL 1		/* no such program here */
#define PROG_MISMATCH 2		/* no such version */
#define PROC_UNAVAIL 3		/* no such procedure */
#define GARBAGE_ARGS 4		/* the arguments could not be decoded */
#define SYSTEM_ERR 5
/* The client's own failures (not on the wire). */
#define RPC_CANTSEND 10
#define RPC_CANTRECV 11
#define RPC_CANTDECODE 12	/* the reply could not be decoded */
#define RPC_PROGNOTREGISTERED 13	/* the matchmaker knows no such program */

static int rpc_error;
/* Set to 1: every client handle made after prints its calls' and replies' bytes. */
static int rpc_trace;

/* Slides 3.65 and 3.81: an XDR stream, a buffer that xdr_ calls fill (XDR_ENCODE) or read (XDR_DECODE). */
#define XDR_ENCODE 0
#define XDR_DECODE 1
typedef struct {
	int op;			/* XDR_ENCODE or XDR_DECODE */
	unsigned char *buf;
	int size;		/* bytes the buffer holds (decode) or may hold (encode) */
	int pos;		/* the next byte */
} XDR;
typedef int (*xdrproc_t)(XDR *, void *);

static void xdrmem_create(XDR *x, void *buf, int size, int op);
/* RFC 4506 4.1: a 32-bit integer, most significant byte first. Returns 1, or 0 when it does not fit. */
static int xdr_int(XDR *x, int *ip);
static int xdr_u_int(XDR *x, unsigned int *up);
/* Slide 3.68's long: in XDR it is 32 bits, whatever a C long is. */
static int xdr_long(XDR *x, long *lp);
/* RFC 4506 4.11: length, bytes, zeros to a multiple of 4; at most max bytes. *sp is a buffer of max+1 when decoding. */
static int xdr_string(XDR *x, char **sp, unsigned int max);
static int xdr_void(XDR *x, void *p);

/* Slide 3.64: a client handle, a socket with the server's address (clnt_create on slide 3.70). */
typedef struct {
	int sock;
	struct sockaddr_in server;
	unsigned int prog, vers, xid;
	int trace;		/* print each call's and reply's bytes */
} CLIENT;

/* Slide 3.70: a handle for program prog, version vers at host:port (0: ask the matchmaker). */
static CLIENT *clnt_create(const char *host, unsigned int prog, unsigned int vers, int port);
/* Slide 3.64, the client stub's work: marshal the arguments, send, wait for the reply, unmarshal the results.
   It waits for ever and never sends again: the machine's loopback loses no datagram (Sun's clnt_call
   retransmits after a timeout). */
static int clnt_call(CLIENT *cl, unsigned int proc, xdrproc_t inproc, void *in, xdrproc_t outproc, void *out);
static void clnt_destroy(CLIENT *cl);

/* Slide 3.63, the matchmaker's calls: register a program's port, forget it, find it (0: unknown). */
static int pmap_set(unsigned int prog, unsigned int vers, int port);
static int pmap_unset(unsigned int prog, unsigned int vers);
static int pmap_getport(unsigned int prog, unsigned int vers);

/* The server side: a socket bound to port on this machine; one request taken, its header decoded. */
struct svc_req {
	unsigned int xid, prog, vers, proc;
	struct sockaddr_in from;
	XDR args;		/* the arguments, still marshalled */
	unsigned char buf[RPC_MAX];
};
static int svc_create(int port);
/* Take the next call: 0; GARBAGE_ARGS when its header is malformed or it is longer than RPC_MAX
   (answer it with svcerr); -1 when there is nobody to answer (not even an xid). */
static int svc_getreq(int sock, struct svc_req *rq);
/* Answer a call: SUCCESS, then the results outproc marshals (SYSTEM_ERR when they do not fit). */
static int svc_sendreply(int sock, struct svc_req *rq, xdrproc_t outproc, void *out);
/* Answer a call with an error status alone: PROG_UNAVAIL, PROC_UNAVAIL, GARBAGE_ARGS... */
static int svcerr(int sock, struct svc_req *rq, int status);

/* The bytes of a message, in hex: four 4-byte units a line. */
static void rpc_dump(const char *what, const void *buf, int n);
static const char *rpc_errstr(int status);

/* ---- XDR ---- */

static void xdrmem_create(XDR *x, void *buf, int size, int op)
{
	x->op = op;
	x->buf = buf;
	x->size = size;
	x->pos = 0;
}

static int xdr_u_int(XDR *x, unsigned int *up)
{
	unsigned char *p;

	if (x->pos + 4 > x->size)
		return 0;
	p = x->buf + x->pos;
	if (x->op == XDR_ENCODE) {
		p[0] = (*up >> 24) & 0xff;	/* the most significant byte first */
		p[1] = (*up >> 16) & 0xff;
		p[2] = (*up >> 8) & 0xff;
		p[3] = *up & 0xff;
	} else {
		*up = (unsigned int)p[0] << 24 | (unsigned int)p[1] << 16 | (unsigned int)p[2] << 8 | p[3];
	}
	x->pos += 4;
	return 1;
}

static int xdr_int(XDR *x, int *ip)
{
	unsigned int u = (unsigned int)*ip;	/* two's complement: -1 is ff ff ff ff */

	if (!xdr_u_int(x, &u))
		return 0;
	*ip = (int)u;
	return 1;
}

static int xdr_long(XDR *x, long *lp)
{
	int i = (int)*lp;

	if (!xdr_int(x, &i))
		return 0;
	*lp = i;
	return 1;
}

static int xdr_string(XDR *x, char **sp, unsigned int max)
{
	unsigned int len = 0, left, pad;

	if (x->op == XDR_ENCODE)
		len = strlen(*sp);
	if (!xdr_u_int(x, &len) || len > max)
		return 0;
	pad = (4 - len % 4) % 4;
	left = x->size - x->pos;
	if (len > left || pad > left - len)	/* a length that lies: never len + pad, which may wrap */
		return 0;
	if (x->op == XDR_ENCODE) {
		memcpy(x->buf + x->pos, *sp, len);
		memset(x->buf + x->pos + len, 0, pad);
	} else {
		memcpy(*sp, x->buf + x->pos, len);
		(*sp)[len] = '\0';
	}
	x->pos += len + pad;
	return 1;
}

static int xdr_void(XDR *x, void *p)
{
	return 1;
}

/* ---- printing ---- */

static void rpc_dump(const char *what, const void *buf, int n)
{
	const unsigned char *p = buf;

	printf("%s, %d bytes:\n", what, n);
	for (int i = 0; i < n; i++) {
		if (i % 16 == 0)
			printf("   ");
		printf("%s%02x", i % 4 == 0 ? "  " : " ", p[i]);
		if (i % 16 == 15 || i == n - 1)
			printf("\n");
	}
}

static const char *rpc_errstr(int status)
{
	switch (status) {
	case SUCCESS: return "success";
	case PROG_UNAVAIL: return "program unavailable";
	case PROG_MISMATCH: return "program version mismatched";
	case PROC_UNAVAIL: return "procedure unavailable";
	case GARBAGE_ARGS: return "server can't decode arguments";
	case SYSTEM_ERR: return "remote system error";
	case RPC_CANTSEND: return "unable to send";
	case RPC_CANTRECV: return "unable to receive";
	case RPC_CANTDECODE: return "can't decode result";
	case RPC_PROGNOTREGISTERED: return "program not registered";
	}
	return "unknown error";
}

/* ---- the client ---- */

static CLIENT *clnt_create(const char *host, unsigned int prog, unsigned int vers, int port)
{
	CLIENT *cl;

	if (port == 0 && (port = pmap_getport(prog, vers)) <= 0) {
		if (port == 0)
			rpc_error = RPC_PROGNOTREGISTERED;
		return NULL;
	}
	cl = calloc(1, sizeof *cl);
	if (cl == NULL)
		return NULL;
	cl->sock = socket(AF_INET, SOCK_DGRAM, 0);
	if (cl->sock < 0) {
		free(cl);
		rpc_error = RPC_CANTSEND;
		return NULL;
	}
	cl->server.sin_family = AF_INET;
	cl->server.sin_port = htons(port);
	if (inet_pton(AF_INET, host, &cl->server.sin_addr) != 1)
		cl->server.sin_addr.s_addr = htonl(INADDR_LOOPBACK);	/* "localhost" */
	cl->prog = prog;
	cl->vers = vers;
	cl->trace = rpc_trace;
	return cl;
}

static void clnt_destroy(CLIENT *cl)
{
	close(cl->sock);
	free(cl);
}

static int clnt_call(CLIENT *cl, unsigned int proc, xdrproc_t inproc, void *in, xdrproc_t outproc, void *out)
{
	unsigned char buf[RPC_MAX];
	unsigned int xid, type, stat, accept, h[6];
	XDR x;
	int n;

	/* the header, then the arguments: the marshalling */
	h[0] = ++cl->xid;
	h[1] = RPC_CALL;
	h[2] = RPC_VERS;
	h[3] = cl->prog;
	h[4] = cl->vers;
	h[5] = proc;
	xdrmem_create(&x, buf, sizeof buf, XDR_ENCODE);
	for (int i = 0; i < 6; i++)
		xdr_u_int(&x, &h[i]);
	if (!inproc(&x, in)) {
		rpc_error = RPC_CANTSEND;
		return -1;
	}
	if (cl->trace)
		rpc_dump("  call", buf, x.pos);
	if (sendto(cl->sock, buf, x.pos, 0, (struct sockaddr *)&cl->server, sizeof cl->server) < 0) {
		rpc_error = RPC_CANTSEND;
		return -1;
	}
	/* wait for the reply with our xid: an older one is dropped */
	do {
		n = recv(cl->sock, buf, sizeof buf, 0);
		if (n < 0) {
			rpc_error = RPC_CANTRECV;
			return -1;
		}
		xdrmem_create(&x, buf, n, XDR_DECODE);
	} while (!xdr_u_int(&x, &xid) || xid != cl->xid);
	if (cl->trace)
		rpc_dump("  reply", buf, n);
	if (!xdr_u_int(&x, &type) || type != RPC_REPLY || !xdr_u_int(&x, &stat) || stat != MSG_ACCEPTED ||
	    !xdr_u_int(&x, &accept)) {
		rpc_error = RPC_CANTDECODE;
		return -1;
	}
	if (accept != SUCCESS) {
		rpc_error = accept;
		return -1;
	}
	/* the unmarshalling */
	if (!outproc(&x, out)) {
		rpc_error = RPC_CANTDECODE;
		return -1;
	}
	return 0;
}

/* ---- the matchmaker's client ---- */

/* RFC 1833's mapping: program, version, protocol, port. */
struct pmap {
	unsigned int prog, vers, prot, port;
};

static int xdr_pmap(XDR *x, void *p)
{
	struct pmap *m = p;

	return xdr_u_int(x, &m->prog) && xdr_u_int(x, &m->vers) && xdr_u_int(x, &m->prot) && xdr_u_int(x, &m->port);
}

static int __rpc_xdr_uint(XDR *x, void *p)
{
	return xdr_u_int(x, p);
}

static int __pmap_call(unsigned int proc, unsigned int prog, unsigned int vers, int port, unsigned int *res)
{
	CLIENT *cl = clnt_create("127.0.0.1", PMAP_PROG, PMAP_VERS, PMAP_PORT);
	struct pmap m;
	int r;

	if (cl == NULL)
		return -1;
	m.prog = prog;
	m.vers = vers;
	m.prot = IPPROTO_UDP;	/* 17: every mapping here is UDP */
	m.port = port;
	r = clnt_call(cl, proc, xdr_pmap, &m, __rpc_xdr_uint, res);
	clnt_destroy(cl);
	return r;
}

static int pmap_set(unsigned int prog, unsigned int vers, int port)
{
	unsigned int ok;

	if (__pmap_call(PMAPPROC_SET, prog, vers, port, &ok) < 0)
		return -1;
	return ok ? 0 : -1;
}

static int pmap_unset(unsigned int prog, unsigned int vers)
{
	unsigned int ok;

	if (__pmap_call(PMAPPROC_UNSET, prog, vers, 0, &ok) < 0)
		return -1;
	return ok ? 0 : -1;
}

static int pmap_getport(unsigned int prog, unsigned int vers)
{
	unsigned int port;

	if (__pmap_call(PMAPPROC_GETPORT, prog, vers, 0, &port) < 0)
		return -1;
	return (int)port;
}

/* ---- the server ---- */

static int svc_create(int port)
{
	struct sockaddr_in a;
	int sock = socket(AF_INET, SOCK_DGRAM, 0);

	if (sock < 0)
		return -1;
	memset(&a, 0, sizeof a);
	a.sin_family = AF_INET;
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	a.sin_port = htons(port);
	if (bind(sock, (struct sockaddr *)&a, sizeof a) < 0) {
		close(sock);
		return -1;
	}
	return sock;
}

static int svc_getreq(int sock, struct svc_req *rq)
{
	unsigned char big[RPC_MAX + 1];
	unsigned int type, rpcvers;
	socklen_t len = sizeof rq->from;
	int n;

	memset(rq, 0, sizeof *rq);
	n = recvfrom(sock, big, sizeof big, 0, (struct sockaddr *)&rq->from, &len);
	if (n < 0)
		return -1;
	if (n > RPC_MAX)
		n = RPC_MAX + 1;	/* longer than any call: refused below, once its xid is known */
	memcpy(rq->buf, big, n > RPC_MAX ? RPC_MAX : n);
	xdrmem_create(&rq->args, rq->buf, n > RPC_MAX ? RPC_MAX : n, XDR_DECODE);
	if (!xdr_u_int(&rq->args, &rq->xid))
		return -1;	/* not even an xid: nobody to answer */
	if (n > RPC_MAX || !xdr_u_int(&rq->args, &type) || type != RPC_CALL || !xdr_u_int(&rq->args, &rpcvers) ||
	    rpcvers != RPC_VERS || !xdr_u_int(&rq->args, &rq->prog) || !xdr_u_int(&rq->args, &rq->vers) ||
	    !xdr_u_int(&rq->args, &rq->proc))
		return GARBAGE_ARGS;
	return 0;
}

static int svc_sendreply(int sock, struct svc_req *rq, xdrproc_t outproc, void *out)
{
	unsigned char buf[RPC_MAX];
	unsigned int h[4];
	XDR x;

	h[0] = rq->xid;
	h[1] = RPC_REPLY;
	h[2] = MSG_ACCEPTED;
	h[3] = SUCCESS;
	xdrmem_create(&x, buf, sizeof buf, XDR_ENCODE);
	for (int i = 0; i < 4; i++)
		xdr_u_int(&x, &h[i]);
	if (!outproc(&x, out))
		return svcerr(sock, rq, SYSTEM_ERR);	/* the results do not fit */
	return sendto(sock, buf, x.pos, 0, (struct sockaddr *)&rq->from, sizeof rq->from) < 0 ? -1 : 0;
}

static int svcerr(int sock, struct svc_req *rq, int status)
{
	unsigned char buf[16];
	unsigned int h[4];
	XDR x;

	h[0] = rq->xid;
	h[1] = RPC_REPLY;
	h[2] = MSG_ACCEPTED;
	h[3] = status;
	xdrmem_create(&x, buf, sizeof buf, XDR_ENCODE);
	for (int i = 0; i < 4; i++)
		xdr_u_int(&x, &h[i]);
	return sendto(sock, buf, x.pos, 0, (struct sockaddr *)&rq->from, sizeof rq->from) < 0 ? -1 : 0;
}

#endif
