package exercises

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// FuzzParse reads arbitrary text as an exercise's Markdown file: the answer
// is an exercise or a list of errors at lines, soon, and never a panic.
// Authors upload these files, so the parser is on the hostile side.
func FuzzParse(f *testing.F) {
	files, err := filepath.Glob("*.md")
	if err != nil || len(files) == 0 {
		f.Fatalf("no built-in exercises to seed from: %v", err)
	}
	for _, name := range files {
		src, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		start := time.Now()
		x, err := Parse("fuzz.md", src)
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("parse took %v", d)
		}
		switch {
		case err == nil && x == nil:
			t.Fatal("neither an exercise nor an error")
		case err != nil && x != nil:
			t.Fatalf("an exercise and an error: %v", err)
		case err != nil:
			if err.Error() == "" {
				t.Fatal("an empty error")
			}
			var list ErrorList
			errors.As(err, &list)
			for _, e := range list {
				if e.Reason == "" {
					t.Fatalf("a problem without a reason: %+v", e)
				}
			}
		}
	})
}
