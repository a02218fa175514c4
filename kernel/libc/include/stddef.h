#ifndef _STDDEF_H
#define _STDDEF_H

#define __NEED_size_t
#define __NEED_ptrdiff_t
#define __NEED_wchar_t
#include <bits/alltypes.h>

#define offsetof(type, member) ((size_t)&((type *)0)->member)

#endif
