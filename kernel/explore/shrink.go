package explore

import "context"

// shrink shortens a failing list of switches by delta debugging (Zeller
// and Hildebrandt's ddmin, removing complements): it returns a list no
// single switch of which can be dropped with the run still failing, within
// maxShrinkRuns runs. Dropping a switch keeps the others' meaning, since
// each is named by its thread's own point (see Switch).
func shrink(target Target, ws []Switch, fails func(Outcome) bool) []Switch {
	budget := maxShrinkRuns
	test := func(c []Switch) bool {
		if budget == 0 {
			return false
		}
		budget--
		o, err := runOnce(target, newFollow(c), false)
		return err == nil && fails(o)
	}
	n := 2
	for len(ws) >= 2 && budget > 0 {
		chunk := (len(ws) + n - 1) / n
		reduced := false
		for start := 0; start < len(ws); start += chunk {
			end := min(start+chunk, len(ws))
			rest := append(append([]Switch(nil), ws[:start]...), ws[end:]...)
			if test(rest) {
				ws, n, reduced = rest, max(n-1, 2), true
				break
			}
		}
		if !reduced {
			if n >= len(ws) {
				break
			}
			n = min(2*n, len(ws))
		}
	}
	return ws
}

// shortest looks for a failing schedule with fewer preemptions than ws
// has, by searching all schedules with 0, 1, … of them, depth first,
// within maxShrinkRuns runs; it returns the first it finds, shrunk, or ws.
// Dropping switches (shrink) cannot always get there: a switch to a
// thread that does not exist yet needs others that create it first, where
// a switch at a later point would do alone.
func shortest(target Target, ws []Switch, fails func(Outcome) bool) []Switch {
	budget := maxShrinkRuns
	for k := 0; k < preemptions(ws) && budget > 0; k++ {
		var hit []Switch
		runs, _, err := depthFirst(context.Background(), target, k, budget, func(o Outcome) bool {
			if fails(o) {
				hit = o.Switches
				return true
			}
			return false
		})
		budget -= runs
		if err != nil {
			break
		}
		if hit != nil {
			return shrink(target, hit, fails)
		}
	}
	return ws
}

func preemptions(ws []Switch) int { return Schedule{Switches: ws}.Preemptions() }
