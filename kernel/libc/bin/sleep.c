/*
 * sleep: pause for the sum of the given times. Each is a number of
 * seconds, possibly fractional, with an optional unit: s, m, h or d.
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static void usage_hint(const char *prog)
{
	fprintf(stderr, "Try '%s --help' for more information.\n", prog);
}

int main(int argc, char **argv)
{
	double total = 0, v;
	char *end;
	int i;

	if (getopt(argc, argv, "") != -1) {
		usage_hint(argv[0]);
		return 1;
	}
	if (optind == argc) {
		fprintf(stderr, "%s: missing operand\n", argv[0]);
		usage_hint(argv[0]);
		return 1;
	}
	for (i = optind; i < argc; i++) {
		v = strtod(argv[i], &end);
		if (end != argv[i] && *end != '\0' && end[1] == '\0') {
			switch (*end) {
			case 's':
				end++;
				break;
			case 'm':
				v *= 60;
				end++;
				break;
			case 'h':
				v *= 60 * 60;
				end++;
				break;
			case 'd':
				v *= 24 * 60 * 60;
				end++;
				break;
			}
		}
		if (end == argv[i] || *end != '\0' || !(v >= 0)) {
			fprintf(stderr, "%s: invalid time interval '%s'\n", argv[0], argv[i]);
			usage_hint(argv[0]);
			return 1;
		}
		total += v;
	}
	if (total >= 1)
		sleep((unsigned int)total);
	total -= (unsigned int)total;
	if (total > 0)
		usleep((useconds_t)(total * 1000000));
	return 0;
}
