package kernel

import (
	"fmt"

	"osplay/kernel/abi"
	"osplay/kernel/msg"
	"osplay/kernel/sched"
)

// clone makes a new thread in the process of the running thread t: it
// shares the address space, the open files and everything else of the
// process, and starts by calling start(args...) on a stack of its own.
// It takes the next pid number as its tid, which is stored at tidAddr
// (unless 0) before the thread can run, and is ready at once; the caller
// goes on. EAGAIN beyond Config.MaxThreads threads.
func (m *Machine) clone(t *Thread, start uint64, args []uint64, tidAddr uint64) sysret {
	p := t.proc
	if len(p.threads) >= m.cfg.MaxThreads {
		return fail(abi.EAGAIN)
	}
	tid := m.nextPID
	if tidAddr != 0 {
		if err := p.mem.WriteU64(tidAddr, uint64(tid)); err != nil {
			return fail(abi.EFAULT)
		}
	}
	slot := p.freeStackSlot()
	low, high := threadStack(slot)
	if err := p.mem.MapStack(fmt.Sprintf("thread %d stack", tid), low, high); err != nil {
		return fail(abi.ENOMEM)
	}
	ctx, err := t.ctx.NewThread(start, args, low, high-errnoSlot)
	if err != nil {
		p.mem.Unmap(low)
		return fail(abi.EINVAL)
	}
	m.nextPID++
	nt := m.newThread(p, tid)
	nt.ctx, nt.stack, nt.stackTop, nt.slot = ctx, low, high, slot
	p.stacks[slot] = true
	// Scheduling attributes are inherited, as a Linux thread inherits its
	// creator's nice value and CPU affinity.
	nt.task.Nice, nt.task.Priority = t.task.Nice, t.task.Priority
	nt.task.Tickets, nt.task.Affinity = t.task.Tickets, t.task.Affinity
	nt.sigMask = t.sigMask // a new thread blocks what its creator blocks
	e := Event{PID: p.PID, TID: tid, Kind: KindThreadCreate, Other: t.TID}
	if len(args) > 0 {
		e.Addr = args[0]
	}
	m.emit(e)
	m.makeReady(nt, msg.New(msg.CreatedBy, msg.Int("tid", t.TID)), sched.Arrived)
	return ok(int64(tid))
}

// Thread stacks. The main thread's stack is the top of the address space,
// abi.DefaultStackLimit long. Below it, slot after slot, lie the stacks of
// the other threads, threadStackSize each (glibc's default for a thread is
// the stack limit, 8 MiB), with an unmapped guard page below every one:
// running off a stack faults instead of writing over the next. Pages are
// mapped on first touch, so a stack costs only what its thread uses. A
// slot is free again once its thread has been joined.
const (
	threadStackSize = abi.DefaultStackLimit
	guardSize       = abi.PageSize
	// errnoSlot is the top of a thread's stack region, kept for its
	// errno (the word at the bottom of the slot): per-thread storage the
	// kernel knows without a TLS segment.
	errnoSlot = 16
)

// threadStack is the stack region of slot: [low, high).
func threadStack(slot int) (low, high uint64) {
	high = abi.StackTop - abi.DefaultStackLimit - guardSize - uint64(slot)*(threadStackSize+guardSize)
	return high - threadStackSize, high
}

// freeStackSlot is the lowest stack slot no thread holds.
func (p *Process) freeStackSlot() int {
	for i, used := range p.stacks {
		if !used {
			return i
		}
	}
	p.stacks = append(p.stacks, false)
	return len(p.stacks) - 1
}
