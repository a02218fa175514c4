package linuxtest

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// Lines splits an output into lines. A final newline ends the last line
// rather than starting an empty one; a last line without a newline is kept.
func Lines(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(strings.TrimSuffix(s, "\n"), "\n")
}

// SameLines reports whether want and got hold the same multiset of lines
// after masking — what concurrent processes that each print whole lines
// guarantee, whatever the scheduler did. On a difference it fails t with
// the lines missing and the lines extra, and both outputs. Masking twice
// changes nothing, so a caller may apply a Masker with more rules first.
func SameLines(t testing.TB, want, got string) bool {
	t.Helper()
	return sameLines(t, "output", want, got)
}

// sameLines is SameLines naming what it compares ("stdout", "stderr").
func sameLines(t testing.TB, what, want, got string) bool {
	t.Helper()
	want, got = Mask(want), Mask(got)
	d := lineDiff(Lines(want), Lines(got))
	if d == "" {
		return true
	}
	t.Errorf("%s: the lines differ (compared as a multiset, after masking):\n%s%s", what, d, bothOutputs(want, got))
	return false
}

// SameOrder reports whether the lines matching pattern (a regular
// expression, applied after masking) appear in the same order in want and
// got. Use it for the lines whose order the program fixes — by wait, or
// because one process prints them all — next to SameLines for the rest.
// The pattern "^" selects every line.
func SameOrder(t testing.TB, want, got, pattern string) bool {
	t.Helper()
	re, err := regexp.Compile(pattern)
	if err != nil {
		t.Errorf("SameOrder: bad pattern: %v", err)
		return false
	}
	w, g := pick(Lines(Mask(want)), re), pick(Lines(Mask(got)), re)
	i := 0
	for i < len(w) && i < len(g) && w[i] == g[i] {
		i++
	}
	if i == len(w) && i == len(g) {
		return true
	}
	t.Errorf("the lines matching %q are not in the same order (after masking); first difference at line %d of them:\n%s",
		pattern, i+1, bothOutputs(strings.Join(w, "\n"), strings.Join(g, "\n")))
	return false
}

func pick(lines []string, re *regexp.Regexp) []string {
	var out []string
	for _, l := range lines {
		if re.MatchString(l) {
			out = append(out, l)
		}
	}
	return out
}

// lineDiff describes how two multisets of lines differ, or returns "".
func lineDiff(want, got []string) string {
	count := map[string]int{}
	for _, l := range want {
		count[l]++
	}
	for _, l := range got {
		count[l]--
	}
	var missing, extra []string
	for l, n := range count {
		switch {
		case n > 0:
			missing = append(missing, fmt.Sprintf("    %d× %q\n", n, l))
		case n < 0:
			extra = append(extra, fmt.Sprintf("    %d× %q\n", -n, l))
		}
	}
	if len(missing) == 0 && len(extra) == 0 {
		return ""
	}
	sort.Strings(missing)
	sort.Strings(extra)
	var b strings.Builder
	if len(missing) > 0 {
		b.WriteString("  missing (wanted, not got):\n" + strings.Join(missing, ""))
	}
	if len(extra) > 0 {
		b.WriteString("  extra (got, not wanted):\n" + strings.Join(extra, ""))
	}
	return b.String()
}

// bothOutputs shows both outputs in full, one after the other.
func bothOutputs(want, got string) string {
	return "--- want\n" + indent(want) + "--- got\n" + indent(got)
}

func indent(s string) string {
	var b strings.Builder
	for _, l := range Lines(s) {
		b.WriteString("    " + l + "\n")
	}
	return b.String()
}
