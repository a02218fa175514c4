package web

import (
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"osplay/api"
)

// doneAndDrawn holds once the run has ended and the page has drawn its
// last batch (the views draw on the next animation frame after the status
// changes).
const doneAndDrawn = `document.querySelector('[data-show="status"]').dataset.status === "done" && window.osplay.dispatcher.frame === 0`

// pipeHeld leaves the bytes of a write in a pipe for a second.
var pipeHeld = func() string {
	src, err := os.ReadFile("../kernel/testdata/proc/pipeheld.c")
	if err != nil {
		panic(err)
	}
	return string(src)
}()

// TestBrowserShowsPipeBytes: a pipe program's bytes show in the IPC view
// while they sit in the pipe — cut by the write they came from, with the
// writer's pid, and the pipe's ends — and again after the run, when the
// timeline is moved back to that moment; the sequence chart draws the
// write's arrow to the read that took it.
func TestBrowserShowsPipeBytes(t *testing.T) {
	ctx := browserTab(t)
	_, srv := testServer(t, api.Limits{})
	do(t, ctx, chromedp.EmulateViewport(1280, 800), chromedp.Navigate(srv.URL+"/play?new=1&speed=100000"),
		chromedp.WaitVisible(chromedp.CSS(`[data-view="editor"] .cm-content`)))
	waitFor(t, ctx, "the session", `document.querySelector('[data-show="status"]').dataset.status === "paused"`)
	typeProgram(t, ctx, pipeHeld)
	do(t, ctx, chromedp.Click(chromedp.CSS(`[data-action="run"]`)))
	waitFor(t, ctx, "the end, drawn", doneAndDrawn)
	if out := eval[string](t, ctx, consoleText); !strings.Contains(out, "parent read: hello pipe") {
		t.Fatalf("console %q", out)
	}
	// The sequence chart: the child's write, and an arrow from it to the
	// parent's read.
	waitFor(t, ctx, "the read's arrow", `document.querySelector('[data-view="msc"] .msc-row.op-read path.a-data') !== null`)
	write := eval[string](t, ctx, `document.querySelector('[data-view="msc"] .msc-row.op-write').dataset.tick`)
	tick, err := strconv.Atoi(write)
	if err != nil {
		t.Fatalf("write's tick %q", write)
	}
	// Back to just after the write: the bytes are in the pipe.
	eval[bool](t, ctx, `window.osplay.seek(`+strconv.Itoa(tick+1)+`), true`)
	waitFor(t, ctx, "the rewind", `document.querySelector('[data-show="tick"]').textContent === "`+strconv.Itoa(tick+1)+`" && window.osplay.dispatcher.frame === 0`)
	pipe := `document.querySelector('[data-view="ipc"] .ipc-obj[data-kind="pipe"]')`
	waitFor(t, ctx, "the pipe in the IPC view", pipe+` !== null`)
	item := pipe + `.querySelector('.ipc-items li[data-pid="3"]')`
	waitFor(t, ctx, "the child's bytes", item+` !== null && `+item+`.textContent.includes("hello pipe") && `+item+`.textContent.includes("68 65 6c 6c 6f")`)
	if s := eval[string](t, ctx, pipe+`.querySelector('[data-field="bytes"]').textContent`); s != "10" {
		t.Errorf("bytes in the pipe: %q", s)
	}
	if !eval[bool](t, ctx, pipe+`.querySelector('[data-role="read"][data-pid="2"]') !== null`) {
		t.Errorf("the parent's read end is not shown: %s", eval[string](t, ctx, pipe+`.textContent`))
	}
	// The chart keeps the rest of the run, faded, below the line of now.
	if !eval[bool](t, ctx, `document.querySelector('[data-view="msc"] .msc-row.op-read.future') !== null && document.querySelector('[data-view="msc"] .now') !== null`) {
		t.Errorf("the read is not drawn as the future after the rewind")
	}
	eval[bool](t, ctx, `document.querySelector('[data-view="ipc"]').scrollIntoView(), true`)
	screenshot(t, ctx, "ipc-pipe")
}

