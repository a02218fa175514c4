package web

import "testing"

// A link fixes the monitor semantics: ?monitor=mesa; anything else is left out.
func TestSettingsFromMonitor(t *testing.T) {
	for q, want := range map[string]string{"mesa": "mesa", "hoare": "hoare", "brinch": "", "": ""} {
		if got := settingsFrom(map[string][]string{"monitor": {q}}).Monitor; got != want {
			t.Errorf("monitor=%q: %q, want %q", q, got, want)
		}
	}
}
