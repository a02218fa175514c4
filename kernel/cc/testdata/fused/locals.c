// Memory locals, struct fields through pointers, narrow types and
// unsigned comparisons.
#include <mini.h>

struct pt {
	char tag;
	short s;
	int x;
	long y;
};

long walk(struct pt *p, int n) {
	long sum = 0;
	for (int i = 0; i < n; i++) {
		p[i].x = i * 3;
		p[i].s = -i;
		p[i].tag = 'a' + i;
		sum += p[i].x + p[i].s + p[i].y + p[i].tag;
	}
	return sum;
}

int main(void) {
	struct pt pts[20];
	int grid[5][7];
	unsigned char bytes[40];
	for (int i = 0; i < 20; i++)
		pts[i].y = 100 - i;
	puti(walk(pts, 20));
	for (int i = 0; i < 5; i++)
		for (int j = 0; j < 7; j++)
			grid[i][j] = i * j - 3;
	long t = 0;
	for (int i = 4; i >= 0; i--)
		for (int j = 6; j > 0; j -= 2)
			t += grid[i][j];
	puti(t);
	for (unsigned i = 0; i < 40u; i++)
		bytes[i] = i * 37;
	unsigned u = 0;
	for (unsigned i = 39; i > 0; i--)
		if (bytes[i] >= bytes[i - 1])
			u += bytes[i];
	puti(u);
	long m = 0;
	for (int i = -50; i < 50; i += 7)
		m += i / 3 + i % 5 + (i * 13) % -7 + (unsigned)(i + 100) / 9u + (unsigned)(i + 100) % 7u + ((long)i << 3) / -4;
	puti(m);
	long steps = 0;
	for (long i = 0; i < 1000; i++)
		steps += i;
	for (unsigned long i = 5000; i > 10; i--)
		steps ^= i;
	puti(steps);
	return 0;
}

// What gcc -O0 on Linux prints:
// output: 4320
// output: 75
// output: 4495
// output: 25769803934
// output: 494767
