/*
 * System V semaphores: semop is semtimedop without a timeout, and semctl
 * hands its optional union semun to the kernel as the bits it holds.
 */
#include <stdarg.h>
#include <sys/sem.h>
#include <osplay.h>

/* The union the program defines, as glibc reads it. */
union __semun {
	int val;
	struct semid_ds *buf;
	unsigned short *array;
};

int semop(int semid, struct sembuf *sops, size_t nsops)
{
	return semtimedop(semid, sops, nsops, NULL);
}

int semctl(int semid, int semnum, int cmd, ...)
{
	unsigned long arg = 0;
	va_list ap;

	switch (cmd) {
	case SETVAL:
	case GETALL:
	case SETALL:
	case IPC_STAT:
	case IPC_SET:
	case SEM_STAT:
	case SEM_INFO:
	case IPC_INFO: {
		union __semun u;
		va_start(ap, cmd);
#ifdef __OSPLAY__
		/* The compiler passes an aggregate variadic argument by the
		   address of its copy, in one slot. */
		u = *va_arg(ap, union __semun *);
#else
		u = va_arg(ap, union __semun);
#endif
		va_end(ap);
		if (cmd == SETVAL)
			arg = (unsigned long)(unsigned)u.val;
		else
			arg = (unsigned long)u.array;
		break;
	}
	}
	return __osplay_semctl(semid, semnum, cmd, arg);
}
