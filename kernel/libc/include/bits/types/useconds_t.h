/* useconds_t: defined once, however many headers need it (sizes are glibc's on x86-64). */
#ifndef __DEFINED_useconds_t
#define __DEFINED_useconds_t
typedef unsigned int useconds_t;
#endif
