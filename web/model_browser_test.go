package web

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"osplay/api"
	"osplay/internal/loadprog"
)

// openPlay opens an empty playground at 1280×800, ready for a program.
func openPlay(t *testing.T, query string) (context.Context, string) {
	t.Helper()
	ctx := browserTab(t)
	_, srv := testServer(t, api.Limits{})
	do(t, ctx, chromedp.EmulateViewport(1280, 800), chromedp.Navigate(srv.URL+"/play?"+query),
		chromedp.WaitVisible(chromedp.CSS(`[data-view="editor"] .cm-content`)))
	waitFor(t, ctx, "the session", `document.querySelector('[data-show="status"]').dataset.status === "paused"`)
	return ctx, srv.URL
}

// openTwoProcesses opens the load benchmarks' two-process loop on the
// server at url, as a link with its code, and sets the speed below the
// fastest by slower steps of the slider (0: the fastest).
func openTwoProcesses(t testing.TB, ctx context.Context, url string, slower int) {
	t.Helper()
	code := eval[string](t, ctx, fmt.Sprintf(`btoa(%q).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "")`, loadprog.TwoProcesses))
	do(t, ctx, chromedp.Navigate(url+"/play#code="+code))
	waitFor(t, ctx, "the session", `document.querySelector('[data-show="status"]').dataset.status === "paused"`)
	eval[bool](t, ctx, fmt.Sprintf(`(() => { const s = document.querySelector('[data-control="speed"]'); s.value = s.max - %d; s.dispatchEvent(new Event("input")); return true; })()`, slower))
}

// A monitor whose thread inside waits for input: one thread waits on the
// condition notFull, one at the door.
const monitorQueues = `#include <stdio.h>
#include <pthread.h>
#include <unistd.h>
#include <osplay/monitor.h>
monitor_t mon;
condition_t notFull;
void *waiter(void *arg) { monitor_enter(mon); condition_wait(notFull); monitor_leave(mon); return NULL; }
void *holder(void *arg) { monitor_enter(mon); getchar(); monitor_leave(mon); return NULL; }
void *knocker(void *arg) { monitor_enter(mon); monitor_leave(mon); return NULL; }
int main(void)
{
	pthread_t a, b, c;
	mon = monitor_create("buffer");
	notFull = condition_create(mon, "notFull");
	pthread_create(&a, NULL, waiter, NULL);
	usleep(1000);
	pthread_create(&b, NULL, holder, NULL);
	usleep(1000);
	pthread_create(&c, NULL, knocker, NULL);
	pthread_join(c, NULL);
	return 0;
}
`

// TestBrowserShowsAMonitorBox: the IPC view draws a monitor as a box:
// the thread inside, the entry queue with the thread at the door, the
// condition's queue with the thread waiting on it, and (Hoare, the
// default) the urgent queue, empty; the card takes the keyboard's focus.
func TestBrowserShowsAMonitorBox(t *testing.T) {
	ctx, _ := openPlay(t, "new=1&speed=100000")
	typeProgram(t, ctx, monitorQueues)
	do(t, ctx, chromedp.Click(chromedp.CSS(`[data-action="run"]`)))
	waitFor(t, ctx, "the holder waiting for input", `document.querySelector('[data-show="status"]').dataset.status === "input" && window.osplay.dispatcher.frame === 0`)
	mon := `document.querySelector('[data-view="ipc"] .ipc-obj[data-kind="monitor"]')`
	waitFor(t, ctx, "the monitor", mon+` !== null && `+mon+`.querySelector('.mon-box') !== null`)
	got := eval[map[string]any](t, ctx, `(() => { const m = `+mon+`; const q = (s) => m.querySelector(s);
		return {title: m.querySelector('.ipc-title').textContent, inside: q('.mon-inside').textContent,
			entry: q('[data-queue="entry"]').textContent, entryN: q('[data-queue="entry"]').dataset.waiters,
			cond: q('[data-queue="condition"][data-name="notFull"]').textContent, condN: q('[data-queue="condition"]').dataset.waiters,
			urgent: q('[data-queue="urgent"]').textContent, sem: q('[data-field="semantics"]').textContent}; })()`)
	if got["title"] != "monitor buffer" || !strings.Contains(got["inside"].(string), "inside") || got["entryN"] != "1" ||
		got["condN"] != "1" || !strings.Contains(got["cond"].(string), "notFull") || !strings.Contains(got["urgent"].(string), "empty") ||
		!strings.Contains(got["sem"].(string), "Hoare") {
		t.Errorf("the monitor's box: %v", got)
	}
	// The three threads are three different ones: inside, at the door, on the condition.
	if ids := eval[[]string](t, ctx, `[...`+mon+`.querySelectorAll('.mon-inside .mon-who, [data-queue="entry"] .mon-who, [data-queue="condition"] .mon-who')].map((e) => e.textContent)`); len(ids) != 3 || ids[0] == ids[1] || ids[1] == ids[2] || ids[0] == ids[2] {
		t.Errorf("threads inside, at the door, on the condition: %v", ids)
	}
	eval[bool](t, ctx, mon+`.focus(), true`)
	if !eval[bool](t, ctx, `document.activeElement === `+mon) {
		t.Error("the monitor's card does not take the focus")
	}
	eval[bool](t, ctx, mon+`.scrollIntoView(), true`)
	screenshot(t, ctx, "ipc-monitor")
}

