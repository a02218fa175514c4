/*
 * ipcrm: remove System V IPC objects, as util-linux's ipcrm does.
 *
 *   ipcrm -m SHMID   -q MSQID   -s SEMID     by id
 *   ipcrm -M KEY     -Q KEY     -S KEY       by key (0x... or decimal)
 *
 * Every object is tried; the exit status is 1 if any could not be removed.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/msg.h>
#include <sys/shm.h>
#include <sys/sem.h>

enum { MSG, SHM, SEM };

static int remove_id(int kind, int id)
{
	int r = kind == SHM ? shmctl(id, IPC_RMID, NULL) : kind == SEM ? semctl(id, 0, IPC_RMID) : msgctl(id, IPC_RMID, NULL);
	if (r < 0) {
		if (errno == EINVAL || errno == EIDRM)
			fprintf(stderr, "ipcrm: invalid id (%d)\n", id);
		else
			fprintf(stderr, "ipcrm: %s\n", strerror(errno));
		return 1;
	}
	return 0;
}

static int remove_key(int kind, const char *arg)
{
	key_t key = (key_t)strtoul(arg, NULL, 0);
	int id = key == IPC_PRIVATE ? -1 : kind == SHM ? shmget(key, 0, 0) : kind == SEM ? semget(key, 0, 0) : msgget(key, 0);
	if (id < 0) {
		fprintf(stderr, "ipcrm: invalid key (%s)\n", arg);
		return 1;
	}
	return remove_id(kind, id);
}

int main(int argc, char *argv[])
{
	int bad = 0;

	if (argc < 2) {
		fprintf(stderr, "Usage:\n ipcrm [options]\n ipcrm shm|msg|sem <id>...\n");
		return 1;
	}
	for (int i = 1; i < argc; i++) {
		const char *o = argv[i];
		if (strcmp(o, "-m") && strcmp(o, "-q") && strcmp(o, "-s") && strcmp(o, "-M") && strcmp(o, "-Q") &&
		    strcmp(o, "-S")) {
			fprintf(stderr, "ipcrm: invalid option -- '%s'\n", o);
			return 1;
		}
		if (i + 1 >= argc) {
			fprintf(stderr, "ipcrm: option requires an argument -- '%c'\n", o[1]);
			return 1;
		}
		const char *arg = argv[++i];
		switch (o[1]) {
		case 'm': bad |= remove_id(SHM, atoi(arg)); break;
		case 'q': bad |= remove_id(MSG, atoi(arg)); break;
		case 's': bad |= remove_id(SEM, atoi(arg)); break;
		case 'M': bad |= remove_key(SHM, arg); break;
		case 'Q': bad |= remove_key(MSG, arg); break;
		case 'S': bad |= remove_key(SEM, arg); break;
		}
	}
	return bad;
}
