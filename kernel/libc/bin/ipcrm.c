/*
 * ipcrm: remove System V IPC objects, as util-linux's ipcrm does.
 *
 *   ipcrm -m SHMID   -q MSQID      by id
 *   ipcrm -M KEY     -Q KEY        by key (0x... or decimal)
 *
 * Every object is tried; the exit status is 1 if any could not be removed.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/msg.h>
#include <sys/shm.h>

static int remove_id(int shm, int id)
{
	int r = shm ? shmctl(id, IPC_RMID, NULL) : msgctl(id, IPC_RMID, NULL);
	if (r < 0) {
		if (errno == EINVAL || errno == EIDRM)
			fprintf(stderr, "ipcrm: invalid id (%d)\n", id);
		else
			fprintf(stderr, "ipcrm: %s\n", strerror(errno));
		return 1;
	}
	return 0;
}

static int remove_key(int shm, const char *arg)
{
	key_t key = (key_t)strtoul(arg, NULL, 0);
	int id = key == IPC_PRIVATE ? -1 : shm ? shmget(key, 0, 0) : msgget(key, 0);
	if (id < 0) {
		fprintf(stderr, "ipcrm: invalid key (%s)\n", arg);
		return 1;
	}
	return remove_id(shm, id);
}

int main(int argc, char *argv[])
{
	int bad = 0;

	if (argc < 2) {
		fprintf(stderr, "Usage:\n ipcrm [options]\n ipcrm shm|msg <id>...\n");
		return 1;
	}
	for (int i = 1; i < argc; i++) {
		const char *o = argv[i];
		if (strcmp(o, "-m") && strcmp(o, "-q") && strcmp(o, "-M") && strcmp(o, "-Q")) {
			fprintf(stderr, "ipcrm: invalid option -- '%s'\n", o);
			return 1;
		}
		if (i + 1 >= argc) {
			fprintf(stderr, "ipcrm: option requires an argument -- '%c'\n", o[1]);
			return 1;
		}
		const char *arg = argv[++i];
		switch (o[1]) {
		case 'm': bad |= remove_id(1, atoi(arg)); break;
		case 'q': bad |= remove_id(0, atoi(arg)); break;
		case 'M': bad |= remove_key(1, arg); break;
		case 'Q': bad |= remove_key(0, arg); break;
		}
	}
	return bad;
}
