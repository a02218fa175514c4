/* mode_t: defined once, however many headers need it (sizes are glibc's on x86-64). */
#ifndef __DEFINED_mode_t
#define __DEFINED_mode_t
typedef unsigned int mode_t;
#endif
