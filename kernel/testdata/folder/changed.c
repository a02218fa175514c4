/* A file of the folder changes on the disk after the machine has started
   (the test changes it between Start and Run): stat tells the size the
   listing saw; the first open reads the file as it is then, and fstat
   follows it; later opens read the same bytes whatever the disk holds.
   A file over 1 MiB was never in the folder. */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void show(const char *name) {
	char buf[256];
	struct stat st;
	int fd = open(name, O_RDONLY);
	if (fd < 0) {
		perror(name);
		return;
	}
	ssize_t n = read(fd, buf, sizeof buf - 1);
	buf[n > 0 ? n : 0] = '\0';
	fstat(fd, &st);
	close(fd);
	printf("read %ld bytes, fstat %ld: %s", (long)n, (long)st.st_size, buf);
}

int main(void) {
	struct stat st;
	if (stat("data.txt", &st) == 0)
		printf("stat before the first open: %ld\n", (long)st.st_size);
	show("data.txt");
	show("data.txt");
	if (stat("huge.bin", &st) != 0)
		perror("huge.bin");
	return 0;
}
