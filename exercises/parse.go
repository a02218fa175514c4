package exercises

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"unicode/utf8"

	"osplay/kernel"
	"osplay/kernel/sched"
)

// MaxSourceBytes bounds an exercise's Markdown file.
const MaxSourceBytes = 256 << 10

// Parse reads one exercise from its Markdown file and validates it. name
// is the file's name, used in errors. The error is an ErrorList naming
// file, line, field and reason of every problem found.
func Parse(name string, src []byte) (*Exercise, error) {
	x, errs := parse(name, src)
	if len(errs) > 0 {
		return nil, errs
	}
	return x, nil
}

func parse(name string, src []byte) (*Exercise, ErrorList) {
	fail := func(line int, field, reason string) (*Exercise, ErrorList) {
		return nil, ErrorList{{File: name, Line: line, Field: field, Reason: reason}}
	}
	if len(src) > MaxSourceBytes {
		return fail(0, "", fmt.Sprintf("the file is too large: %d bytes (at most %d)", len(src), MaxSourceBytes))
	}
	if !utf8.Valid(src) {
		return fail(0, "", "the file is not valid UTF-8")
	}
	text := strings.ReplaceAll(string(src), "\r\n", "\n")
	text = strings.TrimPrefix(text, "\ufeff")
	lines := strings.Split(text, "\n")
	if len(lines) == 0 || strings.TrimRight(lines[0], " ") != "---" {
		return fail(1, "", "an exercise starts with front matter: a line \"---\", the settings, and another \"---\"")
	}
	end := -1
	for i := 1; i < len(lines); i++ {
		if strings.TrimRight(lines[i], " ") == "---" {
			end = i
			break
		}
	}
	if end < 0 {
		return fail(1, "", "the front matter is not closed by a line \"---\"")
	}
	root, err := parseYAML(strings.Join(lines[1:end], "\n"), 2)
	if err != nil {
		ye := err.(*yamlError)
		return fail(ye.line, "", ye.reason)
	}
	x := &Exercise{Source: name}
	if err := decode(root, reflect.ValueOf(x).Elem(), ""); err != nil {
		fe := err.(*fieldError)
		return fail(fe.line, fe.field, fe.reason)
	}
	var errs ErrorList
	if serr := x.readSections(name, lines[end+1:], end+2); serr != nil {
		errs = append(errs, serr...)
	}
	for _, fe := range x.validate() {
		errs = append(errs, &Error{File: name, Line: lineOf(root, fe.field), Field: fe.field, Reason: fe.reason})
	}
	return x, errs
}

// lineOf finds the line of a field path ("checks[2].match") in the front
// matter, or of its nearest parent there; 0 if it is not in it.
func lineOf(root *node, path string) int {
	n, line := root, 0
	for _, part := range strings.Split(path, ".") {
		key, idx := part, -1
		if i := strings.IndexByte(part, '['); i >= 0 {
			key = part[:i]
			fmt.Sscanf(part[i:], "[%d]", &idx)
		}
		if n == nil || n.kind != mappingNode {
			break
		}
		n = n.get(key)
		if n == nil {
			break
		}
		line = n.line
		if idx >= 0 {
			if n.kind != sequenceNode || idx >= len(n.items) {
				break
			}
			n = n.items[idx]
			line = n.line
		}
	}
	return line
}

// Sections of the Markdown after the front matter.
const (
	sectionKo       = "ko"
	sectionEn       = "en"
	sectionFiles    = "files"
	sectionSolution = "solution"
)

var sectionNames = []string{sectionKo, sectionEn, sectionFiles, sectionSolution}

