#ifndef _STDARG_H
#define _STDARG_H

#include <bits/types/va_list.h>
#ifndef NULL
#define NULL ((void *)0)
#endif

typedef __osplay_va_list va_list;

#ifdef __OSPLAY__
/*
 * The compiler passes every variadic argument in its own 8-byte slot, one
 * after the other in memory (integers widened to 64 bits, doubles as their
 * IEEE bits), and __osplay_va_start returns the address of the first slot.
 * Walking the arguments is then plain pointer arithmetic.
 */
char *__osplay_va_start(void);
#define va_start(ap, last) ((ap) = __osplay_va_start())
#define va_arg(ap, T) (*(T *)(((ap) += 8) - 8))
#define va_end(ap) ((void)0)
#define va_copy(d, s) ((d) = (s))
#else
#define va_start(ap, last) __builtin_va_start(ap, last)
#define va_arg(ap, T) __builtin_va_arg(ap, T)
#define va_end(ap) __builtin_va_end(ap)
#define va_copy(d, s) __builtin_va_copy(d, s)
#endif

#endif
