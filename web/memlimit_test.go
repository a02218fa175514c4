package web

import (
	"os"
	"path/filepath"
	"runtime/debug"
	"testing"
)

func TestParseSize(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want uint64
		bad  bool
	}{
		{"1073741824", 1 << 30, false},
		{"512MiB", 512 << 20, false},
		{"2GiB", 2 << 30, false},
		{"2Gi", 2 << 30, false},
		{"1.5GiB", 3 << 29, false},
		{"2GB", 2e9, false},
		{"64M", 64e6, false},
		{" 8 KiB ", 8 << 10, false},
		{"", 0, true},
		{"lots", 0, true},
		{"12 parsecs", 0, true},
		{"-1GiB", 0, true},
		{"99999999TiB", 0, true},
	} {
		got, err := ParseSize(tc.in)
		if tc.bad != (err != nil) || got != tc.want {
			t.Errorf("ParseSize(%q) = %d, %v; want %d (error: %v)", tc.in, got, err, tc.want, tc.bad)
		}
	}
}

// The container's limit is read from cgroup v2, then v1; "max" and v1's
// near-2^63 mean none.
func TestCgroupLimit(t *testing.T) {
	dir := t.TempDir()
	file := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	v2, v1 := file("memory.max", "2147483648\n"), file("memory.limit_in_bytes", "1073741824\n")
	none2, none1 := file("max", "max\n"), file("v1none", "9223372036854771712\n")
	missing := filepath.Join(dir, "missing")
	for _, tc := range []struct {
		name  string
		files []string
		want  uint64
	}{
		{"v2 first", []string{v2, v1}, 2 << 30},
		{"v1 when v2 is missing", []string{missing, v1}, 1 << 30},
		{"v2 says max", []string{none2, v1}, 0},
		{"v1 without a limit", []string{missing, none1}, 0},
		{"no cgroup", []string{missing}, 0},
	} {
		if got := cgroupLimit(tc.files); got != tc.want {
			t.Errorf("%s: %d, want %d", tc.name, got, tc.want)
		}
	}
}

// A configured budget sets the Go runtime's soft limit to 90% of it.
func TestApplyMemorySetsTheSoftLimit(t *testing.T) {
	t.Setenv("GOMEMLIMIT", "") // a limit set there is left alone
	old := debug.SetMemoryLimit(-1)
	defer debug.SetMemoryLimit(old)
	budget := uint64(1 << 30)
	cfg := Config{MemoryLimit: budget}
	if from := applyMemory(&cfg); from != "configuration" || cfg.MemoryLimit != budget {
		t.Errorf("budget %d from %s", cfg.MemoryLimit, from)
	}
	if got, want := debug.SetMemoryLimit(-1), int64(gcShare*float64(budget)); got != want {
		t.Errorf("GOMEMLIMIT %d, want %d", got, want)
	}
}
