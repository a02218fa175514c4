#ifndef _SYS_SINGLE_THREADED_H
#define _SYS_SINGLE_THREADED_H

/* Nonzero while the process has only ever had one thread: the first
   pthread_create clears it, and nothing sets it again (as glibc). */
extern char __libc_single_threaded;

#endif
