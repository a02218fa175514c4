package kernel

import (
	"osplay/kernel/abi"
	"osplay/kernel/msg"
	"osplay/kernel/sched"
	"osplay/kernel/vm"
)

// Thread is a thread control block (TCB): one flow of execution in a
// process. It owns what the lecture gives a thread — its registers and
// stack, its state, the task the scheduling policy sees, errno, a signal
// mask and the signals sent to it alone, what it waits for, the system call
// it is in — and shares the rest with the other threads of its process:
// the address space, the open files, the children. CPUs run threads.
//
// Tids: a process's main thread has the pid as its tid; every further
// thread takes the next pid number, as Linux's threads share one id space
// with processes. A single-threaded process is one thread whose tid is its
// pid, and looks in every event exactly as a process always has.
type Thread struct {
	TID     int
	State   State    // its place in the five-state diagram
	Cause   msg.Text // why it entered State
	CPU     int      // CPU it runs on, -1 when not running
	Created int64    // tick of creation
	Ended   int64    // tick it terminated

	proc     *Process
	task     sched.Task
	ctx      *vm.Context // registers and value stack; the memory is the process's
	stack    uint64      // the bottom of its stack region (0: the main thread's stack)
	stackTop uint64      // the top of its stack region, above its errno (errnoSlot)
	slot     int         // its stack's slot in the process's thread-stack area

	errno      int                      // the error of its last failed system call
	sigMask    sigSet                   // signals it blocks
	sigPending sigSet                   // signals sent to it alone, not yet delivered
	sigInfo    *[abi.MaxSig + 1]sigInfo // what came with each; made with the first
	savedMask  sigSet                   // the mask sigsuspend replaced, restored after its handler
	hasSaved   bool
	sigWait    sigSet            // the signals sigwait waits for, while it waits
	sigFrames  []sigFrame        // handlers entered and not yet returned from, innermost last
	restartSys abi.Sys           // set by sigreturn: the interrupted call to start over (0: none)
	rtQueue    map[int][]sigInfo // real-time signals queued behind the pending one, by signal (signal_rt.go)
	altStack   altStack          // sigaltstack's stack (signal_rt.go)

	waiter   waiter    // what it waits for, while it waits
	exited   WaitQueue // threads joining it wait here for it to exit
	retval   uint64    // its exit value, for pthread_join
	joiner   *Thread   // the thread that joins it, once one does
	detached bool      // no thread will join it: it is forgotten as it exits

	// System-call state.
	inSyscall bool     // entered, not yet returned: a blocked call restarts
	sys       abi.Sys  // the call in progress
	yieldTo   msg.Text // give the CPU up after this call returns, and why (child-first fork)
	yieldHow  sched.Why
	pipeIO    pipeProgress // a blocked write to a pipe: what it has written
	fifo      *fifoOpen    // a blocked open of a FIFO
	pollUntil int64        // a blocked poll or select: its deadline (0: not fixed yet)
	pollTTY   bool         // it watches the terminal

	job     *jobRun   // a workload job: bursts instead of a program
	lentTo  []lend    // tickets lent while waiting (ticket transfer)
	swapHow sched.Why // how it became ready before it was swapped out
}

// isMain reports whether t is its process's main thread.
func (t *Thread) isMain() bool { return t.TID == t.proc.PID }

// live reports whether t has not terminated.
func (t *Thread) live() bool { return t.State != StateTerminated }

// newThread makes a TCB in state new for p, with id tid. Its creation is
// announced by the caller: a main thread's is its process's (KindCreate),
// another's is KindThreadCreate.
func (m *Machine) newThread(p *Process, tid int) *Thread {
	t := &Thread{TID: tid, CPU: -1, Created: m.t, proc: p}
	t.task = sched.Task{PID: p.PID, TID: tid, Name: p.Name, LastCPU: -1, Nice: p.Nice, Priority: p.Nice}
	t.exited.init(m, WaitObject{Kind: WaitJoin, ID: uint64(tid), Holder: tid})
	p.threads = append(p.threads, t)
	m.byTID[tid] = t
	return t
}

// thread returns the thread with tid, not yet joined or reaped, or nil.
func (m *Machine) thread(tid int) *Thread { return m.byTID[tid] }
