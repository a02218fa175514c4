package cc

import (
	"fmt"

	cc "modernc.org/cc/v4"
)

// The compiler allocates the data image of initialised static storage, so
// a declared size is checked against the process's memory before anything
// is allocated for it: `char g[1L<<40] = {1};` is an error at g, not an
// attempt to allocate a terabyte. Zero-initialised storage (bss) and the
// frames of functions are never allocated by the compiler, but a program
// that cannot fit in its process is refused all the same.

// tooLarge is the error for an object of size bytes where at most limit fit.
func tooLarge(t cc.Type, size, limit int64) string {
	if size < 0 {
		return fmt.Sprintf("%s too large: its size overflows; a process may use at most %s", kindWord(t), humanSize(limit))
	}
	return fmt.Sprintf("%s too large: %s; a process may use at most %s", kindWord(t), humanSize(size), humanSize(limit))
}

func kindWord(t cc.Type) string {
	if t == nil {
		return "object"
	}
	switch t.Kind() {
	case cc.Array:
		return "array"
	case cc.Struct:
		return "struct"
	case cc.Union:
		return "union"
	}
	return "object"
}

// fitsStatic reports whether a static object of size bytes fits beside the
// unit's other static storage, and reports the error at n if not.
func (u *unit) fitsStatic(n cc.Node, t cc.Type, size int64) bool {
	if size < 0 || size > u.limit {
		u.errorf(n, "%s", tooLarge(t, size, u.limit))
		return false
	}
	o := u.obj
	total := int64(len(o.rodata)) + u.rodataSize + u.dataSize + o.bss + size
	if total > u.limit {
		u.errorf(n, "global and static variables too large: %s in all; a process may use at most %s", humanSize(total), humanSize(u.limit))
		return false
	}
	return true
}

// reserveFrame checks that an automatic object of size bytes fits in a
// process, and the function's frame with it; it stops compiling the
// function if not.
func (c *fnc) reserveFrame(n cc.Node, t cc.Type, size int64) {
	limit := c.u.limit
	if size < 0 || size > limit {
		c.fail(n, "%s", tooLarge(t, size, limit))
	}
	if c.frame+size+16 > limit {
		c.fail(n, "local variables of '%s' too large: %s; a process may use at most %s", c.f.Name, humanSize(c.frame+size), humanSize(limit))
	}
}
