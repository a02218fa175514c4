package api

import (
	"context"
	"testing"
)

// Ready's reasons, in the order a starting and a stopping server meets
// them. (Not parallel: warming is the process's.)
func TestReady(t *testing.T) {
	defer warmed.Store(warmed.Load())
	a := New(Options{Limits: Limits{MaxSessions: 1}})
	warmed.Store(false)
	if ok, code := a.Ready(); ok || code != "warming_up" {
		t.Errorf("before the warm-up: %v %q", ok, code)
	}
	warmed.Store(true)
	if ok, code := a.Ready(); !ok || code != "" {
		t.Errorf("warm: %v %q", ok, code)
	}
	release, _, _ := a.admit("192.0.2.1")
	if ok, code := a.Ready(); ok || code != codeServerFull {
		t.Errorf("with every session taken: %v %q", ok, code)
	}
	release()
	a.Close(context.Background())
	if ok, code := a.Ready(); ok || code != "shutdown" {
		t.Errorf("shutting down: %v %q", ok, code)
	}
}
