package explore

import (
	"bytes"
	"strings"
	"testing"

	"osplay/kernel"
	"osplay/kernel/sched"
)

// chooseOnly hides the controller's Quiet: the policy then asks at every
// tick.
type chooseOnly struct{ c *controller }

func (w chooseOnly) Choose(cpu int, cur *sched.Task, ready []*sched.Task) int {
	return w.c.Choose(cpu, cur, ready)
}

// Running a thread through its quiet instructions in one go gives the
// same run as asking at every tick: the same events, the same schedule.
func TestQuietStretchesChangeNothing(t *testing.T) {
	total := 0
	for _, prog := range [][2]string{{"../testdata/race", "counter.c"}, {"testdata", "bank.c"}, {"testdata", "order.c"}} {
		name := prog[1]
		tg := target(t, prog[0], name)
		for seed := int64(1); seed <= 5; seed++ {
			var streams [2]string
			var switches [2]int
			for i, quiet := range []bool{true, false} {
				var b strings.Builder
				c := newController(newPCT(seed, 3, 400))
				cfg := Config(tg)
				cfg.Stdout = &bytes.Buffer{}
				cfg.Chooser = c
				if !quiet {
					cfg.Chooser = chooseOnly{c}
				}
				cfg.OnEvent = func(e kernel.Event) { b.WriteString(e.String() + "\n") }
				m := kernel.New(cfg)
				c.m = m
				if err := m.Start(tg.Argv); err != nil {
					t.Fatal(err)
				}
				m.Run()
				streams[i], switches[i] = b.String(), len(c.switches)
			}
			if streams[0] != streams[1] || switches[0] != switches[1] {
				t.Errorf("%s seed %d: the runs differ (%d and %d switches)", name, seed, switches[0], switches[1])
			}
			total += switches[0]
		}
	}
	if total == 0 {
		t.Error("no run switched: the comparison shows nothing")
	}
}
