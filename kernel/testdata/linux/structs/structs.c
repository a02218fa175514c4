/* Expect: struct and union layout as gcc lays it out on x86-64 (sizeof,
 * offsetof, padding, alignment, bit-fields), struct assignment copies,
 * structs are passed and returned by value, unions share storage. */
#include <stdio.h>
#include <stddef.h>
#include <string.h>

struct a { char c; int i; };
struct b { char c; double d; char e; };
struct c { char c1; char c2; short s; int i; };
struct d { double d; char c; };
struct e { char c[3]; };
struct f { int i; char c; long l; short s; };
struct g { char c; struct a inner; char tail; };
struct h { int n; char data[]; };
struct bits { unsigned a : 3; unsigned b : 5; unsigned c : 9; int d : 4; };
struct packed_like { char tag; char name[7]; long id; };
union u { char c; int i; double d; char s[12]; };

struct point { int x, y; };
struct rect { struct point min, max; char label[8]; };

static struct point make_point(int x, int y)
{
	struct point p;
	p.x = x;
	p.y = y;
	return p;
}

static struct point add(struct point p, struct point q)
{
	p.x += q.x;
	p.y += q.y;
	return p;
}

static int area(struct rect r)
{
	r.label[0] = '?'; /* a copy: the caller's label is unchanged */
	return (r.max.x - r.min.x) * (r.max.y - r.min.y);
}

static void grow(struct rect *r, int by)
{
	r->max.x += by;
	r->max.y += by;
}

#define SHOW(T) printf("%-20s size %2zu align %zu\n", #T, sizeof(T), _Alignof(T))

int main(void)
{
	struct rect r = {{0, 0}, {4, 3}, "box"};
	struct rect r2;
	struct point p;
	union u un;
	struct bits bf;

	SHOW(struct a);
	SHOW(struct b);
	SHOW(struct c);
	SHOW(struct d);
	SHOW(struct e);
	SHOW(struct f);
	SHOW(struct g);
	SHOW(struct h);
	SHOW(struct bits);
	SHOW(struct packed_like);
	SHOW(union u);
	SHOW(struct rect);
	printf("offsetof a.i %zu; b.d %zu b.e %zu; c.s %zu c.i %zu\n",
		offsetof(struct a, i), offsetof(struct b, d), offsetof(struct b, e),
		offsetof(struct c, s), offsetof(struct c, i));
	printf("offsetof f.c %zu f.l %zu f.s %zu; g.inner %zu g.tail %zu; h.data %zu\n",
		offsetof(struct f, c), offsetof(struct f, l), offsetof(struct f, s),
		offsetof(struct g, inner), offsetof(struct g, tail), offsetof(struct h, data));
	printf("offsetof rect.max %zu rect.max.y %zu rect.label %zu\n",
		offsetof(struct rect, max), offsetof(struct rect, max.y), offsetof(struct rect, label));

	r2 = r;
	r2.max.x = 10;
	strcpy(r2.label, "copy");
	printf("r: %d,%d-%d,%d %s; r2: %d,%d-%d,%d %s\n", r.min.x, r.min.y, r.max.x, r.max.y, r.label,
		r2.min.x, r2.min.y, r2.max.x, r2.max.y, r2.label);
	printf("area(r)=%d, label still %s\n", area(r), r.label);
	grow(&r, 2);
	printf("after grow: area(r)=%d\n", area(r));
	p = add(make_point(1, 2), make_point(10, 20));
	printf("add: %d %d\n", p.x, p.y);
	printf("make_point(5, 6).y = %d\n", make_point(5, 6).y);

	memset(&un, 0, sizeof un);
	un.i = 0x41424344;
	printf("union: c=%c s=%.4s\n", un.c, un.s);
	un.d = 1.0;
	printf("union after d=1.0: i=%d s[7]=%d\n", un.i, un.s[7]);

	memset(&bf, 0, sizeof bf);
	bf.a = 9;   /* 3 bits: 1 */
	bf.b = 31;
	bf.c = 513;
	bf.d = 7;
	bf.d++;     /* 4-bit signed: wraps to -8 */
	printf("bits: a=%u b=%u c=%u d=%d\n", bf.a, bf.b, bf.c, bf.d);
	{
		unsigned word;
		memcpy(&word, &bf, sizeof word);
		printf("bits as word: %x\n", word);
	}
	{
		struct point pts[3] = {{1, 2}, {3, 4}, {5, 6}};
		struct point *pp = pts;
		int i, sx = 0;
		for (i = 0; i < 3; i++, pp++)
			sx += pp->x * pp->y;
		printf("array of structs: %d, sizeof %zu\n", sx, sizeof pts);
	}
	{
		struct point zero = {0};
		struct point des = {.y = 9};
		printf("zero %d %d, designated %d %d\n", zero.x, zero.y, des.x, des.y);
	}
	return 0;
}
