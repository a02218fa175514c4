#ifndef _SYS_WAIT_H
#define _SYS_WAIT_H

#define __NEED_pid_t
#include <bits/alltypes.h>

#define WNOHANG 1
#define WUNTRACED 2
#define WCONTINUED 8

#include <bits/waitstatus.h>

/* System call. */
pid_t waitpid(pid_t pid, int *status, int options);

pid_t wait(int *status);

#endif
