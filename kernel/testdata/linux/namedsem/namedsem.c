/* Named semaphores shared by a parent and its forked child: the child
 * waits until the parent posts, and answers on a second one; O_CREAT|O_EXCL
 * on an existing name fails with EEXIST, and an unlinked name is gone
 * (ENOENT). */
#include <semaphore.h>
#include <stdio.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void)
{
	const char *name = "/osplay-namedsem-test";
	const char *answer = "/osplay-namedsem-answer";
	sem_unlink(name);
	sem_unlink(answer);
	sem_t *s = sem_open(name, O_CREAT | O_EXCL, 0600, 0);
	if (s == SEM_FAILED) {
		perror("sem_open");
		return 1;
	}
	sem_t *again = sem_open(name, O_CREAT | O_EXCL, 0600, 0);
	printf("exclusive again: %s\n", again == SEM_FAILED && errno == EEXIST ? "EEXIST" : "?");
	sem_t *same = sem_open(name, 0);
	printf("open existing: %s\n", same != SEM_FAILED ? "ok" : "failed");
	sem_close(same);
	sem_t *reply = sem_open(answer, O_CREAT, 0600, 0);
	fflush(stdout);

	pid_t pid = fork();
	if (pid == 0) {
		sem_wait(s); /* until the parent posts */
		printf("child: posted to\n");
		fflush(stdout);
		sem_post(reply);
		_exit(0);
	}
	usleep(10000);
	printf("parent: posting\n");
	fflush(stdout);
	sem_post(s);
	sem_wait(reply); /* the child's answer */
	waitpid(pid, NULL, 0);
	int v;
	sem_getvalue(s, &v);
	printf("value at the end: %d\n", v);
	sem_close(reply);
	sem_close(s);
	printf("unlink: %d %d\n", sem_unlink(name), sem_unlink(answer));
	sem_t *gone = sem_open(name, 0);
	printf("open after unlink: %s\n", gone == SEM_FAILED && errno == ENOENT ? "ENOENT" : "?");
	return 0;
}