const signalArrows = `#include <signal.h>
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>
static void h(int sig) { printf("child got %d\n", sig); }
int main(void) {
	signal(SIGUSR1, h);
	pid_t pid = fork();
	if (pid == 0) {
		pause();
		return 0;
	}
	sleep(1);
	kill(pid, SIGUSR1);
	wait(NULL);
	printf("parent reaped\n");
	return 0;
}
`

// TestBrowserDrawsSignalArrows: the sequence chart of a signal program
// has a lifeline per process, the fork's arrow, the signal's and the
// reap's; a click on the signal's arrow moves the timeline to it, and
// Enter on a focused arrow does too.
func TestBrowserDrawsSignalArrows(t *testing.T) {
	ctx := browserTab(t)
	_, srv := testServer(t, api.Limits{})
	do(t, ctx, chromedp.EmulateViewport(1280, 800), chromedp.Navigate(srv.URL+"/play?new=1&speed=100000"),
		chromedp.WaitVisible(chromedp.CSS(`[data-view="editor"] .cm-content`)))
	waitFor(t, ctx, "the session", `document.querySelector('[data-show="status"]').dataset.status === "paused"`)
	typeProgram(t, ctx, signalArrows)
	do(t, ctx, chromedp.Click(chromedp.CSS(`[data-action="run"]`)))
	waitFor(t, ctx, "the end, drawn", doneAndDrawn)
	msc := `document.querySelector('[data-view="msc"]')`
	waitFor(t, ctx, "the arrows", msc+`.querySelector('.msc-row.k-signal path.a-signal') !== null`)
	for _, sel := range []string{`[data-lane="2"]`, `[data-lane="3"]`, `.msc-row.k-create path.a-fork`, `.msc-row.k-reap path.a-wait`, `.msc-row.k-exit`} {
		if !eval[bool](t, ctx, msc+`.querySelector('`+sel+`') !== null`) {
			t.Errorf("no %s in the chart", sel)
		}
	}
	signal := msc + `.querySelector('.msc-row.k-signal')`
	if label := eval[string](t, ctx, signal+`.textContent`); !strings.Contains(label, "SIGUSR1") {
		t.Errorf("the signal's arrow says %q", label)
	}
	tick := eval[string](t, ctx, signal+`.dataset.tick`)
	n, _ := strconv.Atoi(tick)
	want := strconv.Itoa(n + 1)
	screenshot(t, ctx, "msc-signal")
	eval[bool](t, ctx, signal+`.dispatchEvent(new MouseEvent("click", {bubbles: true})), true`)
	waitFor(t, ctx, "the timeline at the signal", `document.querySelector('[data-show="tick"]').textContent === "`+want+`" && window.osplay.dispatcher.frame === 0`)
	// The handler's line has not been printed yet: the machine stands just
	// after the kill.
	if out := eval[string](t, ctx, consoleText); strings.Contains(out, "parent reaped") {
		t.Errorf("console after moving to the signal: %q", out)
	}
	// Enter on the fork's arrow moves the timeline to the fork.
	fork := msc + `.querySelector('.msc-row.k-create')`
	forkTick, _ := strconv.Atoi(eval[string](t, ctx, fork+`.dataset.tick`))
	eval[bool](t, ctx, fork+`.focus(), true`)
	do(t, ctx, chromedp.KeyEvent("\r"))
	waitFor(t, ctx, "the timeline at the fork", `document.querySelector('[data-show="tick"]').textContent === "`+strconv.Itoa(forkTick+1)+`"`)
}

const spinLoop = `#include <stdio.h>
int main(void) {
	printf("spinning\n");
	fflush(stdout);
	for (;;)
		;
}
`

