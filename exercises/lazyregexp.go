package exercises

import (
	"regexp"
	"sync"
)

// lazyRegexp compiles a regular expression the first time it is used,
// not when the program starts: most runs of the program never use most of
// them, and each costs time at every start.
func lazyRegexp(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}
