/* Expect: System V semaphores. semget/semctl (SETVAL, GETVAL, SETALL,
 * GETALL, GETPID, IPC_STAT, IPC_RMID), semop with several operations done
 * all at once or not at all, IPC_NOWAIT, a child blocked in P until the
 * parent's V (GETNCNT counts it), wait-for-zero (GETZCNT), SEM_UNDO at a
 * child's exit, semtimedop's timeout, EINTR, EIDRM for a sleeper when the
 * set is removed, and the errors. Every set is removed at the end. */
#define _GNU_SOURCE /* semtimedop */
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>
#include <sys/ipc.h>
#include <sys/sem.h>
#include <sys/wait.h>

union semun {
	int val;
	struct semid_ds *buf;
	unsigned short *array;
};

static int op(int id, int num, int delta, int flag)
{
	struct sembuf b = {num, delta, flag};
	return semop(id, &b, 1);
}

static void show(int id, const char *when)
{
	unsigned short v[3];
	union semun u;
	u.array = v;
	semctl(id, 0, GETALL, u);
	printf("%s: %d %d %d\n", when, v[0], v[1], v[2]);
}

static void waitfor(int id, int num, int cmd, int n)
{
	while (semctl(id, num, cmd) != n)
		usleep(1000);
}

/* A call that should fail: its result, then whether errno is e (read
 * after the call: gcc evaluates printf's arguments last to first). */
#define FAILS(what, call, e) do { \
	errno = 0; \
	int r_ = (call); \
	printf("%s: %d, %s %d\n", what, r_, #e, errno == e); \
} while (0)

static void on_alarm(int sig)
{
}

