/* Expect: every compound assignment operator, pre/post increment, the comma
 * operator, nested ternaries, logical operators yielding 0/1, and
 * short-circuit evaluation: the right operand of && and || runs only when
 * needed (counted through side effects). */
#include <stdio.h>

static int calls;

static int t(int v)
{
	calls++;
	printf("t(%d) ", v);
	return v;
}

int main(void)
{
	int x = 10, y, z, a[3] = {0, 0, 0}, i = 0;
	unsigned u = 0xF0;

	x += 5; printf("+= %d ", x);
	x -= 3; printf("-= %d ", x);
	x *= 4; printf("*= %d ", x);
	x /= 5; printf("/= %d ", x);
	x %= 4; printf("%%= %d ", x);
	x <<= 6; printf("<<= %d ", x);
	x >>= 2; printf(">>= %d ", x);
	x &= 0x1C; printf("&= %d ", x);
	x |= 3; printf("|= %d ", x);
	x ^= 0xFF; printf("^= %d\n", x);
	u >>= 4; u |= u << 8; printf("unsigned %x\n", u);

	x = 5;
	y = x++;
	z = ++x;
	printf("x %d y %d z %d\n", x, y, z);
	y = x--;
	z = --x;
	printf("x %d y %d z %d\n", x, y, z);
	a[i++] = 7;
	a[++i] = 9;
	printf("a %d %d %d i %d\n", a[0], a[1], a[2], i);

	x = (y = 3, z = 4, y + z);
	printf("comma: x %d\n", x);
	for (i = 0, x = 0; i < 5; x += i, i++)
		;
	printf("comma in for: x %d i %d\n", x, i);

	for (i = -2; i <= 2; i++)
		printf("%d is %s\n", i, i < 0 ? "negative" : i == 0 ? "zero" : i == 1 ? "one" : "many");
	x = 7;
	y = x > 5 ? x * 2 : x / 2;
	printf("ternary value %d, max(3, 9) %d\n", y, 3 > 9 ? 3 : 9);
	{
		int m = 1, k = 2;
		*(x > 0 ? &m : &k) = 99;
		printf("ternary lvalue: m %d k %d\n", m, k);
	}

	printf("!0=%d !5=%d 3&&4=%d 0||-1=%d 2==2.0=%d\n", !0, !5, 3 && 4, 0 || -1, 2 == 2.0);
	calls = 0;
	if (t(0) && t(1))
		printf("yes ");
	printf("| calls %d\n", calls);
	calls = 0;
	if (t(1) || t(0))
		printf("yes ");
	printf("| calls %d\n", calls);
	calls = 0;
	x = t(1) && t(2) && t(0) && t(3);
	printf("| x %d calls %d\n", x, calls);
	calls = 0;
	x = t(0) || t(0) || t(5) || t(6);
	printf("| x %d calls %d\n", x, calls);
	{
		int *p = NULL;
		if (p != NULL && *p == 3)
			printf("never\n");
		else
			printf("NULL check guarded the dereference\n");
	}
	i = 0;
	x = (i++ > 0) && (i++ > 0);
	printf("i after (i++ > 0) && (i++ > 0): %d\n", i);
	calls = 0;
	x = t(2) ? t(3) : t(4);
	printf("| ternary evaluates one branch: calls %d\n", calls);
	return 0;
}
