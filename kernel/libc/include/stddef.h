#ifndef _STDDEF_H
#define _STDDEF_H

#include <bits/types/size_t.h>
#include <bits/types/ptrdiff_t.h>
#include <bits/types/wchar_t.h>
#ifndef NULL
#define NULL ((void *)0)
#endif

#define offsetof(type, member) ((size_t)&((type *)0)->member)

#endif
