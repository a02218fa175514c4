/* blkcnt_t: defined once, however many headers need it (sizes are glibc's on x86-64). */
#ifndef __DEFINED_blkcnt_t
#define __DEFINED_blkcnt_t
typedef long blkcnt_t;
#endif