// readSections reads the Markdown after the front matter: "# ko" and
// "# en" hold the text in each language, "# files" the starter files and
// "# solution" the reference solution, each file a fenced code block
// whose info string ends with the file's name (```c nfork.c).
func (x *Exercise) readSections(name string, lines []string, first int) ErrorList {
	var errs ErrorList
	bad := func(line int, field, format string, args ...any) {
		errs = append(errs, &Error{File: name, Line: line, Field: field, Reason: fmt.Sprintf(format, args...)})
	}
	var section string
	seen := map[string]bool{}
	var body []string
	flush := func() {
		text := strings.Trim(strings.Join(body, "\n"), "\n")
		switch section {
		case sectionKo:
			x.Body.Ko = text + "\n"
		case sectionEn:
			x.Body.En = text + "\n"
		}
		body = nil
	}
	for i := 0; i < len(lines); i++ {
		line, num := lines[i], first+i
		if fence := fenceOf(line); fence != "" {
			// A fenced block: a file in files and solution, text elsewhere.
			start := i
			info := strings.TrimSpace(strings.TrimLeft(line, fence[:1]))
			var code []string
			closed := false
			for i++; i < len(lines); i++ {
				if strings.HasPrefix(lines[i], fence) && strings.Trim(lines[i], fence[:1]+" ") == "" {
					closed = true
					break
				}
				code = append(code, lines[i])
			}
			if !closed {
				bad(first+start, "", "the code block opened here is not closed with %s", fence)
				break
			}
			switch section {
			case sectionFiles, sectionSolution:
				fields := strings.Fields(info)
				if len(fields) == 0 || len(fields) == 1 && !strings.Contains(fields[0], ".") {
					bad(first+start, section, "name the file after the fence, as ```c nfork.c")
					continue
				}
				f := File{Name: fields[len(fields)-1], Text: strings.Join(code, "\n") + "\n"}
				if section == sectionFiles {
					x.Files = append(x.Files, f)
				} else {
					x.Solution = append(x.Solution, f)
				}
			case "":
				bad(first+start, "", "text before the first section: start with # ko")
			default:
				body = append(body, lines[start:i+1]...)
			}
			continue
		}
		if h, ok := strings.CutPrefix(line, "# "); ok {
			h = strings.TrimSpace(h)
			if !slices.Contains(sectionNames, h) {
				bad(num, "", "unknown section %q: the sections are # ko, # en, # files and # solution (use ## for headings in the text)", h)
				continue
			}
			if seen[h] {
				bad(num, h, "the section appears twice")
			}
			flush()
			seen[h] = true
			section = h
			continue
		}
		switch section {
		case sectionKo, sectionEn:
			body = append(body, line)
		case sectionFiles, sectionSolution:
			if strings.TrimSpace(line) != "" {
				bad(num, section, "only code blocks belong here, one per file: %q", line)
			}
		default:
			if strings.TrimSpace(line) != "" {
				bad(num, "", "text before the first section: start with # ko")
			}
		}
	}
	flush()
	for _, s := range []string{sectionKo, sectionEn, sectionFiles} {
		if !seen[s] {
			bad(0, s, "the section \"# %s\" is missing", s)
		}
	}
	return errs
}

// fenceOf returns the fence (``` or ~~~, three or more) a line opens, or "".
func fenceOf(line string) string {
	for _, c := range []string{"`", "~"} {
		n := len(line) - len(strings.TrimLeft(line, c))
		if n >= 3 {
			return line[:n]
		}
	}
	return ""
}

var (
	slugPattern = lazyRegexp(`^[a-z0-9][a-z0-9-]{1,62}[a-z0-9]$`)
	filePattern = lazyRegexp(`^[A-Za-z0-9_][A-Za-z0-9_.+-]{0,63}$`)
)

// validate reports what is wrong with the exercise's fields, as paths of
// the front matter (or the Markdown sections: body, files, solution).
func (x *Exercise) validate() []*fieldError {
	var errs []*fieldError
	bad := func(field, format string, args ...any) {
		errs = append(errs, &fieldError{field: field, reason: fmt.Sprintf(format, args...)})
	}
	switch {
	case x.Slug == "":
		bad("slug", "missing: the exercise's name in URLs, as nfork-children")
	case !slugPattern().MatchString(x.Slug):
		bad("slug", "%q: use 3 to 64 lower-case letters, digits and '-'", x.Slug)
	}
	switch x.Kind {
	case "":
		x.Kind = KindExercise
	case KindExercise, KindObservation:
	default:
		bad("kind", "%q: use exercise or observation", x.Kind)
	}
	if topicIndex(x.Topic) == len(Topics) {
		keys := make([]string, len(Topics))
		for i, t := range Topics {
			keys[i] = t.Key
		}
		bad("topic", "unknown topic %q (one of %s)", x.Topic, strings.Join(keys, ", "))
	}
	errs = append(errs, checkText("", "title", x.Title, true)...)
	if x.Body.Ko == "" || strings.TrimSpace(x.Body.Ko) == "" {
		bad("ko", "the Korean text (section # ko) is empty")
	}
	if x.Body.En == "" || strings.TrimSpace(x.Body.En) == "" {
		bad("en", "the English text (section # en) is empty")
	}
	errs = append(errs, validateFiles("files", x.Files)...)
	errs = append(errs, validateFiles("solution", x.Solution)...)
	switch {
	case x.Kind == KindObservation && len(x.Solution) > 0:
		bad("solution", "an observation exercise runs its code as given: it has no solution section")
	case x.Kind == KindExercise && len(x.Solution) == 0:
		bad("solution", "an exercise needs a reference solution (section # solution)")
	case x.Kind == KindExercise && equalFiles(x.SolutionFiles(), x.Files):
		bad("solution", "the solution is the same as the starter code (is this an observation exercise?)")
	}
	errs = append(errs, x.validateRun()...)
	for i, v := range x.Views {
		if !slices.Contains(Views, v) {
			bad(fmt.Sprintf("views[%d]", i), "unknown view %q (one of %s)", v, strings.Join(Views, ", "))
		}
	}
	for i, h := range x.Hints {
		errs = append(errs, checkText(fmt.Sprintf("hints[%d]", i), "", h, true)...)
	}
	if len(x.Checks) == 0 {
		bad("checks", "an exercise needs at least one check")
	}
	ids := map[string]bool{}
	for i := range x.Checks {
		c := &x.Checks[i]
		path := fmt.Sprintf("checks[%d]", i)
		errs = append(errs, c.validate(path, false)...)
		if c.ID != "" && ids[c.ID] {
			bad(path+".id", "%q: two checks have this id", c.ID)
		}
		ids[c.ID] = true
	}
	// checkText with an empty field name yields "hints[0]." paths.
	for _, e := range errs {
		e.field = strings.TrimSuffix(strings.ReplaceAll(e.field, "..", "."), ".")
	}
	return errs
}

