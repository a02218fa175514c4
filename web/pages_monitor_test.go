package web

import (
	"strings"
	"testing"

	"osplay/api"
)

// A link fixes the monitor semantics: ?monitor=mesa; anything else is left out.
func TestSettingsFromMonitor(t *testing.T) {
	for q, want := range map[string]string{"mesa": "mesa", "hoare": "hoare", "brinch": "", "": ""} {
		if got := settingsFrom(map[string][]string{"monitor": {q}}).Monitor; got != want {
			t.Errorf("monitor=%q: %q, want %q", q, got, want)
		}
	}
}

// The playground's settings drawer offers the monitor's signal, in both
// languages.
func TestPlayOffersMonitorSetting(t *testing.T) {
	_, srv := testServer(t, api.Limits{})
	for lang, word := range map[string]string{"en": "Mesa (signaller goes on)", "ko": "Mesa (signal을 보낸 스레드가 계속)"} {
		r := get(t, srv.URL+"/play?lang="+lang+"&monitor=mesa", nil)
		if r.status != 200 || !strings.Contains(r.body, `data-setting="monitor"`) || !strings.Contains(r.body, word) {
			t.Errorf("/play?lang=%s: %d, no monitor setting", lang, r.status)
		}
		if !strings.Contains(r.body, `"monitor":"mesa"`) {
			t.Errorf("/play?lang=%s&monitor=mesa: the page's settings do not say mesa", lang)
		}
	}
}
