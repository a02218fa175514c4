/*
 * getopt, with GNU's behaviour: options may come after operands
 * ("ls dir -l"), because getopt moves the operands it skips to the end of
 * argv as it goes; "--" ends the options. POSIXLY_CORRECT in the
 * environment or a '+' at the start of optstring stops at the first
 * operand instead; a '-' returns each operand as the argument of option 1.
 */
#include <unistd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *optarg;
int optind = 1;
int opterr = 1;
int optopt = '?';

static char *nextchar;      /* the rest of a group of options ("-li") */
static int first_nonopt;    /* argv[first_nonopt..last_nonopt) are skipped operands */
static int last_nonopt;
static int initialized;

static void reverse(char **v, int from, int to)
{
	char *t;

	for (to--; from < to; from++, to--) {
		t = v[from];
		v[from] = v[to];
		v[to] = t;
	}
}

/*
 * Move the operands skipped so far, argv[first_nonopt..last_nonopt),
 * after the options that followed them, argv[last_nonopt..optind).
 */
static void exchange(char **argv)
{
	reverse(argv, first_nonopt, last_nonopt);
	reverse(argv, last_nonopt, optind);
	reverse(argv, first_nonopt, optind);
	first_nonopt += optind - last_nonopt;
	last_nonopt = optind;
}

static int is_option(const char *arg)
{
	return arg[0] == '-' && arg[1] != '\0';
}

int getopt(int argc, char *const argv[], const char *optstring)
{
	char **av = (char **)argv;
	const char *p;
	int permute = 1;
	int in_order = 0;
	int colon = 0;
	int c;

	if (*optstring == '+') {
		permute = 0;
		optstring++;
	} else if (*optstring == '-') {
		in_order = 1;
		permute = 0;
		optstring++;
	}
	if (*optstring == ':') {
		colon = 1;
		optstring++;
	}
	if (getenv("POSIXLY_CORRECT") != NULL)
		permute = 0;
	optarg = NULL;
	if (optind == 0 || !initialized) {
		if (optind == 0)
			optind = 1;
		first_nonopt = last_nonopt = optind;
		nextchar = NULL;
		initialized = 1;
	}

	if (nextchar == NULL || *nextchar == '\0') {
		if (last_nonopt > optind)
			last_nonopt = optind;
		if (first_nonopt > optind)
			first_nonopt = optind;
		if (permute) {
			if (first_nonopt != last_nonopt && last_nonopt != optind)
				exchange(av);
			else if (last_nonopt != optind)
				first_nonopt = optind;
			while (optind < argc && !is_option(av[optind]))
				optind++;
			last_nonopt = optind;
		}
		if (optind != argc && strcmp(av[optind], "--") == 0) {
			optind++;
			if (first_nonopt != last_nonopt && last_nonopt != optind)
				exchange(av);
			else if (first_nonopt == last_nonopt)
				first_nonopt = optind;
			last_nonopt = argc;
			optind = argc;
		}
		if (optind == argc) {
			/* Point at the operands, now gathered at the end. */
			if (first_nonopt != last_nonopt)
				optind = first_nonopt;
			return -1;
		}
		if (!is_option(av[optind])) {
			if (in_order) {
				optarg = av[optind++];
				return 1;
			}
			return -1;
		}
		nextchar = av[optind] + 1;
	}

	c = (unsigned char)*nextchar++;
	p = strchr(optstring, c);
	if (*nextchar == '\0')
		optind++;
	if (p == NULL || c == ':' || c == ';') {
		if (opterr && !colon)
			fprintf(stderr, "%s: invalid option -- '%c'\n", argv[0], c);
		optopt = c;
		return '?';
	}
	if (p[1] == ':') {
		if (*nextchar != '\0') {
			/* The argument is attached: "-n5". */
			optarg = nextchar;
			optind++;
		} else if (p[2] == ':') {
			optarg = NULL;
		} else if (optind == argc) {
			if (opterr && !colon)
				fprintf(stderr, "%s: option requires an argument -- '%c'\n", argv[0], c);
			optopt = c;
			c = colon ? ':' : '?';
		} else {
			optarg = av[optind++];
		}
		nextchar = NULL;
	}
	return c;
}
