//go:build !race

package cc

// slow scales the wall-clock bounds of the tests (race_test.go).
const slow = 1
