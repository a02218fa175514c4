/*
 * ipcs: show the System V IPC objects of the machine, as util-linux's
 * ipcs does in its default format.
 *
 *   ipcs        message queues, shared memory segments, semaphore arrays
 *   ipcs -q     message queues only (also -m, -s; -a for all)
 */
#include <stdio.h>
#include <string.h>
#include <osplay.h>

static const char *owner(unsigned uid)
{
	return uid == 0 ? "root" : "user";
}

static void queues(void)
{
	struct __osplay_ipc o;

	printf("\n------ Message Queues --------\n");
	printf("%-10s %-10s %-10s %-10s %-12s %-12s\n", "key", "msqid", "owner", "perms", "used-bytes", "messages");
	for (int i = 0; __osplay_ipc_list(1, i, &o) == 1; i++)
		printf("0x%08x %-10d %-10.10s %-10o %-12lu %-12lu\n", (unsigned)o.key, o.id, owner(o.uid),
		       o.mode & 0777, o.bytes, o.count);
}

static void segments(void)
{
	struct __osplay_ipc o;

	printf("\n------ Shared Memory Segments --------\n");
	printf("%-10s %-10s %-10s %-10s %-10s %-10s %-12s\n", "key", "shmid", "owner", "perms", "bytes", "nattch",
	       "status");
	for (int i = 0; __osplay_ipc_list(0, i, &o) == 1; i++)
		printf("0x%08x %-10d %-10.10s %-10o %-10lu %-10lu %-6s %-6s\n", (unsigned)o.key, o.id, owner(o.uid),
		       o.mode & 0777, o.bytes, o.count, (o.mode & 01000) ? "dest" : " ", " ");
}

static void semaphores(void)
{
	struct __osplay_ipc o;

	printf("\n------ Semaphore Arrays --------\n");
	printf("%-10s %-10s %-10s %-10s %-10s\n", "key", "semid", "owner", "perms", "nsems");
	for (int i = 0; __osplay_ipc_list(2, i, &o) == 1; i++)
		printf("0x%08x %-10d %-10.10s %-10o %-10lu\n", (unsigned)o.key, o.id, owner(o.uid), o.mode & 0777,
		       o.count);
}

int main(int argc, char *argv[])
{
	int q = 0, m = 0, s = 0;

	for (int i = 1; i < argc; i++) {
		if (argv[i][0] != '-') {
			fprintf(stderr, "ipcs: unknown argument: %s\n", argv[i]);
			return 1;
		}
		for (const char *c = argv[i] + 1; *c; c++) {
			switch (*c) {
			case 'q': q = 1; break;
			case 'm': m = 1; break;
			case 's': s = 1; break;
			case 'a': q = m = s = 1; break;
			default:
				fprintf(stderr, "ipcs: invalid option -- '%c'\n", *c);
				return 1;
			}
		}
	}
	if (!q && !m && !s)
		q = m = s = 1;
	if (q)
		queues();
	if (m)
		segments();
	if (s)
		semaphores();
	printf("\n");
	return 0;
}
