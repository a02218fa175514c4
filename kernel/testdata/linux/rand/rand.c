/* Expect: glibc's pseudo-random sequences, bit for bit: rand() without
 * srand (as if srand(1)), after srand(1) and srand(42), after srand(0)
 * (which glibc treats as 1); random() after srandom(1) and srandom(42)
 * (the same generator as rand). RAND_MAX is 2147483647. */
#include <stdio.h>
#include <stdlib.h>

static void twenty(const char *label, int (*next)(void))
{
	int i;
	printf("%s:", label);
	for (i = 0; i < 20; i++)
		printf(" %d", next());
	printf("\n");
}

static int next_random(void) { return (int)random(); }

int main(void)
{
	int i, dice[6] = {0};

	printf("RAND_MAX %d\n", RAND_MAX);
	twenty("rand unseeded", rand);
	srand(1);
	twenty("srand(1)", rand);
	srand(42);
	twenty("srand(42)", rand);
	srand(0);
	twenty("srand(0)", rand);
	srandom(1);
	twenty("srandom(1)", next_random);
	srandom(42);
	twenty("srandom(42)", next_random);
	srand(2024);
	for (i = 0; i < 6000; i++)
		dice[rand() % 6]++;
	printf("dice after srand(2024):");
	for (i = 0; i < 6; i++)
		printf(" %d", dice[i]);
	printf("\n");
	srand(7);
	printf("srand(7) scaled to 1..100:");
	for (i = 0; i < 10; i++)
		printf(" %d", 1 + (int)(100.0 * rand() / (RAND_MAX + 1.0)));
	printf("\n");
	return 0;
}
