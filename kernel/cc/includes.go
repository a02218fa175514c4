package cc

import (
	"bytes"
	"fmt"
	"strings"

	cc "modernc.org/cc/v4"
)

// Bounds on #include. gcc refuses nesting deeper than 200; the front end
// has no bound that works (FRONTEND-BUGS.md), so a header that includes
// itself nests until its macro-expansion limit makes it panic. A tree of
// headers that each include the next twice doubles the work at every
// level; maxIncludes stops it long before the expansion limit would stop
// the preprocessor (which can leave the parser looping for ever).
const (
	maxIncludeDepth = 200
	maxIncludes     = 20000
)

// includeTracker follows the preprocessor through the files it includes,
// told by the pragmas overlayFS wraps every file in. It refuses missing
// headers, nesting deeper than maxIncludeDepth and more than maxIncludes
// files, each as an error at the #include; it implements #pragma once; and
// it knows where the preprocessor is, for errors the front end gives
// without a position.
type includeTracker struct {
	stack   []*includeFrame
	sites   map[string][]includeSite // the #include lines of each file read, by the front end's name for it
	missing map[string]bool          // files served empty because they exist nowhere
	once    map[string]bool          // files that said #pragma once
	entered int
	stopped bool // an include bound was exceeded: every further #include is skipped
	errs    ErrorList
	// fatalErr: a header is missing, or an include bound was exceeded. As
	// gcc stops there, the front end's other errors are left out: they
	// are its consequences (undeclared names, unknown types).
	fatalErr bool
}

// includeFrame is a file the preprocessor is reading.
type includeFrame struct {
	name string
	at   *Error // the #include that entered it, if known
	next int    // index in its sites of the next #include the preprocessor reaches
}

// includeSite is one #include line: where its header name starts, and the
// name ("" when a macro gives it).
type includeSite struct {
	line, col int
	header    string
}

// scanIncludes lists the #include lines of a file's text. It reads every
// header of every compile, so it scans bytes rather than run a regexp.
func scanIncludes(text []byte) []includeSite {
	var out []includeSite
	for line, start := 1, 0; start < len(text); line++ {
		end := bytes.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		if s, ok := includeAt(text[start:end]); ok {
			s.line = line
			out = append(out, s)
		}
		start = end + 1
	}
	return out
}

// includeAt reads an #include (or #include_next) line: the column of its
// argument and the header it names.
func includeAt(l []byte) (includeSite, bool) {
	i := skipBlanks(l, 0)
	if i == len(l) || l[i] != '#' {
		return includeSite{}, false
	}
	i = skipBlanks(l, i+1)
	if !bytes.HasPrefix(l[i:], []byte("include")) {
		return includeSite{}, false
	}
	i += len("include")
	if bytes.HasPrefix(l[i:], []byte("_next")) {
		i += len("_next")
	}
	if i < len(l) && (l[i] == '_' || 'a' <= l[i]|0x20 && l[i]|0x20 <= 'z' || '0' <= l[i] && l[i] <= '9') {
		return includeSite{}, false // #includes, #include2: another directive
	}
	i = skipBlanks(l, i)
	s := includeSite{col: i + 1}
	if i < len(l) && (l[i] == '"' || l[i] == '<') {
		close := byte('"')
		if l[i] == '<' {
			close = '>'
		}
		if end := bytes.IndexByte(l[i+1:], close); end >= 0 {
			s.header = string(l[i+1 : i+1+end])
		}
	}
	return s, true
}

func skipBlanks(l []byte, i int) int {
	for i < len(l) && (l[i] == ' ' || l[i] == '\t') {
		i++
	}
	return i
}

func newIncludeTracker(mainName string, mainSrc []byte) *includeTracker {
	t := &includeTracker{
		sites:   map[string][]includeSite{mainName: scanIncludes(mainSrc)},
		missing: map[string]bool{},
		once:    map[string]bool{},
	}
	t.stack = []*includeFrame{{name: mainName}}
	return t
}

