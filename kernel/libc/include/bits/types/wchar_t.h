/* wchar_t: defined once, however many headers need it (sizes are glibc's on x86-64). */
#ifndef __DEFINED_wchar_t
#define __DEFINED_wchar_t
typedef int wchar_t;
#endif
