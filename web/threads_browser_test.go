package web

import (
	"context"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"osplay/api"
)

// lockedWorkers: main holds a mutex while two threads queue for it, and
// waits for a line of input, so that the page stands still with one
// process of three threads — two waiting on the mutex its main thread owns.
const lockedWorkers = `#include <pthread.h>
#include <stdio.h>
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static int shared;
static void *worker(void *arg)
{
	pthread_mutex_lock(&lock);
	shared++;
	pthread_mutex_unlock(&lock);
	return NULL;
}
int main(void)
{
	pthread_t a, b;
	pthread_mutex_lock(&lock);
	pthread_create(&a, NULL, worker, NULL);
	pthread_create(&b, NULL, worker, NULL);
	getchar();
	pthread_mutex_unlock(&lock);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	printf("shared = %d\n", shared);
	return 0;
}
`

// philosophersSrc is the naive dining philosophers, the kernel's.
var philosophersSrc = func() string {
	src, err := os.ReadFile("../kernel/testdata/proc/philosophers.c")
	if err != nil {
		panic(err)
	}
	return string(src)
}()

// runTyped opens the playground at path, types src and runs it at the
// fastest speed.
func runTyped(t *testing.T, path, src string) (ctx context.Context) {
	t.Helper()
	ctx = browserTab(t)
	_, srv := testServer(t, api.Limits{})
	do(t, ctx, chromedp.Navigate(srv.URL+path), chromedp.WaitVisible(chromedp.CSS(`[data-view="editor"] .cm-content`)))
	waitFor(t, ctx, "the session", `document.querySelector('[data-show="status"]').dataset.status === "paused"`)
	typeProgram(t, ctx, src)
	do(t, ctx, chromedp.SetValue(chromedp.CSS(`[data-control="speed"]`), "10"))
	eval[bool](t, ctx, `document.querySelector('[data-control="speed"]').dispatchEvent(new Event("input")), true`)
	do(t, ctx, chromedp.Click(chromedp.CSS(`[data-action="run"]`)))
	return ctx
}

