package web

// The console with a long run behind it: the page holds only its last
// lines as elements, and the whole output stays readable and copyable.

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"osplay/api"
)

const manyLines = `#include <stdio.h>

int main(void)
{
	for (int i = 0; i < 3000; i++)
		printf("line %d of the long output\n", i);
	return 0;
}
`

func TestBrowserConsoleKeepsLongOutputWhole(t *testing.T) {
	ctx := browserTab(t)
	_, srv := testServer(t, api.Limits{})
	do(t, ctx, chromedp.Navigate(srv.URL+"/play?new=1"), chromedp.WaitVisible(chromedp.CSS(`[data-view="editor"] .cm-content`)))
	waitFor(t, ctx, "the session", `document.querySelector('[data-show="status"]').dataset.status === "paused"`)
	typeProgram(t, ctx, manyLines)
	eval[bool](t, ctx, `(() => { const s = document.querySelector('[data-control="speed"]'); s.value = s.max; s.dispatchEvent(new Event("input")); return true; })()`)
	do(t, ctx, chromedp.Click(chromedp.CSS(`[data-action="run"]`)))
	waitFor(t, ctx, "the end", `document.querySelector('[data-show="status"]').dataset.status === "done"`)
	waitFor(t, ctx, "the last line", consoleText+`.includes("line 2999 of")`)

	var want []string
	for i := 0; i < 3000; i++ {
		want = append(want, fmt.Sprintf("line %d of the long output", i))
	}
	const out = `document.querySelector('[data-view="console"] .console-out')`
	// The lines as the console shows them, without the pids' margin.
	const shown = `[...` + out + `.querySelectorAll('.line')].map(l => [...l.children].slice(1).map(s => s.textContent).join(""))`
	lines := eval[[]string](t, ctx, shown)
	if len(lines) >= 1000 {
		t.Errorf("the console holds %d lines as elements after 3,000 lines of output", len(lines))
	}
	if len(lines) < 3 || lines[len(lines)-3] != want[2999] || !strings.HasPrefix(lines[len(lines)-2], "[pid ") {
		t.Fatalf("the console ends %q", lines[max(0, len(lines)-3):])
	}
	if !eval[bool](t, ctx, out+`.scrollTop + `+out+`.clientHeight >= `+out+`.scrollHeight - 8`) {
		t.Errorf("the console is not scrolled to its end")
	}
	// The earlier lines are said to be there, with the number of them.
	bar := eval[string](t, ctx, out+`.querySelector('.earlier').hidden ? "" : `+out+`.querySelector('.earlier').textContent`)
	if hidden := 3000 + 2 - len(lines); !strings.Contains(bar, fmt.Sprintf("%d earlier lines", hidden)) && !strings.Contains(bar, fmt.Sprintf("%s earlier lines", commas(hidden))) {
		t.Errorf("the console's bar says %q with %d lines held back", bar, hidden)
	}

	screenshot(t, ctx, "console-long-output")

	// Copy all: the whole output, line by line, as printed.
	eval[bool](t, ctx, `(() => { navigator.clipboard.writeText = async (s) => { window.copied = s; }; return true; })()`)
	do(t, ctx, chromedp.Click(chromedp.CSS(`[data-action="console-copy"]`)))
	waitFor(t, ctx, "the copy", `typeof window.copied === "string"`)
	copied := eval[string](t, ctx, `window.copied`)
	if said := eval[string](t, ctx, out+`.querySelector('.copied').textContent`); !strings.Contains(said, "3,001") {
		t.Errorf("after Copy all the console says %q, not the 3,001 lines copied", said)
	}
	if !strings.HasPrefix(copied, strings.Join(want, "\n")+"\n[pid ") || strings.Count(copied, "\n") != 3001 {
		t.Errorf("Copy all gave %d lines, starting %q", strings.Count(copied, "\n"), copied[:min(80, len(copied))])
	}

	eval[bool](t, ctx, out+`.scrollTop = 0, true`)
	screenshot(t, ctx, "console-earlier-lines")

	// The earlier lines come back by the keyboard, until all are shown:
	// then every line is in the console, to read and to select.
	for i := 0; i < 10 && !eval[bool](t, ctx, out+`.querySelector('.earlier').hidden`); i++ {
		do(t, ctx, chromedp.Focus(chromedp.CSS(`[data-action="console-earlier"]`)), chromedp.KeyEvent("\r"))
	}
	lines = eval[[]string](t, ctx, shown)
	if len(lines) != 3002 || strings.Join(lines[:3000], "\n") != strings.Join(want, "\n") {
		t.Fatalf("with the earlier lines shown, the console holds %d lines, starting %q", len(lines), lines[:min(3, len(lines))])
	}
	selected := eval[string](t, ctx, `(() => { const r = document.createRange(); r.selectNodeContents(`+out+`); const s = getSelection(); s.removeAllRanges(); s.addRange(r); return s.toString(); })()`)
	if !strings.Contains(selected, want[0]+"\n"+want[1]+"\n") || !strings.Contains(selected, want[2998]+"\n"+want[2999]) {
		t.Errorf("selecting the console gives %d characters, starting %q", len(selected), selected[:min(80, len(selected))])
	}
}

// commas writes n with a comma every three digits, as the page's numbers.
func commas(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
