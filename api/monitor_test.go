package api

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"osplay/kernel"
)

// The monitor setting reaches the kernel, and only hoare or mesa pass.
func TestMonitorSetting(t *testing.T) {
	for _, s := range []string{"", "hoare", "mesa"} {
		if err := (Settings{Monitor: s}).check(); err != nil {
			t.Errorf("monitor %q: %v", s, err)
		}
	}
	if err := (Settings{Monitor: "brinch"}).check(); err == nil {
		t.Error("monitor brinch accepted")
	}
	p := Program{Files: []File{{Name: "a.c", Text: "int main(void){return 0;}"}}, Settings: Settings{Monitor: "mesa"}}
	if cfg := p.config(Limits{}, nil); cfg.Monitor != kernel.MonitorMesa {
		t.Errorf("config monitor %q, want mesa", cfg.Monitor)
	}
}

// POST /api/run with "monitor":"mesa" runs the monitor with Mesa's
// signal: the bounded buffer that tests with if goes wrong, and the
// run's events say what each model call did.
func TestRunWithMonitorSetting(t *testing.T) {
	src, err := os.ReadFile("../examples/bb4-monitor/bb4-monitor.c")
	if err != nil {
		t.Fatal(err)
	}
	a := New(Options{})
	for semantics, want := range map[string]string{"hoare": "78 (want 78)", "mesa": "72 (want 78)"} {
		body, _ := json.Marshal(RunRequest{Program: Program{Files: []File{{Name: "bb4.c", Text: string(src)}},
			Settings: Settings{Monitor: semantics}}, Events: true})
		var resp RunResponse
		post(t, a.ServeRun, string(body), &resp)
		if !resp.OK || !strings.Contains(resp.Stdout, want) {
			t.Errorf("%s: stdout %q", semantics, resp.Stdout)
		}
		models := 0
		for _, e := range resp.Events {
			if e.Kind == "model" && e.Name != "" && e.MsgText != nil {
				models++
			}
		}
		if models == 0 {
			t.Errorf("%s: no model event", semantics)
		}
	}
	var resp RunResponse
	if code := post(t, a.ServeRun, `{"files":[{"name":"a.c","text":"int main(void){return 0;}"}],"settings":{"monitor":"brinch"}}`, &resp); code == 200 && resp.OK {
		t.Errorf("monitor brinch: %d %+v", code, resp)
	}
}
