/* clock_t: defined once, however many headers need it (sizes are glibc's on x86-64). */
#ifndef __DEFINED_clock_t
#define __DEFINED_clock_t
typedef long clock_t;
#endif
