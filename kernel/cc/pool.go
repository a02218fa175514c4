package cc

import (
	"errors"
	"fmt"
	"log/slog"
	"runtime"
	"sync"
	"sync/atomic"
	"time"
)

// pool is a process's compiler workers: at most size at once, started when
// first needed and reused; a worker that is killed, crashes or abandons a
// compile is replaced by a fresh one on the next compile.
//
// The deadline of a compile counts from when a worker starts on it. A
// compile that finds every worker busy waits for one, at most its
// Limits.Wait, and then fails: a slot is never held for longer than a
// deadline, and a queue never grows for ever.
type pool struct {
	slots chan struct{} // one per worker that may be compiling
	mu    sync.Mutex
	idle  []*worker

	fallbackOnce sync.Once
}

// CompileInProcess, set by a program that compiles only its own user's
// programs (the command line's osplay run), compiles them in this process
// instead of in workers: a worker is this whole executable started again,
// which costs more than most compiles. The deadline still holds (a stuck
// compile is abandoned with its reason, and the program then ends); the
// memory budget does not, as the user's own machine is the one at stake.
var CompileInProcess bool

// ErrBusy is the error of a compile that found every worker busy for
// longer than its Limits.Wait (errors.Is): unlike any other compile error,
// it says nothing of the program, and the same compile may succeed later.
var ErrBusy = errors.New("every compiler worker is busy")

type busyError struct{ ErrorList }

// LimitCounts counts the compiles this process stopped at a limit, for the
// server's metrics.
type LimitCounts struct {
	Deadline int64 // past Limits.Deadline (the worker gave up, or was killed)
	Memory   int64 // past Limits.CompilerMemory
	Busy     int64 // no worker free within Limits.Wait
}

var limitsReached struct{ deadline, memory, busy atomic.Int64 }

// LimitsReached reports how many compiles stopped at each limit so far.
func LimitsReached() LimitCounts {
	return LimitCounts{limitsReached.deadline.Load(), limitsReached.memory.Load(), limitsReached.busy.Load()}
}

func (busyError) Unwrap() error { return ErrBusy }

// The process's shared pool, created at the first compile.
var shared struct {
	once sync.Once
	p    *pool
}

func sharedPool() *pool {
	shared.once.Do(func() { shared.p = newPool(runtime.GOMAXPROCS(0)) })
	return shared.p
}

func newPool(size int) *pool {
	if size < 1 {
		size = 1
	}
	return &pool{slots: make(chan struct{}, size)}
}

// grace is how long after its deadline a worker is killed: the worker
// enforces the deadline itself, with a reason; the kill is for a worker
// too wedged to answer.
const grace = time.Second

// compile compiles a job in a worker, or in this process if no worker can
// be started.
func (p *pool) compile(t *Toolchain, job *compileJob) (*object, error) {
	wait := time.NewTimer(job.limits.Wait)
	defer wait.Stop()
	select {
	case p.slots <- struct{}{}:
	case <-wait.C:
		limitsReached.busy.Add(1)
		return nil, busyError{ErrorList{{File: job.name, Msg: fmt.Sprintf(
			"compile waited %v for a free compiler: the server is busy; try again in a moment", job.limits.Wait)}}}
	}
	defer func() { <-p.slots }()

	w, err := p.take()
	if err != nil {
		p.fallbackOnce.Do(func() {
			slog.Warn("cc: cannot start a compiler worker; compiling in this process, where a stuck compile cannot be stopped", "err", err)
		})
		o, _, err := watch(job, t.headers)
		return o, err
	}
	o, keep, err := w.compile(t, job)
	if keep {
		p.put(w)
	} else {
		w.stop()
	}
	return o, err
}

// take returns an idle worker, or starts one. An idle worker that has
// exited meanwhile (killed from outside) is dropped, not blamed on the
// next program.
func (p *pool) take() (*worker, error) {
	p.mu.Lock()
	for len(p.idle) > 0 {
		w := p.idle[len(p.idle)-1]
		p.idle = p.idle[:len(p.idle)-1]
		select {
		case <-w.done:
			w.close()
			continue
		default:
		}
		p.mu.Unlock()
		return w, nil
	}
	p.mu.Unlock()
	return startWorker()
}

func (p *pool) put(w *worker) {
	p.mu.Lock()
	p.idle = append(p.idle, w)
	p.mu.Unlock()
}

// close stops the idle workers (tests with a pool of their own).
func (p *pool) close() {
	p.mu.Lock()
	idle := p.idle
	p.idle = nil
	p.mu.Unlock()
	for _, w := range idle {
		w.stop()
	}
}
