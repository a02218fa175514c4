#include <stdio.h>

#define N 2000000

char composite[N + 1];

int main(void) {
	int count = 0;
	for (int i = 2; i <= N; i++) {
		if (!composite[i]) {
			count++;
			for (int j = i + i; j <= N; j += i)
				composite[j] = 1;
		}
	}
	printf("%d\n", count);
	return 0;
}
