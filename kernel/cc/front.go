// Package cc compiles C to the VM's bytecode. The front end is
// modernc.org/cc/v4 (preprocessor, parser and type checker) reading the
// simulated system headers embedded in the binary, never the host's; this
// package walks the typed AST and emits bytecode for kernel/vm, then links
// the translation unit with libc, which is compiled once and shared.
//
// It knows nothing of processes or the kernel: system calls are calls to
// functions declared but not defined, which become SYSCALL instructions.
//
// A student's program is untrusted input, and the front end can hang or
// panic on some (FRONTEND-BUGS.md keeps the reproducers and the fixes
// upstream would need). So it is compiled in a compiler worker: this same
// executable, started again, killed at the compile's deadline or memory
// budget (Limits). Sizes the program declares are checked against the
// process's memory before the compiler allocates anything for them.
package cc

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"regexp"
	"runtime/debug"
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
#define __ATOMIC_RELAXED 0
#define __ATOMIC_CONSUME 1
#define __ATOMIC_ACQUIRE 2
#define __ATOMIC_RELEASE 3
#define __ATOMIC_ACQ_REL 4
#define __ATOMIC_SEQ_CST 5
` + atomicBuiltins + `
int __predefined_declarator;
`

// atomicBuiltins are gcc's __sync and __atomic builtins as calls of
// __osplay_atomic, a library call the kernel carries out as one
// indivisible step (kernel/atomic.go, where the operations are numbered).
// The size of the word comes from the pointer's type; the memory orders
// are ignored, the machine's memory being sequentially consistent.
const atomicBuiltins = `
long __osplay_atomic(int op, volatile void *p, unsigned long size, long a, long b);
#define __osplay_atomic_op(op, p, a, b) __osplay_atomic((op), (p), sizeof(*(p)), (long)(a), (long)(b))
#define __sync_fetch_and_add(p, v) __osplay_atomic_op(3, p, v, 0)
#define __sync_fetch_and_sub(p, v) __osplay_atomic_op(4, p, v, 0)
#define __sync_fetch_and_or(p, v) __osplay_atomic_op(5, p, v, 0)
#define __sync_fetch_and_and(p, v) __osplay_atomic_op(6, p, v, 0)
#define __sync_fetch_and_xor(p, v) __osplay_atomic_op(7, p, v, 0)
#define __sync_fetch_and_nand(p, v) __osplay_atomic_op(8, p, v, 0)
#define __sync_add_and_fetch(p, v) __osplay_atomic_op(12, p, v, 0)
#define __sync_sub_and_fetch(p, v) __osplay_atomic_op(13, p, v, 0)
#define __sync_val_compare_and_swap(p, old, new) __osplay_atomic_op(9, p, old, new)
#define __sync_bool_compare_and_swap(p, old, new) ((int)__osplay_atomic_op(10, p, old, new))
#define __sync_lock_test_and_set(p, v) __osplay_atomic_op(2, p, v, 0)
#define __sync_lock_release(p) ((void)__osplay_atomic_op(1, p, 0, 0))
#define __sync_synchronize() ((void)0)
#define __atomic_load_n(p, order) __osplay_atomic_op(0, p, 0, 0)
#define __atomic_store_n(p, v, order) ((void)__osplay_atomic_op(1, p, v, 0))
#define __atomic_exchange_n(p, v, order) __osplay_atomic_op(2, p, v, 0)
#define __atomic_fetch_add(p, v, order) __osplay_atomic_op(3, p, v, 0)
#define __atomic_fetch_sub(p, v, order) __osplay_atomic_op(4, p, v, 0)
#define __atomic_fetch_or(p, v, order) __osplay_atomic_op(5, p, v, 0)
#define __atomic_fetch_and(p, v, order) __osplay_atomic_op(6, p, v, 0)
#define __atomic_fetch_xor(p, v, order) __osplay_atomic_op(7, p, v, 0)
#define __atomic_add_fetch(p, v, order) __osplay_atomic_op(12, p, v, 0)
#define __atomic_sub_fetch(p, v, order) __osplay_atomic_op(13, p, v, 0)
#define __atomic_compare_exchange_n(p, expected, desired, weak, success, failure) \
	((_Bool)__osplay_atomic((11), (p), sizeof(*(p)), (long)(expected), (long)(desired)))
#define __atomic_thread_fence(order) ((void)0)
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

// frontErrors turns the front end's error text into positioned errors;
// file is the program's, for the lines that have no position.
func frontErrors(err error, file string) ErrorList {
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
			out = append(out, &Error{File: strings.TrimPrefix(m[1], "/"), Line: ln, Col: col, Msg: plainMessage(m[4])})
			continue
		}
		out = append(out, &Error{File: file, Msg: plainMessage(strings.TrimPrefix(line, "-: "))})
	}
	if len(out) > 20 {
		out = append(out[:20], &Error{File: out[20].File, Msg: "too many errors"})
	}
	return out
}

var expansionRE = regexp.MustCompile(`^macro expansion limit exceeded \(Config\.ExpansionLimit (\d+)\)$`)

// plainMessage words a front-end message that speaks of the front end's
// configuration in terms of the program.
func plainMessage(msg string) string {
	if m := expansionRE.FindStringSubmatch(msg); m != nil {
		return "too much macro expansion (more than " + m[1] + " tokens): the preprocessor stopped here; simplify the macros"
	}
	return msg
}

// expansionLimit bounds macro expansion work for untrusted programs.
const expansionLimit = 2_000_000

var abi64 = func() *cc.ABI {
	abi, err := cc.NewABI("linux", "amd64")
	if err != nil {
		panic(err)
	}
	return abi
}()

