package sched

import (
	"fmt"
	"math/rand/v2"

	"osplay/kernel/msg"
)

// Lottery is proportional-share scheduling by lottery (OSTEP chapter 9):
// each ready task holds tickets (DefaultTickets unless its workload says
// otherwise), and every quantum a ticket is drawn at random; its holder
// runs. Over time each task gets the CPU in proportion to its tickets.
//
// The draw walks the ready tasks in the order they entered the pool, so a
// seed gives the same run every time. With Options.Transfer, a process
// that waits for a child lends it its tickets until it wakes (ticket
// transfer; the kernel moves them, see Task.Borrowed).
type Lottery struct {
	q        queue
	quantum  int64
	rng      *rand.Rand
	transfer bool
}

// NewLottery returns a lottery scheduler drawing from Options.Seed.
func NewLottery(o Options) *Lottery {
	return &Lottery{quantum: o.quantum(), rng: newRand(o.Seed), transfer: o.Transfer}
}

// newRand is the policies' random source: PCG, seeded.
func newRand(seed int64) *rand.Rand {
	return rand.New(rand.NewPCG(uint64(seed), 0x9e3779b97f4a7c15))
}

// HeldTickets is how many tickets t holds now, lent ones included.
func (t *Task) HeldTickets() int64 {
	n := int64(t.Tickets)
	if n <= 0 {
		n = DefaultTickets
	}
	return n + int64(max(t.Borrowed, 0))
}

func (p *Lottery) Name() string    { return "lottery" }
func (p *Lottery) Transfers() bool { return p.transfer }

func (p *Lottery) Enqueue(t *Task, why Why, now int64) {
	if why == ChildFirst {
		p.q.pushFront(t)
		return
	}
	p.q.pushBack(t)
}

func (p *Lottery) Remove(t *Task) { p.q.remove(t) }

func (p *Lottery) Pick(cpu int, now int64) (*Task, msg.Text) {
	var total int64
	for _, t := range p.q.tasks {
		if t.Allowed(cpu) {
			total += t.HeldTickets()
		}
	}
	if total == 0 {
		return nil, msg.Text{}
	}
	winner := p.rng.Int64N(total)
	var from int64
	for _, t := range p.q.tasks {
		if !t.Allowed(cpu) {
			continue
		}
		n := t.HeldTickets()
		if winner < from+n {
			p.q.remove(t)
			return t, msg.New(msg.LotteryDraw, msg.Int("win", winner), msg.Int("total", total), t.Who("who"), msg.Int("from", from), msg.Int("to", from+n-1))
		}
		from += n
	}
	panic("lottery: the winning ticket has no holder")
}

func (p *Lottery) Tick(t *Task, cpu int, now int64) msg.Text {
	if t.Slice < p.quantum {
		return msg.Text{}
	}
	if !p.q.anyFor(cpu) {
		t.Slice = 0 // nobody else holds a ticket: it wins again
		return msg.Text{}
	}
	return msg.New(msg.LotteryQuantum, msg.Int("q", p.quantum))
}

func (p *Lottery) Budget(t *Task, cpu int, now int64) int64 { return sliceLeft(p.quantum, t) }
func (p *Lottery) Left(t *Task, now int64)                  {}
func (p *Lottery) Preempts(cur, t *Task, cpu int) msg.Text  { return msg.Text{} }
func (p *Lottery) Ready(cpu int) []*Task                    { return p.q.listFor(cpu) }
func (p *Lottery) Len(cpu int) int                          { return p.q.lenFor(cpu) }

// Describe shows the task's tickets.
func (p *Lottery) Describe(t *Task) string { return describeTickets(t) }

func describeTickets(t *Task) string {
	if t.Borrowed > 0 {
		return fmt.Sprintf("%d tickets (%d of them lent to it)", t.HeldTickets(), t.Borrowed)
	}
	return fmt.Sprintf("%d tickets", t.HeldTickets())
}
