#ifndef _SYS_UN_H
#define _SYS_UN_H

#include <sys/socket.h>

/* A UNIX-domain socket's address: a path of the file system. 110 bytes. */
struct sockaddr_un {
	sa_family_t sun_family;
	char sun_path[108];
};

#endif
