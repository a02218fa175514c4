/* Expect: recursion: factorial, Fibonacci, Ackermann, Towers of Hanoi,
 * mutual recursion, recursive string reversal and permutations, binary
 * search, and a depth of 10000 frames (well inside an 8 MB stack). */
#include <stdio.h>
#include <string.h>

static long factorial(int n) { return n <= 1 ? 1 : n * factorial(n - 1); }
static int fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

static int ackermann(int m, int n)
{
	if (m == 0)
		return n + 1;
	if (n == 0)
		return ackermann(m - 1, 1);
	return ackermann(m - 1, ackermann(m, n - 1));
}

static int moves;
static void hanoi(int n, char from, char to, char via)
{
	if (n == 0)
		return;
	hanoi(n - 1, from, via, to);
	moves++;
	if (n >= 3)
		printf("move disk %d %c->%c\n", n, from, to);
	hanoi(n - 1, via, to, from);
}

static int is_odd(int n);
static int is_even(int n) { return n == 0 ? 1 : is_odd(n - 1); }
static int is_odd(int n) { return n == 0 ? 0 : is_even(n - 1); }

static void reverse(char *s, int i, int j)
{
	char t;
	if (i >= j)
		return;
	t = s[i]; s[i] = s[j]; s[j] = t;
	reverse(s, i + 1, j - 1);
}

static void permute(char *s, int k, int n)
{
	int i;
	char t;
	if (k == n) {
		printf("%s ", s);
		return;
	}
	for (i = k; i < n; i++) {
		t = s[k]; s[k] = s[i]; s[i] = t;
		permute(s, k + 1, n);
		t = s[k]; s[k] = s[i]; s[i] = t;
	}
}

static int bsearch_rec(const int *v, int lo, int hi, int key)
{
	int mid;
	if (lo > hi)
		return -1;
	mid = lo + (hi - lo) / 2;
	if (v[mid] == key)
		return mid;
	if (v[mid] < key)
		return bsearch_rec(v, mid + 1, hi, key);
	return bsearch_rec(v, lo, mid - 1, key);
}

static long depth(int n)
{
	volatile char pad[64];
	pad[0] = (char)n;
	return n == 0 ? 0 : 1 + depth(n - 1) + pad[0] - (char)n;
}

int main(void)
{
	int i;
	char word[] = "recursion";
	char abc[] = "abc";
	int sorted[] = {1, 3, 5, 7, 9, 11, 13, 15};

	for (i = 0; i <= 20; i += 5)
		printf("%d! = %ld\n", i, factorial(i));
	for (i = 0; i <= 25; i += 5)
		printf("fib(%d) = %d\n", i, fib(i));
	printf("ackermann(2, 3) = %d, ackermann(3, 3) = %d\n", ackermann(2, 3), ackermann(3, 3));
	hanoi(5, 'A', 'C', 'B');
	printf("hanoi(5) took %d moves\n", moves);
	printf("is_even(10) %d is_odd(7) %d is_even(7) %d\n", is_even(10), is_odd(7), is_even(7));
	reverse(word, 0, strlen(word) - 1);
	printf("reversed: %s\n", word);
	permute(abc, 0, 3);
	printf("\n");
	printf("bsearch 11 -> %d, 4 -> %d\n", bsearch_rec(sorted, 0, 7, 11), bsearch_rec(sorted, 0, 7, 4));
	printf("depth(10000) = %ld\n", depth(10000));
	return 0;
}
