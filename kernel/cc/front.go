// Package cc compiles C to the VM's bytecode. The front end is
// modernc.org/cc/v4 (preprocessor, parser and type checker) reading the
// simulated system headers embedded in the binary, never the host's; this
// package walks the typed AST and emits bytecode for kernel/vm, then links
// the translation unit with libc, which is compiled once and shared.
//
// It knows nothing of processes or the kernel: system calls are calls to
// functions declared but not defined, which become SYSCALL instructions.
package cc

import (
	"errors"
	"fmt"
	"io/fs"
	"regexp"
	"strings"

	cc "modernc.org/cc/v4"
)

// predefined are the macros gcc on x86-64 Linux defines that C programs and
// our headers look at, plus __OSPLAY__.
const predefined = `
#define __OSPLAY__ 1
#define __STDC__ 1
#define __STDC_VERSION__ 199901L
#define __STDC_HOSTED__ 1
#define __x86_64__ 1
#define __x86_64 1
#define __amd64__ 1
#define __linux__ 1
#define __linux 1
#define __unix__ 1
#define __unix 1
#define __gnu_linux__ 1
#define __ELF__ 1
#define __LP64__ 1
#define _LP64 1
#define __CHAR_BIT__ 8
#define __SIZEOF_INT__ 4
#define __SIZEOF_LONG__ 8
#define __SIZEOF_LONG_LONG__ 8
#define __SIZEOF_SHORT__ 2
#define __SIZEOF_POINTER__ 8
#define __SIZEOF_FLOAT__ 4
#define __SIZEOF_DOUBLE__ 8
#define __SIZEOF_SIZE_T__ 8
#define __SIZE_TYPE__ unsigned long
#define __PTRDIFF_TYPE__ long
#define __WCHAR_TYPE__ int
#define __INT_MAX__ 2147483647
#define __LONG_MAX__ 9223372036854775807L
#define __SCHAR_MAX__ 127
#define __SHRT_MAX__ 32767
#define __LONG_LONG_MAX__ 9223372036854775807LL
#define __ORDER_LITTLE_ENDIAN__ 1234
#define __BYTE_ORDER__ __ORDER_LITTLE_ENDIAN__
#define __GNUC__ 4
#define __GNUC_MINOR__ 2
#define __extension__
#define __inline inline
#define __inline__ inline
#define __restrict restrict
#define __restrict__ restrict
#define __const const
#define __signed__ signed
#define __volatile__ volatile
#define __attribute__(x)
#define __asm__(x)
int __predefined_declarator;
`

// Error is a compile error with its position.
type Error struct {
	File string
	Line int
	Col  int
	Msg  string
}

func (e *Error) Error() string {
	if e.Line == 0 {
		return fmt.Sprintf("%s: %s", e.File, e.Msg)
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Msg)
}

// ErrorList is every error of one compilation, in source order.
type ErrorList []*Error

func (l ErrorList) Error() string {
	var b strings.Builder
	for i, e := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

var posRE = regexp.MustCompile(`^(.*?):(\d+):(\d+): (.*)$`)

// frontErrors turns the front end's error text into positioned errors.
func frontErrors(err error) ErrorList {
	var out ErrorList
	for _, line := range strings.Split(err.Error(), "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if m := posRE.FindStringSubmatch(line); m != nil {
			var ln, col int
			fmt.Sscan(m[2], &ln)
			fmt.Sscan(m[3], &col)
			out = append(out, &Error{File: strings.TrimPrefix(m[1], "/"), Line: ln, Col: col, Msg: m[4]})
			continue
		}
		out = append(out, &Error{File: "cc", Msg: line})
	}
	if len(out) > 20 {
		out = append(out[:20], &Error{File: out[20].File, Msg: "too many errors"})
	}
	return out
}

// expansionLimit bounds macro expansion work for untrusted programs.
const expansionLimit = 2_000_000

var abi64 *cc.ABI

func init() {
	var err error
	abi64, err = cc.NewABI("linux", "amd64")
	if err != nil {
		panic(err)
	}
}

// overlayFS serves the headers at "/usr/include" and the program's folder
// everywhere else, so the program is compiled under its own name (gcc's
// __FILE__ for `gcc onetwo.c` is "onetwo.c") and #include "x.h" finds its
// neighbours.
type overlayFS struct {
	headers *headerSet
	used    map[string]bool // identifiers of the program, for headerSet
	dir     fs.FS
}

func (o overlayFS) Open(name string) (fs.File, error) {
	name = strings.TrimPrefix(name, "/")
	if rest, ok := strings.CutPrefix(name, "usr/include/"); ok {
		if o.used == nil {
			return o.headers.fs.Open(rest)
		}
		return o.headers.open(rest, o.used)
	}
	if o.dir == nil || !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return o.dir.Open(name)
}

// translate runs the front end on one source file.
// With a nil used set, the headers are read whole (the library's own
// sources define what the headers declare).
func translate(headers *headerSet, used map[string]bool, dir fs.FS, name string, src []byte) (*cc.AST, error) {
	cfg := &cc.Config{
		ABI:             abi64,
		FS:              overlayFS{headers: headers, used: used, dir: dir},
		FSOnly:          true,
		IncludePaths:    []string{"", "/usr/include"},
		SysIncludePaths: []string{"/usr/include"},
		ExpansionLimit:  expansionLimit,
		UnsignedEnums:   true,
		DefaultSizeT:    cc.ULong,
		DefaultPtrdiffT: cc.Long,
		DefaultWcharT:   cc.Int,
		HasBuiltin:      func(string) bool { return false },
	}
	sources := []cc.Source{
		{Name: "<predefined>", Value: predefined},
		// The front end's scanner loops forever on a string literal cut off
		// by the end of input; a final blank line always ends the literal.
		{Name: name, Value: string(src) + "\n\n"},
		// The front end can loop forever when a declarator is cut off at
		// the end of input (`int *`); an identifier after the program
		// always gives its parser a token to stop at.
		{Name: "<end of input>", Value: "\nint __osplay_end_of_input;\n"},
	}
	ast, err := translateSafely(cfg, sources)
	if err != nil {
		return nil, frontErrors(err)
	}
	return ast, nil
}

// translateSafely converts a front-end panic on hostile input into an error.
func translateSafely(cfg *cc.Config, sources []cc.Source) (ast *cc.AST, err error) {
	defer func() {
		if r := recover(); r != nil {
			ast, err = nil, errors.New(fmt.Sprint("internal front-end error: ", r))
		}
	}()
	return cc.Translate(cfg, sources)
}