// A mailbox the OS owns outlives the program, with two messages in it.
const mailboxHeld = `#include <stdio.h>
#include <string.h>
#include <osplay/mailbox.h>
int main(void)
{
	struct message m = {0};
	int mb = mailbox_create(4, MAILBOX_BY_OS);
	m.type = 7; m.control = 3;
	strcpy(m.body, "hello"); m.length = 6;
	mailbox_send(mb, &m, MAILBOX_WAIT);
	m.type = 8;
	strcpy(m.body, "world"); m.length = 6;
	mailbox_send(mb, &m, MAILBOX_WAIT);
	printf("two sent\n");
	return 0;
}
`

// TestBrowserShowsMailboxMessages: a mailbox's messages show with the
// slide's header (type, destination, source, length, control) and their
// bodies, with the mailbox's capacity and owner.
func TestBrowserShowsMailboxMessages(t *testing.T) {
	ctx, _ := openPlay(t, "new=1&speed=100000")
	typeProgram(t, ctx, mailboxHeld)
	do(t, ctx, chromedp.Click(chromedp.CSS(`[data-action="run"]`)))
	waitFor(t, ctx, "the end, drawn", doneAndDrawn)
	mb := `document.querySelector('[data-view="ipc"] .ipc-obj[data-kind="mailbox"]')`
	waitFor(t, ctx, "the mailbox", mb+` !== null`)
	items := eval[[]string](t, ctx, `[...`+mb+`.querySelectorAll('.ipc-items li')].map((li) =>
		[...li.querySelectorAll('[data-header]')].map((d) => d.dataset.header + "=" + d.textContent).join(" ") + " " + li.querySelector('.item-ascii').textContent)`)
	if len(items) != 2 || items[0] != "type=7 dest=1 source=2 length=6 control=3 hello·" || items[1] != "type=8 dest=1 source=2 length=6 control=3 world·" {
		t.Errorf("the mailbox's messages: %q", items)
	}
	if c := eval[string](t, ctx, mb+`.querySelector('[data-field="capacity"]').textContent`); c != "4" {
		t.Errorf("capacity %q", c)
	}
	if o := eval[string](t, ctx, mb+`.querySelector('[data-field="owned_by"]').textContent`); o != "the OS" {
		t.Errorf("owned by %q", o)
	}
	eval[bool](t, ctx, mb+`.scrollIntoView(), true`)
	screenshot(t, ctx, "ipc-mailbox")
}

