/*
 * Native stand-ins for the two floating-point system calls, for the tests:
 * __osplay_fmt_double prints a double exactly as glibc does (it works from
 * the exact decimal value of the double and rounds half to even), strtod
 * converts the decimal numbers the tests use, correctly rounded when the
 * digits fit in 2^53 and the power of ten is at most 10^22.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <ctype.h>

/* A big natural number in base 10^9, least significant limb first. */
struct big {
	int n;
	uint32_t d[130];
};

static void big_mul(struct big *b, uint32_t m)
{
	uint64_t carry = 0;
	int i;

	for (i = 0; i < b->n; i++) {
		uint64_t t = (uint64_t)b->d[i] * m + carry;
		b->d[i] = (uint32_t)(t % 1000000000);
		carry = t / 1000000000;
	}
	while (carry != 0) {
		b->d[b->n++] = (uint32_t)(carry % 1000000000);
		carry /= 1000000000;
	}
}

/*
 * The exact decimal digits of v > 0 (no leading zeros) into D; *pos is
 * the number of digits before the decimal point (may be <= 0).
 */
static int exact_digits(double v, char *D, int *pos)
{
	uint64_t bits, m;
	int e, i, len, k;
	struct big b;
	char limb[10];

	memcpy(&bits, &v, 8);
	m = bits & ((1ULL << 52) - 1);
	e = (int)(bits >> 52 & 0x7ff);
	if (e == 0)
		e = 1;
	else
		m |= 1ULL << 52;
	e -= 1075;
	b.n = 0;
	while (m != 0) {
		b.d[b.n++] = (uint32_t)(m % 1000000000);
		m /= 1000000000;
	}
	for (i = 0; i < e; i++)
		big_mul(&b, 2);
	for (i = 0; i < -e; i++)
		big_mul(&b, 5);
	len = 0;
	for (i = b.n - 1; i >= 0; i--) {
		for (k = 8; k >= 0; k--) {
			limb[k] = (char)('0' + b.d[i] % 10);
			b.d[i] /= 10;
		}
		for (k = 0; k < 9; k++)
			if (len > 0 || limb[k] != '0')
				D[len++] = limb[k];
	}
	*pos = len + (e < 0 ? e : 0);
	return len;
}

/*
 * Round D (len digits) to its first k digits, half to even, into R
 * (k digits); returns 1 if the rounding carried out of the first digit
 * (R is then 1 followed by zeros and the number is 10 times bigger).
 */
static int round_digits(const char *D, int len, int k, char *R)
{
	int up = 0, i;

	for (i = 0; i < k; i++)
		R[i] = i < len ? D[i] : '0';
	if (k < 0)
		return 0;
	if (k < len) {
		int rest = 0;

		for (i = k + 1; i < len; i++)
			if (D[i] != '0')
				rest = 1;
		if (D[k] > '5' || (D[k] == '5' && rest))
			up = 1;
		else if (D[k] == '5')
			up = k > 0 && (D[k - 1] - '0') % 2 == 1;
	}
	if (!up)
		return 0;
	for (i = k - 1; i >= 0; i--) {
		if (R[i] != '9') {
			R[i]++;
			return 0;
		}
		R[i] = '0';
	}
	/* Carried out: 99.9 -> 100. */
	if (k > 0)
		R[0] = '1';
	return 1;
}

struct outbuf {
	char *s;
	size_t n;
	int len;
};

static void put(struct outbuf *o, char c)
{
	if ((size_t)o->len + 1 < o->n)
		o->s[o->len] = c;
	o->len++;
}

static void puts_(struct outbuf *o, const char *s)
{
	while (*s)
		put(o, *s++);
}

static char D[1200], R[1200];

static void fixed(struct outbuf *o, int len, int pos, int prec, int alt)
{
	int k = pos + prec, i;

	if (k < 0) {
		put(o, '0');
	} else {
		if (round_digits(D, len, k, R)) {
			R[0] = '1';
			for (i = 1; i <= k; i++)
				R[i] = '0';
			k++;
			pos++;
		}
		if (pos <= 0)
			put(o, '0');
		for (i = 0; i < pos; i++)
			put(o, i < k ? R[i] : '0');
	}
	if (prec > 0 || alt)
		put(o, '.');
	for (i = 0; i < prec; i++) {
		int idx = pos + i;
		put(o, k >= 0 && idx >= 0 && idx < k ? R[idx] : '0');
	}
}

