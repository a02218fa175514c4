#ifndef _BITS_WAITSTATUS_H
#define _BITS_WAITSTATUS_H

/*
 * Decoding a wait status as glibc does. Linux packs it into 16 bits:
 * normal exit    -> (code << 8)
 * killed         -> signal number in the low 7 bits, 0x80 if it dumped core
 * stopped        -> (signal << 8) | 0x7f
 * continued      -> 0xffff
 */
#define WEXITSTATUS(status) (((status) & 0xff00) >> 8)
#define WTERMSIG(status) ((status) & 0x7f)
#define WSTOPSIG(status) WEXITSTATUS(status)
#define WIFEXITED(status) (WTERMSIG(status) == 0)
#define WIFSIGNALED(status) (((signed char)(((status) & 0x7f) + 1) >> 1) > 0)
#define WIFSTOPPED(status) (((status) & 0xff) == 0x7f)
#define WIFCONTINUED(status) ((status) == 0xffff)
#define WCOREDUMP(status) ((status) & 0x80)

#endif
