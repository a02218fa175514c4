#include <stdio.h>

#define N 1000000

int v[N];

void quicksort(int *a, int lo, int hi) {
	while (lo < hi) {
		int pivot = a[(lo + hi) / 2];
		int i = lo, j = hi;
		while (i <= j) {
			while (a[i] < pivot)
				i++;
			while (a[j] > pivot)
				j--;
			if (i <= j) {
				int t = a[i];
				a[i] = a[j];
				a[j] = t;
				i++;
				j--;
			}
		}
		quicksort(a, lo, j);
		lo = i;
	}
}

int main(void) {
	unsigned seed = 1;
	for (int i = 0; i < N; i++) {
		seed = seed * 1103515245 + 12345;
		v[i] = seed >> 1;
	}
	quicksort(v, 0, N - 1);
	long check = 0;
	for (int i = 0; i < N; i++) {
		if (i > 0 && v[i - 1] > v[i]) {
			printf("unsorted at %d\n", i);
			return 1;
		}
		check = (check * 31 + v[i]) % 1000000007;
	}
	printf("%d %d %ld\n", v[0], v[N - 1], check);
	return 0;
}
