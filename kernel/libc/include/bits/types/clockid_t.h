/* clockid_t: defined once, however many headers need it (sizes are glibc's on x86-64). */
#ifndef __DEFINED_clockid_t
#define __DEFINED_clockid_t
typedef int clockid_t;
#endif
