package web

import (
	"os"
	"strings"
	"testing"
)

// TestBrowserShowsWhichLockProtectsWhat: with the race detector on, the
// bank program's lock m has a card in the IPC view that says it protects
// balance, and the list of shared variables flags count, which no lock
// protects — in words and glyphs, in English and in Korean.
func TestBrowserShowsWhichLockProtectsWhat(t *testing.T) {
	src, err := os.ReadFile("../kernel/testdata/race/two_counters.c")
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"en", "ko"} {
		ctx := runTyped(t, "/play?new=1&races=1&speed=100000&lang="+lang, string(src))
		waitFor(t, ctx, "the end, drawn", doneAndDrawn)
		if out := eval[string](t, ctx, consoleText); !strings.Contains(out, "balance 60") {
			t.Fatalf("console %q", out)
		}
		ipc := `document.querySelector('[data-view="ipc"]')`
		card := ipc + `.querySelector('.ipc-obj[data-lock="m"]')`
		waitFor(t, ctx, "m's card", card+` !== null`)
		balance := card + `.querySelector('[data-show="guards"] li[data-var="balance"]')`
		if !eval[bool](t, ctx, balance+` !== null && `+balance+`.dataset.protects === "yes"`) {
			t.Fatalf("m's card: %s", eval[string](t, ctx, card+`.textContent`))
		}
		if eval[bool](t, ctx, card+`.querySelector('li[data-var="count"]') !== null`) {
			t.Errorf("m's card lists count, which was never accessed while m was held: %s", eval[string](t, ctx, card+`.textContent`))
		}
		shared := ipc + `.querySelector('[data-show="ipc-shared"]')`
		count := shared + `.querySelector('li[data-var="count"]')`
		sb := shared + `.querySelector('li[data-var="balance"]')`
		if !eval[bool](t, ctx, count+` !== null && `+count+`.dataset.protected === "no" && `+sb+`.dataset.protected === "yes"`) {
			t.Fatalf("shared variables: %s", eval[string](t, ctx, shared+` && `+shared+`.textContent`))
		}
		words := map[string][3]string{
			"en": {"m protects balance: held at all 12 accesses", "count: no common lock", "balance: protected by m"},
			"ko": {"m이 balance를 보호합니다", "count: 공통 락 없음", "balance: m이 보호함"},
		}[lang]
		got := [3]string{eval[string](t, ctx, balance+`.textContent`), eval[string](t, ctx, count+`.textContent`), eval[string](t, ctx, sb+`.textContent`)}
		for i := range words {
			if !strings.Contains(got[i], words[i]) {
				t.Errorf("%s: %q lacks %q", lang, got[i], words[i])
			}
		}
		if !strings.HasPrefix(got[1], "⚠") || !strings.HasPrefix(got[0], "✓") {
			t.Errorf("%s: glyphs %q, %q", lang, got[0], got[1])
		}
		eval[bool](t, ctx, ipc+`.scrollIntoView(), true`)
		screenshot(t, ctx, "guards-bank-"+lang)
	}
}