static void expo(struct outbuf *o, int len, int pos, int prec, int alt, int upper, int zero)
{
	int k = prec + 1, i, x;
	char num[16];

	if (zero) {
		for (i = 0; i < k; i++)
			R[i] = '0';
		x = 0;
	} else {
		if (round_digits(D, len, k, R))
			pos++;
		x = pos - 1;
	}
	put(o, R[0]);
	if (prec > 0 || alt)
		put(o, '.');
	for (i = 1; i < k; i++)
		put(o, R[i]);
	put(o, upper ? 'E' : 'e');
	put(o, x < 0 ? '-' : '+');
	if (x < 0)
		x = -x;
	i = 0;
	do {
		num[i++] = (char)('0' + x % 10);
		x /= 10;
	} while (x != 0);
	if (i < 2)
		num[i++] = '0';
	while (i > 0)
		put(o, num[--i]);
}

static void hexfloat(struct outbuf *o, uint64_t bits, int prec, int alt, int upper)
{
	const char *hex = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	uint64_t frac = bits & ((1ULL << 52) - 1);
	int e = (int)(bits >> 52 & 0x7ff);
	int lead = 1, i, ndig;
	char dig[14];
	char num[8];

	if (e == 0 && frac == 0) {
		lead = 0;
		e = 0;
	} else if (e == 0) {
		lead = 0;
		e = -1022;
	} else {
		e -= 1023;
	}
	for (i = 0; i < 13; i++)
		dig[i] = hex[frac >> (48 - 4 * i) & 15];
	if (prec < 0) {
		ndig = 13;
		while (ndig > 0 && dig[ndig - 1] == '0')
			ndig--;
	} else {
		ndig = prec;
		if (prec < 13) {
			int next = (int)(frac >> (48 - 4 * prec) & 15);
			int more = (frac & ((1ULL << (48 - 4 * prec)) - 1)) != 0;
			int last = prec > 0 ? (int)(frac >> (52 - 4 * prec) & 15) : lead;

			if (next > 8 || (next == 8 && (more || (last & 1)))) {
				for (i = prec - 1; i >= 0; i--) {
					int v = (int)(strchr(hex, dig[i]) - hex) + 1;

					if (v < 16) {
						dig[i] = hex[v];
						break;
					}
					dig[i] = '0';
				}
				if (i < 0)
					lead++;
			}
		}
	}
	put(o, '0');
	put(o, upper ? 'X' : 'x');
	put(o, (char)('0' + lead));
	if (ndig > 0 || alt)
		put(o, '.');
	for (i = 0; i < ndig; i++)
		put(o, i < 13 ? dig[i] : '0');
	put(o, upper ? 'P' : 'p');
	put(o, e < 0 ? '-' : '+');
	if (e < 0)
		e = -e;
	i = 0;
	do {
		num[i++] = (char)('0' + e % 10);
		e /= 10;
	} while (e != 0);
	while (i > 0)
		put(o, num[--i]);
}

