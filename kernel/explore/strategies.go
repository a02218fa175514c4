package explore

import (
	"math/rand/v2"
)

// pct is one run of PCT with D change points over k steps (depth d = D+1
// in the paper's terms): every thread gets a random priority above d when
// first seen; the highest-priority thread that can run runs; at the i-th
// change point (D of them, drawn among the k steps) the thread about to
// run drops to priority d−i, below every initial one.
type pct struct {
	rng    *rand.Rand
	prio   map[int]float64
	change map[int]int // step → i (1 … d−1)
	depth  int
}

func newPCT(seed int64, changes, k int) *pct {
	depth := changes + 1
	p := &pct{rng: rand.New(rand.NewPCG(uint64(seed), 0x9e3779b97f4a7c15)), prio: map[int]float64{}, change: map[int]int{}, depth: depth}
	k = max(k, 1)
	for i := 1; i < depth; i++ {
		// Distinct change points: a second draw of the same step would
		// lose a change.
		for tries := 0; tries < 100; tries++ {
			s := p.rng.IntN(k)
			if _, taken := p.change[s]; !taken {
				p.change[s] = i
				break
			}
		}
	}
	return p
}

func (p *pct) choose(pt point) int {
	best := 0
	for i, id := range pt.Options {
		if _, ok := p.prio[id]; !ok {
			p.prio[id] = float64(p.depth) + p.rng.Float64()
		}
		if p.prio[id] > p.prio[pt.Options[best]] {
			best = i
		}
	}
	if i, ok := p.change[pt.N]; ok {
		p.prio[pt.Options[best]] = float64(p.depth - i)
		for j, id := range pt.Options {
			if p.prio[id] > p.prio[pt.Options[best]] {
				best = j
			}
		}
	}
	return best
}

// random chooses any thread that can run, with equal chance.
type random struct{ rng *rand.Rand }

func newRandom(seed int64) *random {
	return &random{rng: rand.New(rand.NewPCG(uint64(seed), 0x2545f4914f6cdd1d))}
}

func (r *random) choose(pt point) int { return r.rng.IntN(len(pt.Options)) }