// read records a file overlayFS serves, before the preprocessor reads it.
func (t *includeTracker) read(name string, data []byte, missing bool) {
	t.sites[name] = scanIncludes(data)
	t.missing[name] = missing
}

// pragma is the front end's PragmaHandler.
func (t *includeTracker) pragma(toks []cc.Token) error {
	if len(toks) == 0 {
		return nil
	}
	switch toks[0].SrcStr() {
	case enterPragma:
		return t.enter(toks[0].Position().Filename)
	case leavePragma:
		t.leave()
	case "once":
		t.once[t.top().name] = true
	}
	return nil
}

// leave is the preprocessor done with the file it reads.
func (t *includeTracker) leave() {
	if len(t.stack) > 1 {
		t.stack = t.stack[:len(t.stack)-1]
	}
}

func (t *includeTracker) top() *includeFrame { return t.stack[len(t.stack)-1] }

// enter is the preprocessor starting to read the file name; returning
// cc.SkipSource makes it skip the file.
func (t *includeTracker) enter(name string) error {
	parent := t.top()
	at := t.siteOf(parent, name)
	t.entered++
	switch {
	case t.stopped:
		return cc.SkipSource
	case t.missing[name]:
		t.fatalErr = true
		t.errs = append(t.errs, at.with(fmt.Sprintf("%s: No such file or directory", headerName(at, name))))
		return cc.SkipSource
	case t.once[name]:
		return cc.SkipSource
	case len(t.stack) > maxIncludeDepth:
		t.stop(at.with(fmt.Sprintf("#include nested too deeply: more than %d levels (does a header include itself?)", maxIncludeDepth)))
		return cc.SkipSource
	case t.entered > maxIncludes:
		t.stop(at.with(fmt.Sprintf("too many #includes: more than %d files (do headers include each other over and over?)", maxIncludes)))
		return cc.SkipSource
	}
	t.stack = append(t.stack, &includeFrame{name: name, at: at.err})
	return nil
}

// stop reports an exceeded include bound: the compile has failed, and
// skipping every further #include ends the preprocessor's work quickly.
func (t *includeTracker) stop(e *Error) {
	t.stopped, t.fatalErr = true, true
	t.errs = append(t.errs, e)
}

// siteRef is an #include site in a file, or just the file when the site is
// not known.
type siteRef struct {
	err  *Error
	site includeSite
}

func (r siteRef) with(msg string) *Error {
	e := *r.err
	e.Msg = msg
	return &e
}

func headerName(at siteRef, name string) string {
	if at.site.header != "" {
		return at.site.header
	}
	return strings.TrimPrefix(strings.TrimPrefix(name, "/"), "usr/include/")
}

// siteOf finds the #include of parent that names file name: the first one
// from where the preprocessor is in parent whose header name ends name, or
// whose name comes from a macro.
func (t *includeTracker) siteOf(parent *includeFrame, name string) siteRef {
	sites := t.sites[parent.name]
	for i := parent.next; i < len(sites); i++ {
		s := sites[i]
		if s.header == "" || name == s.header || strings.HasSuffix(name, "/"+s.header) {
			parent.next = i + 1
			return siteRef{err: &Error{File: trimSrc(parent.name), Line: s.line, Col: s.col}, site: s}
		}
	}
	return siteRef{err: &Error{File: trimSrc(parent.name)}}
}

// position is where the preprocessor is, as well as the tracker knows: the
// next #include of the file it reads, or the #include that entered it.
func (t *includeTracker) position() *Error {
	f := t.top()
	if sites := t.sites[f.name]; f.next < len(sites) {
		return &Error{File: trimSrc(f.name), Line: sites[f.next].line, Col: sites[f.next].col}
	}
	if f.at != nil {
		e := *f.at
		return &e
	}
	return &Error{File: trimSrc(f.name)}
}
