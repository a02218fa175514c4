// Package explore searches the schedules of a C program for one that
// breaks it: a crash, a failed assert, a deadlock, an exit status or an
// output other than the expected one, or a failing check. It runs the
// program on the kernel many times, each time with a program deciding who
// runs at every scheduling point (the manual policy answered by a
// sched.Chooser), and reports the first failing schedule, shortened to
// the fewest switches that still fail, or that none failed within the
// bound.
//
// Three strategies:
//
//   - PCT, probabilistic concurrency testing (Burckhardt, Kothari,
//     Musuvathi, Nagarakatte, ASPLOS 2010): random thread priorities, the
//     highest-priority thread that can run runs, and at D random steps
//     of the k steps of a run (the depth, D change points) the running
//     thread drops to a low priority. One run finds a bug that needs D
//     preemptions (of depth D+1 in the paper's terms) among n threads
//     with probability at least 1/(n·k^D).
//   - Exhaustive search with at most K preemptions (CHESS's preemption
//     bounding: most concurrency bugs need no more than 2), depth first,
//     with one cheap partial-order reduction: a running thread is
//     preempted only before a step another thread can see or change — a
//     load or store of memory, a call, a system call, library code — never
//     before arithmetic on its own registers, since moving such a step
//     across another thread's changes nothing.
//   - Random: at every scheduling point any thread that can run, with
//     equal chance; the baseline.
//
// A schedule is the list of switches a run made away from the default
// (the running thread runs on; a free CPU takes the head of the ready
// queue), each named by the thread that was running and how many
// scheduling points it had passed: "thread 4 at its 57th point, switch to
// thread 5". Since a thread's own points do not depend on the others, a
// switch keeps its meaning when another is removed, which is what makes
// the list shortenable by delta debugging; and since the decisions are a
// function of the run so far, a schedule replays event for event.
//
// The package knows nothing of the command line or the web: Explore takes
// a context (cancel to stop) and a progress callback.
package explore
