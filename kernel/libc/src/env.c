/*
 * The environment: environ is an array of "NAME=value" strings ending
 * with NULL. exec copies it into the new program; these functions read
 * and change this process's copy.
 */
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>

/* The array we allocated, if environ has grown; the kernel's one is never freed. */
static char **owned;

static int valid_name(const char *name)
{
	if (name == NULL || *name == '\0' || strchr(name, '=') != NULL) {
		errno = EINVAL;
		return 0;
	}
	return 1;
}

/* The entry for the first len bytes of name, or NULL. */
static char **find(const char *name, size_t len)
{
	char **e;

	if (environ == NULL)
		return NULL;
	for (e = environ; *e != NULL; e++)
		if (strncmp(*e, name, len) == 0 && (*e)[len] == '=')
			return e;
	return NULL;
}

char *getenv(const char *name)
{
	size_t len = strlen(name);
	char **e = find(name, len);

	return e != NULL ? *e + len + 1 : NULL;
}

/* Add a string to the end of environ, in a new array. */
static int add(char *entry)
{
	size_t n = 0;
	char **grown;

	if (environ != NULL)
		while (environ[n] != NULL)
			n++;
	grown = malloc((n + 2) * sizeof *grown);
	if (grown == NULL) {
		errno = ENOMEM;
		return -1;
	}
	if (n > 0)
		memcpy(grown, environ, n * sizeof *grown);
	grown[n] = entry;
	grown[n + 1] = NULL;
	free(owned);
	owned = grown;
	environ = grown;
	return 0;
}

int setenv(const char *name, const char *value, int overwrite)
{
	size_t len, vlen;
	char **e;
	char *entry;

	if (!valid_name(name))
		return -1;
	len = strlen(name);
	e = find(name, len);
	if (e != NULL && !overwrite)
		return 0;
	vlen = strlen(value);
	entry = malloc(len + vlen + 2);
	if (entry == NULL) {
		errno = ENOMEM;
		return -1;
	}
	memcpy(entry, name, len);
	entry[len] = '=';
	memcpy(entry + len + 1, value, vlen + 1);
	if (e != NULL) {
		*e = entry;
		return 0;
	}
	if (add(entry) < 0) {
		free(entry);
		return -1;
	}
	return 0;
}

int unsetenv(const char *name)
{
	size_t len;
	char **e, **p;

	if (!valid_name(name))
		return -1;
	len = strlen(name);
	while ((e = find(name, len)) != NULL)
		for (p = e; *p != NULL; p++)
			p[0] = p[1];
	return 0;
}

/* The string itself becomes part of the environment; changing it changes the variable. */
int putenv(char *string)
{
	char *eq = strchr(string, '=');
	char **e;

	if (eq == NULL)
		return unsetenv(string);
	e = find(string, eq - string);
	if (e != NULL) {
		*e = string;
		return 0;
	}
	return add(string);
}
