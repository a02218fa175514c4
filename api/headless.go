package api

import (
	"context"
	"net/http"
	"strconv"
	"time"

	"osplay/kernel"
)

// Job is one headless run's place on the server — POST /api/run,
// /api/check, an exercise check: a worker of the pool, an account of the
// CPU share, and a deadline RunTimeout after it started. Its machines run
// a slice at a time on the CPU share and are interrupted at the deadline,
// whatever they compute.
type Job struct {
	lim      Limits
	metrics  *Metrics
	seat     *cpuSeat
	deadline time.Time
	memory   machineMemory
	leave    func() // gives the worker back; nil for a job outside the pool
}

// JobRefusal is why a headless run may not start now: a code (busy,
// server_full), a message, and how many seconds to wait before trying
// again (the Retry-After header).
type JobRefusal struct {
	Code       string
	Message    string
	RetryAfter int
}

// Write answers a request with 503, Retry-After and body.
func (r *JobRefusal) Write(w http.ResponseWriter, body any) {
	w.Header().Set("Retry-After", strconv.Itoa(r.RetryAfter))
	writeJSON(w, http.StatusServiceUnavailable, body)
}

// StartJob gives a headless run its place: at once, after waiting in line
// (at most QueueWait), or not at all. The caller calls Done at the end.
func (a *API) StartJob(ctx context.Context) (*Job, *JobRefusal) {
	if a.memory.full() {
		a.metrics.error(codeServerFull)
		return nil, &JobRefusal{Code: codeServerFull, Message: serverFullMessage(), RetryAfter: 60}
	}
	leave := a.workers.enter(ctx)
	if leave == nil {
		a.metrics.error(codeBusy)
		return nil, &JobRefusal{Code: codeBusy, Message: busyMessage(), RetryAfter: 1}
	}
	j := newJob(a.lim, a.metrics, a.cpu, &a.memory)
	j.leave = leave
	return j, nil
}

func newJob(lim Limits, metrics *Metrics, cpu *cpuShare, memory *memoryBudget) *Job {
	return &Job{lim: lim, metrics: metrics, seat: newCPUSeat(cpu, lim.CPUGrace), deadline: time.Now().Add(lim.RunTimeout),
		memory: machineMemory{budget: memory}}
}

// Deadline is when the job's time is up: its machines are interrupted
// then, and work done for it elsewhere (an exercise's search of
// schedules) should end by then too.
func (j *Job) Deadline() time.Time { return j.deadline }

// Done gives back the job's worker and takes its machines out of the
// server's count.
func (j *Job) Done() {
	j.seat.give()
	j.memory.close()
	if j.leave != nil {
		j.leave()
		j.leave = nil
	}
}

// Drive runs a started machine until it ends or can only wait (for input,
// for the manual scheduler's choice), a slice at a time on the CPU share.
// It returns "" then, or the code of the limit that stopped it first:
// deadline (the job's deadline passed) or memory_limit (its processes use
// more than MaxSessionMemory together; the kernel's out-of-memory killer
// should have acted before). The machine is left where it stopped.
func (j *Job) Drive(m *kernel.Machine) (stop string) { return j.driveUntil(m, nil) }

// driveUntil is Drive, which also stops, with codeStopped, when cancel
// closes (the caller interrupts the machine then).
func (j *Job) driveUntil(m *kernel.Machine, cancel <-chan struct{}) (stop string) {
	expired := make(chan struct{})
	timer := time.AfterFunc(time.Until(j.deadline), func() {
		close(expired)
		m.Interrupt()
	})
	defer timer.Stop()
	defer j.seat.give()
	// The machine runs in chunks of a fraction of a slice, between which
	// the seat looks at the clock: the slice timer only backs that up. The
	// first chunk is one tick, as a tick may hold a long library call.
	chunk := int64(1)
	for !m.Done() {
		select {
		case <-expired:
			return codeDeadline
		case <-cancel:
			return codeStopped
		default:
		}
		from, start, target := m.Now(), time.Now(), m.Now()+chunk
		if !j.seat.run(m, expired, func() { m.RunTo(target) }) {
			continue
		}
		j.metrics.addTicks(m.Now() - from)
		use := m.MemoryInUse()
		j.memory.update(use)
		if use > j.lim.MaxSessionMemory {
			return codeMemoryLimit
		}
		if m.Interrupted() {
			continue
		}
		if m.Done() || m.WaitingForInput() || len(m.Asking()) > 0 || m.Stalled() {
			return "" // ended, or can only wait
		}
		switch took := time.Since(start); {
		case took > j.lim.CPUSlice/4:
			chunk = max(1, chunk/2)
		case took < j.lim.CPUSlice/16:
			chunk = min(chunk*2, 1<<22)
		}
	}
	return ""
}
