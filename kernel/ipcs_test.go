package kernel

import "testing"

// TestIpcsIpcrm runs /bin/ipcs and /bin/ipcrm on a machine with a segment
// (attached once, another removed while attached) and a queue with two
// messages, in util-linux's formats.
func TestIpcsIpcrm(t *testing.T) {
	src := `#include <stdio.h>
#include <string.h>
#include <sys/msg.h>
#include <sys/shm.h>
#include <sys/wait.h>
#include <unistd.h>
static void run(char *const argv[])
{
	fflush(stdout);
	if (fork() == 0) {
		execv(argv[0], argv);
		_exit(127);
	}
	int status;
	wait(&status);
	printf("[exit %d]\n", WEXITSTATUS(status));
}
int main(void)
{
	int s = shmget(0x1234, 5000, IPC_CREAT | 0640);
	shmat(s, NULL, 0);
	int d = shmget(IPC_PRIVATE, 100, 0600);
	shmat(d, NULL, 0);
	shmctl(d, IPC_RMID, NULL);
	int q = msgget(0x99, IPC_CREAT | 0600);
	struct { long t; char c[10]; } m = {1, "hello"};
	msgsnd(q, &m, 6, 0);
	msgsnd(q, &m, 10, 0);
	run((char *const[]){"/bin/ipcs", NULL});
	run((char *const[]){"/bin/ipcrm", "-Q", "0x99", "-m", "12345", NULL});
	run((char *const[]){"/bin/ipcs", "-q", NULL});
	return 0;
}
`
	r := runFiles(t, Config{}, map[string]string{"i.c": src}, "i.c")
	want := `
------ Message Queues --------
key        msqid      owner      perms      used-bytes   messages    
0x00000099 65536      user       600        16           2           

------ Shared Memory Segments --------
key        shmid      owner      perms      bytes      nattch     status      
0x00001234 0          user       640        5000       1                       
0x00000000 32769      user       600        100        1          dest         

------ Semaphore Arrays --------
key        semid      owner      perms      nsems     

[exit 0]
[exit 1]

------ Message Queues --------
key        msqid      owner      perms      used-bytes   messages    

[exit 0]
`
	if r.stdout != want {
		t.Errorf("stdout:\n%s\nwant:\n%s", r.stdout, want)
	}
	if r.stderr != "ipcrm: invalid id (12345)\n" {
		t.Errorf("stderr = %q", r.stderr)
	}
}

// TestIpcsSemaphores lists a semaphore set with ipcs -s and removes it
// with ipcrm -S (by key) beside a bad id for -s.
func TestIpcsSemaphores(t *testing.T) {
	src := `#include <stdio.h>
#include <sys/sem.h>
#include <sys/wait.h>
#include <unistd.h>
static void run(char *const argv[])
{
	fflush(stdout);
	if (fork() == 0) {
		execv(argv[0], argv);
		_exit(127);
	}
	int status;
	wait(&status);
	printf("[exit %d]\n", WEXITSTATUS(status));
}
int main(void)
{
	int s = semget(0x77, 3, IPC_CREAT | 0640);
	int p = semget(IPC_PRIVATE, 1, 0600);
	run((char *const[]){"/bin/ipcs", "-s", NULL});
	run((char *const[]){"/bin/ipcrm", "-S", "0x77", "-s", "999", NULL});
	run((char *const[]){"/bin/ipcs", "-s", NULL});
	printf("semctl after ipcrm: %d, private still there: %d\n", semctl(s, 0, GETVAL), semctl(p, 0, GETVAL));
	return 0;
}
`
	r := runFiles(t, Config{}, map[string]string{"i.c": src}, "i.c")
	want := `
------ Semaphore Arrays --------
key        semid      owner      perms      nsems     
0x00000077 0          user       640        3         
0x00000000 32769      user       600        1         

[exit 0]
[exit 1]

------ Semaphore Arrays --------
key        semid      owner      perms      nsems     
0x00000000 32769      user       600        1         

[exit 0]
semctl after ipcrm: -1, private still there: 0
`
	if r.stdout != want {
		t.Errorf("stdout:\n%s\nwant:\n%s", r.stdout, want)
	}
	if r.stderr != "ipcrm: invalid id (999)\n" {
		t.Errorf("stderr = %q", r.stderr)
	}
}