// frontEnd is one run of the front end on one source file. With a nil used
// set, the headers are read whole (the library's own sources define what
// the headers declare).
type frontEnd struct {
	headers *headerSet
	used    map[string]bool
	dir     fs.FS
	name    string
	src     []byte

	includes *includeTracker
}

func (f *frontEnd) config() *cc.Config {
	f.includes = newIncludeTracker(f.name, f.src)
	return &cc.Config{
		ABI:             abi64,
		FS:              overlayFS{headers: f.headers, used: f.used, dir: f.dir, includes: f.includes},
		FSOnly:          true,
		IncludePaths:    []string{"", "/usr/include"},
		SysIncludePaths: []string{"/usr/include"},
		PragmaHandler:   f.includes.pragma,
		ExpansionLimit:  expansionLimit,
		UnsignedEnums:   true,
		DefaultSizeT:    cc.ULong,
		DefaultPtrdiffT: cc.Long,
		DefaultWcharT:   cc.Int,
		HasBuiltin:      func(string) bool { return false },
	}
}

func (f *frontEnd) sources() []cc.Source {
	return []cc.Source{
		{Name: "<predefined>", Value: predefined},
		// The front end's scanner loops forever on a string literal cut off
		// by the end of input; a final blank line always ends the literal.
		{Name: f.name, Value: string(f.src) + "\n\n"},
		// The front end can loop forever when a declarator is cut off at
		// the end of input (`int *`); an identifier after the program
		// always gives its parser a token to stop at.
		{Name: "<end of input>", Value: "\nint __osplay_end_of_input;\n"},
	}
}

// translate runs the front end on one source file.
func translate(headers *headerSet, used map[string]bool, dir fs.FS, name string, src []byte) (*cc.AST, error) {
	f := &frontEnd{headers: headers, used: used, dir: dir, name: name, src: src}
	cfg := f.config()
	var ast *cc.AST
	err := f.safely(true, func() (err error) {
		ast, err = cc.Translate(cfg, f.sources())
		return err
	})
	if err != nil {
		return nil, err
	}
	return ast, nil
}

// preprocessErrors runs only the preprocessor on a source file and returns
// its errors. It cannot hang where the parser can, so it tells why a
// compile that takes too long is stuck.
func preprocessErrors(headers *headerSet, used map[string]bool, dir fs.FS, name string, src []byte) ErrorList {
	f := &frontEnd{headers: headers, used: used, dir: dir, name: name, src: src}
	cfg := f.config()
	err := f.safely(false, func() error { return cc.Preprocess(cfg, f.sources(), io.Discard) })
	if err == nil {
		return nil
	}
	return err.(ErrorList)
}

// safely runs the front end, merging the include tracker's errors with its
// own, and turns a front-end panic on hostile input into an error at the
// last place the tracker knows the preprocessor reached: the #include it
// was reading, or in a header its next #include. A panic elsewhere in the
// program is put, with locate, at the line where the program starts to
// make the front end panic.
func (f *frontEnd) safely(locate bool, run func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			e := f.includes.position()
			atInclude := strings.Contains(string(debug.Stack()), "(*cpp).includeArg")
			e.Msg = panicMessage(r, atInclude)
			if locate && !atInclude && len(f.includes.stack) == 1 {
				e.Line, e.Col = f.panicLine(), 1
				if e.Line == 0 {
					e.Col = 0
				}
			}
			err = append(f.includes.errs, e)
		}
	}()
	err = run()
	inc := f.includes
	switch {
	case inc.fatalErr:
		return inc.errs
	case err != nil:
		return append(inc.errs, f.endOfInput(frontErrors(err, f.name))...)
	case len(inc.errs) > 0:
		return inc.errs
	}
	return nil
}

// endOfInput words the errors the front end finds in the guard after the
// program (sources): they follow from an error in the program, or mean
// that it ends too early.
func (f *frontEnd) endOfInput(errs ErrorList) ErrorList {
	var out, guard ErrorList
	for _, e := range errs {
		if e.File == "<end of input>" {
			guard = append(guard, e)
		} else {
			out = append(out, e)
		}
	}
	if len(out) == 0 && len(guard) > 0 {
		out = ErrorList{{File: f.name, Line: bytes.Count(f.src, []byte("\n")) + 1, Col: 1, Msg: "unexpected end of file"}}
	}
	return out
}

// panicLine finds the first line of the program at which the front end
// panics, by running it on ever shorter beginnings of the program: a panic
// leaves no other trace of how far the front end got. It gives 0 for a
// program too long to search.
func (f *frontEnd) panicLine() int {
	lines := bytes.SplitAfter(f.src, []byte("\n"))
	if len(lines) > 10000 {
		return 0
	}
	lo, hi := 1, len(lines) // the whole program panics
	for lo < hi {
		mid := (lo + hi) / 2
		if f.panicsOn(bytes.Join(lines[:mid], nil)) {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo
}

func (f *frontEnd) panicsOn(src []byte) (panicked bool) {
	g := &frontEnd{headers: f.headers, used: f.used, dir: f.dir, name: f.name, src: src}
	cfg := g.config()
	defer func() {
		if recover() != nil {
			panicked = true
		}
	}()
	cc.Translate(cfg, g.sources())
	return false
}

// panicMessage explains a front-end panic. The one known (FRONTEND-BUGS.md)
// comes from an #include read after the expansion limit was reached.
func panicMessage(r any, atInclude bool) string {
	if atInclude {
		return "the preprocessor gave up at this #include: too much macro expansion or too many #includes before it; simplify the program"
	}
	return fmt.Sprintf("internal compiler error (%v): the front end gave up near here; simplify the code around this line", r)
}
