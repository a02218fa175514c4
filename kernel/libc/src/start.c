/*
 * Program startup, and the globals every program shares with libc.
 */
#include <stdlib.h>
#include <string.h>
#include <bits/stdio_file.h>

/* The main thread's errno, set by the kernel when a system call fails;
   see <errno.h>. */
int __errno_main;


/* The environment, "NAME=value" strings ending with NULL. */
char **environ;

/*
 * The program's name for messages (assert, getopt): like glibc's
 * __progname it is argv[0] without its directories.
 */
const char *__progname = "";

void __libc_start(int argc, char **argv, char **envp, int (*main)(int, char **, char **));

/*
 * The kernel starts every program here: exec leaves argc, argv and envp
 * on the new stack and the address of main.
 */
void __libc_start(int argc, char **argv, char **envp, int (*main)(int, char **, char **))
{
	environ = envp;
	if (argc > 0 && argv[0] != NULL) {
		const char *slash = strrchr(argv[0], '/');
		__progname = slash != NULL ? slash + 1 : argv[0];
	}
	__stdio_init();
	exit(main(argc, argv, envp));
}
