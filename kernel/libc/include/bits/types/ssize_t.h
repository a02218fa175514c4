/* ssize_t: defined once, however many headers need it (sizes are glibc's on x86-64). */
#ifndef __DEFINED_ssize_t
#define __DEFINED_ssize_t
typedef long ssize_t;
#endif
