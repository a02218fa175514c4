#ifndef _NETINET_TCP_H
#define _NETINET_TCP_H

/* Options of level IPPROTO_TCP. On the loopback there is no delay to turn off. */
#define TCP_NODELAY 1

#endif
