package api

import (
	"io/fs"
	"path"
	"regexp"
	"slices"
	"sort"
	"strings"
)

// Example is one of the lecture's programs, from a folder of examples/:
// its C files and what its README.md says of it.
type Example struct {
	Name   string `json:"name"`   // folder name: "forkexecl"
	Title  string `json:"title"`  // "forkexecl.c"
	Source string `json:"source"` // where it comes from: "Lab 3-3, slides 3.22 and 3.27–3.28"
	Korean string `json:"ko"`     // the README's Korean line
	// The title and the source in Korean, for pages in Korean (the
	// README's "- 제목:" and "- 출처:" lines); empty: as in English.
	TitleKo  string   `json:"titleKo,omitempty"`
	SourceKo string   `json:"sourceKo,omitempty"`
	English  string   `json:"en"`    // the README's English line
	Files    []File   `json:"files"` // the main file first
	Main     string   `json:"main"`  // "forkexecl.c"
	Argv     []string `json:"argv"`  // as on the slide: background runs with "ls -l"
}

// lectureOrder is the order of the lecture's Lab 3 (slides 3.25–3.30),
// then shared memory (slides 3.53–3.54), the date server over sockets and
// an RPC call (slides 3.59–3.71), then slide 4.17, then the synchronisation lectures (slides 3.32–3.41 and
// seed 002: the bounded buffer, readers–writers, the tunnel, the dining
// philosophers) with OSTEP's counter and a barrier, then the lecture's
// models of message passing, monitors and events.
var lectureOrder = []string{"onetwo", "nfork", "nfork-exit", "forkexecl", "forkexecv", "background", "mystatus", "shm-posix", "date-server", "rpc", "runls",
	"counter-race", "counter-mutex", "boundedbuffer", "rw-busywait", "rw-condvar", "tunnel", "philosophers", "philosophers-monitor", "barrier",
	// The lecture's models (seed 001 slides 3.42–3.56, seed 002): the
	// bounded-buffer series, then messages, mailboxes, Mach, monitors, events.
	"bb1-busywait", "bb2-mailbox", "bb4-monitor", "bb5-messages", "prodcons-shm-msg", "syncsend", "asyncsend", "lossy-link",
	"mach-ports", "monitor-balance", "monitor-rw-busywait", "monitor-rw", "monitor-tunnel", "monitor-philosophers", "event-top-of-hour"}

var runLine = regexp.MustCompile("go run \\. run examples/[^`\\s]+\\.c([^`]*)`")

// LoadExamples reads the example folders of fsys (each with a README.md
// and C files), in lecture order.
func LoadExamples(fsys fs.FS) ([]Example, error) {
	if fsys == nil {
		return nil, nil
	}
	dirs, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, err
	}
	var out []Example
	for _, d := range dirs {
		if !d.IsDir() {
			continue
		}
		ex, err := loadExample(fsys, d.Name())
		if err != nil {
			return nil, err
		}
		if ex.Main != "" {
			out = append(out, ex)
		}
	}
	rank := func(name string) int {
		if i := slices.Index(lectureOrder, name); i >= 0 {
			return i
		}
		return len(lectureOrder)
	}
	sort.SliceStable(out, func(i, j int) bool {
		ri, rj := rank(out[i].Name), rank(out[j].Name)
		if ri != rj {
			return ri < rj
		}
		return out[i].Name < out[j].Name
	})
	return out, nil
}

func loadExample(fsys fs.FS, name string) (Example, error) {
	ex := Example{Name: name, Argv: []string{}}
	entries, err := fs.ReadDir(fsys, name)
	if err != nil {
		return ex, err
	}
	for _, e := range entries {
		if e.IsDir() || !(strings.HasSuffix(e.Name(), ".c") || strings.HasSuffix(e.Name(), ".h")) {
			continue
		}
		text, err := fs.ReadFile(fsys, path.Join(name, e.Name()))
		if err != nil {
			return ex, err
		}
		ex.Files = append(ex.Files, File{Name: e.Name(), Text: string(text)})
	}
	// The main file is the one named after the folder, or the first C file.
	for i, f := range ex.Files {
		if strings.TrimSuffix(f.Name, ".c") == name || (ex.Main == "" && strings.HasSuffix(f.Name, ".c")) {
			ex.Main = f.Name
			ex.Files[0], ex.Files[i] = ex.Files[i], ex.Files[0]
		}
	}
	ex.Title = ex.Main
	readme, err := fs.ReadFile(fsys, path.Join(name, "README.md"))
	if err != nil {
		return ex, nil // a folder without README is still runnable
	}
	for _, line := range strings.Split(string(readme), "\n") {
		switch {
		case strings.HasPrefix(line, "# "):
			title, source, _ := strings.Cut(strings.TrimPrefix(line, "# "), " — ")
			ex.Source = strings.TrimSpace(source)
			if t := strings.TrimSpace(title); t != "" {
				ex.Title = t
			}
		case strings.HasPrefix(line, "- 한국어:"):
			ex.Korean = strings.TrimSpace(strings.TrimPrefix(line, "- 한국어:"))
		case strings.HasPrefix(line, "- 제목:"):
			ex.TitleKo = strings.TrimSpace(strings.TrimPrefix(line, "- 제목:"))
		case strings.HasPrefix(line, "- 출처:"):
			ex.SourceKo = strings.TrimSpace(strings.TrimPrefix(line, "- 출처:"))
		case strings.HasPrefix(line, "- English:"):
			ex.English = strings.TrimSpace(strings.TrimPrefix(line, "- English:"))
		}
		if m := runLine.FindStringSubmatch(line); m != nil {
			ex.Argv = strings.Fields(m[1])
		}
	}
	return ex, nil
}

// Program is the example as a program to run, with default settings.
func (e Example) Program() Program {
	return Program{Files: e.Files, Main: e.Main, Argv: e.Argv}
}
