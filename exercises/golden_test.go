package exercises

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/builtin.json from the built-in exercises")

// Every built-in exercise reads the same as when testdata/builtin.json was
// written: a change of the front matter's reader (or of the Markdown
// sections') must not change what an exercise says.
func TestBuiltinGolden(t *testing.T) {
	list, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	got, err := json.MarshalIndent(list, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	const golden = "testdata/builtin.json"
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		var g, w []map[string]any
		json.Unmarshal(got, &g)
		json.Unmarshal(want, &w)
		if len(g) != len(w) {
			t.Fatalf("%d exercises, want %d", len(g), len(w))
		}
		for i := range g {
			a, _ := json.Marshal(g[i])
			b, _ := json.Marshal(w[i])
			if !bytes.Equal(a, b) {
				t.Errorf("%v differs:\n got %s\nwant %s", w[i]["slug"], a, b)
			}
		}
	}
}
