package ostep

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// simulators maps the osplay command names used in cases.json to the
// simulators.
var simulators = map[string]func(args []string, stdout, stderr io.Writer) int{
	"sched":       Scheduler,
	"mlfq":        MLFQ,
	"process-run": ProcessRun,
}

// recordedCase is one entry of a cases.json: the simulator's options and, in
// NAME.out beside it, what the Python script printed for them.
type recordedCase struct {
	Name    string   `json:"name"`
	Command string   `json:"command"`
	Args    []string `json:"args"`
	Exit    int      `json:"exit"` // the script's exit status; absent means 0
}

func loadCases(t testing.TB, dir string) []recordedCase {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, "cases.json"))
	if err != nil {
		t.Fatal(err)
	}
	var cases []recordedCase
	if err := json.Unmarshal(data, &cases); err != nil {
		t.Fatalf("%s/cases.json: %v", dir, err)
	}
	return cases
}

// TestGolden replays every recorded case (testdata/golden: the reference
// problems; testdata/extra: random workloads, help, errors and other paths)
// and compares standard output byte for byte.
func TestGolden(t *testing.T) {
	for _, dir := range []string{"testdata/golden", "testdata/extra"} {
		cases := loadCases(t, dir)
		if len(cases) == 0 {
			t.Fatalf("%s: no cases", dir)
		}
		for _, c := range cases {
			t.Run(filepath.Base(dir)+"/"+c.Name, func(t *testing.T) {
				run, ok := simulators[c.Command]
				if !ok {
					t.Fatalf("unknown command %q", c.Command)
				}
				want, err := os.ReadFile(filepath.Join(dir, c.Name+".out"))
				if err != nil {
					t.Fatal(err)
				}
				var stdout, stderr bytes.Buffer
				code := run(c.Args, &stdout, &stderr)
				if code != c.Exit {
					t.Errorf("osplay %s %s: exit status %d, want %d (stderr %q)",
						c.Command, strings.Join(c.Args, " "), code, c.Exit, stderr.String())
				}
				if !bytes.Equal(stdout.Bytes(), want) {
					t.Errorf("osplay %s %s: stdout differs from %s.out\n%s",
						c.Command, strings.Join(c.Args, " "), c.Name, firstDifference(string(want), stdout.String()))
				}
			})
		}
	}
}

// firstDifference renders the first differing lines of want and got as a
// unified diff hunk, with trailing spaces made visible.
func firstDifference(want, got string) string {
	wantLines := strings.SplitAfter(want, "\n")
	gotLines := strings.SplitAfter(got, "\n")
	first := 0
	for first < len(wantLines) && first < len(gotLines) && wantLines[first] == gotLines[first] {
		first++
	}
	const context, shown = 3, 6
	from := max(first-context, 0)
	var b strings.Builder
	fmt.Fprintf(&b, "--- want\n+++ got\n@@ line %d @@\n", first+1)
	show := func(prefix string, line string) {
		line = strings.TrimSuffix(line, "\n")
		if strings.HasSuffix(line, " ") {
			line += "⏎" // trailing spaces are significant
		}
		fmt.Fprintf(&b, "%s%s\n", prefix, line)
	}
	for _, line := range wantLines[from:first] {
		show(" ", line)
	}
	for _, line := range wantLines[first:min(first+shown, len(wantLines))] {
		show("-", line)
	}
	for _, line := range gotLines[first:min(first+shown, len(gotLines))] {
		show("+", line)
	}
	return b.String()
}
