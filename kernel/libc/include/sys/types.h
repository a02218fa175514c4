#ifndef _SYS_TYPES_H
#define _SYS_TYPES_H

#include <bits/types/size_t.h>
#include <bits/types/ssize_t.h>
#include <bits/types/pid_t.h>
#include <bits/types/uid_t.h>
#include <bits/types/gid_t.h>
#include <bits/types/id_t.h>
#include <bits/types/mode_t.h>
#include <bits/types/off_t.h>
#include <bits/types/dev_t.h>
#include <bits/types/ino_t.h>
#include <bits/types/nlink_t.h>
#include <bits/types/blksize_t.h>
#include <bits/types/blkcnt_t.h>
#include <bits/types/time_t.h>
#include <bits/types/clock_t.h>
#include <bits/types/clockid_t.h>
#include <bits/types/suseconds_t.h>
#include <bits/types/useconds_t.h>
#include <sys/select.h>
#include <bits/types/key_t.h>
#ifndef NULL
#define NULL ((void *)0)
#endif

typedef unsigned char u_char;
typedef unsigned short u_short;
typedef unsigned int u_int;
typedef unsigned long u_long;

#endif
