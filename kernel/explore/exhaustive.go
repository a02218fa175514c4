package explore

import "context"

// frame is one scheduling point of the depth-first search: the threads
// that could run there, the one the current run takes, and the
// preemptions the schedule made before it.
type frame struct {
	opts     []int
	running  bool
	chosen   int
	preempts int
}

// cost is the preemptions choosing f.chosen makes.
func (f frame) cost() int {
	if f.running && f.chosen != 0 {
		return 1
	}
	return 0
}

// prefix runs the choices of the frames it was given, then the default,
// recording every point past them as a new frame.
type prefix struct {
	choices []int
	base    int // preemptions made by the choices
	frames  []frame
}

func (p *prefix) choose(pt point) int {
	if pt.N < len(p.choices) {
		return p.choices[pt.N]
	}
	p.frames = append(p.frames, frame{opts: append([]int(nil), pt.Options...), running: pt.Running, preempts: p.base})
	return 0
}

// exhaustive runs every schedule with at most Preemptions preemptions,
// depth first from the default one, until one fails, they are all run,
// or Runs is reached.
func (s *search) exhaustive(ctx context.Context) error {
	s.report.Runs-- // the default schedule runs again, as the search's first
	_, exhausted, err := depthFirst(ctx, s.target, s.opt.Preemptions, s.opt.Runs-s.report.Runs, func(o Outcome) bool {
		s.report.Runs++
		if f := judge(o, s.report.Expected, s.opt.Check); f != nil {
			s.found(s.report.Runs, Schedule{Strategy: Exhaustive, Switches: o.Switches}, *f)
			return true
		}
		s.progress(false)
		return false
	})
	if exhausted && s.report.Counterexample == nil {
		s.report.Exhausted, s.report.Bound = true, 1
	}
	return err
}

// depthFirst runs target's schedules with at most k preemptions, depth
// first, the default one first, at most limit of them, handing each
// outcome to visit until it returns true. It reports the runs made and
// whether every schedule within the bound ran.
func depthFirst(ctx context.Context, target Target, k, limit int, visit func(Outcome) bool) (runs int, exhausted bool, err error) {
	p := &prefix{}
	var stack []frame
	for runs < limit {
		if ctx.Err() != nil {
			return runs, false, nil
		}
		o, err := runOnce(target, p, false)
		if err != nil {
			return runs, false, err
		}
		runs++
		if visit(o) {
			return runs, false, nil
		}
		stack = append(stack, p.frames...)
		// The deepest point with a choice not yet taken, within the bound.
		for len(stack) > 0 {
			top := &stack[len(stack)-1]
			top.chosen++
			if top.chosen < len(top.opts) && top.preempts+top.cost() <= k {
				break
			}
			stack = stack[:len(stack)-1]
		}
		if len(stack) == 0 {
			return runs, true, nil
		}
		top := stack[len(stack)-1]
		p = &prefix{choices: make([]int, len(stack)), base: top.preempts + top.cost()}
		for i, f := range stack {
			p.choices[i] = f.chosen
		}
	}
	return runs, false, nil
}
