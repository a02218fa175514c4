#ifndef _SYS_MMAN_H
#define _SYS_MMAN_H

#include <stddef.h>
#include <sys/types.h>

#define PROT_NONE 0x0
#define PROT_READ 0x1
#define PROT_WRITE 0x2
#define PROT_EXEC 0x4

#define MAP_SHARED 0x01
#define MAP_PRIVATE 0x02
#define MAP_FIXED 0x10
#define MAP_ANONYMOUS 0x20
#define MAP_ANON MAP_ANONYMOUS

#define MAP_FAILED ((void *)-1)

#define MS_ASYNC 1
#define MS_INVALIDATE 2
#define MS_SYNC 4

/*
 * System calls. Anonymous MAP_SHARED memory is shared with the children
 * forked after it, MAP_PRIVATE memory is copied on write. A POSIX shared
 * memory object (shm_open) or a regular file is mapped through its
 * descriptor: MAP_SHARED by every process that maps it (a write is in the
 * file at once), MAP_PRIVATE copied on write; a page wholly past the end
 * of the file faults with SIGBUS. Other files cannot be mapped (ENODEV).
 * mprotect and munmap take any page range of what mmap mapped; msync
 * checks its arguments (the memory is always in sync).
 */
void *mmap(void *addr, size_t length, int prot, int flags, int fd, off_t offset);
int munmap(void *addr, size_t length);
int mprotect(void *addr, size_t len, int prot);
int msync(void *addr, size_t length, int flags);

/* POSIX shared memory: objects named "/name", files of /dev/shm. */
int shm_open(const char *name, int oflag, mode_t mode);
int shm_unlink(const char *name);

#endif