int __osplay_fmt_double(char *buf, size_t n, double v, int conv, int prec, int flags)
{
	struct outbuf o;
	uint64_t bits;
	int upper = conv == 'F' || conv == 'E' || conv == 'G' || conv == 'A';
	int alt = flags & 1;
	int len = 0, pos = 0, zero;

	o.s = buf;
	o.n = n;
	o.len = 0;
	memcpy(&bits, &v, 8);
	if (bits >> 63)
		put(&o, '-');
	else if (flags & 2)
		put(&o, '+');
	else if (flags & 4)
		put(&o, ' ');
	bits &= ~(1ULL << 63);
	if ((bits >> 52) == 0x7ff) {
		puts_(&o, (bits << 12) != 0 ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf"));
		goto done;
	}
	if (conv == 'a' || conv == 'A') {
		hexfloat(&o, bits, prec, alt, upper);
		goto done;
	}
	if (prec < 0)
		prec = 6;
	zero = bits == 0;
	if (!zero) {
		memcpy(&v, &bits, 8);
		len = exact_digits(v, D, &pos);
	}
	if (conv == 'f' || conv == 'F') {
		fixed(&o, len, pos, prec, alt);
	} else if (conv == 'e' || conv == 'E') {
		expo(&o, len, pos, prec, alt, upper, zero);
	} else {
		static char tmp[2400];
		struct outbuf g;
		int p = prec == 0 ? 1 : prec, x, i, mant;
		char *e;

		if (zero)
			x = 0;
		else
			x = pos - 1 + (round_digits(D, len, p, R) ? 1 : 0);
		/* Format into tmp, then drop trailing zeros of the fraction unless '#'. */
		g.s = tmp;
		g.n = sizeof tmp;
		g.len = 0;
		if (p > x && x >= -4)
			fixed(&g, len, pos, p - 1 - x, alt);
		else if (!zero && pos - 1 == p - 1 && x == p)
			/*
			 * glibc quirk: the unrounded value fits the fixed style
			 * with no fraction digits, rounding then carries into an
			 * extra digit; glibc switches to the exponent style but
			 * keeps the zero fraction digits: %#g of 999999.5 is
			 * "1.e+06", not "1.00000e+06".
			 */
			expo(&g, len, pos, 0, alt, upper, zero);
		else
			expo(&g, len, pos, p - 1, alt, upper, zero);
		tmp[g.len] = '\0';
		e = strchr(tmp, upper ? 'E' : 'e');
		mant = e != NULL ? (int)(e - tmp) : g.len;
		if (!alt && strchr(tmp, '.') != NULL) {
			while (tmp[mant - 1] == '0')
				mant--;
			if (tmp[mant - 1] == '.')
				mant--;
		}
		for (i = 0; i < mant; i++)
			put(&o, tmp[i]);
		if (e != NULL)
			puts_(&o, e);
	}
done:
	if (n > 0)
		buf[(size_t)o.len < n ? (size_t)o.len : n - 1] = '\0';
	return o.len;
}

static const double powers[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
	1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

double strtod(const char *s, char **end)
{
	const char *p = s;
	int neg = 0, digits = 0, exp10 = 0, e = 0, eneg = 0;
	uint64_t m = 0;
	double v;

	while (isspace((unsigned char)*p))
		p++;
	if (*p == '+' || *p == '-')
		neg = *p++ == '-';
	if ((p[0] == 'i' || p[0] == 'I') && (p[1] == 'n' || p[1] == 'N') && (p[2] == 'f' || p[2] == 'F')) {
		p += 3;
		if (end)
			*end = (char *)p;
		v = 1e308 * 10;
		return neg ? -v : v;
	}
	if ((p[0] == 'n' || p[0] == 'N') && (p[1] == 'a' || p[1] == 'A') && (p[2] == 'n' || p[2] == 'N')) {
		uint64_t b = 0x7ff8000000000000ULL;

		if (end)
			*end = (char *)p + 3;
		if (neg)
			b |= 1ULL << 63;
		memcpy(&v, &b, 8);
		return v;
	}
	for (; isdigit((unsigned char)*p); p++, digits++) {
		if (m < 1000000000000000000ULL)
			m = m * 10 + (uint64_t)(*p - '0');
		else
			exp10++;
	}
	if (*p == '.') {
		for (p++; isdigit((unsigned char)*p); p++, digits++) {
			if (m < 1000000000000000000ULL) {
				m = m * 10 + (uint64_t)(*p - '0');
				exp10--;
			}
		}
	}
	if (digits == 0) {
		if (end)
			*end = (char *)s;
		return 0;
	}
	if ((*p == 'e' || *p == 'E') && (isdigit((unsigned char)p[1]) ||
	    ((p[1] == '+' || p[1] == '-') && isdigit((unsigned char)p[2])))) {
		p++;
		if (*p == '+' || *p == '-')
			eneg = *p++ == '-';
		for (; isdigit((unsigned char)*p); p++)
			if (e < 10000)
				e = e * 10 + (*p - '0');
		exp10 += eneg ? -e : e;
	}
	if (end)
		*end = (char *)p;
	v = (double)m;
	while (exp10 > 22) {
		v *= 1e22;
		exp10 -= 22;
	}
	while (exp10 < -22) {
		v /= 1e22;
		exp10 += 22;
	}
	v = exp10 >= 0 ? v * powers[exp10] : v / powers[-exp10];
	return neg ? -v : v;
}