func TestBrowserShowsThreadsInTheirProcess(t *testing.T) {
	ctx := runTyped(t, "/play?new=1", lockedWorkers)
	waitFor(t, ctx, "the program waiting for input", `document.querySelector('[data-show="status"]').dataset.status === "input"`)
	// The state diagram: a token per thread of process 2, squares labelled
	// by tid, the two workers waiting.
	tokens := eval[[]string](t, ctx, `[...document.querySelectorAll('[data-view="states"] .token.thread[data-pid="2"]')].map(e => e.dataset.tid + ":" + e.closest("[data-state]").dataset.state)`)
	if len(tokens) != 3 || !slices.Contains(tokens, "3:waiting") || !slices.Contains(tokens, "4:waiting") {
		t.Errorf("thread tokens of pid 2: %v, want threads 2, 3 and 4, the workers waiting", tokens)
	}
	// The tree: the threads inside their process.
	chips := eval[[]string](t, ctx, `[...document.querySelectorAll('[data-view="proctree"] [data-pid="2"] .thread')].map(e => e.dataset.tid)`)
	if strings.Join(chips, ",") != "2,3,4" {
		t.Errorf("process 2 in the tree holds threads %v", chips)
	}
	// The editor marks where each thread is.
	marks := eval[[]string](t, ctx, `[...document.querySelectorAll('.cm-pid-marker')].map(e => e.textContent).filter(s => s.startsWith("T")).sort()`)
	if strings.Join(marks, ",") != "T2,T3,T4" {
		t.Errorf("editor markers %v, want T2, T3 and T4", marks)
	}
	// The queues: the mutex, its owner the main thread, the two workers waiting in order.
	mutex := `document.querySelector('[data-view="queues"] .sync[data-kind="mutex"]')`
	waitFor(t, ctx, "the mutex's queue", mutex+` !== null`)
	if owner := eval[string](t, ctx, mutex+`.querySelector('[data-role="owner"]').dataset.tid`); owner != "2" {
		t.Errorf("mutex owner %s, want the main thread 2", owner)
	}
	waiters := eval[[]string](t, ctx, `[...`+mutex+`.querySelectorAll('.cell:not(.owner)')].map(e => e.dataset.tid)`)
	if strings.Join(waiters, ",") != "3,4" {
		t.Errorf("mutex waiters %v, want 3 then 4", waiters)
	}
	if label := eval[string](t, ctx, mutex+`.getAttribute("aria-label")`); !strings.Contains(label, "owner: T2") {
		t.Errorf("the mutex's queue says %q", label)
	}
	// The Gantt chart labels the threads that ran.
	if n := eval[int](t, ctx, `document.querySelectorAll('[data-view="gantt"] .seg.run[data-tid="3"]').length`); n == 0 {
		t.Errorf("no Gantt segment of thread 3")
	}
	// A row per thread: the Gantt chart's rows are labelled by thread.
	do(t, ctx, chromedp.Click(chromedp.CSS(`[data-control="gantt-threads"]`)))
	waitFor(t, ctx, "a row per thread", `document.querySelectorAll('[data-view="gantt"] .row[data-thread]').length >= 3`)
	labels := eval[[]string](t, ctx, `[...document.querySelectorAll('[data-view="gantt"] .cpu-label')].map(e => e.textContent)`)
	if strings.Join(labels, ",") != "T2,T3,T4" {
		t.Errorf("Gantt rows %v, want T2, T3, T4", labels)
	}
	viewShot(t, ctx, "gantt", "threads-gantt")
	// The PCB lists the TCBs.
	// Clicked by its element, not by where it is: the docked controls may
	// cover a box scrolled just under them.
	eval[bool](t, ctx, `document.querySelector('[data-view="proctree"] [data-pid="2"] .box').dispatchEvent(new MouseEvent("click", {bubbles: true}))`)
	waitFor(t, ctx, "the TCBs", `document.querySelectorAll('[data-view="pcb"] table.tcbs tbody tr').length === 3`)
	screenshot(t, ctx, "threads-mutex")
	for _, v := range []string{"states", "queues", "proctree", "pcb"} {
		viewShot(t, ctx, v, "threads-"+v)
	}
	// A line of input lets main unlock: both workers get the mutex in turn.
	do(t, ctx, chromedp.SendKeys(chromedp.CSS(`[data-control="stdin-line"]`), "go\r"))
	waitFor(t, ctx, "the end", consoleText+`.includes("shared = 2")`)
	waitFor(t, ctx, "no more queue for the mutex", `document.querySelector('[data-view="queues"] .sync') === null`)
}

