/*
 * System V shared memory between a parent and its child: shmget with
 * IPC_PRIVATE and with a key from ftok, shmat/shmdt, shmctl IPC_STAT
 * (shm_segsz, shm_nattch, shm_cpid, shm_lpid), IPC_SET, and IPC_RMID with
 * Linux's destroy-on-last-detach. Ids and keys differ from machine to
 * machine: the program prints what Linux fixes.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/mman.h>
#include <sys/shm.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static void stat_of(int id, const char *when)
{
	struct shmid_ds ds;
	if (shmctl(id, IPC_STAT, &ds) < 0) {
		printf("%s: IPC_STAT: %s\n", when, strerror(errno));
		return;
	}
	printf("%s: segsz %lu nattch %lu mode %o dest %d cpid-is-me %d lpid-is-me %d\n", when,
	       (unsigned long)ds.shm_segsz, (unsigned long)ds.shm_nattch, ds.shm_perm.mode & 0777,
	       (ds.shm_perm.mode & SHM_DEST) != 0, ds.shm_cpid == getpid(), ds.shm_lpid == getpid());
}

/* Prints the result of a call that fails, and its errno. */
static void failed(const char *what, long r)
{
	printf("%s: %ld %s\n", what, r, strerror(errno));
}

int main(void)
{
	setvbuf(stdout, NULL, _IONBF, 0);
	printf("sizeof(struct shmid_ds) %zu, sizeof(struct ipc_perm) %zu\n",
	       sizeof(struct shmid_ds), sizeof(struct ipc_perm));

	int id = shmget(IPC_PRIVATE, 100, IPC_CREAT | 0600);
	if (id < 0) {
		perror("shmget");
		return 1;
	}
	stat_of(id, "created");
	char *p = shmat(id, NULL, 0);
	if (p == (char *)-1) {
		perror("shmat");
		return 1;
	}
	stat_of(id, "attached");
	printf("fresh segment is zero: %d\n", p[0] == 0 && p[99] == 0 && p[4095] == 0);

	pid_t pid = fork();
	if (pid == 0) {
		/* The child inherits the attachment. */
		stat_of(id, "child after fork");
		strcpy(p, "written by the child");
		p[4000] = 42;
		shmdt(p);
		stat_of(id, "child detached");
		_exit(0);
	}
	waitpid(pid, NULL, 0);
	printf("parent reads: %s, %d\n", p, p[4000]);
	stat_of(id, "after child exit");

	/* A second attachment in the same process sees the same bytes. */
	char *q = shmat(id, NULL, SHM_RDONLY);
	printf("second mapping: distinct %d, same text %d\n", p != q, strcmp(p, q) == 0);
	p[0] = 'W';
	printf("write through one, read through other: %c\n", q[0]);
	stat_of(id, "two attachments");

	/* IPC_SET changes the mode. */
	struct shmid_ds ds;
	shmctl(id, IPC_STAT, &ds);
	ds.shm_perm.mode = 0640;
	printf("IPC_SET: %d\n", shmctl(id, IPC_SET, &ds));
	stat_of(id, "after IPC_SET");

	/* Removed while attached: it lives on until the last detach. */
	printf("IPC_RMID: %d\n", shmctl(id, IPC_RMID, NULL));
	stat_of(id, "removed, attached");
	printf("still usable: %c\n", p[0]);
	shmdt(q);
	stat_of(id, "removed, one left");
	shmdt(p);
	failed("after last detach: shmctl", shmctl(id, IPC_STAT, &ds));
	failed("shmdt of a non-segment", shmdt(&ds));

	/* Keys: ftok, IPC_CREAT, IPC_EXCL, sizes. */
	key_t key = ftok(".", 'S');
	printf("ftok ok: %d\n", key != -1);
	int k1 = shmget(key, 5000, IPC_CREAT | IPC_EXCL | 0600);
	printf("create with key: %d\n", k1 >= 0);
	failed("again with IPC_EXCL", shmget(key, 5000, IPC_CREAT | IPC_EXCL | 0600));
	printf("again without: same id %d\n", shmget(key, 5000, 0600) == k1);
	printf("smaller size: same id %d\n", shmget(key, 10, 0) == k1);
	failed("larger size", shmget(key, 9000, 0));
	shmctl(k1, IPC_STAT, &ds);
	printf("segsz %lu (not rounded)\n", (unsigned long)ds.shm_segsz);

	/* The child opens the segment by key and writes the last page. */
	if (fork() == 0) {
		int k = shmget(key, 0, 0);
		char *c = shmat(k, NULL, 0);
		c[4999] = 'z';
		printf("child found it by key: %d\n", k == k1);
		_exit(0);
	}
	wait(NULL);
	char *r = shmat(k1, NULL, 0);
	printf("parent sees %c\n", r[4999]);
	shmctl(k1, IPC_RMID, NULL);
	printf("key free again after IPC_RMID: %d\n", shmget(key, 10, 0) < 0 && errno == ENOENT);
	shmdt(r);

	failed("no such key", shmget(key, 10, 0));
	failed("size 0", shmget(IPC_PRIVATE, 0, 0600));
	failed("bad id", shmctl(-1, IPC_STAT, &ds));
	failed("shmat bad id", (long)shmat(-1, NULL, 0));

	/* mprotect splits an attachment; each piece counts in shm_nattch,
	 * and shmdt takes every piece. */
	int sp = shmget(IPC_PRIVATE, 3 * 4096, 0600);
	char *s3 = shmat(sp, NULL, 0);
	printf("mprotect the middle page: %d\n", mprotect(s3 + 4096, 4096, PROT_READ));
	stat_of(sp, "split in three");
	printf("shmdt: %d\n", shmdt(s3));
	stat_of(sp, "detached");
	shmctl(sp, IPC_RMID, NULL);
	return 0;
}