// A faulty mailbox: the first message is lost, the second scrambled;
// then the syncsend program's exchange over the direct links.
const messagesOnTheChart = `#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <osplay/mailbox.h>
#include <osplay/message.h>
int main(void)
{
	struct message m = {0}, got;
	pid_t from, parent = getpid(), child;
	int mb = mailbox_create(4, MAILBOX_BY_PROCESS);
	m.length = 6;
	strcpy(m.body, "lost!");
	mailbox_faults(mb, 100, 0);
	mailbox_send(mb, &m, MAILBOX_WAIT);
	strcpy(m.body, "maybe");
	mailbox_faults(mb, 0, 100);
	mailbox_send(mb, &m, MAILBOX_WAIT);
	mailbox_receive(mb, &got, MAILBOX_WAIT);
	if ((child = fork()) == 0) {
		blockreceive(&got, &from);
		strcpy(m.body, "done");
		syncsend(&m, parent);
		return 0;
	}
	strcpy(m.body, "work");
	syncsend(&m, child);
	blockreceive(&got, &from);
	printf("got %s\n", got.body);
	wait(NULL);
	return 0;
}
`

// TestBrowserChartsMessages: the sequence chart draws each message from
// its send to its receive — across processes for the direct links — a
// lost message as a cross with the word, and a scrambled one as an arrow
// of its own marked ⚠ with the word.
func TestBrowserChartsMessages(t *testing.T) {
	ctx, _ := openPlay(t, "new=1&speed=100000")
	typeProgram(t, ctx, messagesOnTheChart)
	do(t, ctx, chromedp.Click(chromedp.CSS(`[data-action="run"]`)))
	waitFor(t, ctx, "the end, drawn", doneAndDrawn)
	if out := eval[string](t, ctx, consoleText); !strings.Contains(out, "got done") {
		t.Fatalf("console %q", out)
	}
	msc := `document.querySelector('[data-view="msc"]')`
	waitFor(t, ctx, "the arrows", msc+`.querySelectorAll('.msc-row.op-receive path.a-data').length >= 2`)
	// The direct links' arrows go between the two lifelines.
	pairs := eval[[]string](t, ctx, `[...`+msc+`.querySelectorAll('.msc-row.op-receive')].filter((r) => r.querySelector('path.a-data')).map((r) => r.querySelector('.label').textContent)`)
	links := 0
	for _, p := range pairs {
		if strings.HasPrefix(p, "link→") {
			links++
		}
	}
	if links != 2 {
		t.Errorf("arrows of the direct links: %q", pairs)
	}
	lost := eval[string](t, ctx, msc+`.querySelector('.msc-row.fault-lost').textContent`)
	if !strings.Contains(lost, "✗ lost") || !eval[bool](t, ctx, msc+`.querySelector('.msc-row.fault-lost .mark.cross') !== null`) {
		t.Errorf("the lost message: %q", lost)
	}
	scr := eval[string](t, ctx, msc+`.querySelector('.msc-row.op-receive.fault-scrambled').textContent`)
	if !strings.Contains(scr, "⚠") || !strings.Contains(scr, "scrambled") || !eval[bool](t, ctx, msc+`.querySelector('.msc-row.op-receive.fault-scrambled path.a-scrambled') !== null`) {
		t.Errorf("the scrambled message: %q", scr)
	}
	eval[bool](t, ctx, msc+`.scrollIntoView(), true`)
	screenshot(t, ctx, "msc-messages")
}

// TestBrowserChartsMachRPC: the Mach ports example's msg_rpc calls are
// drawn as request and reply, each copied into its port and out (copy 1/2
// written beside the send, copy 2/2 on the arrow).
func TestBrowserChartsMachRPC(t *testing.T) {
	ctx, _ := openPlay(t, "example=mach-ports&speed=100000")
	do(t, ctx, chromedp.Click(chromedp.CSS(`[data-action="run"]`)))
	waitFor(t, ctx, "the end, drawn", doneAndDrawn)
	msc := `document.querySelector('[data-view="msc"]')`
	labels := eval[[]string](t, ctx, `[...`+msc+`.querySelectorAll('.msc-row.op-receive')].filter((r) => r.querySelector('path.a-data')).map((r) => r.querySelector('.label').textContent)`)
	requests, replies := 0, 0
	for _, l := range labels {
		switch {
		case strings.HasPrefix(l, "port 1 ") && strings.HasSuffix(l, "copy 2/2"):
			requests++
		case strings.HasPrefix(l, "port ") && strings.HasSuffix(l, "copy 2/2"):
			replies++
		}
	}
	if requests != 3 || replies < 3 {
		t.Errorf("rpc arrows %q", labels)
	}
	if n := eval[int](t, ctx, `[...`+msc+`.querySelectorAll('.msc-row.op-send .label')].filter((l) => l.textContent === "copy 1/2 → port 1").length`); n != 3 {
		t.Errorf("%d requests marked as copied into port 1", n)
	}
	eval[bool](t, ctx, msc+`.scrollIntoView(), true`)
	screenshot(t, ctx, "msc-mach-rpc")
}