// TestBrowserCtrlCStopsLoop: Ctrl-C typed in the console sends SIGINT to
// a process that loops for ever, and it dies of it; the chart draws the
// signal from the user.
func TestBrowserCtrlCStopsLoop(t *testing.T) {
	ctx := browserTab(t)
	_, srv := testServer(t, api.Limits{})
	do(t, ctx, chromedp.EmulateViewport(1280, 800), chromedp.Navigate(srv.URL+"/play?new=1"),
		chromedp.WaitVisible(chromedp.CSS(`[data-view="editor"] .cm-content`)))
	waitFor(t, ctx, "the session", `document.querySelector('[data-show="status"]').dataset.status === "paused"`)
	typeProgram(t, ctx, spinLoop)
	do(t, ctx, chromedp.Click(chromedp.CSS(`[data-action="run"]`)))
	waitFor(t, ctx, "the loop", consoleText+`.includes("spinning") && document.querySelector('[data-show="status"]').dataset.status === "running"`)
	do(t, ctx, chromedp.Click(chromedp.CSS(`#stdin-line`)), chromedp.KeyEvent("c", chromedp.KeyModifiers(chromedp.ModifierCtrl)))
	waitFor(t, ctx, "the end, drawn", doneAndDrawn)
	waitEval(t, ctx, "pid 2 terminated in the tree", `document.querySelector('[data-view="proctree"] [data-pid="2"]').dataset.state === "terminated"`)
	if !eval[bool](t, ctx, `[...document.querySelectorAll('[data-view="msc"] .msc-row.k-signal')].some((r) => r.textContent.includes("SIGINT"))`) {
		t.Errorf("no SIGINT arrow in the chart")
	}
	if !eval[bool](t, ctx, `document.querySelector('[data-view="msc"] [data-lane="0"]') !== null`) {
		t.Errorf("no lifeline for the user, who sent the signal")
	}
}

const shmWriters = `#include <stdio.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/shm.h>
#include <sys/wait.h>
#include <unistd.h>
int main(void) {
	int s = shmget(IPC_PRIVATE, 64, 0600);
	char *mem = shmat(s, NULL, 0);
	int q = msgget(IPC_PRIVATE, 0600);
	struct { long type; char text[16]; } m = {5, "to the queue"};
	if (fork() == 0) {
		strcpy(mem + 16, "child");
		msgsnd(q, &m, strlen(m.text) + 1, 0);
		return 0;
	}
	strcpy(mem, "parent");
	wait(NULL);
	printf("%s %s\n", mem, mem + 16);
	return 0;
}
`

