package api

import "testing"

// A thread's events name it on the wire; a single-threaded process's
// events carry no tid (it is the pid), as before threads.
func TestEventsNameThreads(t *testing.T) {
	_, srv := server(t, Limits{})
	src := `#include <pthread.h>
#include <stdio.h>
static void *hello(void *arg) { printf("%s\n", (char *)arg); return NULL; }
int main(void) {
	pthread_t t;
	pthread_create(&t, NULL, hello, "from a thread");
	pthread_join(t, NULL);
	return 0;
}
`
	_, r := postRun(t, srv, RunRequest{Program: program("t.c", src), Events: true})
	if r.Stdout != "from a thread\n" {
		t.Fatalf("stdout %q, error %+v", r.Stdout, r.Error)
	}
	kinds := map[string]int{}
	for _, e := range r.Events {
		if e.TID != 0 {
			kinds[e.Kind]++
			if e.TID == e.PID {
				t.Errorf("event %d names the main thread %d as a tid", e.N, e.TID)
			}
		}
	}
	for _, k := range []string{"thread", "state", "output", "texit"} {
		if kinds[k] == 0 {
			t.Errorf("no %q event of the second thread carries its tid (tids by kind: %v)", k, kinds)
		}
	}
	_, r = postRun(t, srv, RunRequest{Program: program("hello.c", hello), Events: true})
	for _, e := range r.Events {
		if e.TID != 0 || e.OtherTID != 0 {
			t.Fatalf("a single-threaded program's event carries a tid: %+v", e)
		}
	}
}
