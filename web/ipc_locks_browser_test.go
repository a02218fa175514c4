package web

import (
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"osplay/api"
)

const mutexHeld = `#include <pthread.h>
#include <stdio.h>
#include <unistd.h>
pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
int shared;
void *worker(void *arg) {
	pthread_mutex_lock(&lock);
	shared++;
	pthread_mutex_unlock(&lock);
	return NULL;
}
int main(void) {
	pthread_t t;
	pthread_mutex_lock(&lock);
	pthread_create(&t, NULL, worker, NULL);
	sleep(1);
	pthread_mutex_unlock(&lock);
	pthread_join(t, NULL);
	printf("shared %d\n", shared);
	return 0;
}
`

// TestBrowserShowsMutexHandoff: the sequence chart draws main's unlock
// to the worker's lock; moved back to just before the unlock, the IPC
// view shows the mutex by its variable, held by main, the worker waiting;
// after the run it is still listed, free.
func TestBrowserShowsMutexHandoff(t *testing.T) {
	ctx := browserTab(t)
	_, srv := testServer(t, api.Limits{})
	do(t, ctx, chromedp.EmulateViewport(1280, 800), chromedp.Navigate(srv.URL+"/play?new=1&speed=100000"),
		chromedp.WaitVisible(chromedp.CSS(`[data-view="editor"] .cm-content`)))
	waitFor(t, ctx, "the session", `document.querySelector('[data-show="status"]').dataset.status === "paused"`)
	typeProgram(t, ctx, mutexHeld)
	do(t, ctx, chromedp.Click(chromedp.CSS(`[data-action="run"]`)))
	waitFor(t, ctx, "the end, drawn", doneAndDrawn)
	if out := eval[string](t, ctx, consoleText); !strings.Contains(out, "shared 1") {
		t.Fatalf("console %q", out)
	}
	msc := `document.querySelector('[data-view="msc"]')`
	waitFor(t, ctx, "the lock's arrow", msc+`.querySelector('.msc-row.op-lock path.a-data') !== null`)
	if label := eval[string](t, ctx, msc+`.querySelector('.msc-row.op-lock').textContent`); !strings.Contains(label, "unlock→lock") || !strings.Contains(label, "lock") {
		t.Errorf("the lock's arrow says %q", label)
	}
	unlock := eval[string](t, ctx, msc+`.querySelector('.msc-row.op-unlock').dataset.tick`)
	tick, err := strconv.Atoi(unlock)
	if err != nil {
		t.Fatalf("unlock's tick %q", unlock)
	}
	eval[bool](t, ctx, `window.osplay.seek(`+strconv.Itoa(tick)+`), true`)
	waitFor(t, ctx, "the rewind", `document.querySelector('[data-show="tick"]').textContent === "`+strconv.Itoa(tick)+`" && window.osplay.dispatcher.frame === 0`)
	mutex := `document.querySelector('[data-view="ipc"] .ipc-obj[data-kind="mutex"]')`
	waitFor(t, ctx, "the mutex in the IPC view", mutex+` !== null`)
	if s := eval[string](t, ctx, mutex+`.querySelector('.ipc-title').textContent`); !strings.Contains(s, "lock") {
		t.Errorf("the mutex's name: %q", s)
	}
	if s := eval[string](t, ctx, mutex+`.querySelector('[data-field="owner"]').textContent`); s != "T2" {
		t.Errorf("held by %q, want T2", s)
	}
	if s := eval[string](t, ctx, mutex+`.querySelector('[data-queue="waiters"]').textContent`); !strings.Contains(s, "T3") {
		t.Errorf("waiting: %q, want T3", s)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll('[data-view="ipc"] .ipc-obj[data-kind="mutex"]').length`); n != 1 {
		t.Errorf("%d mutex cards, want 1 (the IPC object, not again as a sync object)", n)
	}
	if !eval[bool](t, ctx, `document.querySelector('[data-view="ipc"] [data-show="ipc-locks"]') !== null`) {
		t.Errorf("the view does not say which locks it tracks")
	}
	eval[bool](t, ctx, `document.querySelector('[data-view="ipc"]').scrollIntoView(), true`)
	screenshot(t, ctx, "ipc-mutex")
}
