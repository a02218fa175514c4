/* pid_t: defined once, however many headers need it (sizes are glibc's on x86-64). */
#ifndef __DEFINED_pid_t
#define __DEFINED_pid_t
typedef int pid_t;
#endif
