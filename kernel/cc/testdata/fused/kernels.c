// The five programs of bench/compare, small, and the patterns they
// compile to: array elements, loop counters, compare-and-branch, calls.
#include <mini.h>

int fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

char composite[2001];
int a[12][12], b[12][12], c[12][12];
char buf[3000];
long counts[256];
int v[500];

void quicksort(int *x, int lo, int hi) {
	while (lo < hi) {
		int pivot = x[(lo + hi) / 2];
		int i = lo, j = hi;
		while (i <= j) {
			while (x[i] < pivot)
				i++;
			while (x[j] > pivot)
				j--;
			if (i <= j) {
				int t = x[i];
				x[i] = x[j];
				x[j] = t;
				i++;
				j--;
			}
		}
		quicksort(x, lo, j);
		lo = i;
	}
}

int main(void) {
	puti(fib(15));

	int count = 0;
	for (int i = 2; i <= 2000; i++)
		if (!composite[i]) {
			count++;
			for (int j = i + i; j <= 2000; j += i)
				composite[j] = 1;
		}
	puti(count);

	for (int i = 0; i < 12; i++)
		for (int j = 0; j < 12; j++) {
			a[i][j] = i + j;
			b[i][j] = i - j;
		}
	long total = 0;
	for (int i = 0; i < 12; i++)
		for (int j = 0; j < 12; j++) {
			int sum = 0;
			for (int k = 0; k < 12; k++)
				sum += a[i][k] * b[k][j];
			c[i][j] = sum;
			total += sum;
		}
	puti(total);

	unsigned seed = 1;
	for (int i = 0; i < 3000; i++) {
		seed = seed * 1103515245 + 12345;
		buf[i] = 'a' + (seed >> 16) % 26;
	}
	for (int i = 0; i < 3000; i++)
		counts[(unsigned char)buf[i]]++;
	puti(counts['e']);

	for (int i = 0; i < 500; i++) {
		seed = seed * 1103515245 + 12345;
		v[i] = seed >> 1;
	}
	quicksort(v, 0, 499);
	for (int i = 1; i < 500; i++)
		if (v[i - 1] > v[i])
			return 1;
	puti(v[0]);
	return 0;
}

// What gcc -O0 on Linux prints:
// output: 610
// output: 303
// output: 20592
// output: 113
// output: 2692206