func TestBrowserDrawsTheDeadlockCycle(t *testing.T) {
	for _, c := range []struct{ lang, words string }{{"en", "Deadlock"}, {"ko", "교착 상태"}} {
		t.Run(c.lang, func(t *testing.T) {
			ctx := runTyped(t, "/play?new=1&sched=rr&quantum=2&lang="+c.lang, philosophersSrc)
			view := `document.querySelector('[data-view="waitfor"]')`
			waitFor(t, ctx, "the cycle", view+`.querySelectorAll('.edge.cycle').length === 5`)
			// Nothing can run again: the session stands still and says so.
			waitFor(t, ctx, "the stalled status", `document.querySelector('[data-show="status"]').dataset.status === "stalled"`)
			nodes := eval[[]string](t, ctx, `[...`+view+`.querySelectorAll('.wf-node[data-in-cycle="true"]')].map(e => e.dataset.tid)`)
			if strings.Join(nodes, ",") != "3,4,5,6,7" {
				t.Errorf("threads in the cycle %v, want the five philosophers", nodes)
			}
			// The main thread waits to join a philosopher: an arrow, not in the cycle.
			if n := eval[int](t, ctx, view+`.querySelectorAll('.edge:not(.cycle)[data-from="2"][data-kind="join"]').length`); n != 1 {
				t.Errorf("%d join arrows from the main thread, want 1", n)
			}
			words := eval[string](t, ctx, view+`.querySelector('[data-show="deadlock"]').textContent`)
			if !strings.Contains(words, c.words) || !strings.Contains(words, "T3 → T4 → T5 → T6 → T7 → T3") {
				t.Errorf("the cycle in words: %q", words)
			}
			if src := eval[string](t, ctx, view+`.querySelector('.wf-list .src').textContent`); !strings.Contains(src, "pthread_mutex_lock") && !strings.Contains(src, "pthread_join") {
				t.Errorf("the wait's line of source: %q", src)
			}
			// At full speed the instructions are not watched, and the view says so.
			if n := eval[int](t, ctx, `document.querySelectorAll('[data-view="instructions"] [data-show="instr-fast"]').length`); n != 1 {
				t.Errorf("the instructions view does not say it cannot follow this speed")
			}
			// With the keyboard: a thread of the graph, Enter, and its process's PCB opens.
			do(t, ctx, chromedp.Focus(chromedp.CSS(`[data-view="waitfor"] .wf-node[data-tid="4"]`)), chromedp.KeyEvent("\r"))
			waitFor(t, ctx, "the PCB of the philosophers", `document.querySelectorAll('[data-view="pcb"] table.tcbs tbody tr').length === 6`)
			screenshot(t, ctx, "philosophers-"+c.lang)
			viewShot(t, ctx, "waitfor", "philosophers-waitfor-"+c.lang)
			viewShot(t, ctx, "queues", "philosophers-queues-"+c.lang)
		})
	}
}

// viewShot saves one view as NAME.png beside the page's screenshots.
func viewShot(t *testing.T, ctx context.Context, view, name string) {
	t.Helper()
	png, err := chromedp.Run(ctx, chromedp.Screenshot(chromedp.CSS(`[data-view="`+view+`"]`)))
	if err != nil {
		t.Errorf("screenshot of %s: %v", view, err)
		return
	}
	artifact(t, name+".png", png)
}

// lostUpdateSrc is OSTEP's counter without a lock (ch. 26).
const lostUpdateSrc = `#include <pthread.h>
#include <stdio.h>
static volatile int counter;
static void *add(void *arg)
{
	for (int i = 0; i < 2000; i++)
		counter = counter + 1;
	return NULL;
}
int main(void)
{
	pthread_t a, b;
	pthread_create(&a, NULL, add, NULL);
	pthread_create(&b, NULL, add, NULL);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	printf("%d\n", counter);
	return 0;
}
`