int main(void)
{
	setvbuf(stdout, NULL, _IONBF, 0);
	int id = semget(IPC_PRIVATE, 3, IPC_CREAT | 0600);
	if (id < 0) {
		perror("semget");
		return 1;
	}
	union semun u;
	struct semid_ds ds;
	u.buf = &ds;
	semctl(id, 0, IPC_STAT, u);
	printf("nsems %lu, mode %o, otime %ld\n", (unsigned long)ds.sem_nsems, ds.sem_perm.mode & 0777, (long)ds.sem_otime);
	show(id, "new");
	u.val = 5;
	printf("SETVAL: %d\n", semctl(id, 0, SETVAL, u));
	printf("GETVAL: %d, GETPID is me: %d\n", semctl(id, 0, GETVAL), semctl(id, 0, GETPID) == getpid());
	unsigned short all[3] = {1, 0, 2};
	u.array = all;
	printf("SETALL: %d\n", semctl(id, 0, SETALL, u));
	show(id, "after SETALL");

	/* Two operations at once: both, or neither. */
	struct sembuf two[2] = {{0, -1, 0}, {2, -2, 0}};
	printf("P on 0 and 2: %d\n", semop(id, two, 2));
	show(id, "after");
	struct sembuf blocked[2] = {{2, 1, 0}, {1, -1, IPC_NOWAIT}};
	FAILS("V on 2 with P on 1 (0) nowait", semop(id, blocked, 2), EAGAIN);
	show(id, "unchanged");
	semctl(id, 0, IPC_STAT, (union semun){.buf = &ds});
	printf("otime set: %d\n", ds.sem_otime != 0);

	/* A child blocks in P until the parent's V. */
	pid_t pid = fork();
	if (pid == 0) {
		printf("child: P on 1 ...\n");
		op(id, 1, -1, 0);
		printf("child: got it, value %d\n", semctl(id, 1, GETVAL));
		exit(0);
	}
	waitfor(id, 1, GETNCNT, 1);
	printf("parent: GETNCNT 1 while the child waits\n");
	op(id, 1, 1, 0);
	waitpid(pid, NULL, 0);
	printf("parent: GETNCNT now %d, GETPID is the child: %d\n", semctl(id, 1, GETNCNT), semctl(id, 1, GETPID) == pid);

	/* Wait for zero. */
	u.val = 2;
	semctl(id, 2, SETVAL, u);
	pid = fork();
	if (pid == 0) {
		op(id, 2, 0, 0);
		printf("child: semaphore 2 reached zero\n");
		exit(0);
	}
	waitfor(id, 2, GETZCNT, 1);
	printf("parent: GETZCNT 1\n");
	op(id, 2, -1, 0);
	printf("parent: down to 1, still waiting: %d\n", semctl(id, 2, GETZCNT));
	op(id, 2, -1, 0);
	waitpid(pid, NULL, 0);
	printf("wait-for-zero on 1 (value 0) nowait: %d\n", op(id, 1, 0, IPC_NOWAIT));
	op(id, 0, 1, 0);
	FAILS("wait-for-zero on 0 (value 1) nowait", op(id, 0, 0, IPC_NOWAIT), EAGAIN);

	/* SEM_UNDO: a child takes the lock and dies holding it. */
	u.val = 1;
	semctl(id, 0, SETVAL, u);
	pid = fork();
	if (pid == 0) {
		op(id, 0, -1, SEM_UNDO);
		op(id, 1, 3, SEM_UNDO);
		op(id, 1, -1, SEM_UNDO);
		printf("child: holds the lock, value %d; semaphore 1 is %d\n", semctl(id, 0, GETVAL), semctl(id, 1, GETVAL));
		exit(0);
	}
	waitpid(pid, NULL, 0);
	printf("after the child's exit: lock %d, semaphore 1 %d\n", semctl(id, 0, GETVAL), semctl(id, 1, GETVAL));

	/* semtimedop's timeout, and a signal. */
	struct timespec ts = {0, 50 * 1000 * 1000};
	struct sembuf p1 = {1, -1, 0};
	FAILS("semtimedop 50 ms", semtimedop(id, &p1, 1, &ts), EAGAIN);
	signal(SIGALRM, on_alarm);
	alarm(1);
	FAILS("semop interrupted", semop(id, &p1, 1), EINTR);

	/* Errors. */
	struct sembuf bad = {3, 1, 0};
	FAILS("sem_num 3", semop(id, &bad, 1), EFBIG);
	FAILS("no operations", semop(id, &p1, 0), EINVAL);
	struct sembuf *many = calloc(501, sizeof *many);
	FAILS("501 operations", semop(id, many, 501), E2BIG);
	free(many);
	u.val = 40000;
	FAILS("SETVAL 40000", semctl(id, 0, SETVAL, u), ERANGE);
	u.val = 32767;
	semctl(id, 0, SETVAL, u);
	FAILS("past SEMVMX", op(id, 0, 1, 0), ERANGE);
	FAILS("GETVAL of 7", semctl(id, 7, GETVAL), EINVAL);
	FAILS("bad command", semctl(id, 0, 99), EINVAL);
	FAILS("0 semaphores", semget(IPC_PRIVATE, 0, 0600), EINVAL);
	FAILS("40000 semaphores", semget(IPC_PRIVATE, 40000, 0600), EINVAL);
	FAILS("bad set", semctl(id + 1, 0, GETVAL), EINVAL);

	key_t key = 0x53450000 | (getpid() & 0xffff);
	int k = semget(key, 2, IPC_CREAT | IPC_EXCL | 0600);
	printf("by key: same id %d\n", semget(key, 2, 0) == k);
	FAILS("IPC_EXCL", semget(key, 2, IPC_CREAT | IPC_EXCL | 0600), EEXIST);
	FAILS("more semaphores", semget(key, 3, 0), EINVAL);
	semctl(k, 0, IPC_RMID);
	FAILS("removed", semget(key, 2, 0), ENOENT);

	/* IPC_RMID wakes a sleeper with EIDRM. */
	pid = fork();
	if (pid == 0) {
		FAILS("child: semop", op(id, 1, -5, 0), EIDRM);
		exit(0);
	}
	waitfor(id, 1, GETNCNT, 1);
	int removed = semctl(id, 0, IPC_RMID);
	waitpid(pid, NULL, 0); /* the child's line first, then the parent's */
	printf("IPC_RMID: %d\n", removed);
	FAILS("after IPC_RMID", semctl(id, 0, GETVAL), EINVAL);
	return 0;
}
