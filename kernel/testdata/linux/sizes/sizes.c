/* Expect: sizeof of every basic type, pointer, array, string literal and
 * expression as gcc reports it on x86-64 (LP64); sizeof does not evaluate
 * its operand (x stays 1). */
#include <stdio.h>
#include <stddef.h>

struct point { int x, y; };
union number { int i; double d; char c[3]; };
enum color { RED, GREEN, BLUE };
typedef int (*binop)(int, int);

int main(void)
{
	int x = 1;
	int arr[10];
	char str[] = "hello";
	char *p = str;
	int matrix[3][4];
	double d;

	printf("char %zu, short %zu, int %zu, long %zu, long long %zu\n",
		sizeof(char), sizeof(short), sizeof(int), sizeof(long), sizeof(long long));
	printf("float %zu, double %zu, long double %zu\n",
		sizeof(float), sizeof(double), sizeof(long double));
	printf("void* %zu, char* %zu, int* %zu, function pointer %zu\n",
		sizeof(void *), sizeof(char *), sizeof(int *), sizeof(binop));
	printf("size_t %zu, ptrdiff_t %zu\n", sizeof(size_t), sizeof(ptrdiff_t));
	printf("struct point %zu, union number %zu, enum color %zu\n",
		sizeof(struct point), sizeof(union number), sizeof(enum color));
	printf("int[10] %zu, elements %zu\n", sizeof arr, sizeof arr / sizeof arr[0]);
	printf("char[] \"hello\" %zu, char* %zu, literal %zu\n", sizeof str, sizeof p, sizeof "hello");
	printf("int[3][4] %zu, row %zu, element %zu\n", sizeof matrix, sizeof matrix[0], sizeof matrix[0][0]);
	printf("'a' %zu, 1.0f %zu, 1.0 %zu, 1L %zu, 1LL %zu\n",
		sizeof('a'), sizeof(1.0f), sizeof(1.0), sizeof(1L), sizeof(1LL));
	printf("x++ %zu, x now %d\n", sizeof(x++), x);
	printf("d + 1 %zu, (char)x %zu, !x %zu, x < 2 %zu\n",
		sizeof(d + 1), sizeof((char)x), sizeof(!x), sizeof(x < 2));
	printf("*p %zu, &arr %zu, *matrix %zu, &matrix[1] %zu\n",
		sizeof *p, sizeof &arr, sizeof *matrix, sizeof &matrix[1]);
	return 0;
}