func validateFiles(section string, files []File) []*fieldError {
	var errs []*fieldError
	if len(files) > MaxFiles {
		errs = append(errs, &fieldError{field: section, reason: fmt.Sprintf("too many files: %d (at most %d)", len(files), MaxFiles)})
	}
	seen := map[string]bool{}
	for _, f := range files {
		field := section + "." + f.Name
		switch {
		case !filePattern().MatchString(f.Name):
			errs = append(errs, &fieldError{field: section, reason: fmt.Sprintf("bad file name %q: use letters, digits, '_', '-' and '.', as nfork.c", f.Name)})
		case seen[f.Name]:
			errs = append(errs, &fieldError{field: field, reason: "two files have this name"})
		case len(f.Text) > MaxFileBytes:
			errs = append(errs, &fieldError{field: field, reason: fmt.Sprintf("too large: %d bytes (at most %d)", len(f.Text), MaxFileBytes)})
		}
		seen[f.Name] = true
	}
	return errs
}

func (x *Exercise) validateRun() []*fieldError {
	var errs []*fieldError
	bad := func(field, format string, args ...any) {
		errs = append(errs, &fieldError{field: "run." + field, reason: fmt.Sprintf(format, args...)})
	}
	r := &x.Run
	main := x.MainFile()
	switch {
	case len(x.Files) == 0:
		errs = append(errs, &fieldError{field: "files", reason: "an exercise needs at least one file (section # files)"})
	case main == "":
		bad("main", "no C file to run: name one file with .c at the end")
	case !strings.HasSuffix(main, ".c"):
		bad("main", "%s is not a C file", main)
	case !slices.ContainsFunc(x.Files, func(f File) bool { return f.Name == main }):
		bad("main", "%s is not among the files", main)
	}
	if r.Sched != "" && !slices.Contains(sched.Names(), r.Sched) {
		bad("sched", "unknown scheduler %q (one of %s)", r.Sched, strings.Join(sched.Names(), ", "))
	}
	if r.Quantum < 0 {
		bad("quantum", "must not be negative")
	}
	if r.CPUs < 0 || r.CPUs > kernel.MaxCPUs {
		bad("cpus", "%d: from 1 to %d", r.CPUs, kernel.MaxCPUs)
	}
	if r.CtxSwitch < 0 {
		bad("ctxswitch", "must not be negative")
	}
	if checkMonitor(r.Monitor) != nil {
		bad("monitor", "%q: hoare or mesa", r.Monitor)
	}
	if r.MaxProcs < 0 || r.MaxProcs > kernel.DefaultMaxProcs {
		bad("maxProcs", "%d: from 1 to %d", r.MaxProcs, kernel.DefaultMaxProcs)
	}
	if r.MaxTicks < 0 || r.MaxTicks > 10*DefaultMaxTicks {
		bad("maxTicks", "%d: at most %d", r.MaxTicks, 10*DefaultMaxTicks)
	}
	if len(r.Stdin) > MaxFileBytes {
		bad("stdin", "too large: %d bytes (at most %d)", len(r.Stdin), MaxFileBytes)
	}
	for i, l := range r.Locked {
		if l != "all" && !slices.Contains(Settings, l) {
			bad(fmt.Sprintf("locked[%d]", i), "unknown setting %q (all, or some of %s)", l, strings.Join(Settings, ", "))
		}
	}
	return errs
}
