/* off_t: defined once, however many headers need it (sizes are glibc's on x86-64). */
#ifndef __DEFINED_off_t
#define __DEFINED_off_t
typedef long off_t;
#endif
