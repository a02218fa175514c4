/* blksize_t: defined once, however many headers need it (sizes are glibc's on x86-64). */
#ifndef __DEFINED_blksize_t
#define __DEFINED_blksize_t
typedef long blksize_t;
#endif
