/* va_list: defined once, however many headers need it (sizes are glibc's on x86-64). */
#ifndef __DEFINED_va_list
#define __DEFINED_va_list
#ifdef __OSPLAY__
/* Every variadic argument occupies one 8-byte slot; see stdarg.h. */
typedef char *__osplay_va_list;
#else
typedef __builtin_va_list __osplay_va_list;
#endif
#endif
