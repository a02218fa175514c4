package api

import (
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
