package cc

import (
	"strings"
	"testing"
	"testing/fstest"
)

func TestHeaderSetBlanksUnusedPrototypes(t *testing.T) {
	h := newHeaderSet(fstest.MapFS{
		"s.h": {Data: []byte("#define getc(f) fgetc(f)\ntypedef int (*cmp)(int);\nint fputc(int c, void *f);\nint fgetc(void *f);\nint puts(const char *s);\nvoid *bsearch(const void *key,\n\tint n);\n")},
	})
	read := func(src string) string {
		b, err := h.read("s.h", identifiers([]byte(src)))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	got := read(`int main(void) { puts("hi"); return 0; }`)
	want := "#define getc(f) fgetc(f)\ntypedef int (*cmp)(int);\n\nint fgetc(void *f);\nint puts(const char *s);\nvoid *bsearch(const void *key,\n\tint n);\n"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if strings.Count(got, "\n") != strings.Count(read("fputc"), "\n") {
		t.Error("line numbers change with the program")
	}
	if !strings.Contains(read("fputc"), "int fputc(") {
		t.Error("a used prototype was dropped")
	}
}
