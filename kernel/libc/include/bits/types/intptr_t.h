/* intptr_t: defined once, however many headers need it (sizes are glibc's on x86-64). */
#ifndef __DEFINED_intptr_t
#define __DEFINED_intptr_t
typedef long intptr_t;
#endif
