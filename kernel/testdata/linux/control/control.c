/* Expect: switch with fall-through and default, while/do-while/for loops,
 * break and continue (innermost loop only), goto forwards and backwards,
 * and nested loops left with a flag or a goto. */
#include <stdio.h>

static const char *grade(int score)
{
	switch (score / 10) {
	case 10:
	case 9:
		return "A";
	case 8:
		return "B";
	case 7:
		return "C";
	default:
		return "F";
	}
}

static void fallthrough(int n)
{
	printf("from %d:", n);
	switch (n) {
	case 1:
		printf(" one");
	case 2:
		printf(" two");
		break;
	case 3:
		printf(" three");
	default:
		printf(" default");
	case 4:
		printf(" four");
	}
	printf("\n");
}

int main(void)
{
	int i, j, n;

	for (i = 100; i >= 60; i -= 15)
		printf("%d:%s ", i, grade(i));
	printf("\n");
	for (i = 1; i <= 5; i++)
		fallthrough(i);

	i = 0;
	while (i < 10) {
		i++;
		if (i % 2)
			continue;
		if (i > 8)
			break;
		printf("%d ", i);
	}
	printf("| i=%d\n", i);

	n = 0;
	do {
		printf("do %d ", n);
	} while (n++ < 0);
	printf("| n=%d\n", n);

	for (i = 0, j = 10; i < j; i += 3, j -= 2)
		printf("(%d,%d) ", i, j);
	printf("\n");

	for (i = 0; i < 4; i++) {
		for (j = 0; j < 4; j++) {
			if (j > i)
				break;
			if (j == 1)
				continue;
			printf("%d%d ", i, j);
		}
	}
	printf("\n");

	for (i = 0; i < 10; i++)
		for (j = 0; j < 10; j++)
			if (i * j == 42)
				goto found;
	printf("not found\n");
found:
	printf("found %d*%d=42\n", i, j);

	n = 0;
again:
	n++;
	if (n < 5)
		goto again;
	printf("goto loop ran %d times\n", n);

	{
		int primes = 0;
		for (n = 2; n < 50; n++) {
			for (i = 2; i * i <= n; i++)
				if (n % i == 0)
					break;
			if (i * i > n) {
				primes++;
				printf("%d ", n);
			}
		}
		printf("| %d primes\n", primes);
	}
	{
		int k = 3;
		for (;;) {
			if (--k == 0)
				break;
			printf("forever %d ", k);
		}
		printf("\n");
	}
	return 0;
}
