// A store that walks off the end of the data into unmapped memory: the
// fault must come at the same instruction and tick, fused or not.
#include <mini.h>

int small[4];

int main(void) {
	int *p = small;
	for (int i = 0; ; i += 512)
		p[i] = i;
	return 0;
}
