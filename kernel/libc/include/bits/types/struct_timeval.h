/* struct timeval: defined once, however many headers need it (sizes are glibc's on x86-64). */
#ifndef __DEFINED_struct_timeval
#define __DEFINED_struct_timeval
#include <bits/types/time_t.h>
#include <bits/types/suseconds_t.h>
struct timeval {
	time_t tv_sec;
	suseconds_t tv_usec;
};
#endif
