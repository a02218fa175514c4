// Package api owns osplay's wire: the JSON of POST /api/run, the WebSocket
// protocol of the playground, the sessions behind it (one simulated
// machine per WebSocket), and the limits that keep one visitor from
// harming the others. It imports the kernel and nothing of the web pages;
// package web mounts its handlers.
//
// # The WebSocket protocol, version 1.6
//
// The playground opens a WebSocket at /api/ws (same host only: the Origin
// header must name the page's host). Every frame is one JSON object in a
// text frame. The server speaks first, with hello; from then on the client
// sends commands and the server answers with batches, errors and the
// occasional notice. A session runs one kernel Machine in its own
// goroutine; nothing a session does reaches another.
//
// Client → server. Every message has "op"; it may carry "id", a number the
// server echoes in an error about that message. A message with an unknown
// op, an unknown field, a field the op does not use, a bad value or more
// than Limits.MaxMessage bytes is answered with an error message (code
// "bad_message" or "too_large"); the connection stays open. Past
// Limits.MaxFrame bytes the connection is closed with code 1009.
//
//	{"op":"load", "program":{...}}           compile and start a program, paused at tick 0
//	{"op":"run"}                             run continuously at the current speed
//	{"op":"run", "until":T}                  … and pause at tick T (since 1.5: an exercise asks its predictions there)
//	{"op":"pause"}                           stop running; the machine keeps its state
//	{"op":"step", "by":"tick"}               advance one tick (one instruction on each CPU)
//	{"op":"step", "by":"event"}              advance to the end of the tick of the next event
//	{"op":"step", "by":"syscall"}            … of the next system call
//	{"op":"speed", "ticks":N, "interval":MS} N ticks per batch (1…1000000), a batch every MS ms (33…2000)
//	{"op":"reset"}                           the same program again from tick 0, inputs forgotten
//	{"op":"seek", "tick":T}                  rewind (or go forward) to tick T, by deterministic replay
//	{"op":"input", "data":"text\n"}          type on the console (stdin)
//	{"op":"eof"}                             end the console input (Ctrl-D)
//	{"op":"signal", "pid":P, "signal":"SIGTERM"}  send a signal to a process, as kill(1)
//	{"op":"interrupt"}                       Ctrl-C: SIGINT to the foreground process group
//	{"op":"choose", "pid":P}                 the manual scheduler: P runs next on the CPU that asks
//	{"op":"inspect", "pid":P}                include P's full PCB in the snapshots (0: none)
//	{"op":"ack", "seq":S}                    the client has drawn batch S
//	{"op":"delta"}                           send the state's changes only (since 1.6, below)
//	{"op":"resume", "program":{...}, "inputs":[…], "tick":T, "events":N,
//	 "horizon":H, "speed":{…}, "running":R, "inspect":P}
//	                                         rebuild a session whose connection dropped (since 1.2)
//
// A program is {"files":[{"name":"a.c","text":"…"}…], "main":"a.c",
// "argv":["ls","-l"], "stdin":"…", "settings":{"sched":"rr", "quantum":10,
// "cpus":1, "seed":0, "ctxswitch":0, "childFirst":false, "multiprogramming":0,
// "resident":0, "monitor":"hoare"}}; sched is a policy spec as "mlfq:boost=100";
// monitor is what a monitor's signal does in <osplay/monitor.h>, "hoare" (the
// default) or "mesa", and a program using the lecture's models
// (<osplay/message.h>, mailbox.h, mach.h, monitor.h, event.h) has an event
// "model" for each of their calls: "name" the call, "msg"/"msgText" what it did. argv holds the
// arguments after the program's name. A non-empty stdin is the program's
// standard input as with "< file" (end of input after it); without it the
// console is interactive and input comes from "input" and "eof".
//
// Instead of files a program may carry a workload, jobs described by their
// bursts (the text form of kernel.Workload, one job per line), or an OSTEP
// homework problem; each job then runs as a process of the machine:
//
//	{"workload":"A 0 5 io:3 2\nB 2 8\n", "settings":{"sched":"rr:q=4"}}
//	{"ostep":{"command":"sched", "args":"-p SJF -l 5,10,15"}, "settings":{}}
//
// ostep's command is sched (scheduler.py), mlfq (mlfq.py) or process-run
// (process-run.py); the problem fixes one CPU and no switch cost, and a
// settings.sched given replaces its policy. These fields are optional: a
// client of the first version of the protocol is unaffected.
//
// Server → client. Every message has "type".
//
//	hello   {"type":"hello","v":1,"minor":6,"session":"…","limits":{…},"schedulers":[…]}
//	batch   {"type":"batch","seq":S,"events":[…],"dropped":D,"skipped":K,"state":{…},"log":{…}}
//	rewound {"type":"rewound","tick":T,"events":N,"state":{…}}
//	error   {"type":"error","code":"…","message":"…","id":I,"args":{…},"errors":[{"file","line","col","msg"}]}
//
// Version 1.1 added, all optional for a client of 1.0: hello's "minor";
// limits' "maxRunMemory" and "maxInputBytes"; a batch's "skipped"; the
// snapshot's "haltCode"; an error's "args"; the error codes memory_limit,
// input_limit, ended, no_process, bad_choice; and, over HTTP, busy,
// deadline, eventsTruncated, eventsTotal, processesTruncated, haltCode.
// Events of a thread other than its process's main one carry "tid" (a
// thread's id, numbered as pids are); a switch to such a thread carries
// "otherTid"; the kinds "thread" (created), "texit" and "join" report
// threads' lives.
// The kernel's own limits give haltCode max_ticks, max_instructions or
// max_output; the events "limit" and "halt" carry "limit" (that code) and
// "value" (its bound), and the event "oom" (the kernel killed the largest
// process because all of them together needed more than "value" bytes)
// carries "limit" max_total_memory, "value", and "bytes", the memory the
// process killed had.
//
// Version 1.2 added resume, a batch's "log", and close code 4004's
// meaning: reconnect and resume.
//
// Version 1.3 added the kernel's texts as data. What the kernel says —
// an event's "cause" (state, dispatch, preempt, exit, sched) and "msg"
// (fault, limit, halt, ask, deadlock, input's EOF), a PCB's "cause", why
// the machine stopped — comes as before in English, and beside it as a
// text of the kernel's catalogue: an event's "causeText" and "msgText", a
// PCB's "causeText" and "waitForText" (what it waits for: "mutex 0x601040
// held by thread 7"), a snapshot's (and POST /api/run's) "haltText" for a
// halt of the kernel's (a limit, a deadlock); and a deadlock event (and
// the limit and halt of a run that deadlocked) carries "waits", each
// thread's wait as an edge of the wait-for graph (below, with threads)
// and its "text" (kind: child, tty, timer, io, join, mutex, futex,
// semaphore, condvar, rwlock, barrier, once, pipe, poll, signal, msgsnd,
// msgrcv — room in, or a message from, a message queue; socket — data,
// room, a connection to accept, or a listening socket to take a connect;
// semop — a semaphore of a System V set to change; holder left out
// when the object has no single holder). A text is {"code","args"}:
//
//	{"code":"rr.quantum_expired","args":{"q":3}}
//	{"code":"mlfq.ahead","args":{"who":{"pid":5,"tid":7},"l":1}}
//	{"code":"wait.for","args":{"obj":{"code":"obj.held","args":{"obj":{"code":"obj.mutex","args":{"addr":"0x601040"}},"tid":7}}}}
//
// The code is stable ("area.what"); each argument has the type the
// catalogue declares: int and num a number, addr a hex string, name a
// string shown as it is, task a thread {"pid","tid"} (tid left out for a
// process's main thread; shown "5 (thread 7)"), text another text. GET
// /api/texts?lang=en|ko is the catalogue in a language: for each code its
// "text", with {key} where an argument goes and {key:이} where a Korean
// particle follows one (이/가, 을/를, 은/는, 과/와, 으로/로, chosen by the
// sound of the argument's last word: a number's last digit, a Hangul
// syllable's final consonant, the word before a closing parenthesis), and
// its "params" with their types. The playground's pages carry the same
// table and render every text from it; the English fields are what the
// English templates render.
//
// Version 1.3 also added, for threads and synchronisation (all optional for a
// client of 1.2): a multi-threaded process's "threads" in the snapshot's
// procs, one per thread, the main one first — {"tid", "state", "waitOn",
// "waitAddr" (the address, tid or pid waited for), "waitVar" (the
// program's variable at that address, as C names it: "fork_[2]"), "cpu",
// "file", "line", "func", "cpuTicks"} (a single-threaded process has none: its thread is
// the process); the snapshot's "sync", the synchronisation objects threads
// wait on — {"pid", "kind" (mutex, semaphore, condvar, rwlock, barrier,
// once, futex, join), "addr" (join: the tid joined), "var" (the program's
// variable there), "name" (a named semaphore's), "owner" (a mutex's owner, a read-write lock's writer),
// "value" (a semaphore's), "arrived" and "count" (a barrier's), "waiters"
// (tids, longest waiting first)}, read from memory when the batch is made;
// the snapshot's "waits", every blocked thread's wait as an edge of the
// wait-for graph — {"pid", "tid", "kind", "addr", "var", "holder" (the thread that
// holds the object, when one does: an edge to it), "file", "line"}; a
// cycle of holders is a deadlock. The event "deadlock" (threads wait in a
// cycle, reported as it closes while the others run on) carries the cycle
// in "waits". When no thread can ever run again (every one waits, no
// timer is set), a session, whose user may still send a signal, has the
// status "stalled" and sends no batch until the user acts; POST /api/run,
// to which no signal comes, ends the run there with haltCode "deadlock" and
// "waits", every blocked thread's wait. Should the kernel itself end a run
// so (as the command line's run to the end does), its "limit" and "halt"
// events carry the waits, and the snapshot's haltCode is "deadlock".
// Races you can see: while a session steps, or runs at most 1,000 ticks a
// batch, it watches the instructions of the student's code, and the
// snapshot's "instructions" lists those run since the previous batch that
// had some: {"seq" (numbered from 0 on each machine: a number not above
// the last one the client kept means the machine started again, after a
// reset or a rewind), "t", "cpu", "pid", "tid", "func", "file", "line",
// "op" (the VM's operation: ldi32, st32, add, const, call…), "a" and "b"
// (its operands), "callee" (a call's function), and for a load or a store
// "addr", "var" (the name of the program's variable there, when it has
// one), "size", "store" and "value" (a store's value; else the value
// loaded, or the result on top of the stack)}. A store that writes over
// another thread's store made after this thread loaded the address — a
// lost update — has "lost": {"load", "overwritten" (seq numbers), "other"
// (the thread whose update is lost)}; the snapshot's "lostUpdate", when a
// lost update happened since the previous batch, is {"count" (lost updates
// seen while watching), "instructions" (every thread's, from the stale load
// to the losing store: the two interleaved sequences)}. Watching changes
// nothing of the run.
// A library call is one instruction of its caller, charged a fixed cost
// and run without preemption, as the kernel charges it.
// The snapshot's "globals" (since 1.4) are the integer variables of
// each live process's own program as they are now, {"pid","var","value"}
// (at most 16 a process, for 8 processes; arrays and a name two static
// variables share are left out).
// Data races caught in the act: with the setting "races" true, the
// kernel tracks which accesses of a multi-threaded process's own code are
// ordered by synchronisation (thread create and join, wait, the atomic
// operations every lock of <pthread.h> is made of, pipes, messages and
// signals) and reports two
// unordered accesses to the same address, one of them a write, as the
// event "race": tid (the thread of the second access), "other" (the
// thread of the first), "addr", and "msgText", the code "race.found" with
// the arguments var (a text: "race.var" with the variable's name as C
// writes it, or "race.addr"), op (the second access: "race.written" or
// "race.read"), tid, file, line, oop ("race.wrote" or "race.read"), otid,
// ofile, oline, and locks ("race.no_lock", or "race.common_lock" with the
// lock's addr). Each pair of lines is reported once per run, at most 100
// in all; past 1,024 threads or 4,096 words and objects synchronised on,
// the detector stops for the rest of the run. The snapshot's "shared"
// lists (the first 64) variables several threads of a process accessed:
// "pid", "addr", "var" (its name, as C writes it), "accesses", "threads",
// and "locks", each lock held at some of them: "lock" (its address),
// "var" (its name) and "held" (at how many); a lock held at every access
// protects the variable, and one with no such lock is shared unprotected.
// Without the setting nothing changes; with it, a multi-threaded
// process costs the server about one and a half times the CPU, with the
// same events otherwise. An optional setting: a client
// may ignore the event.
//
// Resume: scale-out without sticky sessions. A session is a pure
// function of its program, settings and input log, so the client keeps
// them and any server can rebuild the session; no server writes anything
// per input, and a database outage does not stop it. A batch's "log",
// when present, says how the run's input log changed: {"from":K,
// "inputs":[{"tick","op","data","pid","signal"}…]} — the log is now its
// first K inputs followed by these (from 0 and none: the log was emptied,
// by load, reset or Run after the end). Each input is as the server
// applied it: op input (data), eof, signal (pid, signal number),
// interrupt or choose (pid), at tick. A client whose connection drops
// (or closes with 4004) reconnects, to the same server or another one
// behind the same address, waits for hello and sends resume: the program
// it loaded, the log as the batches told it, and from its last snapshot
// the tick, the events ("events": the number of the next event it wants),
// the horizon, the speed, whether it ran, and the inspected pid. The
// server replays the program with that log to that tick and answers with
// a batch that carries only the events numbered from N on; the stream then
// goes on as if the connection had never dropped. A resume is untrusted:
// the program is checked as a load's, each input as if typed now (sizes,
// signals, pids), ticks must not go back and stay within Limits.MaxTicks,
// the log within Limits.MaxInputs and Limits.MaxInputBytes, and the whole
// message within Limits.MaxMessage (a log too large to send is not
// resumed: the client loads afresh). The replay computes within
// Limits.RunTimeout, on the CPU share and within the memory budget, as any
// command: should it stop short of the tick, the session stands where it
// got to, and sends no event numbered below N however it gets further.
//
// A batch carries the events since the previous batch and a snapshot of
// the machine (Snapshot): status, tick, the processes with their current
// source line, the CPUs, the ready queues and, for the inspected process,
// the whole PCB. While running, a batch may leave the processes (and the
// PCB) out: they are as in the last batch that had them (at most 100 ms
// old); the events say every change as it happens. Events are numbered from 0 ("n") in the order the
// machine emitted them; the numbering is the same in every replay. At high
// speed the server may leave out syscall and sysret events from a crowded
// batch (the batch's "dropped" counts them). Faster than 10,000 ticks a
// batch (since 1.5), a running session also leaves the scheduler's routine
// out of a batch past its first 250 events — dispatch, preempt, switch,
// idle, and state changes between ready and running, "dropped" counting
// them too — and the batch's "thinned" {"from","to"} says from which tick
// to which they are missing (to is the snapshot's tick): the Gantt chart
// draws that stretch as mixed. Everything else still comes, and at a
// million ticks a second no one follows each quantum. A session keeps at most
// Limits.MaxPendingEvents events for its next batch: when more come at once
// (a seek forward over a long stretch), the oldest are left out and
// "skipped" counts them; the snapshot says where things stand, and the
// numbering says where each event sent belongs.
// State deltas (version 1.6). A client that sends {"op":"delta"} (once,
// after hello) is sent, from then on, a batch's state as the fields that
// differ from the state sent last — in a batch or a rewound message — when
// the batch says "delta":true; "cleared" then names the fields the last
// state had that are now absent (a PCB no longer inspected, a halt gone
// after Reset). The client keeps the whole state and merges: the batch's
// fields replace the kept ones, those named in cleared are removed, and
// "instructions" and "lostUpdate", which say what happened since the
// previous batch, are never kept from one batch to the next. A batch
// without "delta" carries the whole state, as do rewound messages; the
// first batch after the op, after a rewind, and after a batch of a paused
// session is whole. The base is the state sent last, not the last one
// acknowledged: a WebSocket delivers every message in order, and the
// client merges every batch it reads, whatever it acknowledges. A client
// that does not send the op gets whole states, as before. Fields compare
// by their encoded JSON; a field is sent whole when any of it changed (the
// procs list whenever a process's CPU time moved).
// Signals. The kinds "signal" (pid, or 0 for the kernel or the user,
// sent "signal" to "other"; SIGCHLD is drawn only when the parent does
// not discard it, SIGALRM comes from pid 0), "handler" (thread tid of pid
// entered its handler for "signal", at "addr") and "sigreturn" (it
// returned from it). The state "stopped" (SIGSTOP, SIGTSTP, SIGTTIN,
// SIGTTOU) joins the five states; SIGCONT makes a stopped process ready.
// The PCB carries "signals": {"pending", "blocked", "handled", "ignored"},
// each a list of signal names ("SIGUSR1"): pending for the process or one
// of its threads, blocked by its main thread, caught by a handler,
// ignored. A program whose every thread waits and one waits for a signal
// (pause, sigsuspend, sigwait) has the status "input" when it was given no
// stdin, as one that reads the console: the user may send it a signal
// (Ctrl-C, the signal op). Added in minor version 3.
//
// Version 1.4 added IPC as data (all optional for a client of 1.3). Every
// operation on an IPC object is an event: kind "ipc" for an object's life
// (op create, destroy, unlink; attach and detach of shared memory, with
// "addr") and kind "transfer" for what moves through it (op write and
// read of a pipe or FIFO, send and receive of a message, shm_write of
// shared memory, sem_post and sem_wait of a named semaphore). Each carries "msgText" (codes ipc.create, ipc.write,
// ipc.receive…, naming the object with an ipcobj.* text) and "ipc":
// {"obj": {"kind", "id", "name"}, "op", "seq", "bytes", "hex", "type",
// "matched", "addr", "lo", "hi"}. kind is pipe, fifo, msgq (System V),
// mqueue (POSIX), shm (System V), posix_shm, sem (a named semaphore),
// semset (a System V set: a field "sem N" and a queue "sem N" for each
// semaphore) or socket, and a client must expect others (the teaching library's
// mailboxes); name is a FIFO's path, a POSIX name, or a System V key in
// hex. A write (or a send) has "seq", its number in its object from 1; a
// read lists in "matched" the writes it took bytes from, oldest first,
// each {"seq", "pid", "tid", "bytes"} (how many of that write's bytes);
// a receive has the "seq" it was sent with, and its sender in "matched";
// a sem_post is numbered as a write of one unit, and a sem_wait names in
// "matched" the post whose unit it took (none for a unit the semaphore
// was made with), its "type" being the semaphore's value after it. A
// semop on a System V set is one such event per operation that changes a
// value, in its order: an increase a sem_post of "bytes" units, a
// decrease a sem_wait of "bytes" units naming the posts they came from
// (none for units set by SETVAL or SETALL), "num" the semaphore's number
// in the set; the set numbers the posts of all its semaphores together.
// An mmap with MAP_SHARED of a POSIX object or of anonymous memory (kind
// shm_anon, numbered from 1 as it is made, destroyed with its last
// mapping) is an attach, and a munmap that takes the last piece of a
// process's mapping of an object a detach; a fork attaches the child to
// all its parent has attached, and an exit or an exec detaches what the
// process still maps. The threads' locks are objects too, from the first
// futex call on one until their process exits or execs: kind mutex,
// semaphore, condvar, rwlock, barrier, once or futex, "id" the address,
// "name" the program's variable there, fields "owner" (a mutex's, a
// writer's: a tid, 0 for none), "value" (a semaphore's), "readlocks", or
// "arrived" and "count" (a barrier's), users [{"pid", "role": "memory",
// "addr"}], and a queue "waiters"; a lock listed there is not listed
// again in "sync". A futex wake that wakes threads is a transfer, op
// "unlock" (a mutex) or "wake" (the others), numbered in "seq", "bytes"
// the threads woken; each woken thread, back, reports op "lock" or
// "woken" with the wake in "matched".
// "bytes" counts the bytes moved and "hex" is the first 64 of them in
// hex; "type" is a System V message's type or a POSIX message's priority.
// A write into shared memory is a store of the program, not a system
// call: the kernel records the last writer of each 8-byte granule and
// reports what a process wrote (shm_write, bytes ["lo", "hi") of the
// object, the first of them in "hex") when its thread next makes a system
// call or leaves its CPU, so a run of stores is one event.
// The snapshot's "ipc" lists every object as it stands at its tick (after
// a seek too), the first 64 of them ("ipcMore" counts the others; the
// bytes of the first 16 shared memory objects only), in one shape for
// every kind: {"kind", "id", "name", "text"
// (its name as a text), "fields" ([{"key","value"}], or {"key","str"}
// for a word: capacity, bytes, readers, writers, messages, maxmsg,
// msgsize, size, nattch, removed, value; a socket's proto — tcp, udp,
// unix stream, unix dgram —, state — unconnected, listening,
// connecting, connected —, local and peer addresses, peersock (the
// socket at the other end), datagrams, backlog, flags), "queues" ([{"key","waiters"}]: readers, writers, opens, senders,
// receivers, waiters, a socket's accepters and connects — tids, longest
// waiting first; with "of", ids of objects of that kind instead: a
// listening socket's accept queue, "accept", and the connects waiting
// for room in it, "syns", of "socket"), "items" (a pipe's or a stream
// socket's bytes cut by the write they came from, a queue's messages, a
// datagram socket's datagrams, first out first:
// {"seq","pid","tid","type","bytes","hex"}, at most 32, "more" counting
// the rest, 64 bytes of each), "users" ({"pid", "role" read, write,
// attach or open, "fds", "addr"}), "memory" (shared memory: {"size",
// "hex" of its first 1024 bytes, "writers": [{"lo","hi","pid"}]})}.
// Sockets: a stream's write is numbered in the socket that receives the
// bytes (the peer of the one written to), whose reads name it; a
// datagram is a send numbered in the socket it goes to, and its receive
// names it.
// The lecture's models (all optional fields): kinds mailbox, port,
// port_set, link (a process's direct link; its id is the pid it carries
// messages to), monitor and event. A message sent into a mailbox, a port
// or a link is a "transfer" send numbered in it, and its receive names
// it; "fault" marks a message a faulty link "lost" (a send with no
// receive) or "scrambled" (its send and its receive); "copy" is 1 on a
// port's send (copied into the port) and 2 on its receive (copied out:
// Mach's double copy). A mailbox's fields: capacity (with str unbounded
// or rendezvous), messages, owned_by (str process or os), placed (str
// in_process or in_os), switches (user/kernel mode switches), received,
// a port's copied (bytes) and in_set, a faulty link's lose_pct and
// scramble_pct, receiver (str anyone: no owner); its queues senders,
// senders_taken (senders waiting for
// the receiver to take their message), receivers; its users the process
// that may receive (role receive); its items carry "header" {"type",
// "dest", "source", "length", "control"} (seed 002, slide 30) and
// "marks" (kept, waiting, scrambled). A monitor's fields are semantics
// (str hoare or mesa) and inside (the tid inside, 0 for none); its queues,
// always all of them, empty or not: entry, urgent (Hoare only), and one
// "condition" per condition variable with its "name".
//
// Among the kinds: "sched", the scheduler acting on its own (an MLFQ boost,
// a ticket transfer, swapping; "cause" says what), and "ask", the manual
// policy waiting for the user to choose who runs on a CPU; the snapshot's
// "asking" then lists, per CPU, the ready pids to choose from, and the
// status is "choose" until a "choose" op answers.
//
// The machine computes on the server's CPU share, a few milliseconds at a
// time, for at most Limits.BatchCPU per batch. A command arriving while it
// computes (pause, step, seek, anything but ack) interrupts it: the
// command is handled within milliseconds, and a step or a seek that was
// under way stops where it got to (a seek answers rewound with the tick it
// reached).
//
// Budgets. A run's processes may touch Limits.MaxSessionMemory bytes
// together (256 MiB; the hello's "maxRunMemory"): beyond it the kernel's
// out-of-memory killer ends the largest process with SIGKILL (an "oom"
// event), and should the server find the machine above it, it stops the
// run: error memory_limit, and a snapshot with status done and haltCode
// memory_limit. Input typed into one run is bounded in all
// (Limits.MaxInputBytes, 1 MiB, "maxInputBytes"; and Limits.MaxInputs
// inputs), as the replay log keeps it: beyond, input, eof, signal and
// choose are refused with input_limit until Reset or Run starts afresh.
//
// Pacing: while running, the server sends at most one batch per interval
// (33 ms: ~30 per second) and never more than two batches ahead of the last
// "ack": a slow browser slows the simulation instead of falling behind.
// While the last batch sent is not yet acknowledged, or while the server
// is behind (an interval's turn came more than a quarter interval late),
// the server holds what the next interval computes and sends it with the
// following one, or when an ack that moves forward comes: a batch may then
// cover two intervals, its "sent" being when the first of them was due. Commands (step, pause, seek,
// load…) are answered with a batch at once; run's carries the first
// interval's events. Intervals end where the speed puts them, counted
// from the tick Run was pressed at: a batch cut short (by its CPU time,
// or by the events a batch may carry) leaves the rest of its interval to
// the next, and a machine that comes to wait for input idles to the end
// of the interval it began to wait in. So where it waits, and the tick
// a line typed then is given at, do not depend on the server's load.
//
// Rewind: "seek" rebuilds the machine from the start, replaying the
// program, its settings and the log of inputs (typed lines, end of input,
// signals, scheduling choices) at the ticks they were given, up to tick T; the answer,
// rewound, says how many events the machine has emitted by then: the
// client keeps its events numbered below that and redraws. Inputs given
// after T are replayed again as the machine passes their ticks, unless the
// user gives a new input first, which discards them.
//
// POST /api/run runs a program headless and answers with its output and
// figures ("sched": the lecture's metrics per process). With a workload or
// an OSTEP problem it takes "compare" (up to four policy specs, the
// settings' policy if none) and "lang" ("en" or "ko") and answers
// {"workload": its canonical text, "notes": […], "runs": [{"sched",
// "error", "metrics": {…, "procs": […]}, "gantt": [[{start, end, what,
// pid}]] per CPU, "questions": [{kind, job, text}]}]}; the questions come
// without their answers. POST /api/check takes the same workload and
// settings (settings.sched: the run asked about) with {"kind", "job",
// "answer", "lang"}, runs it again and answers {"ok", "explanation"}.
//
// POST /api/run computes on the same CPU share as the sessions, with a
// deadline of Limits.RunTimeout (10 s) that interrupts the machine
// whatever it does: the answer then has halt and haltCode deadline. Other
// halt codes: memory_limit, max_ticks, max_instructions, max_output (the
// kernel's limits), input (the program waits for standard input:
// give it in stdin), choose (the manual scheduler waits). With "events":
// true the answer carries at most Limits.MaxRunEvents events (100,000),
// the first ones; beyond, "eventsTruncated": true and "eventsTotal" says
// how many the run emitted (the metrics count code events_limit). The
// answer lists the first Limits.MaxRunProcesses processes (1,000;
// "processesTruncated" says others were left out). Headless runs — POST
// /api/run, /api/check and the exercise checks — take one of
// Limits.Workers places (GOMAXPROCS); up to Limits.RunQueue more wait for
// at most Limits.QueueWait (3 s). Beyond, the answer is 503 with
// Retry-After: 1 and the error code busy. Near the server's memory budget
// new runs get 503 with Retry-After: 60 and server_full, and a new
// WebSocket gets error server_full and close 4003.
//
// POST /api/explore searches a C program's schedules for one that breaks
// it (package kernel/explore): {program…, "strategy": "pct" (default),
// "exhaustive" or "random", "runs" (at most Limits.MaxExploreRuns,
// 20,000; default 1,000, exhaustive all), "depth" (pct: priority change
// points per run, the preemptions a run may insert, 0 to 10, default 2),
// "preemptions" (exhaustive: 0 to 3, default 2), "seed"}. Every run has
// one CPU, the manual policy answered by the strategy, and the program's
// stdin or none (end of file); a run fails by a crash, a deadlock, its
// tick limit, a data race (settings.races), or an exit status or output
// other than the first run's. The answer is lines of JSON
// (application/x-ndjson): {"type":"progress", "strategy", "runs",
// "elapsedMs", "perSecond", "depth", "preemptions", "bound" (pct: the
// probability ≥ that the runs so far found a bug needing at most depth
// preemptions, 1 − (1 − 1/(n·k^depth))^runs for n "threads" and k
// "steps"; exhaustive: 1 once "exhausted"), "threads", "steps"} about
// four times a second, then the same with "type":"result",
// "expected" {stdout, exit}, and "counterexample" when a run failed:
// {"schedule" (settings.schedule replays it), "preemptions", "switches",
// "foundSwitches" (before shortening), "run", "seed", "why" (a text:
// explore.output, explore.status, explore.crash, explore.deadlock,
// explore.limit, race.found), "waits" (a deadlock's cycle), "stdout",
// "stderr", "events", "stream" (the hash of its trace)}; or "stopped":
// true when it ended early, with "haltCode" deadline or memory_limit at
// the server's limits. A request that is wrong is one error (400), a
// program that does not compile an error line with code compile. The
// search computes as one headless run: one worker, one machine at a time
// on the CPU share, the memory budget per machine, and Limits.RunTimeout
// for the whole search; closing the request (the page's Stop) ends it at
// once. It is rate-limited as POST /api/run.
//
// A program's "settings" may carry "schedule", a schedule the explorer
// reported ("3@9:4": at thread 3's scheduling point 9, thread 4 runs;
// at most 16 KiB): the run then has one CPU and that schedule chooses, as
// in the search, event for event; its switches that preempt a thread are
// preempt events with causeText manual.switch. Added in minor version 3
// with the explorer; a client that does not send it sees nothing new.
//
// Errors have a code a program can test and a message a person can read;
// args, when present, carry the values of the message by name, for a
// client that words the code itself (the page does, in Korean and
// English): bad_message, too_large, compile (with errors), start,
// no_program, machine (an internal error inside this session; the session
// stays), step (args what, ticks), ended (input to a program that has
// ended), no_process (a signal, or Ctrl-C, with no process to take it;
// args pid), bad_choice (args pid), memory_limit (args limit),
// input_limit (args limit, inputs), busy, idle (closed after Limits.Idle
// without a command), too_many_sessions, server_full, shutdown. Before
// closing the connection itself the server
// sends the error, then a close frame with code 4000 + a small number and
// the message as the reason (4001 idle, 4002 too_many_sessions, 4003
// server_full, 4004 shutdown, 4005 slow client). On 4004 (the server is
// shutting down or restarting) a client reconnects, with a jittered and
// bounded backoff, and resumes (since 1.2).
//
// Every state-changing request (the POSTs below and POST /api/run,
// /api/check) must come from a page of this site, named by its Origin (or
// Referer), or from no page at all with a JSON body (curl, the CLI);
// another is answered 403 with the code cross_origin. Runs, checks, shares
// and saved authored exercises are limited per client address (web.Rates);
// past the rate the answer is 429 with Retry-After and the code
// rate_limited.
//
// # Exercises and shares (JSON over HTTP)
//
//	GET  /api/exercises                    the built-in exercises: slug, kind, topic, titles in both languages, url, embed
//	GET  /api/exercises/{slug}?lang=ko     an exercise as the student sees it (no answers, no solution)
//	POST /api/exercises/{slug}/check       ExerciseCheck → the report: every check passed or not, with why
//	POST /api/exercises/u/{id}/check       the same for an exercise authored in the browser
//	POST /api/shares                       ShareRequest → ShareResponse (201): an immutable snapshot, /s/{id}
//	GET  /api/shares/{id}                  the snapshot
//
// A check's report says what the run did and, for a check that failed, where
// to look ("hint"); it never shows what a question of the exercise asks for
// (▢ stands in for it) until that question is answered right. What each
// check expected ("expected", and a question's answer once answered) comes
// only when the request sets "reveal": the page asks after an attempt.
// An exercise's page shows a predict check's predictions ("predictions":
// tick, ask, measure, var, choices — never the answer) and asks each when
// Run (with "until") pauses at its tick; its answer in "answers" is the
// predictions, one a line, which the server measures in a run of its own. A
// scheduling exercise's report also carries "sched", the run's metrics
// table (per process: arrival, first run, completion, turnaround,
// response, waiting, CPU time; the averages and the run's figures), once
// every question of the exercise has an answer: the table shows what they
// ask.
//
// Errors are a Refusal {"error": code, "message": …}: not_found (404),
// bad_request (400), invalid (400), too_large (413, past MaxCheckBody or
// MaxShareBody or the store's limits), busy (503 with Retry-After: 1:
// every worker is taken and the line is full; try again in a second),
// server_full (503 with Retry-After: 60). A check runs as a headless run
// (the same workers, CPU share, deadline and memory budget): a check
// stopped at its deadline or memory budget is a report with an error that
// says so.
package api

// Version is the WebSocket protocol's version, sent in hello; Minor counts
// the fields and codes added since, which a client of an older minor
// version may ignore.
const (
	Version = 1
	Minor   = 6
)
