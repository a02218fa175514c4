/* Expect: malloc/calloc/realloc/free patterns: a linked list built,
 * reversed, searched and freed; a dynamic array grown by doubling with
 * realloc that keeps its contents; calloc zeroes; realloc(NULL, n) is
 * malloc; a matrix of rows; many small blocks reused after free. No
 * address is printed: only values and counts. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct node {
	int value;
	struct node *next;
};

static struct node *push(struct node *head, int v)
{
	struct node *n = malloc(sizeof *n);
	if (n == NULL) {
		perror("malloc");
		exit(1);
	}
	n->value = v;
	n->next = head;
	return n;
}

static struct node *reverse(struct node *head)
{
	struct node *prev = NULL, *next;
	while (head) {
		next = head->next;
		head->next = prev;
		prev = head;
		head = next;
	}
	return prev;
}

static void print_list(const char *label, struct node *n)
{
	printf("%s:", label);
	for (; n; n = n->next)
		printf(" %d", n->value);
	printf("\n");
}

static int free_list(struct node *n)
{
	int count = 0;
	struct node *next;
	for (; n; n = next) {
		next = n->next;
		free(n);
		count++;
	}
	return count;
}

static struct node *remove_value(struct node *head, int v)
{
	struct node **pp = &head, *dead;
	while (*pp) {
		if ((*pp)->value == v) {
			dead = *pp;
			*pp = dead->next;
			free(dead);
		} else {
			pp = &(*pp)->next;
		}
	}
	return head;
}

int main(void)
{
	struct node *list = NULL;
	int *v = NULL, *z;
	size_t len = 0, cap = 0, i;
	int grows = 0;
	char **rows;

	for (i = 1; i <= 6; i++)
		list = push(list, (int)(i * i));
	print_list("pushed", list);
	list = reverse(list);
	print_list("reversed", list);
	list = remove_value(list, 16);
	list = remove_value(list, 1);
	print_list("removed 16 and 1", list);
	printf("freed %d nodes\n", free_list(list));

	for (i = 0; i < 1000; i++) {
		if (len == cap) {
			cap = cap ? cap * 2 : 4;
			v = realloc(v, cap * sizeof *v);
			grows++;
		}
		v[len++] = (int)(i * 3);
	}
	printf("dynamic array: len %zu cap %zu grows %d v[0] %d v[999] %d\n", len, cap, grows, v[0], v[999]);
	{
		long sum = 0;
		for (i = 0; i < len; i++)
			sum += v[i];
		printf("sum %ld\n", sum);
	}
	v = realloc(v, 10 * sizeof *v);
	printf("shrunk: v[9] %d\n", v[9]);
	free(v);

	z = calloc(100, sizeof *z);
	{
		int nonzero = 0;
		for (i = 0; i < 100; i++)
			nonzero += z[i] != 0;
		printf("calloc nonzero %d\n", nonzero);
	}
	free(z);

	rows = malloc(5 * sizeof *rows);
	for (i = 0; i < 5; i++) {
		rows[i] = malloc(i + 2);
		memset(rows[i], 'a' + (int)i, i + 1);
		rows[i][i + 1] = '\0';
	}
	for (i = 0; i < 5; i++) {
		printf("%s ", rows[i]);
		free(rows[i]);
	}
	printf("\n");
	free(rows);

	{
		int round, ok = 1;
		for (round = 0; round < 200; round++) {
			char *blocks[50];
			int k;
			for (k = 0; k < 50; k++) {
				blocks[k] = malloc(16 + k * 8);
				if (blocks[k] == NULL)
					ok = 0;
				else
					memset(blocks[k], k, 16 + k * 8);
			}
			for (k = 0; k < 50; k++) {
				if (blocks[k] && blocks[k][15 + k * 8] != (char)k)
					ok = 0;
				free(blocks[k]);
			}
		}
		printf("10000 malloc/free pairs ok: %d\n", ok);
	}
	{
		char *s = realloc(NULL, 8);
		strcpy(s, "grow");
		s = realloc(s, 4096);
		strcat(s, "n up");
		printf("realloc(NULL) then grow: %s\n", s);
		free(s);
		free(NULL);
		printf("free(NULL) is fine\n");
	}
	return 0;
}
