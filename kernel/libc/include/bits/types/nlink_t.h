/* nlink_t: defined once, however many headers need it (sizes are glibc's on x86-64). */
#ifndef __DEFINED_nlink_t
#define __DEFINED_nlink_t
typedef unsigned long nlink_t;
#endif
