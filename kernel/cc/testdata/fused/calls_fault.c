// A recursion through a base case that never comes: the call past the
// deepest the stack may go faults, at the same instruction and tick,
// whether calls run their base case whole or not.
#include <mini.h>

int down(int n) {
	if (n == 0)
		return 0;
	return down(n - 1) + 1;
}

int main(void) {
	puti(down(1000));
	puti(down(1 << 30));
	return 0;
}
