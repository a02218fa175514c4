package api

import (
	"encoding/json"
	"math/rand/v2"
	"reflect"
	"testing"
)

// rewindSource computes for a few million ticks in three threads of two
// processes, reads the terminal and a pipe: a run with inputs, blocking
// and wake-ups to rewind through.
const rewindSource = `#include <stdio.h>
#include <unistd.h>
#include <pthread.h>
#include <sys/wait.h>
int counter;
void *work(void *a) { for (int i = 0; i < 40000; i++) counter++; return 0; }
int main(void) {
	char line[64], c;
	int fd[2];
	pipe(fd);
	if (fork() == 0) {
		close(fd[0]);
		for (int i = 0; i < 3; i++) { write(fd[1], "x", 1); for (volatile int k = 0; k < 30000; k++); }
		return 0;
	}
	close(fd[1]);
	pthread_t t;
	pthread_create(&t, 0, work, 0);
	while (fgets(line, sizeof line, stdin)) { printf("got %s", line); for (volatile int k = 0; k < 40000; k++); }
	while (read(fd[0], &c, 1) == 1) printf("%c", c);
	pthread_join(t, 0);
	wait(0);
	printf("\ncounter %d\n", counter);
	return 0;
}`

// A seek backward from a snapshot is a seek by replay from tick 0: the
// same answer (tick, events counted, every view's state), and the same
// batches after it, for seeks to many ticks both ways.
func TestSeekFromSnapshotIsReplayFromZero(t *testing.T) {
	s, r := newTestSession()
	s.Handle(command{op: "load", program: &Program{Files: []File{{Name: "rw.c", Text: rewindSource}}}})
	s.Handle(cmd(t, `{"op":"speed","ticks":1000000,"interval":33}`))
	runToEnd(t, s, r)
	for _, line := range []string{"one\n", "two\n"} {
		s.Handle(command{op: "input", data: line})
		runToEnd(t, s, r)
	}
	s.Handle(command{op: "eof"})
	runToEnd(t, s, r)
	end := r.last().State.Tick
	if !s.m.Done() || end < 400_000 {
		t.Fatalf("the run ended at tick %d, done %v", end, s.m.Done())
	}
	if len(s.rewind.snaps) < 2 {
		t.Fatalf("%d snapshots kept over %d ticks", len(s.rewind.snaps), end)
	}
	// seekFromEnd seeks from the end (reached from tick 0) to tick and
	// steps to the next system call: the messages the client gets.
	seekFromEnd := func(tick int64) []any {
		s.Handle(command{op: "seek", tick: 0})
		s.Handle(command{op: "seek", tick: end})
		from := len(r.msgs)
		s.Handle(command{op: "seek", tick: tick})
		s.Handle(command{op: "step", by: "syscall"})
		var out []any
		for _, m := range r.msgs[from:] {
			if b, ok := m.(Batch); ok {
				b.Sent, b.Seq = 0, 0 // the session's count of batches, and the clock
				m = b
			}
			out = append(out, m)
		}
		return out
	}
	rng := rand.New(rand.NewPCG(1, 2))
	ticks := []int64{end / 2, 0, end, 1, end - 1}
	for range 4 {
		ticks = append(ticks, rng.Int64N(end+1))
	}
	for _, tick := range ticks {
		restored := s.rewind.restored
		got := seekFromEnd(tick)
		if tick < end && tick >= 2*watchKeep+snapshotEvery && s.rewind.restored == restored {
			t.Errorf("seek to %d did not start from a snapshot", tick)
		}
		kept := s.rewind
		s.rewind = rewinder{} // the reference: a replay from tick 0
		want := seekFromEnd(tick)
		s.rewind = kept
		if !reflect.DeepEqual(got, want) {
			a, _ := json.Marshal(got)
			b, _ := json.Marshal(want)
			i := 0
			for i < len(a) && i < len(b) && a[i] == b[i] {
				i++
			}
			lo := max(i-300, 0)
			t.Fatalf("seek to %d from a snapshot differs from a replay from 0 at byte %d:\n%s\n%s", tick, i, a[lo:min(i+200, len(a))], b[lo:min(i+200, len(b))])
		}
	}
}
