package web

import (
	"io"
	"net"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/chromedp"

	"osplay/api"
)

// balancer is a TCP load balancer without sticky sessions, in front of
// one backend at a time: cut closes every connection and sends the next
// ones to another backend, as when a replica dies.
type balancer struct {
	ln      net.Listener
	mu      sync.Mutex
	backend string
	conns   []net.Conn
}

func newBalancer(t *testing.T, backend string) *balancer {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	b := &balancer{ln: ln, backend: backend}
	t.Cleanup(func() { ln.Close(); b.cut("") })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go b.pass(c)
		}
	}()
	return b
}

func (b *balancer) pass(c net.Conn) {
	b.mu.Lock()
	to := b.backend
	b.mu.Unlock()
	s, err := net.Dial("tcp", to)
	if err != nil {
		c.Close()
		return
	}
	b.mu.Lock()
	b.conns = append(b.conns, c, s)
	b.mu.Unlock()
	go func() { io.Copy(s, c); s.Close() }()
	io.Copy(c, s)
	c.Close()
}

// cut drops every connection; new ones go to backend.
func (b *balancer) cut(backend string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, c := range b.conns {
		c.Close()
	}
	b.conns, b.backend = nil, backend
}

const countingSource = `#include <stdio.h>
int main() {
	int sum = 0;
	for (int i = 0; i < 12000; i++) {
		sum += i;
		if (i % 2000 == 0) printf("i=%d\n", i);
	}
	printf("sum=%d\n", sum);
	return 0;
}
`

func TestBrowserResumesOnAnotherServer(t *testing.T) {
	ctx := browserTab(t)
	_, first := testServer(t, api.Limits{})
	_, second := testServer(t, api.Limits{})
	lb := newBalancer(t, strings.TrimPrefix(first.URL, "http://"))
	page := "http://" + lb.ln.Addr().String()

	do(t, ctx, chromedp.Navigate(page+"/play?new=1"), chromedp.WaitVisible(chromedp.CSS(`[data-view="editor"] .cm-content`)))
	waitFor(t, ctx, "the session", `document.querySelector('[data-show="status"]').dataset.status === "paused"`)
	typeProgram(t, ctx, countingSource)
	do(t, ctx, chromedp.SetValue(chromedp.CSS(`[data-control="speed"]`), "8"))
	eval[bool](t, ctx, `document.querySelector('[data-control="speed"]').dispatchEvent(new Event("input")), true`)
	do(t, ctx, chromedp.Click(chromedp.CSS(`[data-action="run"]`)))
	waitFor(t, ctx, "the run under way", consoleText+`.includes("i=4000")`)
	if eval[bool](t, ctx, consoleText+`.includes("sum=")`) {
		t.Fatal("the run ended before the cut: make it longer")
	}
	lb.cut(strings.TrimPrefix(second.URL, "http://"))

	waitFor(t, ctx, "the end, on the second server", `document.querySelector('[data-show="status"]').dataset.status === "done"`)
	out := eval[string](t, ctx, strings.Replace(consoleText, "textContent", "innerText", 1))
	for _, line := range []string{"i=0", "i=2000", "i=4000", "i=6000", "i=8000", "i=10000", "sum=71994000"} {
		if n := strings.Count(out, line+"\n"); n != 1 {
			t.Errorf("console %q has %q %d times: every line once, none lost or repeated", out, line, n)
		}
	}
	// The views kept what they had: the page's events are numbered from 0
	// without a gap or a repeat, as many as the machine emitted.
	if !eval[bool](t, ctx, `osplay.dispatcher.log.every((e, i) => e.n === i) && osplay.dispatcher.log.length === osplay.dispatcher.snapshot.events`) {
		t.Error("the page's events are not the whole stream once")
	}
	screenshot(t, ctx, "resumed")
	// Leave the page before the balancer and the servers close, or it
	// would try to reconnect to them (and say so in its console).
	do(t, ctx, chromedp.Navigate("about:blank"))
}
