package cc

import (
	"io/fs"
	"strings"
	"sync"
)

// The front end spends most of a small program's compile time on the
// system headers' function prototypes, which a program mostly does not
// use. headerSet serves each header with the prototypes of functions the
// program never names blanked out (line numbers kept): a prototype is a
// whole line `type name(params);`. What a program names is over-estimated
// from every identifier in its source and in every macro of the headers, so
// a prototype is only dropped when nothing could refer to it; a call to a
// dropped one is impossible, as its name appears nowhere.
type headerSet struct {
	fs     fs.FS
	once   sync.Once
	files  sync.Map // name → *headerFile
	macros map[string]bool
}

type headerFile struct {
	lines []string
	proto []string // function a line declares, or ""
}

var (
	protoRE = lazyRegexp(`^[A-Za-z_][\w \t\*]*?\b([A-Za-z_]\w*)\s*\([^()]*\)\s*;\s*$`)
	identRE = lazyRegexp(`[A-Za-z_]\w*`)
)

func newHeaderSet(headers fs.FS) *headerSet { return &headerSet{fs: headers} }

// macroNames collects, once, every identifier that appears in a #define
// of any header: a macro may expand to a call (getc → fgetc).
func (h *headerSet) macroNames() map[string]bool {
	h.once.Do(func() {
		h.macros = map[string]bool{}
		fs.WalkDir(h.fs, ".", func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			data, err := fs.ReadFile(h.fs, path)
			if err != nil {
				return nil
			}
			for _, line := range strings.Split(string(data), "\n") {
				if t := strings.TrimSpace(line); strings.HasPrefix(t, "#") && strings.Contains(t, "define") {
					for _, id := range identRE().FindAllString(t, -1) {
						h.macros[id] = true
					}
				}
			}
			return nil
		})
	})
	return h.macros
}

func (h *headerSet) file(name string) (*headerFile, error) {
	if f, ok := h.files.Load(name); ok {
		return f.(*headerFile), nil
	}
	data, err := fs.ReadFile(h.fs, name)
	if err != nil {
		return nil, err
	}
	f := &headerFile{lines: strings.Split(string(data), "\n")}
	f.proto = make([]string, len(f.lines))
	for i, line := range f.lines {
		if m := protoRE().FindStringSubmatch(line); m != nil && !strings.HasPrefix(line, "typedef") {
			f.proto[i] = m[1]
		}
	}
	h.files.Store(name, f)
	return f, nil
}

// read returns the header with the prototypes no one can use blanked out.
func (h *headerSet) read(name string, used map[string]bool) ([]byte, error) {
	f, err := h.file(name)
	if err != nil {
		return nil, err
	}
	macros := h.macroNames()
	var b strings.Builder
	for i, line := range f.lines {
		if i > 0 {
			b.WriteByte('\n')
		}
		if p := f.proto[i]; p == "" || used[p] || macros[p] {
			b.WriteString(line)
		}
	}
	return []byte(b.String()), nil
}

// identifiers is every identifier-like word of a source text.
func identifiers(src []byte) map[string]bool {
	used := map[string]bool{}
	for _, id := range identRE().FindAll(src, -1) {
		used[string(id)] = true
	}
	return used
}
