package kernel

import (
	"errors"
	"os"
	"strings"
	"testing"
)

// The lecture's programs on the models (examples/ of <osplay/message.h>,
// mailbox.h, mach.h, monitor.h, event.h): Linux has none of these calls,
// so each is checked against the output written beside the test, in
// testdata/models/NAME.out.

// modelExamples are the examples and the settings they run with.
var modelExamples = []struct {
	name string
	cfg  Config
	out  string // the expected output's file, when not NAME.out
}{
	{name: "bb1-busywait"},
	{name: "bb2-mailbox"},
	{name: "bb4-monitor"},
	{name: "bb4-monitor", cfg: Config{Monitor: MonitorMesa}, out: "bb4-monitor.mesa.out"},
	{name: "bb5-messages"},
	{name: "prodcons-shm-msg"},
	{name: "syncsend"},
	{name: "asyncsend"},
	{name: "lossy-link"},
	{name: "mach-ports"},
	{name: "monitor-balance"},
	{name: "monitor-rw"},
	{name: "monitor-tunnel"},
	{name: "monitor-philosophers"},
	{name: "event-top-of-hour"},
}

func TestModelExamples(t *testing.T) {
	for _, c := range modelExamples {
		file := c.out
		if file == "" {
			file = c.name + ".out"
		}
		t.Run(file, func(t *testing.T) {
			want, err := os.ReadFile("testdata/models/" + file)
			if err != nil {
				t.Fatal(err)
			}
			src := readTestdata(t, "../examples/"+c.name+"/"+c.name+".c")
			out, _ := runModel(t, c.cfg, src)
			if out != string(want) {
				t.Errorf("output\n%s\nwant\n%s", out, want)
			}
		})
	}
}

// The bounded buffer of version 4 tests with if: right under Hoare's
// signal, wrong under Mesa's, where the signalled consumer finds the
// buffer emptied by the one that got in before it.
func TestIfVersusWhileUnderHoareAndMesa(t *testing.T) {
	src := readTestdata(t, "../examples/bb4-monitor/bb4-monitor.c")
	hoare, _ := runModel(t, Config{Monitor: MonitorHoare}, src)
	mesa, _ := runModel(t, Config{Monitor: MonitorMesa}, src)
	if !strings.Contains(hoare, "78 (want 78)") || !strings.Contains(hoare, "empty buffer: 0") {
		t.Errorf("Hoare: %s", hoare)
	}
	if strings.Contains(mesa, "78 (want 78)") || strings.Contains(mesa, "empty buffer: 0") {
		t.Errorf("Mesa: %s", mesa)
	}
	// With while instead of if, Mesa is right too.
	fixed := strings.ReplaceAll(src, "if (count == BUFFER_SIZE)\n\t\tcondition_wait", "while (count == BUFFER_SIZE)\n\t\tcondition_wait")
	fixed = strings.ReplaceAll(fixed, "if (count == 0)\n\t\tcondition_wait", "while (count == 0)\n\t\tcondition_wait")
	if fixed == src {
		t.Fatal("the program has no if before a condition_wait")
	}
	if out, _ := runModel(t, Config{Monitor: MonitorMesa}, fixed); !strings.Contains(out, "78 (want 78)") || !strings.Contains(out, "empty buffer: 0") {
		t.Errorf("Mesa with while: %s", out)
	}
}

// Readers and writers busy-waiting inside a monitor hang: the run stops
// at the instruction limit, the reader waiting in the monitor's entry
// queue for the writer, which spins inside (the diagnosis of a hang
// without a cycle of waits).
func TestMonitorBusyWaitHangs(t *testing.T) {
	src := readTestdata(t, "../examples/monitor-rw-busywait/monitor-rw-busywait.c")
	var out strings.Builder
	m := startMain(t, Config{MaxTicks: 200_000, Stdout: &out}, src)
	res := m.Run()
	var le *LimitError
	if !errors.As(res.Err, &le) || le.Limit != LimitTicks {
		t.Fatalf("result %+v, want the instruction limit", res)
	}
	if out.String() != "reader: read 0\n" {
		t.Errorf("output %q", out.String())
	}
	if ds := deadlocks(m); len(ds) != 0 {
		t.Errorf("deadlocks reported: %v", ds)
	}
	sp := m.Spinners()
	if len(sp) != 1 || sp[0].Kind != WaitMonitor || sp[0].Holder == 0 {
		t.Fatalf("spinners %v, want the reader waiting for the monitor a spinning writer holds", sp)
	}
	for _, o := range m.ModelObjects() {
		if o.Kind == "monitor" && (o.Owner != sp[0].Holder || len(o.Queues[0].Waiters) != 1 || o.Queues[0].Waiters[0] != sp[0].TID) {
			t.Errorf("monitor %+v: want thread %d inside, thread %d in the entry queue", o, sp[0].Holder, sp[0].TID)
		}
	}
}
