/*
 * kill: send a signal to processes, as procps-ng's kill does.
 *
 *   kill PID...              SIGTERM
 *   kill -9 PID...           by number
 *   kill -KILL PID...        by name, also -SIGKILL
 *   kill -s KILL PID...      the same, also -s 9
 *   kill -l [SIGNAL]         list the signal names, or convert one
 *   kill -L                  the names as a table
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>
#include <errno.h>
#include <signal.h>

static const char *const names[] = {
	NULL, "HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE", "KILL", "USR1", "SEGV",
	"USR2", "PIPE", "ALRM", "TERM", "STKFLT", "CHLD", "CONT", "STOP", "TSTP", "TTIN", "TTOU",
	"URG", "XCPU", "XFSZ", "VTALRM", "PROF", "WINCH", "POLL", "PWR", "SYS",
};

#define NSIGNALS 31

static void usage(void)
{
	fputs("\n"
	      "Usage:\n"
	      " kill [options] <pid> [...]\n"
	      "\n"
	      "Options:\n"
	      " <pid> [...]            send signal to every <pid> listed\n"
	      " -<signal>, -s, --signal <signal>\n"
	      "                        specify the <signal> to be sent\n"
	      " -q, --queue <value>    integer value to be sent with the signal\n"
	      " -l, --list=[<signal>]  list all signal names, or convert one to a name\n"
	      " -L, --table            list all signal names in a nice table\n"
	      "\n"
	      " -h, --help     display this help and exit\n"
	      " -V, --version  output version information and exit\n"
	      "\n"
	      "For more details see kill(1).\n",
	      stderr);
	exit(1);
}

/* A signal given by number or name ("9", "KILL", "SIGKILL", "kill"); -1 if unknown. */
static int signal_number(const char *s)
{
	char upper[16];
	char *end;
	long n;
	int i;

	if (isdigit((unsigned char)*s)) {
		n = strtol(s, &end, 10);
		return *end == '\0' && n >= 0 && n < 65 ? (int)n : -1;
	}
	for (i = 0; s[i] != '\0' && i < (int)sizeof upper - 1; i++)
		upper[i] = (char)toupper((unsigned char)s[i]);
	upper[i] = '\0';
	s = upper;
	if (strncmp(s, "SIG", 3) == 0)
		s += 3;
	if (strcmp(s, "IO") == 0)
		return SIGIO;
	if (strcmp(s, "IOT") == 0)
		return SIGABRT;
	if (strcmp(s, "CLD") == 0)
		return SIGCHLD;
	for (i = 1; i <= NSIGNALS; i++)
		if (strcmp(s, names[i]) == 0)
			return i;
	return -1;
}

/* The names on lines of at most about 80 columns. */
static void list(void)
{
	int pos = 0;
	int i;

	for (i = 1; i <= NSIGNALS; i++) {
		if (i > 1) {
			if (pos > 73) {
				putchar('\n');
				pos = 0;
			} else {
				putchar(' ');
				pos++;
			}
		}
		pos += printf("%s", names[i]);
	}
	putchar('\n');
}

static void table(void)
{
	int i, n;

	for (i = 1; i <= NSIGNALS; i++) {
		n = printf("%2d %s", i, names[i]);
		if (i % 7 != 0)
			printf("%*s", 11 - n, "");
		else
			putchar('\n');
	}
	if (NSIGNALS % 7 != 0)
		putchar('\n');
}

int main(int argc, char **argv)
{
	int sig = SIGTERM;
	int status = 0;
	int i = 1;
	const char *arg;
	char *end;
	long pid;

	if (argc < 2)
		usage();
	arg = argv[1];
	if (strcmp(arg, "-l") == 0 || strcmp(arg, "--list") == 0) {
		if (argc == 2) {
			list();
			return 0;
		}
		sig = signal_number(argv[2]);
		if (sig > 0 && sig <= NSIGNALS && isdigit((unsigned char)argv[2][0]))
			printf("%s\n", names[sig]);
		else if (sig > 0 && sig <= NSIGNALS)
			printf("%d\n", sig);
		else
			fprintf(stderr, "%s: unknown signal name %s\n", argv[0], argv[2]);
		return 0;
	}
	if (strcmp(arg, "-L") == 0 || strcmp(arg, "--table") == 0) {
		table();
		return 0;
	}
	if (strcmp(arg, "-s") == 0 || strcmp(arg, "--signal") == 0) {
		if (argc < 3) {
			fprintf(stderr, "%s: invalid argument s\n", argv[0]);
			usage();
		}
		sig = signal_number(argv[2]);
		i = 3;
	} else if (strcmp(arg, "--") == 0) {
		i = 2;
	} else if (arg[0] == '-' && arg[1] != '\0') {
		sig = signal_number(arg + 1);
		i = 2;
	}
	if (i < argc && strcmp(argv[i], "--") == 0)
		i++;
	if (i >= argc)
		usage();
	for (; i < argc; i++) {
		pid = strtol(argv[i], &end, 10);
		if (end == argv[i] || *end != '\0') {
			fprintf(stderr, "%s: failed to parse argument: '%s'\n", argv[0], argv[i]);
			status = 1;
			continue;
		}
		if (kill((pid_t)pid, sig) < 0) {
			fprintf(stderr, "%s: (%ld): %s\n", argv[0], pid, strerror(errno));
			status = 1;
		}
	}
	return status;
}
