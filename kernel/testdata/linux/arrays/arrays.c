/* Expect: arrays and multi-dimensional arrays in row-major order, partial
 * initialisers zero the rest, designated initialisers, arrays decay to
 * pointers when passed, and a 2-D array can be walked as a flat one. */
#include <stdio.h>
#include <string.h>

#define ROWS 3
#define COLS 4

static int sum(int *v, int n)
{
	int s = 0, i;
	for (i = 0; i < n; i++)
		s += v[i];
	return s;
}

static void fill(int m[][COLS], int rows)
{
	int i, j;
	for (i = 0; i < rows; i++)
		for (j = 0; j < COLS; j++)
			m[i][j] = i * 10 + j;
}

static void print_matrix(const char *name, int m[][COLS], int rows)
{
	int i, j;
	printf("%s:\n", name);
	for (i = 0; i < rows; i++) {
		for (j = 0; j < COLS; j++)
			printf("%4d", m[i][j]);
		printf("\n");
	}
}

int main(void)
{
	int a[8] = {1, 2, 3};
	int b[] = {[2] = 5, [6] = 9};
	int m[ROWS][COLS];
	int t[COLS][ROWS];
	int cube[2][3][4];
	char names[3][8] = {"ann", "bob", "carol"};
	int *flat;
	int i, j, k;

	for (i = 0; i < 8; i++)
		printf("%d ", a[i]);
	printf("| sizeof b = %zu:", sizeof b);
	for (i = 0; i < (int)(sizeof b / sizeof b[0]); i++)
		printf(" %d", b[i]);
	printf("\n");
	printf("sum(a, 8) = %d\n", sum(a, 8));
	fill(m, ROWS);
	print_matrix("m", m, ROWS);
	for (i = 0; i < ROWS; i++)
		for (j = 0; j < COLS; j++)
			t[j][i] = m[i][j];
	for (i = 0; i < COLS; i++) {
		for (j = 0; j < ROWS; j++)
			printf("%4d", t[i][j]);
		printf("\n");
	}
	flat = &m[0][0];
	printf("flat[5] = %d, flat[11] = %d, *(*(m + 2) + 1) = %d\n", flat[5], flat[11], *(*(m + 2) + 1));
	printf("sum of all = %d\n", sum(&m[0][0], ROWS * COLS));
	for (i = 0; i < 2; i++)
		for (j = 0; j < 3; j++)
			for (k = 0; k < 4; k++)
				cube[i][j][k] = i * 100 + j * 10 + k;
	printf("cube[1][2][3] = %d, ((int*)cube)[23] = %d, cube[1][0] - cube[0][0] = %ld\n",
		cube[1][2][3], ((int *)cube)[23], (long)(cube[1][0] - cube[0][0]));
	for (i = 0; i < 3; i++)
		printf("%s(%zu) ", names[i], strlen(names[i]));
	printf("\n");
	names[1][0] = 'B';
	printf("%s %c\n", names[1], names[2][4]);
	{
		int n = 5, vla[n];
		for (i = 0; i < n; i++)
			vla[i] = i * i;
		printf("vla: sizeof %zu, last %d\n", sizeof vla, vla[n - 1]);
	}
	{
		int copy[8];
		memcpy(copy, a, sizeof a);
		copy[0] = 100;
		printf("a[0] %d copy[0] %d\n", a[0], copy[0]);
	}
	return 0;
}
