#ifndef _SYS_WAIT_H
#define _SYS_WAIT_H

#include <bits/types/pid_t.h>
#ifndef NULL
#define NULL ((void *)0)
#endif

#define WNOHANG 1
#define WUNTRACED 2
#define WCONTINUED 8

#include <bits/waitstatus.h>

/* System call. */
pid_t waitpid(pid_t pid, int *status, int options);

pid_t wait(int *status);

#endif
