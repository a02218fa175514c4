/* FILE: defined once, however many headers need it (sizes are glibc's on x86-64). */
#ifndef __DEFINED_FILE
#define __DEFINED_FILE
typedef struct _IO_FILE FILE;
#endif
