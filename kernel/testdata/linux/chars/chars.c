/* Expect: char arithmetic on ASCII: letters and digits convert by offset,
 * char is signed (a byte above 127 is negative as int), ctype.h classifies
 * in the C locale, and escapes in character constants have their codes. */
#include <stdio.h>
#include <ctype.h>

int main(void)
{
	char c;
	char word[] = "Hello, World 42!";
	int i, upper = 0, lower = 0, digits = 0, spaces = 0, punct = 0;
	unsigned char hi = 0xE9;
	char shi = (char)0xE9;

	printf("'A'=%d 'a'=%d '0'=%d ' '=%d '\\n'=%d '\\t'=%d '\\0'=%d '\\\\'=%d '\\''=%d\n",
		'A', 'a', '0', ' ', '\n', '\t', '\0', '\\', '\'');
	printf("'\\x41'=%c '\\101'=%c '\\e'=%d '\\a'=%d\n", '\x41', '\101', '\e', '\a');
	for (c = 'a'; c <= 'z'; c += 5)
		printf("%c->%c ", c, c - 'a' + 'A');
	printf("\n");
	printf("'7'-'0'=%d, 3+'0'=%c, 'z'-'a'=%d, 'a'+1=%c\n", '7' - '0', 3 + '0', 'z' - 'a', 'a' + 1);
	printf("rot13: ");
	for (i = 0; word[i]; i++) {
		c = word[i];
		if (c >= 'a' && c <= 'z')
			c = (c - 'a' + 13) % 26 + 'a';
		else if (c >= 'A' && c <= 'Z')
			c = (c - 'A' + 13) % 26 + 'A';
		putchar(c);
	}
	putchar('\n');
	for (i = 0; word[i]; i++) {
		if (isupper(word[i])) upper++;
		if (islower(word[i])) lower++;
		if (isdigit(word[i])) digits++;
		if (isspace(word[i])) spaces++;
		if (ispunct(word[i])) punct++;
	}
	printf("upper %d lower %d digits %d spaces %d punct %d\n", upper, lower, digits, spaces, punct);
	for (i = 0; word[i]; i++)
		putchar(toupper(word[i]));
	putchar('\n');
	for (i = 0; word[i]; i++)
		putchar(tolower(word[i]));
	putchar('\n');
	printf("isalpha('_')=%d isalnum('9')=%d isxdigit('f')=%d isxdigit('g')=%d\n",
		!!isalpha('_'), !!isalnum('9'), !!isxdigit('f'), !!isxdigit('g'));
	printf("unsigned char 0xE9 = %d, char 0xE9 = %d\n", hi, shi);
	printf("char 0xE9 < 'a': %d\n", shi < 'a');
	c = 127;
	c++;
	printf("char 127+1 = %d\n", c);
	printf("%c%c%c\n", 72, 105, 33);
	return 0;
}
