/* ino_t: defined once, however many headers need it (sizes are glibc's on x86-64). */
#ifndef __DEFINED_ino_t
#define __DEFINED_ino_t
typedef unsigned long ino_t;
#endif
