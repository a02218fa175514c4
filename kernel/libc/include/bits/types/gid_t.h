/* gid_t: defined once, however many headers need it (sizes are glibc's on x86-64). */
#ifndef __DEFINED_gid_t
#define __DEFINED_gid_t
typedef unsigned int gid_t;
#endif
