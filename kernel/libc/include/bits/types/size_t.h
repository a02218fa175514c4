/* size_t: defined once, however many headers need it (sizes are glibc's on x86-64). */
#ifndef __DEFINED_size_t
#define __DEFINED_size_t
typedef unsigned long size_t;
#endif
