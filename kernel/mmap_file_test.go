package kernel

import "testing"

// TestMmapFileHostile maps a small file as a hostile program would: a
// length past the address space, a length the process may not reserve,
// an offset far past the end (SIGBUS on touch, not a crash), a file grown
// past the objects' limit through the mapping's descriptor, and a mapped
// file unlinked while mapped (its pages stay readable).
func TestMmapFileHostile(t *testing.T) {
	src := `#include <stdio.h>
#include <errno.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/wait.h>
int main(void)
{
	int fd = open("f", O_RDWR | O_CREAT, 0644);
	write(fd, "abc", 3);
	void *p = mmap(NULL, 1UL << 62, PROT_READ, MAP_SHARED, fd, 0);
	printf("2^62 bytes: %s\n", p == MAP_FAILED ? strerror(errno) : "mapped");
	p = mmap(NULL, 1UL << 40, PROT_READ, MAP_SHARED, fd, 0);
	printf("2^40 bytes: %s\n", p == MAP_FAILED ? strerror(errno) : "mapped");
	char *far = mmap(NULL, 4096, PROT_READ, MAP_SHARED, fd, 1UL << 40);
	printf("offset 2^40: %s\n", far == MAP_FAILED ? strerror(errno) : "mapped");
	if (far != MAP_FAILED && fork() == 0) {
		volatile char c = far[0];
		_exit(c);
	}
	int st = 0;
	wait(&st);
	printf("touched: signal %d\n", WIFSIGNALED(st) ? WTERMSIG(st) : 0);
	char *m = mmap(NULL, 4096, PROT_READ, MAP_SHARED, fd, 0);
	int r = ftruncate(fd, 1L << 40);
	printf("ftruncate 2^40: %d %s\n", r, strerror(errno));
	unlink("f");
	printf("unlinked, still mapped: %.3s\n", m);
	return 0;
}
`
	r := runFiles(t, Config{}, map[string]string{"h.c": src}, "h.c")
	want := "2^62 bytes: Cannot allocate memory\n2^40 bytes: Cannot allocate memory\noffset 2^40: mapped\n" +
		"touched: signal 7\nftruncate 2^40: -1 File too large\nunlinked, still mapped: abc\n"
	if r.stdout != want {
		t.Errorf("stdout:\n%s\nwant:\n%s", r.stdout, want)
	}
	if r.res.Err != nil {
		t.Errorf("run: %v", r.res.Err)
	}
}
