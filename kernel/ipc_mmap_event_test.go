package kernel

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// mmapShared maps a POSIX object and anonymous shared memory, attaches a
// System V segment, forks (the child inherits all three), unmaps in the
// child and exits: every attachment is an event, and so is every letting
// go.
const mmapShared = `#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/mman.h>
#include <sys/shm.h>
#include <sys/wait.h>
#include <unistd.h>
int main(void) {
	int fd = shm_open("/box", O_CREAT | O_RDWR, 0600);
	ftruncate(fd, 4096);
	char *box = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	char *anon = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	char *priv = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	int id = shmget(IPC_PRIVATE, 4096, IPC_CREAT | 0600);
	char *seg = shmat(id, NULL, 0);
	if (fork() == 0) {
		strcpy(anon, "hi");
		munmap(box, 4096);
		munmap(anon, 4096);
		sleep(1);
		return 0;
	}
	wait(NULL);
	printf("%s %c\n", anon, priv[0] + 'a');
	shmdt(seg);
	shmctl(id, IPC_RMID, NULL);
	munmap(anon, 4096);
	shm_unlink("/box");
	return 0;
}
`

// attachments lists who attaches what as "kind pid": from the events up
// to tick (exclusive), or from the objects' users.
func attachedByEvents(evs []Event, tick int64) []string {
	on := map[string]bool{}
	for _, e := range evs {
		if e.Tick >= tick || e.Kind != KindIPC {
			continue
		}
		k := fmt.Sprintf("%s %d", e.IPC.Obj.Kind, e.PID)
		switch e.IPC.Op {
		case OpAttach:
			on[k] = true
		case OpDetach:
			delete(on, k)
		}
	}
	var out []string
	for k := range on {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

func attachedByObjects(objs []IPCObject) []string {
	var out []string
	for _, o := range objs {
		for _, u := range o.Users {
			if u.Role == "attach" {
				out = append(out, fmt.Sprintf("%s %d", o.Ref.Kind, u.PID))
			}
		}
	}
	slices.Sort(out)
	return out
}

// TestMappingsAsAttachments: mmap MAP_SHARED of a POSIX object and of
// anonymous memory attaches, a private mapping does not; fork attaches
// the child to all the parent's shared memory; munmap and exit detach.
// At every tick an attachment changes, the objects' users are those the
// events say.
func TestMappingsAsAttachments(t *testing.T) {
	r := runFiles(t, Config{}, map[string]string{"main.c": mmapShared}, "main.c")
	if r.stdout != "hi b\n" && r.stdout != "hi a\n" {
		t.Fatalf("output %q", r.stdout)
	}
	var ops []string
	var ticks []int64
	for _, e := range ipcEvents(r) {
		if e.Kind != KindIPC || e.IPC.Obj.Kind == IPCPipe {
			continue
		}
		ops = append(ops, fmt.Sprintf("%d:%s:%s", e.PID, e.IPC.Op, e.IPC.Obj.Kind))
		checkTexts(t, e)
		if e.IPC.Op == OpAttach || e.IPC.Op == OpDetach {
			ticks = append(ticks, e.Tick+1)
		}
	}
	want := "2:create:posix_shm 2:attach:posix_shm 2:create:shm_anon 2:attach:shm_anon 2:create:shm 2:attach:shm " +
		"3:attach:shm 3:attach:shm_anon 3:attach:posix_shm 3:detach:posix_shm 3:detach:shm_anon 3:detach:shm " +
		"2:detach:shm 2:destroy:shm 2:detach:shm_anon 2:destroy:shm_anon 2:unlink:posix_shm 2:detach:posix_shm"
	if got := strings.Join(ops, " "); got != want {
		t.Errorf("operations\n%s\nwant\n%s", got, want)
	}
	for _, tick := range ticks {
		m, _ := startFiles(t, Config{}, map[string]string{"main.c": mmapShared})
		m.RunTo(tick)
		byEvents, byObjects := attachedByEvents(m.Events(), tick), attachedByObjects(m.IPCObjects())
		if !slices.Equal(byEvents, byObjects) {
			t.Errorf("tick %d: the events say %q, the objects %q", tick, byEvents, byObjects)
		}
	}
}

// TestAnonymousMemoryGoesWithItsLastMapper: a machine that keeps the final
// memory of its processes (which maps their objects too) still destroys
// anonymous shared memory when the last live process unmaps it.
func TestAnonymousMemoryGoesWithItsLastMapper(t *testing.T) {
	r := runFiles(t, Config{KeepFinalMemory: true}, map[string]string{"main.c": mmapShared}, "main.c")
	destroyed := 0
	for _, e := range ipcEvents(r) {
		if e.IPC.Obj.Kind == IPCAnonShm && e.IPC.Op == OpDestroy {
			destroyed++
			if e.PID != 2 {
				t.Errorf("%s: destroyed by the child, which the parent outlives", e)
			}
		}
	}
	if destroyed != 1 {
		t.Errorf("anonymous memory destroyed %d times, want once", destroyed)
	}
}
