/* Expect: function pointers called directly and through tables, passed as
 * arguments and returned; a dispatch table of operations like a system-call
 * table; comparing function pointers. */
#include <stdio.h>
#include <string.h>

static int add(int a, int b) { return a + b; }
static int sub(int a, int b) { return a - b; }
static int mul(int a, int b) { return a * b; }
static int divide(int a, int b) { return b ? a / b : 0; }

struct op {
	const char *name;
	char symbol;
	int (*fn)(int, int);
};

static struct op ops[] = {
	{"add", '+', add},
	{"sub", '-', sub},
	{"mul", '*', mul},
	{"div", '/', divide},
};

static int (*lookup(char symbol))(int, int)
{
	size_t i;
	for (i = 0; i < sizeof ops / sizeof ops[0]; i++)
		if (ops[i].symbol == symbol)
			return ops[i].fn;
	return NULL;
}

static void apply(int *v, int n, int (*f)(int))
{
	int i;
	for (i = 0; i < n; i++)
		v[i] = f(v[i]);
}

static int square(int x) { return x * x; }
static int negate(int x) { return -x; }

static int counter;
static void tick(void) { counter++; }
static void tock(void) { counter += 10; }

int main(void)
{
	int (*f)(int, int) = add;
	int (*table[4])(int, int) = {add, sub, mul, divide};
	void (*events[])(void) = {tick, tock, tick, tick, tock};
	int v[5] = {1, 2, 3, 4, 5};
	size_t i;
	const char *expr = "7+3*2-4/2";

	printf("f(2, 3) = %d, (*f)(2, 3) = %d\n", f(2, 3), (*f)(2, 3));
	for (i = 0; i < 4; i++)
		printf("%s(12, 4) = %d\n", ops[i].name, table[i](12, 4));
	printf("lookup('*')(6, 7) = %d\n", lookup('*')(6, 7));
	printf("lookup('%%') is NULL: %d\n", lookup('%') == NULL);
	printf("f == add: %d, f == sub: %d\n", f == add, f == sub);
	apply(v, 5, square);
	apply(v, 5, negate);
	for (i = 0; i < 5; i++)
		printf("%d ", v[i]);
	printf("\n");
	for (i = 0; i < sizeof events / sizeof events[0]; i++)
		events[i]();
	printf("counter = %d\n", counter);
	/* left-to-right evaluation of a flat expression with a table */
	{
		int acc = expr[0] - '0';
		for (i = 1; i + 1 < strlen(expr); i += 2)
			acc = lookup(expr[i])(acc, expr[i + 1] - '0');
		printf("%s left to right = %d\n", expr, acc);
	}
	return 0;
}
