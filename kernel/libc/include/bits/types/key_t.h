/* key_t: a System V IPC key (sizes are glibc's on x86-64). */
#ifndef __DEFINED_key_t
#define __DEFINED_key_t
typedef int key_t;
#endif
