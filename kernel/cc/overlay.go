package cc

import (
	"bytes"
	"errors"
	"io/fs"
	"strings"
	"time"
)

// overlayFS serves the headers at "/usr/include" and the program's folder
// everywhere else, so the program is compiled under its own name (gcc's
// __FILE__ for `gcc onetwo.c` is "onetwo.c") and #include "x.h" finds its
// neighbours.
//
// Every file it serves is wrapped in two pragmas that tell the include
// tracker when the preprocessor enters and leaves it (see includes.go). A
// header that exists nowhere is served too, empty, so that the front end's
// preprocessor never stops early: when it does, its parser can loop for
// ever (FRONTEND-BUGS.md); the tracker reports the missing header at its
// #include instead.
type overlayFS struct {
	headers  *headerSet
	used     map[string]bool // identifiers of the program, for headerSet
	dir      fs.FS
	includes *includeTracker
}

// The pragmas around every served file. The #line after the first keeps
// the file's own line numbers.
const (
	enterPragma = "__osplay_include_enter"
	leavePragma = "__osplay_include_leave"
	enterLines  = "#pragma " + enterPragma + "\n#line 1\n"
	leaveLines  = "\n#pragma " + leavePragma + "\n"
)

func (o overlayFS) Open(name string) (fs.File, error) {
	data, err := o.read(strings.TrimPrefix(name, "/"))
	missing := false
	if errors.Is(err, fs.ErrNotExist) && o.isLastTry(strings.TrimPrefix(name, "/")) {
		data, err, missing = nil, nil, true
	}
	if err != nil {
		return nil, err
	}
	if o.includes != nil {
		o.includes.read(name, data, missing)
	}
	wrapped := make([]byte, 0, len(enterLines)+len(data)+len(leaveLines))
	wrapped = append(append(append(wrapped, enterLines...), data...), leaveLines...)
	return &servedFile{Reader: bytes.NewReader(wrapped), name: name, size: int64(len(wrapped)), missing: missing}, nil
}

func (o overlayFS) read(name string) ([]byte, error) {
	if rest, ok := strings.CutPrefix(name, "usr/include/"); ok {
		if o.used == nil {
			return fs.ReadFile(o.headers.fs, rest)
		}
		return o.headers.read(rest, o.used)
	}
	if o.dir == nil || !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return fs.ReadFile(o.dir, name)
}

// isLastTry reports whether name, which exists nowhere, is the front end's
// last place to look: #include "x.h" looks in the including file's folder
// first, then in /usr/include, so a name of the program's folder that is
// also a system header is not missing yet.
func (o overlayFS) isLastTry(name string) bool {
	if strings.HasPrefix(name, "usr/include/") {
		return true
	}
	_, err := fs.Stat(o.headers.fs, name)
	return err != nil
}

// servedFile is an open file of overlayFS. A missing header says it is a
// directory, so __has_include(<x.h>) stays false, as it is for gcc; the
// preprocessor still reads it when it is #included.
type servedFile struct {
	*bytes.Reader
	name    string
	size    int64
	missing bool
}

func (f *servedFile) Stat() (fs.FileInfo, error) { return f, nil }
func (f *servedFile) Close() error               { return nil }

// servedFile is its own fs.FileInfo.
func (f *servedFile) Name() string       { return f.name }
func (f *servedFile) Size() int64        { return f.size }
func (f *servedFile) ModTime() time.Time { return time.Time{} }
func (f *servedFile) IsDir() bool        { return f.missing }
func (f *servedFile) Sys() any           { return nil }
func (f *servedFile) Mode() fs.FileMode {
	if f.missing {
		return fs.ModeDir | 0o555
	}
	return 0o444
}
