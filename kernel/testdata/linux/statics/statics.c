/* Expect: globals start at zero unless initialised, static locals keep
 * their value between calls and are initialised once, a static global is
 * shared by the file's functions, string literals are arrays of char
 * (concatenated, with escapes), and a local shadows a global. */
#include <stdio.h>
#include <string.h>

int zeroed;
int initialised = 42;
int table[4];
char *names[] = {"zero", "one", "two"};
static int calls;
const char greeting[] = "hello" ", " "world";

static int next_id(void)
{
	static int id = 100;
	calls++;
	return id++;
}

static int fib_memo(int n)
{
	static long memo[50];
	if (n < 2)
		return n;
	if (memo[n] == 0)
		memo[n] = fib_memo(n - 1) + fib_memo(n - 2);
	return memo[n];
}

static const char *name_of(int i)
{
	static char buf[32];
	sprintf(buf, "#%d", i);
	return buf;
}

static int global_initialised(void)
{
	return initialised;
}

int main(void)
{
	int initialised = 7; /* shadows the global */
	int i;
	char *lit = "literal";
	char arr[] = "literal";

	printf("zeroed %d, global initialised %d, shadowing local %d\n", zeroed, global_initialised(), initialised);
	printf("table: %d %d %d %d\n", table[0], table[1], table[2], table[3]);
	for (i = 0; i < 3; i++)
		printf("next_id() = %d\n", next_id());
	printf("calls = %d\n", calls);
	printf("fib_memo(40) = %d\n", fib_memo(40));
	printf("%s ", name_of(1));
	printf("%s\n", name_of(2)); /* one static buffer, reused */
	printf("names[2] = %s, strlen(greeting) = %zu, greeting = %s\n", names[2], strlen(greeting), greeting);
	arr[0] = 'L';
	printf("lit %s arr %s, sizeof lit %zu sizeof arr %zu\n", lit, arr, sizeof lit, sizeof arr);
	printf("\"abc\"[1] = %c, *\"xyz\" = %c\n", "abc"[1], *"xyz");
	printf("tab[\t] quote[\"] backslash[\\] percent[%%] octal[\101\102] hex[\x43]\n");
	printf("embedded nul: strlen(\"ab\\0cd\") = %zu, sizeof = %zu\n", strlen("ab\0cd"), sizeof("ab\0cd"));
	printf("long literal: %s\n",
		"this string is "
		"split across "
		"three lines");
	return 0;
}
