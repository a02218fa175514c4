/* dev_t: defined once, however many headers need it (sizes are glibc's on x86-64). */
#ifndef __DEFINED_dev_t
#define __DEFINED_dev_t
typedef unsigned long dev_t;
#endif
