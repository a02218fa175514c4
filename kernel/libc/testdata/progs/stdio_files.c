/* stdio on files: write, read back, seek, ungetc, getline, modes, errors. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <fcntl.h>

int main(void)
{
	FILE *f;
	char line[64];
	char *lp = NULL;
	size_t cap = 0;
	ssize_t n;
	int c, i, x, y;
	char word[32];
	double d;
	long pos;

	f = fopen("t1.txt", "w");
	printf("fopen w: %s\n", f ? "ok" : "NULL");
	printf("fprintf: %d\n", fprintf(f, "line %d\nsecond line\n%s %d %.2f\n", 1, "words", 42, 2.5));
	for (i = 0; i < 300; i++)
		fputc('a' + i % 26, f);
	fputs("\nend\n", f);
	printf("ftell: %ld\n", ftell(f));
	printf("fclose: %d\n", fclose(f));

	f = fopen("t1.txt", "r");
	while (fgets(line, sizeof line, f) != NULL)
		printf("fgets(%zu): [%s]\n", strlen(line), line);
	printf("feof=%d ferror=%d\n", feof(f), ferror(f));
	printf("fgetc at eof: %d\n", fgetc(f));
	rewind(f);
	x = feof(f);
	printf("after rewind feof=%d ", x);
	printf("c=%c\n", fgetc(f));
	printf("ungetc: %c\n", ungetc('X', f));
	printf("ftell after ungetc: %ld\n", ftell(f));
	x = getc(f);
	printf("getc: %c ", x);
	printf("%c\n", getc(f));
	fseek(f, 5, SEEK_SET);
	x = fgetc(f);
	printf("fseek 5: %c ftell=%ld\n", x, ftell(f));
	fseek(f, -4, SEEK_END);
	printf("fseek -4 end: %c\n", fgetc(f));
	fseek(f, -10, SEEK_CUR);
	pos = ftell(f);
	printf("fseek cur: pos=%ld c=%c\n", pos, fgetc(f));
	x = fseek(f, 0, 7);
	printf("fseek bad whence: %d errno=%d\n", x, errno);
	rewind(f);
	while ((n = getline(&lp, &cap, f)) != -1)
		printf("getline %zd cap=%zu: %s", n, cap, lp);
	free(lp);
	rewind(f);
	fscanf(f, "line %d", &x);
	fscanf(f, "%s %*s", word);
	fscanf(f, "%s %d %lf", word + 10, &y, &d);
	printf("fscanf: %d [%s] [%s] %d %.3f\n", x, word, word + 10, y, d);
	fclose(f);

	f = fopen("t1.txt", "a");
	fprintf(f, "appended\n");
	fclose(f);
	f = fopen("t1.txt", "r+");
	fseek(f, 0, SEEK_SET);
	fputs("LINE", f);
	fseek(f, 0, SEEK_END);
	printf("size: %ld\n", ftell(f));
	fseek(f, 0, SEEK_SET);
	printf("r+ read: [%s]\n", fgets(line, sizeof line, f));
	fclose(f);

	f = fopen("t1.txt", "r");
	memset(line, 0, sizeof line);
	cap = fread(line, 3, 7, f);
	printf("fread: %zu [%.20s]\n", cap, line);
	fseek(f, -5, SEEK_END);
	memset(line, 0, sizeof line);
	cap = fread(line, 2, 10, f);
	printf("fread at end: %zu feof=%d [%s]\n", cap, feof(f), line);
	clearerr(f);
	printf("clearerr: feof=%d\n", feof(f));
	printf("fileno: %d\n", fileno(f) > 2);
	fclose(f);

	f = fopen("t2.bin", "wb");
	for (i = 0; i < 10000; i++)
		fwrite(&i, sizeof i, 1, f);
	fclose(f);
	f = fopen("t2.bin", "rb");
	for (i = 0, x = 0; fread(&y, sizeof y, 1, f) == 1; i++)
		x += y != i;
	printf("binary: %d values, %d wrong\n", i, x);
	fclose(f);
	f = fopen("t2.bin", "rb");
	{
		static int all[10001];
		printf("fread big: %zu\n", fread(all, sizeof all[0], 10001, f));
		printf("values ok: %d\n", all[0] == 0 && all[9999] == 9999);
	}
	fclose(f);

	errno = 0;
	f = fopen("does/not/exist", "r");
	printf("fopen missing: %s errno=%d\n", f ? "ok" : "NULL", errno);
	errno = ENOENT;
	perror("fopen");
	/* glibc's perror may change errno (it duplicates stderr), so set it again. */
	errno = EACCES;
	perror(NULL);
	errno = EISDIR;
	perror("");
	errno = 0;
	f = fopen("t1.txt", "q");
	printf("fopen bad mode: %s errno=%d\n", f ? "ok" : "NULL", errno);
	f = fopen("t1.txt", "wx");
	printf("fopen wx existing: %s errno=%d\n", f ? "ok" : "NULL", errno);

	f = fopen("t1.txt", "r");
	x = fputc('x', f);
	printf("fputc on read stream: %d ferror=%d\n", x, ferror(f));
	fclose(f);

	c = open("t3.txt", O_WRONLY | O_CREAT | O_TRUNC, 0644);
	f = fdopen(c, "w");
	fprintf(f, "via fdopen\n");
	fclose(f);
	f = fopen("t3.txt", "r");
	printf("%s", fgets(line, sizeof line, f));
	printf("fgets n=1: [%s]\n", fgets(line, 1, f));
	fclose(f);

	x = remove("t1.txt");
	y = unlink("t2.bin");
	printf("remove: %d %d\n", x, y);
	x = remove("t1.txt");
	printf("remove missing: %d errno=%d\n", x, errno);
	remove("t3.txt");
	return 0;
}
