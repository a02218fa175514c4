/* rand and random produce glibc's sequences: 50 values for several seeds. */
#include <stdio.h>
#include <stdlib.h>

static void sequence(const char *label)
{
	int i;

	printf("%s:", label);
	for (i = 0; i < 50; i++)
		printf(" %d", rand());
	printf("\n");
}

int main(void)
{
	static const unsigned int seeds[] = {0, 1, 2, 3, 42, 1000, 12345, 123456789, 2147483647u,
		2147483648u, 3000000000u, 4294967295u};
	unsigned int s;
	size_t i;
	int j;

	sequence("default");
	for (i = 0; i < sizeof seeds / sizeof seeds[0]; i++) {
		char label[32];

		srand(seeds[i]);
		sprintf(label, "srand(%u)", seeds[i]);
		sequence(label);
		srandom(seeds[i]);
		printf("random:");
		for (j = 0; j < 10; j++)
			printf(" %ld", random());
		printf("\n");
		s = seeds[i];
		printf("rand_r:");
		for (j = 0; j < 10; j++)
			printf(" %d", rand_r(&s));
		printf(" (%u)\n", s);
	}
	/* The classic dice roll. */
	srand(2024);
	for (j = 0; j < 20; j++)
		printf("%d", rand() % 6 + 1);
	printf("\n");
	return 0;
}
