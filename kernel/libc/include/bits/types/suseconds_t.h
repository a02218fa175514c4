/* suseconds_t: defined once, however many headers need it (sizes are glibc's on x86-64). */
#ifndef __DEFINED_suseconds_t
#define __DEFINED_suseconds_t
typedef long suseconds_t;
#endif
