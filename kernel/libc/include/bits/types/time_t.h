/* time_t: defined once, however many headers need it (sizes are glibc's on x86-64). */
#ifndef __DEFINED_time_t
#define __DEFINED_time_t
typedef long time_t;
#endif
