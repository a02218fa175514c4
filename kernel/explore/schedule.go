package explore

import (
	"fmt"
	"strconv"
	"strings"
)

// Switch is one decision of a schedule that departs from the default: at
// the Step-th scheduling point of thread From (counted from 0), thread To
// runs. Preempt says From could have run on (it was preempted); otherwise
// From had just blocked or ended and To was taken instead of the head of
// the ready queue.
type Switch struct {
	From, Step, To int
	Preempt        bool
}

func (s Switch) String() string { return fmt.Sprintf("%d@%d:%d", s.From, s.Step, s.To) }

// Schedule is a replayable run: the switches, and how it was found.
type Schedule struct {
	Strategy string // "pct", "exhaustive", "random", or "" for a schedule given by hand
	Seed     int64  // PCT and random: the run's seed
	Depth    int    // PCT: change points per run
	Switches []Switch
}

// Preemptions counts the switches that preempted a thread.
func (s Schedule) Preemptions() int {
	n := 0
	for _, w := range s.Switches {
		if w.Preempt {
			n++
		}
	}
	return n
}

// String is the switches as --schedule takes them: "4@57:5,5@3:4", or
// "-" for the default schedule.
func (s Schedule) String() string {
	if len(s.Switches) == 0 {
		return "-"
	}
	parts := make([]string, len(s.Switches))
	for i, w := range s.Switches {
		parts[i] = w.String()
	}
	return strings.Join(parts, ",")
}

// MaxSwitches bounds the switches of a schedule read from text.
const MaxSwitches = 100_000

// ParseSchedule reads the switches of a schedule as String writes them.
func ParseSchedule(text string) (Schedule, error) {
	var s Schedule
	text = strings.TrimSpace(text)
	if text == "" || text == "-" {
		return s, nil
	}
	items := strings.Split(text, ",")
	if len(items) > MaxSwitches {
		return s, fmt.Errorf("schedule: %d switches, at most %d", len(items), MaxSwitches)
	}
	for _, item := range items {
		from, rest, ok1 := strings.Cut(strings.TrimSpace(item), "@")
		step, to, ok2 := strings.Cut(rest, ":")
		if !ok1 || !ok2 {
			return Schedule{}, fmt.Errorf("schedule: %q is not THREAD@POINT:THREAD (as 4@57:5)", item)
		}
		var w Switch
		var err error
		for _, f := range []struct {
			s  string
			to *int
		}{{from, &w.From}, {step, &w.Step}, {to, &w.To}} {
			*f.to, err = strconv.Atoi(f.s)
			if err != nil || *f.to < 0 {
				return Schedule{}, fmt.Errorf("schedule: %q: %q is not a number", item, f.s)
			}
		}
		s.Switches = append(s.Switches, w)
	}
	return s, nil
}

// key names a scheduling point: thread and its point number.
type key struct{ tid, step int }
