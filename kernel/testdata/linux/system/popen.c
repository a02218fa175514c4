/* Expect: popen("ls", "r") reads the listing of the folder line by line;
 * popen("wc -c", "w") feeds a command whose output goes to our stdout;
 * pclose returns the command's wait status; a bad mode is EINVAL; pclose of a
 * stream popen did not open just closes it, as glibc. */
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <sys/wait.h>

int main(void)
{
	char line[256];
	int n = 0;
	FILE *in = popen("ls", "r");
	if (in == NULL) {
		perror("popen");
		return 1;
	}
	while (fgets(line, sizeof line, in) != NULL) {
		line[strcspn(line, "\n")] = '\0';
		printf("ls %d: %s\n", ++n, line);
	}
	int st = pclose(in);
	printf("ls: %d names, exit %d\n", n, WIFEXITED(st) ? WEXITSTATUS(st) : -1);

	fflush(stdout);
	FILE *out = popen("wc -c", "w");
	for (int i = 0; i < 100; i++)
		fprintf(out, "line %d\n", i);
	st = pclose(out);
	printf("wc: exit %d\n", WEXITSTATUS(st));

	fflush(stdout);
	out = popen("cat | cat | wc -l", "w");
	fputs("through a pipeline\n", out);
	pclose(out);

	in = popen("echo out; echo err >&2; exit 5", "r");
	while (fgets(line, sizeof line, in) != NULL)
		printf("read: %s", line);
	st = pclose(in);
	printf("exit 5: status %d, WEXITSTATUS %d\n", st, WEXITSTATUS(st));

	in = popen("nosuchcommand", "r");
	st = pclose(in);
	printf("not found: exit %d\n", WEXITSTATUS(st));

	errno = 0;
	printf("mode \"x\": %p, EINVAL: %d\n", (void *)popen("ls", "x"), errno == EINVAL);
	errno = 0;
	printf("pclose(stdin): %d, errno %d\n", pclose(stdin), errno);

	/* Two at once: the second child must not hold the first one's pipe,
	   or the first reader would never see its end. */
	FILE *a = popen("cat", "w");
	FILE *b = popen("echo second", "r");
	fputs("first\n", a);
	fflush(stdout);
	st = pclose(a);
	printf("first closed: %d\n", WEXITSTATUS(st));
	while (fgets(line, sizeof line, b) != NULL)
		printf("b: %s", line);
	pclose(b);
	return 0;
}