// TestBrowserShowsAMonitorBoxInKorean: the same box, in Korean.
func TestBrowserShowsAMonitorBoxInKorean(t *testing.T) {
	ctx, _ := openPlay(t, "new=1&lang=ko&speed=100000")
	typeProgram(t, ctx, monitorQueues)
	do(t, ctx, chromedp.Click(chromedp.CSS(`[data-action="run"]`)))
	waitFor(t, ctx, "the holder waiting for input", `document.querySelector('[data-show="status"]').dataset.status === "input" && window.osplay.dispatcher.frame === 0`)
	mon := `document.querySelector('[data-view="ipc"] .ipc-obj[data-kind="monitor"]')`
	waitFor(t, ctx, "the monitor", mon+` !== null && `+mon+`.querySelector('.mon-box') !== null`)
	text := eval[string](t, ctx, mon+`.innerText`)
	for _, want := range []string{"모니터 buffer", "진입 큐", "안에", "조건 notFull", "긴급 큐", "비어 있음", "Hoare (깨운 스레드가 바로 실행)"} {
		if !strings.Contains(text, want) {
			t.Errorf("the Korean box lacks %q: %s", want, text)
		}
	}
	eval[bool](t, ctx, mon+`.scrollIntoView(), true`)
	screenshot(t, ctx, "ipc-monitor-ko")
}

// TestBrowserChartsRPC: the RPC example's calls on the sequence chart —
// rdate's questions to the matchmaker and its calls to date_svc, each a
// datagram from the client's lifeline to the server's, and each reply
// back, arrows whose text carries the marshalled bytes.
func TestBrowserChartsRPC(t *testing.T) {
	ctx, _ := openPlay(t, "example=rpc&speed=100000")
	do(t, ctx, chromedp.Click(chromedp.CSS(`[data-action="run"]`)))
	waitFor(t, ctx, "the end, drawn", doneAndDrawn)
	msc := `document.querySelector('[data-view="msc"]')`
	arrows := eval[[]map[string]any](t, ctx, `(() => {
		const lanes = new Map([...`+msc+`.querySelectorAll('.lane')].map((g) => [Number(g.querySelector('.lifeline').getAttribute('x1')), g.querySelector('.lane-sub').textContent]));
		return [...`+msc+`.querySelectorAll('.msc-row.op-receive')].filter((r) => r.querySelector('path.a-data')).map((r) => {
			const d = r.querySelector('path.a-data').getAttribute('d').match(/M([\d.]+),[\d.]+ L([\d.]+)/);
			const near = (x) => { let best = "", dist = 1e9; for (const [lx, n] of lanes) if (Math.abs(lx - x) < dist) { dist = Math.abs(lx - x); best = n; } return best; };
			return {from: near(Number(d[1])), to: near(Number(d[2])), label: r.querySelector('.label').textContent, title: r.getAttribute('aria-label')};
		});
	})()`)
	calls, replies := 0, 0
	for _, a := range arrows {
		switch {
		case a["from"] == "rdate" && a["to"] == "date_svc":
			calls++
		case a["from"] == "date_svc" && a["to"] == "rdate":
			replies++
		}
	}
	if calls < 3 || replies < 3 {
		t.Errorf("rdate→date_svc %d, date_svc→rdate %d; arrows %v", calls, replies, arrows)
	}
	eval[bool](t, ctx, msc+`.scrollIntoView(), true`)
	screenshot(t, ctx, "msc-rpc")
}
