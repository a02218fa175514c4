/* Expect: pointer arithmetic scales by the pointee's size, pointer
 * differences count elements, *p++ walks arrays and strings, pointers to
 * pointers and void* conversions work as in gcc. No address is printed. */
#include <stdio.h>
#include <stddef.h>

static void swap(int *a, int *b)
{
	int t = *a;
	*a = *b;
	*b = t;
}

static size_t my_strlen(const char *s)
{
	const char *p = s;
	while (*p)
		p++;
	return p - s;
}

static void set_to_seven(int **pp)
{
	**pp = 7;
}

int main(void)
{
	int a[5] = {10, 20, 30, 40, 50};
	int *p = a, *q = &a[4];
	double d[3] = {1.5, 2.5, 3.5};
	double *dp = d;
	char s[] = "pointer";
	char *cp;
	int x = 1, y = 2;
	int *px = &x;
	int **ppx = &px;
	void *v;
	long diff;

	printf("*p=%d *(p+2)=%d p[3]=%d 3[p]=%d *q=%d\n", *p, *(p + 2), p[3], 3[p], *q);
	diff = q - p;
	printf("q-p=%ld, (char*)q-(char*)p=%ld\n", diff, (long)((char *)q - (char *)p));
	printf("dp+1 - dp in bytes = %ld\n", (long)((char *)(dp + 1) - (char *)dp));
	printf("*dp++=%.1f ", *dp++);
	printf("then *dp=%.1f\n", *dp);
	printf("p<q %d p==a %d q>=a+4 %d\n", p < q, p == a, q >= a + 4);
	while (p <= q)
		printf("%d ", *p++);
	printf("\n");
	p = a;
	*p++ += 1;
	(*p)++;
	++*p;
	printf("after *p++ += 1, (*p)++, ++*p: %d %d %d\n", a[0], a[1], a[2]);
	swap(&x, &y);
	printf("swap: x=%d y=%d\n", x, y);
	printf("**ppx=%d\n", **ppx);
	set_to_seven(ppx);
	printf("x after set_to_seven=%d\n", x);
	printf("my_strlen(\"%s\")=%zu\n", s, my_strlen(s));
	for (cp = s + sizeof s - 2; cp >= s; cp--)
		putchar(*cp);
	putchar('\n');
	v = a;
	printf("((int*)v)[4]=%d\n", ((int *)v)[4]);
	v = (char *)v + sizeof(int);
	printf("after v += sizeof(int): %d\n", *(int *)v);
	{
		unsigned int word = 0x11223344;
		unsigned char *bytes = (unsigned char *)&word;
		printf("little endian bytes: %x %x %x %x\n", bytes[0], bytes[1], bytes[2], bytes[3]);
	}
	{
		int *np = NULL;
		printf("NULL == 0: %d, !np: %d\n", np == 0, !np);
		printf("%%p of NULL: %p\n", (void *)np);
	}
	{
		const char *words[] = {"alpha", "beta", "gamma", NULL};
		const char **w;
		for (w = words; *w; w++)
			printf("%s(%c) ", *w, **w);
		printf("\n");
	}
	return 0;
}