// Run slowly, the counter race shows the two threads' loads, adds and
// stores of counter interleaved, the update lost numbered ① ② ③.
func TestBrowserShowsTheLostUpdate(t *testing.T) {
	for _, c := range []struct{ lang, words string }{{"en", "update is lost"}, {"ko", "갱신이 사라졌습니다"}} {
		t.Run(c.lang, func(t *testing.T) {
			ctx := browserTab(t)
			_, srv := testServer(t, api.Limits{})
			do(t, ctx, chromedp.Navigate(srv.URL+"/play?new=1&sched=rr&quantum=5&speed=100&lang="+c.lang),
				chromedp.WaitVisible(chromedp.CSS(`[data-view="editor"] .cm-content`)))
			waitFor(t, ctx, "the session", `document.querySelector('[data-show="status"]').dataset.status === "paused"`)
			typeProgram(t, ctx, lostUpdateSrc)
			// A few steps first: each instruction appears in its thread's column.
			for i := 0; i < 3; i++ {
				tick := eval[string](t, ctx, `document.querySelector('[data-show="tick"]').textContent`)
				do(t, ctx, chromedp.Click(chromedp.CSS(`[data-action="step"]`)))
				waitFor(t, ctx, "the step", `document.querySelector('[data-show="tick"]').textContent !== "`+tick+`"`)
			}
			waitFor(t, ctx, "the instructions", `document.querySelectorAll('[data-view="instructions"] .instr-live tbody tr').length > 0`)
			do(t, ctx, chromedp.Click(chromedp.CSS(`[data-action="run"]`)))
			panel := `document.querySelector('[data-view="instructions"] [data-show="lost-update"]')`
			waitFor(t, ctx, "a lost update", panel+` !== null`)
			do(t, ctx, chromedp.Click(chromedp.CSS(`[data-action="pause"]`)))
			marked := eval[[]string](t, ctx, `[...`+panel+`.querySelectorAll('tr.marked')].map(r => r.querySelector('.mark').textContent.trim() + r.dataset.tid + ":" + r.querySelector('td.ins').textContent)`)
			if len(marked) != 3 {
				t.Fatalf("marked rows %v, want the load, the other's store and the store", marked)
			}
			me, other := marked[0][len("①"):strings.Index(marked[0], ":")], marked[1][len("②"):strings.Index(marked[1], ":")]
			if !strings.HasPrefix(marked[0], "①") || !strings.Contains(marked[0], "load counter") ||
				!strings.HasPrefix(marked[1], "②") || !strings.Contains(marked[1], "store") || !strings.Contains(marked[1], "counter") ||
				!strings.HasPrefix(marked[2], "③") || !strings.Contains(marked[2], "counter") ||
				me == other || marked[2][len("③"):strings.Index(marked[2], ":")] != me {
				t.Errorf("the lost update reads %v", marked)
			}
			// Each thread's add is there between its load and its store.
			if n := eval[int](t, ctx, `[...`+panel+`.querySelectorAll('td.ins')].filter(e => e.textContent.startsWith("add")).length`); n < 1 {
				t.Errorf("no add in the lost update")
			}
			if says := eval[string](t, ctx, panel+`.querySelector('.lost-says').textContent`); !strings.Contains(says, c.words) {
				t.Errorf("the lost update is said %q", says)
			}
			if src := eval[string](t, ctx, panel+`.querySelector('td.line code').textContent`); !strings.Contains(src, "counter = counter + 1") {
				t.Errorf("the C line shown is %q", src)
			}
			viewShot(t, ctx, "instructions", "lost-update-"+c.lang)
		})
	}
}

// detached: a detached thread exits and is forgotten; main waits for input.
const detached = `#include <pthread.h>
#include <stdio.h>
static void *quick(void *arg) { return NULL; }
int main(void)
{
	pthread_t t;
	pthread_attr_t a;
	pthread_attr_init(&a);
	pthread_attr_setdetachstate(&a, PTHREAD_CREATE_DETACHED);
	pthread_create(&t, &a, quick, NULL);
	getchar();
	return 0;
}
`

// A detached thread that has exited leaves its process: no token, no chip.
func TestBrowserForgetsADetachedThread(t *testing.T) {
	ctx := runTyped(t, "/play?new=1", detached)
	waitFor(t, ctx, "the program waiting for input", `document.querySelector('[data-show="status"]').dataset.status === "input"`)
	waitFor(t, ctx, "the thread gone", `document.querySelectorAll('[data-view="states"] .token[data-tid="3"]').length === 0`)
	// Process 2 has its main thread only: the tree shows it as a process
	// of one thread (no chips) or with the main thread's chip, as the last
	// batch had it; never the detached thread's.
	if chips := eval[[]string](t, ctx, `[...document.querySelectorAll('[data-view="proctree"] [data-pid="2"] .thread')].map(e => e.dataset.tid)`); slices.Contains(chips, "3") || len(chips) > 1 {
		t.Errorf("process 2 holds threads %v, want the main one only", chips)
	}
}
