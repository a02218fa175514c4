package exercises

import (
	"strings"
	"testing"
)

func TestYAML(t *testing.T) {
	src := `# comment
a: plain text  # trailing comment
b: "quoted: \"x\" \u00e9\n"
c: 'it''s'
d:
  e: 1
  f: [x, "y, z", 3]
g:
  - one
  - k: v
    l: {m: n, o: "p q"}
  -
    - nested
h: |
  line 1
    indented

  after blank
i: |-
  no newline
fold: >
  folded
  text
j:
k: #x
list:
- at the same indent
`
	n, err := parseYAML(src, 1)
	if err != nil {
		t.Fatal(err)
	}
	str := func(n *node) string { return n.value }
	for _, tc := range []struct{ got, want string }{
		{str(n.get("a")), "plain text"},
		{str(n.get("b")), "quoted: \"x\" é\n"},
		{str(n.get("c")), "it's"},
		{str(n.get("d").get("e")), "1"},
		{str(n.get("d").get("f").items[1]), "y, z"},
		{str(n.get("g").items[0]), "one"},
		{str(n.get("g").items[1].get("l").get("o")), "p q"},
		{str(n.get("g").items[2].items[0]), "nested"},
		{str(n.get("h")), "line 1\n  indented\n\nafter blank\n"},
		{str(n.get("i")), "no newline"},
		{str(n.get("fold")), "folded text\n"},
		{str(n.get("j")), ""},
		{str(n.get("k")), ""},
		{str(n.get("list").items[0]), "at the same indent"},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
	if l := n.get("g").items[1].get("l").line; l != 11 {
		t.Errorf("line of g[1].l = %d, want 11", l)
	}
}

func TestYAMLErrors(t *testing.T) {
	laughs := "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b, *b]"
	for src, want := range map[string]string{
		"a: 1\n  b: 2":              "line 2: unexpected indentation",
		"a: \"open":                 "line 1: a quoted string is not closed",
		"a: &anchor 1":              "anchors",
		"a: *alias":                 "line 1:", // an alias of nothing
		"b: 1\nc: &x {d: 1}\ne: *x": "line 2: anchors",
		laughs:                      "line 1: anchors",
		"a: {<<: {b: 1}}":           "line 1:",
		"a: !!str 1":                "tags",
		"a: [1, 2":                  "not closed",
		"a: {b 1}":                  "expected \"key: value\"",
		"just text":                 "expected \"key: value\"",
		"- a\n- b":                  "expected \"key: value\"",
		"a: 1\na: 2":                "line 2: key \"a\" appears twice",
		"a:\n\t- 1":                 "line 2: indent with spaces, not tabs",
		"a: \"bad \\q escape\"":     "line 1:",
		"a: @x":                     "quote the value",
		"a: 1\n---\nb: 2":           "one document",
		"a: " + strings.Repeat("[", 100) + strings.Repeat("]", 100): "nested more than",
		"a: " + strings.Repeat("x", MaxFrontMatterBytes):            "too long",
	} {
		_, err := parseYAML(src, 1)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("parseYAML(%.40q) = %v, want an error with %q", src, err, want)
		}
	}
}

func TestShape(t *testing.T) {
	s, err := parseShape("nfork(nfork(nfork) nfork)")
	if err != nil || s.String() != "nfork(nfork(nfork) nfork)" || s.size() != 4 {
		t.Fatalf("parseShape = %v, %v", s, err)
	}
	any, _ := parseShape("*(*(*), *)")
	if !any.matches(s) {
		t.Error("* does not match any name")
	}
	other, _ := parseShape("nfork(nfork nfork(nfork))")
	if other.matches(s) {
		t.Error("children in another order match")
	}
	for _, bad := range []string{"", "a(", "a()", "a(b))", "(a)"} {
		if _, err := parseShape(bad); err == nil {
			t.Errorf("parseShape(%q) succeeded", bad)
		}
	}
}

// What the authoring page writes (format.go's quote) reads back the same.
func TestQuoteReadsBack(t *testing.T) {
	for _, s := range []string{"", "plain", "a: b, c", `"\`, "tab\tnew\nline", "\x00\x1b\x7f", "\u0085\u0090\ufeff\ufffe", "# not a comment", "*alias &anchor !tag", "안녕 — ✓"} {
		n, err := parseYAML("k: "+quote(s), 1)
		if err != nil {
			t.Errorf("%q: %v", s, err)
			continue
		}
		if got := n.get("k").value; got != s {
			t.Errorf("%q read back as %q", s, got)
		}
	}
}
