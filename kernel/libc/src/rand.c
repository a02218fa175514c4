/*
 * glibc's random number generator, so that programs print the same
 * "random" numbers as on Linux. It is an additive feedback generator:
 * with a table r of 31 words, each new word is r[i-31] + r[i-3]
 * (mod 2^32) and the result is that word shifted right by one.
 * rand() and random() are the same generator; the default seed is 1.
 */
#include <stdlib.h>

#define DEGREE 31
#define SEPARATION 3

static int table[DEGREE];
static int front = SEPARATION;
static int rear = 0;
static int seeded;

long random(void)
{
	unsigned int v;

	if (!seeded)
		srandom(1);
	v = (unsigned int)table[front] + (unsigned int)table[rear];
	table[front] = (int)v;
	front = (front + 1) % DEGREE;
	rear = (rear + 1) % DEGREE;
	return v >> 1;
}

/*
 * Seeding fills the table with a simple linear congruential generator
 * (16807 * x mod (2^31 - 1), computed without overflow by Schrage's
 * method) and then throws away the first 310 outputs.
 */
void srandom(unsigned int seed)
{
	int word;
	long hi, lo;
	int i;

	seeded = 1;
	if (seed == 0)
		seed = 1;
	word = (int)seed;
	table[0] = word;
	for (i = 1; i < DEGREE; i++) {
		hi = word / 127773;
		lo = word % 127773;
		word = (int)(16807 * lo - 2836 * hi);
		if (word < 0)
			word += 2147483647;
		table[i] = word;
	}
	front = SEPARATION;
	rear = 0;
	for (i = 0; i < 10 * DEGREE; i++)
		random();
}

int rand(void)
{
	return (int)random();
}

void srand(unsigned int seed)
{
	srandom(seed);
}

/* glibc's rand_r: three steps of an LCG, their high bits put together. */
int rand_r(unsigned int *seed)
{
	unsigned int next = *seed;
	int result;

	next *= 1103515245;
	next += 12345;
	result = (unsigned int)(next / 65536) % 2048;
	next *= 1103515245;
	next += 12345;
	result <<= 10;
	result ^= (unsigned int)(next / 65536) % 1024;
	next *= 1103515245;
	next += 12345;
	result <<= 10;
	result ^= (unsigned int)(next / 65536) % 1024;
	*seed = next;
	return result;
}
