package kernel

import (
	"os"
	"strings"
	"testing"
)

// TestShmHostile checks the bounds of System V shared memory: a segment
// larger than the machine's memory is refused (ENOMEM) without taking a
// frame, the count of segments stops at SHMMNI (ENOSPC), and a segment's
// frames go back to the machine when it is destroyed at its last detach.
func TestShmHostile(t *testing.T) {
	src := `#include <stdio.h>
#include <errno.h>
#include <string.h>
#include <sys/shm.h>
int main(void)
{
	int id = shmget(IPC_PRIVATE, 1UL << 40, 0600);
	printf("huge: %d %s\n", id, strerror(errno));
	id = shmget(IPC_PRIVATE, ~0UL, 0600);
	printf("all ones: %d %s\n", id, strerror(errno));
	int n = 0, last;
	while ((last = shmget(IPC_PRIVATE, 1 << 20, 0600)) >= 0)
		n++;
	printf("made %d, then %s\n", n, strerror(errno));
	char *p = shmat(0, NULL, 0);
	memset(p, 1, 1 << 20);
	shmdt(p);
	for (int i = 0; i < n; i++)
		shmctl(i + (i << 15), IPC_RMID, NULL);
	printf("removed\n");
	return 0;
}
`
	r := runFiles(t, Config{MaxTotalMemory: 64 << 20}, map[string]string{"h.c": src}, "h.c")
	want := "huge: -1 Cannot allocate memory\nall ones: -1 Invalid argument\nmade 4096, then No space left on device\nremoved\n"
	if r.stdout != want {
		t.Errorf("stdout = %q, want %q (stderr %q)", r.stdout, want, r.stderr)
	}
	if len(r.m.ipc.shms) != 0 {
		t.Errorf("%d segments left after IPC_RMID of every one", len(r.m.ipc.shms))
	}
	if n := r.m.phys.InUse(); n != 0 {
		t.Errorf("%d bytes of frames in use after every process exited and every segment was removed", n)
	}
	if !strings.Contains(r.trace(), "shmget") {
		t.Errorf("no shmget in the trace")
	}
}

// TestShmPosixFreed checks that a POSIX shared memory object's frames go
// back to the machine once it is unlinked, closed and unmapped, and that
// /dev/shm is made only when a program uses it.
func TestShmPosixFreed(t *testing.T) {
	src, err := os.ReadFile("testdata/linux/shmposix/shmposix.c")
	if err != nil {
		t.Fatal(err)
	}
	r := runFiles(t, Config{}, map[string]string{"s.c": string(src)}, "s.c")
	if !strings.Contains(r.stdout, "private: mine, shared: child\n") {
		t.Errorf("stdout = %q", r.stdout)
	}
	if n := r.m.phys.InUse(); n != 0 {
		t.Errorf("%d bytes of frames in use after the object was unlinked and every process exited", n)
	}
	if _, err := r.m.fs.Lookup("/", "/dev/shm", 0); err != nil {
		t.Errorf("/dev/shm after shm_open: %v", err)
	}
	plain := runFiles(t, Config{}, map[string]string{"h.c": "int main(void) { return 0; }\n"}, "h.c")
	if _, err := plain.m.fs.Lookup("/", "/dev/shm", 0); err == nil {
		t.Errorf("/dev/shm exists on a machine that never used shared memory")
	}
}

// TestShmAttachBound attaches one segment again and again: the attaches
// stop at the process's address space (ENOMEM), having taken no memory.
func TestShmAttachBound(t *testing.T) {
	src := `#include <stdio.h>
#include <errno.h>
#include <string.h>
#include <sys/shm.h>
int main(void)
{
	int id = shmget(IPC_PRIVATE, 256 << 20, 0600), n = 0;
	while (shmat(id, NULL, SHM_RDONLY) != (void *)-1)
		n++;
	printf("%s after %s\n", strerror(errno), n > 0 ? "some" : "none");
	shmctl(id, IPC_RMID, NULL);
	return 0;
}
`
	r := runFiles(t, Config{}, map[string]string{"a.c": src}, "a.c")
	if r.stdout != "Cannot allocate memory after some\n" {
		t.Errorf("stdout = %q (stderr %q)", r.stdout, r.stderr)
	}
	if n := r.m.phys.InUse(); n != 0 {
		t.Errorf("%d bytes of frames in use at the end", n)
	}
	if len(r.m.ipc.shms) != 0 {
		t.Errorf("the segment outlived its last detach (at exit) after IPC_RMID")
	}
}
