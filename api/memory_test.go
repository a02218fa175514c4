package api

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"
)

// forkTree is the hostile program of the memory budget: 31 children each
// touch 48 MiB (the most one process may have is 64 MiB), then loop.
const forkTree = `#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
int main(void)
{
	for (int i = 0; i < 31; i++) {
		if (fork() == 0) {
			char *p = malloc(48 << 20);
			if (p == NULL)
				return 1;
			memset(p, 1, 48 << 20);
			for (;;)
				;
		}
	}
	for (int i = 0; i < 31; i++)
		wait(NULL);
	return 0;
}
`

// pageTree is the same tree touching its memory a page at a time, in the
// student's code rather than in one library call.
var pageTree = strings.Replace(forkTree, "memset(p, 1, 48 << 20);", "for (long j = 0; j < 48 << 20; j += 4096) p[j] = 1;", 1)

// testMemoryBudget is the session budget of these tests: small, so that the
// tree reaches it in a fraction of a second.
const testMemoryBudget = 4 << 20

// stoppedForMemory reports whether a run's end shows the memory budget at
// work: the server stopped it (memory_limit), or the kernel's
// out-of-memory killer ended processes with SIGKILL (which waits for the
// kernel to enforce Config.MaxTotalMemory).
func stoppedForMemory(haltCode string, exits []*Exit) bool {
	if haltCode == codeMemoryLimit {
		return true
	}
	for _, e := range exits {
		if e != nil && e.Signal == "SIGKILL" {
			return true
		}
	}
	return false
}

// A fork tree that would touch 1.5 GiB is held to the session's budget on
// POST /api/run, and the server's count of machine memory returns to zero.
func TestRunIsHeldToItsMemoryBudget(t *testing.T) {
	a, srv := server(t, Limits{MaxSessionMemory: testMemoryBudget, MaxTicks: 1 << 50, RunTimeout: 2 * time.Second})
	start := time.Now()
	resp, r := postRun(t, srv, RunRequest{Program: program("tree.c", forkTree)})
	if resp.StatusCode != 200 {
		t.Fatalf("status %d: %+v", resp.StatusCode, r.Error)
	}
	var exits []*Exit
	for _, p := range r.Processes {
		exits = append(exits, p.Exit)
	}
	if !stoppedForMemory(r.HaltCode, exits) {
		t.Errorf("after %v: halt %q (%s), exits %+v: neither the server nor the kernel held the budget", time.Since(start), r.Halt, r.HaltCode, exits)
	}
	if r.HaltCode == codeMemoryLimit && !strings.Contains(r.Halt, "4 MiB") {
		t.Errorf("halt %q does not name the budget", r.Halt)
	}
	if n := a.memory.machines.Load(); n != 0 {
		t.Errorf("%d bytes of machine memory still counted after the run", n)
	}
	checkHealthy(t, srv)
}

// The same tree in a session: the machine's memory never passes the budget
// by more than what a chunk of computing can touch, and the page is told:
// the run stops with memory_limit, or (once the kernel enforces
// Config.MaxTotalMemory) the kernel's out-of-memory killer ends processes
// with SIGKILL, each an "oom" event.
func TestSessionIsHeldToItsMemoryBudget(t *testing.T) {
	for _, tc := range []struct {
		name, text string
	}{
		{"pages.c", pageTree},
		{"memset.c", forkTree}, // inside one memset: needs the kernel's own budget (Config.MaxTotalMemory)
	} {
		t.Run(tc.name, func(t *testing.T) { sessionMemory(t, tc.name, tc.text) })
	}
}

func sessionMemory(t *testing.T, name, text string) {
	a, srv := server(t, Limits{MaxSessionMemory: testMemoryBudget, MaxTicks: 1 << 50})
	c := dial(t, srv, nil)
	c.next() // hello
	c.send(map[string]any{"op": "load", "program": program(name, text)})
	c.send(map[string]any{"op": "speed", "ticks": 1000000, "interval": 33})
	c.send(map[string]any{"op": "run"})
	var peak int64
	shown := ""
	for shown == "" {
		m := c.next()
		peak = max(peak, a.memory.machines.Load())
		switch m["type"] {
		case "error":
			if m["code"] != codeMemoryLimit {
				t.Fatalf("error %v", m)
			}
			shown = "the server's memory_limit"
		case "batch":
			c.send(map[string]any{"op": "ack", "seq": m["seq"]})
			for _, e := range m["events"].([]any) {
				if ev := e.(map[string]any); ev["k"] == "oom" || ev["k"] == "exit" && ev["status"] == float64(9) {
					shown = "the kernel's out-of-memory killer"
				}
			}
			if status(m) == StatusDone && shown == "" {
				t.Fatalf("done without the memory budget showing: %v", m["state"])
			}
		}
	}
	t.Logf("held by %s; the machine's memory peaked at %d bytes", shown, peak)
	if peak > testMemoryBudget+1<<20 {
		t.Errorf("the machine's memory reached %d bytes, budget %d", peak, testMemoryBudget)
	}
	c.send(map[string]any{"op": "load", "program": program("hello.c", hello)})
	c.until("batch", func(m map[string]any) bool {
		return m["state"].(map[string]any)["program"] == "hello.c" && status(m) == StatusPaused
	})
	c.send(map[string]any{"op": "run"})
	out := ""
	c.until("batch", func(m map[string]any) bool {
		for _, e := range m["events"].([]any) {
			if ev := e.(map[string]any); ev["k"] == "output" {
				out += ev["data"].(string)
			}
		}
		return status(m) == StatusDone
	})
	if out != "hello\n" {
		t.Errorf("afterwards, the session runs hello: %q", out)
	}
}

// With the process near its memory budget, new sessions and runs are
// refused with server_full (503 and Retry-After for /api/run); with room
// again, they are welcome.
func TestServerFullNearTheMemoryBudget(t *testing.T) {
	a, srv := server(t, Limits{})
	a.memory.limit.Store(1 << 20) // far below the heap of any Go program

	c := dial(t, srv, nil)
	code, errCode := closed(t, c)
	if code != closeServerFull || errCode != codeServerFull {
		t.Errorf("a session: close %d after %q, want %d after server_full", code, errCode, closeServerFull)
	}
	resp, r := postRun(t, srv, RunRequest{Program: program("hello.c", hello)})
	if resp.StatusCode != http.StatusServiceUnavailable || r.Error == nil || r.Error.Code != codeServerFull ||
		resp.Header.Get("Retry-After") != "60" || !strings.Contains(r.Error.Message, "minute") {
		t.Errorf("a run: %d %+v, Retry-After %q", resp.StatusCode, r.Error, resp.Header.Get("Retry-After"))
	}
	if _, no := a.StartJob(context.Background()); no == nil || no.Code != codeServerFull {
		t.Errorf("a check: %+v", no)
	}

	a.memory.limit.Store(0)
	checkHealthy(t, srv)
	if m := dial(t, srv, nil).next(); m["type"] != "hello" {
		t.Errorf("a session with room again: %v", m)
	}
}
