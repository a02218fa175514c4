/* uid_t: defined once, however many headers need it (sizes are glibc's on x86-64). */
#ifndef __DEFINED_uid_t
#define __DEFINED_uid_t
typedef unsigned int uid_t;
#endif
