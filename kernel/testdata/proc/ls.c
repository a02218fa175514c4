/* A tiny ls through opendir/readdir, and a look at /bin. */
#include <stdio.h>
#include <dirent.h>
#include <sys/stat.h>

static void list(const char *path)
{
	DIR *d = opendir(path);
	struct dirent *e;
	struct stat st;
	char full[300];
	if (d == NULL) {
		perror(path);
		return;
	}
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		snprintf(full, sizeof full, "%s/%s", path, e->d_name);
		stat(full, &st);
		printf("%s %s%s\n", path, e->d_name, (st.st_mode & 0111) ? "*" : "");
	}
	closedir(d);
}

int main(void)
{
	list(".");
	list("/bin");
	list("/nowhere");
	return 0;
}
