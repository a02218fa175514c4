package kernel

import (
	"testing"

	"osplay/kernel/msg"
)

// TestEventStringNamesThreads checks the trace line of events about
// threads: a single-threaded process's (TID = PID) reads as it always has;
// another thread is named beside its process.
func TestEventStringNamesThreads(t *testing.T) {
	for _, c := range []struct {
		e    Event
		want string
	}{
		{Event{Tick: 5, CPU: 0, PID: 2, TID: 2, Kind: KindDispatch, Cause: msg.New(msg.RRQuantum, msg.Int("q", 3))},
			"        5 cpu0 pid 2    dispatch RR: quantum of 3 ticks expired"},
		{Event{Tick: 5, CPU: 0, PID: 2, TID: 3, Kind: KindDispatch, Cause: msg.New(msg.RRQuantum, msg.Int("q", 3))},
			"        5 cpu0 pid 2    tid 3    dispatch RR: quantum of 3 ticks expired"},
		{Event{Tick: 6, CPU: -1, PID: 2, TID: 3, Kind: KindThreadCreate, Other: 2},
			"        6      pid 2    tid 3    thread   thread 3 created by thread 2"},
		{Event{Tick: 7, CPU: 1, PID: 2, TID: 3, Kind: KindThreadExit, Result: 0x65},
			"        7 cpu1 pid 2    tid 3    texit    thread 3 exited (value 0x65)"},
		{Event{Tick: 8, CPU: 1, PID: 2, TID: 2, Kind: KindJoin, Other: 3},
			"        8 cpu1 pid 2    join     thread 3 (value NULL)"},
		{Event{Tick: 9, CPU: 0, PID: 2, TID: 2, Kind: KindSwitch, Other: 4, OtherTID: 4, Ticks: 2},
			"        9 cpu0 pid 2    switch   pid 2 -> pid 4 (2 ticks)"},
		{Event{Tick: 9, CPU: 0, PID: 2, TID: 3, Kind: KindSwitch, Other: 2, OtherTID: 5, Ticks: 2},
			"        9 cpu0 pid 2    tid 3    switch   pid 2 -> pid 2 tid 5 (2 ticks)"},
	} {
		if got := c.e.String(); got != c.want {
			t.Errorf("%+v:\n got %q\nwant %q", c.e, got, c.want)
		}
	}
}
