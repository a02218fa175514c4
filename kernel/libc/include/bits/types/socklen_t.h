/* socklen_t: the length of a socket address. */
#ifndef __DEFINED_socklen_t
#define __DEFINED_socklen_t
typedef unsigned int socklen_t;
#endif
