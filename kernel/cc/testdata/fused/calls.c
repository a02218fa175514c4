// Calls of functions that begin as the base case of a recursion does (a
// test of an argument, then a return of an argument or a constant): the
// call runs the base case whole when the test does not jump, and the
// ordinary call when it does.
#include <mini.h>

int fib(int n) {
	if (n < 2)
		return n;
	return fib(n - 1) + fib(n - 2);
}

long lfib(long n) {
	if (n < 2)
		return n;
	return lfib(n - 1) + lfib(n - 2);
}

int fact(int n) {
	if (n <= 1)
		return 1;
	return n * fact(n - 1);
}

int gcd(int a, int b) {
	if (b == 0)
		return a;
	return gcd(b, a % b);
}

int moves;

void hanoi(int n, int from, int to, int via) {
	if (n == 0)
		return;
	hanoi(n - 1, from, via, to);
	moves++;
	hanoi(n - 1, via, to, from);
}

unsigned ucount(unsigned n) {
	if (n > 5u)
		return n;
	return ucount(n + 3u) + 1;
}

// The base case returns its second argument: a call through a pointer.
long pick(long n, long acc) {
	if (n <= 0)
		return acc;
	return pick(n - 1, acc + n);
}

int main(void) {
	long (*f)(long, long) = pick;
	puti(fib(18));
	puti(lfib(15));
	puti(fact(10));
	puti(gcd(1071, 462));
	hanoi(9, 1, 3, 2);
	puti(moves);
	puti(ucount(0));
	puti(f(100, 7));
	puti(fib(1) + fib(0) + fact(0));
	return 0;
}

// What gcc -O0 on Linux prints:
// output: 2584
// output: 610
// output: 3628800
// output: 21
// output: 511
// output: 8
// output: 5057
// output: 2