// TestBrowserShowsSharedMemoryWriters: System V objects outlive the
// program; after it the IPC view shows the segment's bytes in hex and
// ASCII with the process that wrote each range (its pid written beside
// the row, not only its colour), who was attached, and the message left in
// the queue with its type; the chart marks each write on its writer's line.
func TestBrowserShowsSharedMemoryWriters(t *testing.T) {
	ctx := browserTab(t)
	_, srv := testServer(t, api.Limits{})
	do(t, ctx, chromedp.EmulateViewport(1280, 800), chromedp.Navigate(srv.URL+"/play?new=1&speed=100000"),
		chromedp.WaitVisible(chromedp.CSS(`[data-view="editor"] .cm-content`)))
	waitFor(t, ctx, "the session", `document.querySelector('[data-show="status"]').dataset.status === "paused"`)
	typeProgram(t, ctx, shmWriters)
	do(t, ctx, chromedp.Click(chromedp.CSS(`[data-action="run"]`)))
	waitFor(t, ctx, "the end, drawn", doneAndDrawn)
	if out := eval[string](t, ctx, consoleText); !strings.Contains(out, "parent child") {
		t.Fatalf("console %q", out)
	}
	shm := `document.querySelector('[data-view="ipc"] .ipc-obj[data-kind="shm"]')`
	waitFor(t, ctx, "the segment", shm+` !== null`)
	row := shm + `.querySelector('tr[data-offset="0"]')`
	if got := eval[string](t, ctx, row+`.querySelector('.ascii').textContent`); !strings.HasPrefix(got, "parent") {
		t.Errorf("row 0 in ASCII: %q", got)
	}
	if got := eval[string](t, ctx, row+`.querySelector('.writers').textContent`); got != "P2" {
		t.Errorf("row 0 written by %q", got)
	}
	row16 := shm + `.querySelector('tr[data-offset="16"]')`
	if got := eval[string](t, ctx, row16+`.querySelector('.writers').textContent`); got != "P3" {
		t.Errorf("row 16 written by %q", got)
	}
	if !eval[bool](t, ctx, row16+`.querySelector('.hex .byte[data-writer="3"]').textContent === "63"`) {
		t.Errorf("the child's 'c' is not marked as its write")
	}
	msg := `document.querySelector('[data-view="ipc"] .ipc-obj[data-kind="msgq"] .ipc-items li')`
	if got := eval[string](t, ctx, msg+`.textContent`); !strings.Contains(got, "to the queue") || !strings.Contains(got, "5") {
		t.Errorf("the message: %q", got)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll('[data-view="msc"] .msc-row.op-shm_write').length`); n != 2 {
		t.Errorf("%d shared-memory writes marked in the chart, want 2", n)
	}
	eval[bool](t, ctx, `document.querySelector('[data-view="ipc"]').scrollIntoView(), true`)
	screenshot(t, ctx, "ipc-shm")
}

const tcpAccept = `#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>
int main(void) {
	struct sockaddr_in a;
	memset(&a, 0, sizeof a);
	a.sin_family = AF_INET;
	a.sin_port = htons(6013);
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	int l = socket(AF_INET, SOCK_STREAM, 0);
	bind(l, (struct sockaddr *)&a, sizeof a);
	listen(l, 5);
	if (fork() == 0) {
		int c = socket(AF_INET, SOCK_STREAM, 0);
		connect(c, (struct sockaddr *)&a, sizeof a);
		write(c, "hello", 5);
		char buf[16] = {0};
		read(c, buf, sizeof buf - 1);
		return 0;
	}
	sleep(1);
	int s = accept(l, NULL, NULL);
	char buf[16] = {0};
	read(s, buf, sizeof buf - 1);
	write(s, "back", 4);
	printf("got %s\n", buf);
	wait(NULL);
	return 0;
}
`

// TestBrowserShowsSocketAcceptQueue: while the server sleeps, the IPC view
// shows its listening socket with the connection in its accept queue, and
// the connection's server end holding the client's bytes by the write they
// came from; the chart draws the client's write to the server's read.
func TestBrowserShowsSocketAcceptQueue(t *testing.T) {
	ctx := browserTab(t)
	_, srv := testServer(t, api.Limits{})
	do(t, ctx, chromedp.EmulateViewport(1280, 800), chromedp.Navigate(srv.URL+"/play?new=1&speed=100000"),
		chromedp.WaitVisible(chromedp.CSS(`[data-view="editor"] .cm-content`)))
	waitFor(t, ctx, "the session", `document.querySelector('[data-show="status"]').dataset.status === "paused"`)
	typeProgram(t, ctx, tcpAccept)
	do(t, ctx, chromedp.Click(chromedp.CSS(`[data-action="run"]`)))
	waitFor(t, ctx, "the end, drawn", doneAndDrawn)
	if out := eval[string](t, ctx, consoleText); !strings.Contains(out, "got hello") {
		t.Fatalf("console %q", out)
	}
	waitFor(t, ctx, "the read's arrow", `[...document.querySelectorAll('[data-view="msc"] .msc-row.op-read')].some((r) => r.querySelector('path.a-data') && r.textContent.includes("sock"))`)
	eval[bool](t, ctx, `window.osplay.seek(500000), true`)
	waitFor(t, ctx, "the rewind", `document.querySelector('[data-show="tick"]').textContent === "500000" && window.osplay.dispatcher.frame === 0`)
	sockets := `[...document.querySelectorAll('[data-view="ipc"] .ipc-obj[data-kind="socket"]')]`
	listening := sockets + `.find((o) => o.querySelector('[data-field="state"]').textContent === "listening")`
	if got := eval[string](t, ctx, listening+`.querySelector('[data-queue="accept"]').textContent`); !strings.Contains(got, "socket 3") {
		t.Errorf("accept queue: %q", got)
	}
	if got := eval[string](t, ctx, listening+`.querySelector('[data-field="local"]').textContent`); got != "127.0.0.1:6013" {
		t.Errorf("listening on %q", got)
	}
	end := sockets + `.find((o) => o.querySelector('.ipc-items li[data-pid="3"]'))`
	if got := eval[string](t, ctx, `(`+end+` || {textContent: ""}).textContent`); !strings.Contains(got, "hello") {
		t.Errorf("the server end: %q", got)
	}
	screenshot(t, ctx, "ipc-socket")
}
