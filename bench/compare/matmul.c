#include <stdio.h>

#define N 200

int a[N][N], b[N][N], c[N][N];

int main(void) {
	for (int i = 0; i < N; i++)
		for (int j = 0; j < N; j++) {
			a[i][j] = i + j;
			b[i][j] = i - j;
		}
	for (int i = 0; i < N; i++)
		for (int j = 0; j < N; j++) {
			int sum = 0;
			for (int k = 0; k < N; k++)
				sum += a[i][k] * b[k][j];
			c[i][j] = sum;
		}
	long total = 0;
	for (int i = 0; i < N; i++)
		for (int j = 0; j < N; j++)
			total += c[i][j];
	printf("%ld\n", total);
	return 0;
}
