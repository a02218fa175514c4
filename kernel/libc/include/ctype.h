#ifndef _CTYPE_H
#define _CTYPE_H

/*
 * Character classes of the "C" locale. Like glibc's, the is* functions
 * return the class's bit (isalpha('a') == 1024), not just 1.
 */
int isalnum(int c);
int isalpha(int c);
int isblank(int c);
int iscntrl(int c);
int isdigit(int c);
int isgraph(int c);
int islower(int c);
int isprint(int c);
int ispunct(int c);
int isspace(int c);
int isupper(int c);
int isxdigit(int c);
int isascii(int c);
int toascii(int c);
int tolower(int c);
int toupper(int c);

#endif
