#ifndef _BITS_TYPES_PTHREAD_T_H
#define _BITS_TYPES_PTHREAD_T_H

/* A thread's id: the simulated kernel's tid (glibc's is an address). */
typedef unsigned long pthread_t;

#endif
