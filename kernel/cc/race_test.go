//go:build race

package cc

// slow scales the wall-clock bounds of the tests: the race detector makes
// the compiler 2–20 times slower, so a front end that gives up within one
// second gives up within ten.
const slow = 10
