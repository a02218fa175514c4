/*
 * POSIX shared memory: shm_open's flags and errors, ftruncate and fstat,
 * read and write through the descriptor, MAP_SHARED seen by a forked
 * child and by a second mapping, MAP_PRIVATE copied on write, mprotect
 * making a mapping read-only (a write kills with SIGSEGV), msync's checks,
 * shm_unlink while mapped.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static void failed(const char *what, long r)
{
	printf("%s: %ld %s\n", what, r, strerror(errno));
}

int main(void)
{
	setvbuf(stdout, NULL, _IONBF, 0);
	const char *name = "/osplay-shmposix";
	shm_unlink(name);

	int fd = shm_open(name, O_CREAT | O_EXCL | O_RDWR, 0600);
	printf("created: %d\n", fd >= 0);
	failed("again with O_EXCL", shm_open(name, O_CREAT | O_EXCL | O_RDWR, 0600));
	failed("no such object", shm_open("/osplay-none", O_RDWR, 0));
	failed("slash inside", shm_open("/a/b", O_CREAT | O_RDWR, 0600));

	struct stat st;
	fstat(fd, &st);
	printf("new size %ld, regular %d, mode %o\n", (long)st.st_size, S_ISREG(st.st_mode), st.st_mode & 0777);
	printf("ftruncate: %d\n", ftruncate(fd, 10000));
	fstat(fd, &st);
	printf("size %ld\n", (long)st.st_size);

	printf("write: %ld\n", (long)write(fd, "hello", 5));
	char *p = mmap(NULL, 10000, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	printf("mapped: %d, sees the write: %.5s, zero after: %d\n", p != MAP_FAILED, p, p[5] == 0 && p[9999] == 0);
	strcpy(p + 100, "through the mapping");
	char buf[32] = {0};
	lseek(fd, 100, SEEK_SET);
	read(fd, buf, 19);
	printf("read back: %s\n", buf);

	/* A forked child writes through its copy of the shared mapping. */
	pid_t pid = fork();
	if (pid == 0) {
		strcpy(p, "child");
		_exit(0);
	}
	waitpid(pid, NULL, 0);
	printf("after the child: %s\n", p);

	/* A second process opens it by name and maps it. */
	pid = fork();
	if (pid == 0) {
		int f2 = shm_open(name, O_RDWR, 0);
		char *q = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, f2, 0);
		q[200] = 'Q';
		munmap(q, 4096);
		close(f2);
		_exit(0);
	}
	waitpid(pid, NULL, 0);
	printf("by name: %c\n", p[200]);

	/* MAP_PRIVATE: its own copy once written. */
	char *pr = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	printf("private sees: %s\n", pr);
	strcpy(pr, "mine");
	printf("private: %s, shared: %s\n", pr, p);
	munmap(pr, 4096);

	/* Descriptor access and offsets. */
	int ro = shm_open(name, O_RDONLY, 0);
	failed("MAP_SHARED writable of a read-only descriptor", (long)mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, ro, 0));
	char *rp = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE, ro, 0);
	printf("MAP_PRIVATE writable of a read-only descriptor: %d\n", rp != MAP_FAILED);
	failed("ftruncate of a read-only descriptor", ftruncate(ro, 10));
	failed("offset not a page", (long)mmap(NULL, 4096, PROT_READ, MAP_SHARED, fd, 100));
	char *off = mmap(NULL, 4096, PROT_READ, MAP_SHARED, fd, 4096);
	p[4096 + 7] = 'X';
	printf("offset 4096: %c\n", off[7]);
	failed("mmap of a closed descriptor", (long)mmap(NULL, 4096, PROT_READ, MAP_SHARED, 99, 0));

	/* mprotect: read-only now; a write kills the child. */
	pid = fork();
	if (pid == 0) {
		printf("mprotect: %d\n", mprotect(p, 10000, PROT_READ));
		printf("read still works: %c\n", p[0]);
		p[0] = 'x';
		printf("not reached\n");
		_exit(0);
	}
	int status;
	waitpid(pid, &status, 0);
	printf("child killed by signal %d\n", WIFSIGNALED(status) ? WTERMSIG(status) : 0);
	printf("parent still writes: %d\n", (p[1] = 'H') == 'H');

	/* msync checks its arguments. */
	printf("msync MS_SYNC: %d\n", msync(p, 10000, MS_SYNC));
	failed("msync MS_SYNC|MS_ASYNC", msync(p, 4096, MS_SYNC | MS_ASYNC));
	failed("msync unaligned", msync(p + 1, 4096, MS_SYNC));

	/* Unlinked while mapped: the memory stays until unmapped. */
	printf("shm_unlink: %d\n", shm_unlink(name));
	failed("open after unlink", shm_open(name, O_RDWR, 0));
	printf("still mapped: %.5s\n", p);
	failed("unlink again", shm_unlink(name));
	munmap(p, 10000);
	close(fd);
	close(ro);
	return 0;
}
