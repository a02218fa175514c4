/* ptrdiff_t: defined once, however many headers need it (sizes are glibc's on x86-64). */
#ifndef __DEFINED_ptrdiff_t
#define __DEFINED_ptrdiff_t
typedef long ptrdiff_t;
#endif
