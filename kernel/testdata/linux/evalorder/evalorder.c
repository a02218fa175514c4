/* The order gcc gives what C leaves open: a call's arguments are
   evaluated from the last to the first on x86-64. */
#include <stdio.h>

static int n;

static int next(void)
{
	return ++n;
}

static int show(const char *s)
{
	printf("[%s]", s);
	return 0;
}

static int add3(int a, int b, int c)
{
	return a * 100 + b * 10 + c;
}

struct pair {
	int a, b;
};

static struct pair mk(int a)
{
	struct pair p = {a, next()};
	return p;
}

static int sum(struct pair p, struct pair q)
{
	return p.a * 1000 + p.b * 100 + q.a * 10 + q.b;
}

int main(void)
{
	printf("%d %d %d\n", next(), next(), next());
	printf("%d\n", add3(next(), next(), next()));
	show("a") + show("b");
	printf("\n%d %d\n", show("first"), show("second"));
	int i = 5;
	printf("%d %d\n", i, next());
	n = 0;
	printf("%d\n", sum(mk(1), mk(2)));
	double d = 1.5;
	printf("%.1f %d %.1f\n", d, next(), d * next());
	return 0;
}
