/* Expect: typedef names for scalars, structs, pointers and function types;
 * enum constants count up from 0 or from an explicit value, may be negative,
 * and are ints (switchable, usable as array sizes and indices). */
#include <stdio.h>

typedef unsigned char byte;
typedef int (*compare)(int, int);
typedef struct node {
	int value;
	struct node *next;
} Node, *NodePtr;
typedef int vector[3];

enum weekday { MON, TUE, WED, THU, FRI, SAT, SUN, NDAYS };
enum level { LOW = -1, MID, HIGH = 10, HIGHER, TOP = HIGH * 10 };
typedef enum { STOPPED = 'S', RUNNING = 'R', ZOMBIE = 'Z' } state;

static const char *day_names[NDAYS] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

static int less(int a, int b) { return a < b; }
static int more(int a, int b) { return a > b; }

static int best(const int *v, int n, compare better)
{
	int i, b = v[0];
	for (i = 1; i < n; i++)
		if (better(v[i], b))
			b = v[i];
	return b;
}

static const char *describe(state s)
{
	switch (s) {
	case STOPPED: return "stopped";
	case RUNNING: return "running";
	case ZOMBIE: return "zombie";
	}
	return "?";
}

int main(void)
{
	byte b = 250;
	Node n2 = {2, NULL}, n1 = {1, &n2};
	NodePtr p;
	vector v = {7, -3, 12};
	enum weekday d;
	state s = RUNNING;
	int counts[NDAYS] = {0};

	b += 10;
	printf("byte 250+10 = %d, sizeof(byte) = %zu\n", b, sizeof(byte));
	for (p = &n1; p; p = p->next)
		printf("node %d\n", p->value);
	printf("sizeof(Node) = %zu, sizeof(NodePtr) = %zu, sizeof(vector) = %zu\n",
		sizeof(Node), sizeof(NodePtr), sizeof(vector));
	printf("min %d max %d\n", best(v, 3, less), best(v, 3, more));
	for (d = MON; d < NDAYS; d++)
		counts[d] = d * d;
	for (d = FRI; d <= SUN; d++)
		printf("%s=%d(%d) ", day_names[d], d, counts[d]);
	printf("\n");
	printf("LOW %d MID %d HIGH %d HIGHER %d TOP %d\n", LOW, MID, HIGH, HIGHER, TOP);
	printf("state %c is %s, sizeof(state) %zu\n", s, describe(s), sizeof(state));
	s = ZOMBIE;
	printf("state %c is %s\n", s, describe(s));
	printf("SUN - MON = %d, (enum weekday)3 == THU: %d\n", SUN - MON, (enum weekday)3 == THU);
	return 0;
}
