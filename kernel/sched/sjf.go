package sched

import (
	"fmt"
	"strconv"

	"osplay/kernel/msg"
)

// SJF is shortest job first, without preemption: of the ready tasks, the
// one whose next CPU burst is shortest runs, to the end of that burst.
//
// A workload job's bursts are known in advance, the lecture's assumption.
// A C program's are not, so SJF predicts them by the exponential average
// of the bursts measured so far, τₙ₊₁ = α·tₙ + (1 − α)·τₙ, starting from τ₀
// (Options.Alpha, Options.Tau0); Options.Estimate makes it predict even
// when the lengths are known, to show how good the prediction is.
type SJF struct {
	h        ordered
	alpha    float64
	tau0     float64
	estimate bool
}

// NewSJF returns a non-preemptive SJF policy.
func NewSJF(o Options) *SJF {
	p := &SJF{alpha: o.Alpha, tau0: o.Tau0, estimate: o.Estimate}
	if p.alpha <= 0 || p.alpha > 1 {
		p.alpha = DefaultAlpha
	}
	if p.tau0 <= 0 {
		p.tau0 = DefaultTau0
	}
	return p
}

func (p *SJF) Name() string { return "sjf" }

// predicted is the length of t's current burst: known, or the prediction τ.
func (p *SJF) predicted(t *Task) (length float64, known bool) {
	if !t.known {
		t.known, t.estimate = true, p.tau0
	}
	if t.Burst > 0 && !p.estimate {
		return float64(t.Burst), true
	}
	return t.estimate, false
}

// remaining is what is left of t's current burst, known or predicted.
func (p *SJF) remaining(t *Task) float64 {
	n, _ := p.predicted(t)
	return max(n-float64(t.BurstRan), 0)
}

// length describes t's remaining burst for a reason: "5 ticks" or
// "τ = 6.5 ticks predicted".
func (p *SJF) length(t *Task) msg.Arg {
	n, known := p.predicted(t)
	left := max(n-float64(t.BurstRan), 0)
	var m msg.Text
	switch {
	case known && t.BurstRan > 0:
		m = msg.New(msg.BurstLeft, msg.Num("left", left), msg.Num("n", n))
	case known:
		m = msg.New(msg.BurstTicks, msg.Num("n", n))
	case t.BurstRan > 0:
		m = msg.New(msg.BurstLeftTau, msg.Num("left", left), msg.Num("n", n))
	default:
		m = msg.New(msg.BurstTau, msg.Num("n", n))
	}
	return msg.Sub("burst", m)
}

func (p *SJF) Enqueue(t *Task, why Why, now int64) { p.h.push(t, p.remaining(t)) }
func (p *SJF) Remove(t *Task)                      { p.h.remove(t) }

func (p *SJF) Pick(cpu int, now int64) (*Task, msg.Text) {
	t := p.h.popFor(cpu)
	if t == nil {
		return nil, msg.Text{}
	}
	why := msg.New(msg.SJFShortest, p.length(t))
	if p.h.Len() == 0 {
		why = msg.New(msg.SJFOnly, p.length(t))
	}
	return t, why
}

func (p *SJF) Tick(t *Task, cpu int, now int64) msg.Text { return msg.Text{} }
func (p *SJF) Budget(t *Task, cpu int, now int64) int64  { return Forever }

// Left updates the prediction with the burst just ended.
func (p *SJF) Left(t *Task, now int64) {
	p.predicted(t)
	t.estimate = p.alpha*float64(t.BurstRan) + (1-p.alpha)*t.estimate
}

func (p *SJF) Preempts(cur, t *Task, cpu int) msg.Text { return msg.Text{} }
func (p *SJF) Ready(cpu int) []*Task                   { return p.h.listFor(cpu) }
func (p *SJF) Len(cpu int) int                         { return p.h.lenFor(cpu) }

// Describe shows the burst length the policy goes by.
func (p *SJF) Describe(t *Task) string {
	n, known := p.predicted(t)
	if known {
		return fmt.Sprintf("next burst %s ticks, τ = %s", num(n), num(t.estimate))
	}
	return "predicted burst τ = " + num(n)
}

// num prints a tick count without a needless fraction: 5, 6.5, 7.25.
func num(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }
