/* sscanf conversions against glibc, and scanf on standard input. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void)
{
	int a, b, c, n, r;
	unsigned int u;
	long l;
	long long ll;
	short h;
	signed char hh;
	float f;
	double d, e;
	char s1[64], s2[64], ch[8];
	void *p;
	char *m = NULL;

#define RESET() (a = b = c = n = -1, u = 0, l = 0, ll = 0, h = 0, hh = 0, f = 0, d = e = 0, \
	memset(s1, 0, sizeof s1), memset(s2, 0, sizeof s2), memset(ch, 0, sizeof ch), p = NULL)

	RESET();
	r = sscanf("42 -17 0x1f", "%d %d %x", &a, &b, &c);
	printf("%d: %d %d %d\n", r, a, b, c);
	RESET();
	r = sscanf("  12abc", "%d%s", &a, s1);
	printf("%d: %d [%s]\n", r, a, s1);
	RESET();
	r = sscanf("abc", "%d", &a);
	printf("%d: %d\n", r, a);
	RESET();
	r = sscanf("", "%d", &a);
	printf("%d: %d\n", r, a);
	RESET();
	r = sscanf("   ", "%d", &a);
	printf("%d: %d\n", r, a);
	RESET();
	r = sscanf("077 0x10 10 -010", "%i %i %i %i", &a, &b, &c, &n);
	printf("%d: %d %d %d %d\n", r, a, b, c, n);
	RESET();
	r = sscanf("123456", "%2d%3d%d", &a, &b, &c);
	printf("%d: %d %d %d\n", r, a, b, c);
	RESET();
	r = sscanf("3.25 -1e3 .5 1e-2x", "%f %lf %lf %lf%s", &f, &d, &e, &d, s1);
	printf("%d: %g %g %g [%s]\n", r, f, e, d, s1);
	RESET();
	r = sscanf("inf nan -INFINITY", "%lf %lf %s", &d, &e, s1);
	printf("%d: %f %f [%s]\n", r, d, e, s1);
	RESET();
	r = sscanf("hello world", "%s %s", s1, s2);
	printf("%d: [%s] [%s]\n", r, s1, s2);
	RESET();
	r = sscanf("hello world", "%3s%s", s1, s2);
	printf("%d: [%s] [%s]\n", r, s1, s2);
	RESET();
	r = sscanf("abcdef", "%3c%c", ch, ch + 4);
	printf("%d: [%s]\n", r, ch);
	RESET();
	r = sscanf(" x", "%c", ch);
	printf("%d: [%s]\n", r, ch);
	RESET();
	r = sscanf(" x", " %c", ch);
	printf("%d: [%s]\n", r, ch);
	RESET();
	r = sscanf("key=value;rest", "%[^=]=%[^;];%s", s1, s2, ch);
	printf("%d: [%s] [%s] [%s]\n", r, s1, s2, ch);
	RESET();
	r = sscanf("abc123def", "%[a-z]%[0-9]", s1, s2);
	printf("%d: [%s] [%s]\n", r, s1, s2);
	RESET();
	r = sscanf("]]]x", "%[]]", s1);
	printf("%d: [%s]\n", r, s1);
	RESET();
	r = sscanf("123", "%[a-z]", s1);
	printf("%d: [%s]\n", r, s1);
	RESET();
	r = sscanf("10 20 30", "%d %*d %d%n", &a, &b, &n);
	printf("%d: %d %d n=%d\n", r, a, b, n);
	RESET();
	r = sscanf("25%", "%d%%", &a);
	printf("%d: %d\n", r, a);
	RESET();
	r = sscanf("date: 2024-01-15", "date: %d-%d-%d", &a, &b, &c);
	printf("%d: %d %d %d\n", r, a, b, c);
	RESET();
	r = sscanf("date 2024", "date: %d", &a);
	printf("%d: %d\n", r, a);
	RESET();
	r = sscanf("-5 4294967295 99999999999", "%u %u %d", &u, &b, &c);
	printf("%d: %u %d %d\n", r, u, b, c);
	RESET();
	r = sscanf("9223372036854775807 -9223372036854775808 70000 300", "%ld %lld %hd %hhd", &l, &ll, &h, &hh);
	printf("%d: %ld %lld %d %d\n", r, l, ll, h, hh);
	RESET();
	r = sscanf("0x7fff1234", "%p", &p);
	printf("%d: %p\n", r, p);
	RESET();
	r = sscanf("+-5", "%d", &a);
	printf("%d: %d\n", r, a);
	RESET();
	r = sscanf("- 5", "%d", &a);
	printf("%d: %d\n", r, a);
	RESET();
	r = sscanf("12", "%d %d", &a, &b);
	printf("%d: %d %d\n", r, a, b);
	RESET();
	r = sscanf("5", "%*d %d", &a);
	printf("%d: %d\n", r, a);
	RESET();
	r = sscanf("allocated string", "%ms", &m);
	printf("%d: [%s]\n", r, m);
	free(m);
	RESET();
	r = sscanf("1,2,,4", "%d,%d,%d,%d", &a, &b, &c, &n);
	printf("%d: %d %d %d %d\n", r, a, b, c, n);

	/* Reading standard input like an interactive program. */
	printf("Enter two numbers: ");
	r = scanf("%d %d", &a, &b);
	printf("\n%d: sum %d\n", r, a + b);
	printf("Your name: ");
	r = scanf("%63s", s1);
	printf("\n%d: hello %s\n", r, s1);
	while ((c = getchar()) != '\n' && c != EOF)
		;
	if (fgets(s2, sizeof s2, stdin) != NULL)
		printf("rest of input: %s", s2);
	r = scanf("%d", &a);
	printf("at end: %d\n", r);
	return 0;
}
