/* getopt with GNU argument permutation; the arguments come from the command line. */
#include <stdio.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	int c, i;

	while ((c = getopt(argc, argv, "ab:c::v")) != -1) {
		switch (c) {
		case 'a':
		case 'v':
			printf("option %c\n", c);
			break;
		case 'b':
			printf("option b with [%s]\n", optarg);
			break;
		case 'c':
			printf("option c with [%s]\n", optarg ? optarg : "(none)");
			break;
		default:
			printf("getopt returned %c, optopt %c\n", c, optopt);
			break;
		}
	}
	printf("optind %d\n", optind);
	for (i = 0; i < argc; i++)
		printf("argv[%d] = %s\n", i, argv[i]);
	return 0;
}
