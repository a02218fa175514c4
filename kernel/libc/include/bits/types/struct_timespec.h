/* struct timespec: defined once, however many headers need it (sizes are glibc's on x86-64). */
#ifndef __DEFINED_struct_timespec
#define __DEFINED_struct_timespec
#include <bits/types/time_t.h>
struct timespec {
	time_t tv_sec;
	long tv_nsec;
};
#endif
