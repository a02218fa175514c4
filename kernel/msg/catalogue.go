package msg

// The catalogue: every code the kernel says, its arguments and their
// types, its English and its Korean. Placeholders are {key}; {key:이}
// adds the Korean particle that suits the argument (korean.go). English
// is what the kernel has always printed: the command line, the golden
// traces and the pinned event streams read it.

// entry is one text of the catalogue: its parameters ("q:int who:task"),
// its English and its Korean.
type entry struct{ params, en, ko string }

// The machine: states a thread enters and why.
const (
	InitWaits          Code = "state.init_waits"
	Admitted           Code = "state.admitted"
	AdmittedLTS        Code = "state.admitted_lts"
	ChildFirst         Code = "state.child_first"
	ForkChildFirst     Code = "state.fork_child_first"
	InJobQueue         Code = "state.job_queue"
	CreatedBy          Code = "state.created_by"
	PthreadExit        Code = "state.pthread_exit"
	ExecOther          Code = "state.exec_other"
	SwappedIn          Code = "state.swapped_in"
	SwappedOutRoom     Code = "state.swapped_out_room"
	SwappedOutWait     Code = "state.swapped_out_wait"
	SwappedOutFull     Code = "state.swapped_out_full"
	WaitAnyChild       Code = "wait.any_child"
	WaitChild          Code = "wait.child"
	WaitTTY            Code = "wait.tty"
	WaitJoin           Code = "wait.join"
	WaitFor            Code = "wait.for"
	WaitSem            Code = "wait.sem"
	WaitIO             Code = "wait.io"
	WaitIOCall         Code = "wait.io_call"
	WaitSleep          Code = "wait.sleep"
	WaitUsleep         Code = "wait.usleep"
	WokeInput          Code = "wake.input"
	WokeEOF            Code = "wake.eof"
	WokeTimer          Code = "wake.timer"
	WokeIODone         Code = "wake.io_done"
	WokeChildExited    Code = "wake.child_exited"
	WokeThreadExit     Code = "wake.thread_exited"
	WokeMutex          Code = "wake.mutex"
	WokeRWLock         Code = "wake.rwlock"
	WokeSem            Code = "wake.sem"
	WokeSemNamed       Code = "wake.sem_named"
	WokeCondvar        Code = "wake.condvar"
	WokeBarrier        Code = "wake.barrier"
	WokeOnce           Code = "wake.once"
	WokeFutex          Code = "wake.futex"
	WaitCall           Code = "wait.call"
	SigInterrupted     Code = "state.sig_interrupted"
	SigStopped         Code = "state.sig_stopped"
	SigContinued       Code = "state.sig_continued"
	SigwaitCame        Code = "wake.sigwait"
	WokeChildStopped   Code = "wake.child_stopped"
	WokeChildContinued Code = "wake.child_continued"
	WokePipeData       Code = "wake.pipe_data"
	WokePipeRoom       Code = "wake.pipe_room"
	WokePipeNoReader   Code = "wake.pipe_no_reader"
	WokePipeNoWriter   Code = "wake.pipe_no_writer"
	WokeFIFOOpened     Code = "wake.fifo_opened"
	WaitMsgSend        Code = "wait.msg_send"
	WaitMsgRecv        Code = "wait.msg_receive"
	WaitSemDecrease    Code = "wait.semop_decrease"
	WaitSemZero        Code = "wait.semop_zero"
	WokeSemop          Code = "wake.semop"
	WokeMsgSent        Code = "wake.msg_sent"
	WokeMsgTaken       Code = "wake.msg_taken"
	WokeMsgRemoved     Code = "wake.msg_removed"
	SchedYield         Code = "state.sched_yield"
	ExitCall           Code = "exit.call"
	ExitBurstDone      Code = "exit.burst_done"
	ExitLastThread     Code = "exit.last_thread"
	KilledBy           Code = "exit.killed"
	KilledByCore       Code = "exit.killed_core"
)

// What a thread waits for (the kernel's WaitObject), and deadlocks.
const (
	ObjNone      Code = "obj.none"
	ObjChild     Code = "obj.child"
	ObjTTY       Code = "obj.tty"
	ObjTimer     Code = "obj.timer"
	ObjIO        Code = "obj.io"
	ObjJoin      Code = "obj.join"
	ObjMutex     Code = "obj.mutex"
	ObjFutex     Code = "obj.futex"
	ObjPipeData  Code = "obj.pipe_data"
	ObjPipeRoom  Code = "obj.pipe_room"
	ObjPipePeer  Code = "obj.pipe_peer"
	ObjPoll      Code = "obj.poll"
	ObjSignal    Code = "obj.signal"
	ObjMsgQueue  Code = "obj.msg_queue"
	ObjMqueue    Code = "obj.mqueue"
	ObjSem       Code = "obj.sem"
	ObjSemNamed  Code = "obj.sem_named"
	ObjSemSet    Code = "obj.sem_set"
	ObjCondvar   Code = "obj.condvar"
	ObjRWLock    Code = "obj.rwlock"
	ObjBarrier   Code = "obj.barrier"
	ObjOnce      Code = "obj.once"
	ObjHeld      Code = "obj.held"
	TaskThread   Code = "task.thread"
	WhoPID       Code = "who.pid"
	WhoThread    Code = "who.thread"
	EdgeWaits    Code = "deadlock.waits"
	EdgeWaitsAt  Code = "deadlock.waits_at"
	DeadlockLoop Code = "deadlock.cycle"
)

// The schedulers: the long- and medium-term schedulers, ticket transfer,
// and each CPU-scheduling policy's reasons (kernel/sched).
const (
	LTSJobQueue     Code = "lts.job_queue"
	MTSSwappedIn    Code = "mts.swapped_in"
	MTSSwappedOut   Code = "mts.swapped_out_room"
	MTSSwappedOutW  Code = "mts.swapped_out_wait"
	TicketsLend     Code = "tickets.lend"
	TicketsBack     Code = "tickets.back"
	FCFSFirst       Code = "fcfs.first"
	FCFSWakeFirst   Code = "fcfs.wake_first"
	RRHead          Code = "rr.head"
	RRQuantum       Code = "rr.quantum_expired"
	RRFirstSlice    Code = "rr.first_slice_expired"
	BurstLeft       Code = "burst.left"
	BurstTicks      Code = "burst.ticks"
	BurstLeftTau    Code = "burst.left_tau"
	BurstTau        Code = "burst.tau"
	SJFShortest     Code = "sjf.shortest"
	SJFOnly         Code = "sjf.only"
	STCFShortest    Code = "stcf.shortest"
	STCFOnly        Code = "stcf.only"
	STCFPreempt     Code = "stcf.preempt"
	PrioHighest     Code = "prio.highest"
	PrioHighestAged Code = "prio.highest_aged"
	PrioAgedAbove   Code = "prio.aged_above"
	PrioAbove       Code = "prio.above"
	MLQKindFCFS     Code = "mlq.kind_fcfs"
	MLQKindRR       Code = "mlq.kind_rr"
	MLQHead         Code = "mlq.head"
	MLQQuantum      Code = "mlq.quantum_expired"
	MLQAbove        Code = "mlq.above"
	MLFQDown        Code = "mlfq.down"
	MLFQBottom      Code = "mlfq.bottom"
	MLFQSlice       Code = "mlfq.slice"
	MLFQBoost       Code = "mlfq.boost"
	MLFQFirst       Code = "mlfq.first"
	MLFQBoostAhead  Code = "mlfq.boost_ahead"
	MLFQAhead       Code = "mlfq.ahead"
	MLFQNoteDown    Code = "mlfq.note_down"
	MLFQAbove       Code = "mlfq.above"
	MLFQIOBump      Code = "mlfq.io_bump"
	LotteryDraw     Code = "lottery.draw"
	LotteryQuantum  Code = "lottery.quantum_expired"
	StrideLowest    Code = "stride.lowest"
	StrideQuantum   Code = "stride.quantum_expired"
	CFSSmallest     Code = "cfs.smallest"
	CFSSlice        Code = "cfs.slice"
	CFSPreempt      Code = "cfs.preempt"
	ManualChose     Code = "manual.chose"
	ManualOnly      Code = "manual.only"
	ManualQuantum   Code = "manual.quantum_expired"
	ManualAsk       Code = "manual.ask"
	ManualSwitch    Code = "manual.switch"
	Migrated        Code = "percpu.migrated"
)

// What breaks a run under a schedule (kernel/explore).
const (
	ExploreCrash    Code = "explore.crash"
	ExploreDeadlock Code = "explore.deadlock"
	ExploreLimit    Code = "explore.limit"
	ExploreStatus   Code = "explore.status"
	ExploreOutput   Code = "explore.output"
	ExploreCheck    Code = "explore.check"
)

// Data races (kernel/race.go).
const (
	RaceFound      Code = "race.found"
	RaceWritten    Code = "race.written"
	RaceWrote      Code = "race.wrote"
	RaceRead       Code = "race.read"
	RaceNoLock     Code = "race.no_lock"
	RaceCommonLock Code = "race.common_lock"
	RaceAddr       Code = "race.addr"
	RaceVar        Code = "race.var"
)

// Faults (kernel/vm), limits and why the machine stopped.
const (
	FaultNull        Code = "fault.null"
	FaultUnmapped    Code = "fault.unmapped"
	FaultPastEnd     Code = "fault.past_end"
	FaultReadOnly    Code = "fault.read_only"
	FaultStack       Code = "fault.stack"
	FaultStackLimit  Code = "fault.stack_limit"
	FaultMemoryLimit Code = "fault.memory_limit"
	FaultSigNested   Code = "fault.sig_nested"
	FaultSigreturn   Code = "fault.sigreturn"
	FaultNoHandler   Code = "fault.no_handler"
	FaultNoAccess    Code = "fault.no_access"
	FaultStackVLA    Code = "fault.stack_vla"
	FaultStackDepth  Code = "fault.stack_depth"
	FaultStackNested Code = "fault.stack_nested"
	FaultDivZero     Code = "fault.div_zero"
	FaultDivOverflow Code = "fault.div_overflow"
	FaultIllegal     Code = "fault.illegal"
	FaultIllegalOp   Code = "fault.illegal_op"
	FaultNoCode      Code = "fault.no_code"
	FaultLongString  Code = "fault.long_string"
	FaultBadFuncPtr  Code = "fault.bad_func_ptr"
	FaultInternal    Code = "fault.internal"
	FaultSignal      Code = "fault.signal"
	InputEOF         Code = "input.eof"
	OOMKilled        Code = "oom.killed"
	OOMKilledFor     Code = "oom.killed_for"
	LimitTicks       Code = "limit.max_ticks"
	LimitInstr       Code = "limit.max_instructions"
	LimitOutput      Code = "limit.max_output"
	LimitMemory      Code = "limit.max_total_memory"
	LimitOther       Code = "limit.other"
	HaltDone         Code = "halt.done"
	HaltDeadlock     Code = "halt.deadlock"
	HaltInternal     Code = "halt.internal"
)

// Sockets: what a thread waits for at one, and what wakes it.
const (
	ObjSockData      Code = "obj.sock_data"
	ObjSockRoom      Code = "obj.sock_room"
	ObjSockConn      Code = "obj.sock_conn"
	ObjSockAccept    Code = "obj.sock_accept"
	WokeSockData     Code = "wake.sock_data"
	WokeSockRoom     Code = "wake.sock_room"
	WokeSockConn     Code = "wake.sock_conn"
	WokeSockAccepted Code = "wake.sock_accepted"
	WokeSockRefused  Code = "wake.sock_refused"
	WokeSockClosed   Code = "wake.sock_closed"
	WokeSockShutdown Code = "wake.sock_shutdown"
)

var catalogue = map[Code]entry{
	InitWaits:      {"", "init waits for orphans to reap", "init: 고아 프로세스를 회수하려고 기다림"},
	Admitted:       {"", "admitted", "승인됨"},
	AdmittedLTS:    {"", "admitted by the long-term scheduler", "장기 스케줄러가 승인함"},
	ChildFirst:     {"", "admitted: the child runs first", "승인됨: 자식 프로세스가 먼저 실행"},
	ForkChildFirst: {"", "fork: the child runs first", "fork: 자식 프로세스가 먼저 실행"},
	InJobQueue:     {"", "in the job queue", "작업 큐에서 승인을 기다림"},
	CreatedBy:      {"tid:int", "created by thread {tid}", "스레드 {tid:이} 생성함"},
	PthreadExit:    {"", "pthread_exit", "pthread_exit: 스레드 종료"},
	ExecOther:      {"", "execve in another thread", "다른 스레드가 execve를 호출함"},
	SwappedIn:      {"", "swapped in by the medium-term scheduler", "중기 스케줄러가 스왑 인함"},
	SwappedOutRoom: {"pid:int", "swapped out to make room for pid {pid}", "pid {pid}의 자리를 만들려고 스왑 아웃됨"},
	SwappedOutWait: {"pid:int", "swapped out while it waits, to make room for pid {pid}", "기다리는 동안 pid {pid}의 자리를 만들려고 스왑 아웃됨"},
	SwappedOutFull: {"cause:text n:int", "{cause}; swapped out: memory holds {n} processes", "{cause}; 스왑 아웃: 메모리에는 프로세스를 {n}개까지만 둠"},

	WaitAnyChild:       {"", "waitpid: waiting for a child to exit", "waitpid: 자식 프로세스의 종료를 기다림"},
	WaitChild:          {"pid:int", "waitpid: waiting for child {pid} to exit", "waitpid: 자식 프로세스 {pid}의 종료를 기다림"},
	WaitTTY:            {"", "read: waiting for input from the terminal", "read: 터미널 입력을 기다림"},
	WaitJoin:           {"tid:int", "pthread_join: waiting for thread {tid} to exit", "pthread_join: 스레드 {tid}의 종료를 기다림"},
	WaitFor:            {"obj:text", "waiting for {obj}", "{obj:을} 기다림"},
	WaitSem:            {"obj:text", "sem_wait: waiting for {obj}", "sem_wait: {obj:을} 기다림"},
	WaitIO:             {"dev:name ticks:int", "I/O on {dev} for {ticks} ticks", "{dev} 장치에서 {ticks}틱 동안 입출력"},
	WaitIOCall:         {"dev:name ticks:int", `io("{dev}", {ticks})`, `io("{dev}", {ticks}): {dev} 장치에서 {ticks}틱 동안 입출력`},
	WaitSleep:          {"s:int", "sleep({s})", "sleep({s}): {s}초 동안 잠듦"},
	WaitUsleep:         {"us:int", "usleep({us})", "usleep({us}): {us}마이크로초 동안 잠듦"},
	WokeInput:          {"", "input arrived", "입력이 도착함"},
	WokeEOF:            {"", "end of input", "입력이 끝남 (EOF)"},
	WokeTimer:          {"", "timer expired", "타이머 만료"},
	WokeIODone:         {"dev:name", "{dev}: I/O done", "{dev}: 입출력 완료"},
	WokeChildExited:    {"pid:int", "child {pid} exited", "자식 프로세스 {pid} 종료"},
	WokeThreadExit:     {"tid:int", "thread {tid} exited", "스레드 {tid} 종료"},
	WokeMutex:          {"addr:addr tid:int", "mutex {addr} unlocked by thread {tid}", "스레드 {tid:이} 뮤텍스 {addr:을} 풂"},
	WokeRWLock:         {"addr:addr tid:int", "rwlock {addr} unlocked by thread {tid}", "스레드 {tid:이} 읽기-쓰기 잠금 {addr:을} 풂"},
	WokeSem:            {"addr:addr tid:int", "semaphore {addr} posted by thread {tid}", "스레드 {tid:이} 세마포어 {addr:을} 올림 (post)"},
	WokeSemNamed:       {"name:name tid:int", "semaphore {name} posted by thread {tid}", "스레드 {tid:이} 세마포어 {name:을} 올림 (post)"},
	WokeCondvar:        {"addr:addr tid:int", "condvar {addr} signalled by thread {tid}", "스레드 {tid:이} 조건 변수 {addr:을} 알림 (signal)"},
	WokeBarrier:        {"addr:addr tid:int", "barrier {addr} woken by thread {tid}", "스레드 {tid:이} 장벽 {addr}에서 깨움"},
	WokeOnce:           {"addr:addr tid:int", "once {addr} woken by thread {tid}", "스레드 {tid:이} pthread_once {addr}에서 깨움"},
	WokeFutex:          {"addr:addr tid:int", "futex {addr} woken by thread {tid}", "스레드 {tid:이} futex {addr}에서 깨움"},
	WaitCall:           {"call:name obj:text", "{call}: waiting for {obj}", "{call}: {obj:을} 기다림"},
	SigInterrupted:     {"sig:name", "interrupted by {sig}", "{sig:이} 끼어듦"},
	SigStopped:         {"sig:name", "stopped by {sig}", "{sig:으로} 정지됨"},
	SigContinued:       {"", "continued by SIGCONT", "SIGCONT로 계속됨"},
	SigwaitCame:        {"sig:name", "sigwait: {sig} arrived", "sigwait: {sig:이} 도착함"},
	WokeChildStopped:   {"pid:int", "child {pid} stopped", "자식 프로세스 {pid} 정지됨"},
	WokeChildContinued: {"pid:int", "child {pid} continued", "자식 프로세스 {pid} 계속됨"},
	WokePipeData:       {"", "pipe: data to read", "파이프: 읽을 데이터가 있음"},
	WokePipeRoom:       {"", "pipe: room to write", "파이프: 쓸 공간이 생김"},
	WokePipeNoReader:   {"", "pipe: no reader left", "파이프: 읽는 쪽이 모두 닫힘"},
	WokePipeNoWriter:   {"", "pipe: no writer left", "파이프: 쓰는 쪽이 모두 닫힘"},
	WokeFIFOOpened:     {"", "fifo: the other end opened", "FIFO: 반대쪽 끝이 열림"},
	WaitMsgSend:        {"call:name obj:text", "{call}: waiting for room in {obj}", "{call}: {obj}에 빈자리가 나기를 기다림"},
	WaitMsgRecv:        {"call:name obj:text", "{call}: waiting for a message in {obj}", "{call}: {obj}에 메시지가 오기를 기다림"},
	WaitSemDecrease:    {"call:name obj:text n:int", "{call}: waiting for {obj} to be at least {n}", "{call}: {obj:이} {n} 이상이 되기를 기다림"},
	WaitSemZero:        {"call:name obj:text", "{call}: waiting for {obj} to be zero", "{call}: {obj:이} 0이 되기를 기다림"},
	WokeSemop:          {"obj:text tid:int", "{obj} changed by thread {tid}", "스레드 {tid:이} {obj:을} 바꿈"},
	WokeMsgSent:        {"obj:text tid:int", "a message sent to {obj} by thread {tid}", "스레드 {tid:이} {obj}에 메시지를 보냄"},
	WokeMsgTaken:       {"obj:text tid:int", "a message taken from {obj} by thread {tid}", "스레드 {tid:이} {obj}에서 메시지를 가져감"},
	WokeMsgRemoved:     {"obj:text tid:int", "{obj} removed by thread {tid}", "스레드 {tid:이} {obj:을} 없앰"},
	SchedYield:         {"", "sched_yield", "sched_yield: CPU를 스스로 양보함"},
	ExitCall:           {"code:int", "exit({code})", "exit({code}) 호출로 종료"},
	ExitBurstDone:      {"", "exit(0): its last CPU burst is done", "exit(0): 마지막 CPU 버스트를 마침"},
	ExitLastThread:     {"", "exit(0): its last thread exited", "exit(0): 마지막 스레드가 종료됨"},
	KilledBy:           {"sig:name", "killed by {sig}", "시그널로 종료: {sig}"},
	KilledByCore:       {"sig:name", "killed by {sig} (core dumped)", "시그널로 종료: {sig} (코어 덤프)"},

	ObjNone:      {"", "nothing", "아무것도 없음"},
	ObjChild:     {"pid:int", "a child of pid {pid}", "pid {pid}의 자식 프로세스"},
	ObjTTY:       {"", "input from the terminal", "터미널 입력"},
	ObjTimer:     {"", "a timer", "타이머"},
	ObjIO:        {"dev:name", "I/O on {dev}", "{dev} 장치의 입출력"},
	ObjJoin:      {"tid:int", "thread {tid} to exit", "스레드 {tid}의 종료"},
	ObjMutex:     {"addr:addr", "mutex {addr}", "뮤텍스 {addr}"},
	ObjFutex:     {"addr:addr", "futex {addr}", "futex {addr}"},
	ObjPipeData:  {"id:int", "data in pipe {id}", "파이프 {id}의 데이터"},
	ObjPipeRoom:  {"id:int", "room in pipe {id}", "파이프 {id}의 빈 공간"},
	ObjPipePeer:  {"id:int", "the other end of pipe {id}", "파이프 {id}의 반대쪽 끝"},
	ObjPoll:      {"", "a descriptor to be ready", "준비된 디스크립터"},
	ObjSignal:    {"", "a signal", "시그널"},
	ObjMsgQueue:  {"id:int n:int", "message queue {id} ({n} queued)", "메시지 큐 {id} (메시지 {n}개)"},
	ObjMqueue:    {"name:name n:int", "message queue {name} ({n} queued)", "메시지 큐 {name} (메시지 {n}개)"},
	ObjSem:       {"addr:addr value:int", "semaphore {addr} (value {value})", "세마포어 {addr} (값 {value})"},
	ObjSemNamed:  {"name:name value:int", "semaphore {name} (value {value})", "세마포어 {name} (값 {value})"},
	ObjSemSet:    {"id:int num:int value:int", "semaphore {num} of set {id} (value {value})", "세마포어 집합 {id}의 {num}번 (값 {value})"},
	ObjCondvar:   {"addr:addr", "condvar {addr}", "조건 변수 {addr}"},
	ObjRWLock:    {"addr:addr", "rwlock {addr}", "읽기-쓰기 잠금 {addr}"},
	ObjBarrier:   {"addr:addr", "barrier {addr}", "장벽 {addr}"},
	ObjOnce:      {"addr:addr", "once {addr}", "pthread_once 객체 {addr}"},
	ObjHeld:      {"obj:text tid:int", "{obj} held by thread {tid}", "스레드 {tid:이} 잡고 있는 {obj}"},
	TaskThread:   {"pid:int tid:int", "{pid} (thread {tid})", "{pid} (스레드 {tid})"},
	WhoPID:       {"pid:int", "pid {pid}", "pid {pid}"},
	WhoThread:    {"pid:int tid:int", "thread {tid} (pid {pid})", "스레드 {tid} (pid {pid})"},
	EdgeWaits:    {"who:text obj:text", "{who} waits for {obj}", "{who:이} {obj:을} 기다림"},
	EdgeWaitsAt:  {"who:text obj:text file:name line:int", "{who} waits for {obj} at {file}:{line}", "{who:이} {obj:을} 기다림 ({file}:{line})"},
	DeadlockLoop: {"n:int", "{n} threads wait in a cycle", "스레드 {n}개가 순환 대기함"},

	LTSJobQueue:    {"pid:int n:int", "long-term scheduler: pid {pid} waits in the job queue (degree of multiprogramming {n} reached)", "장기 스케줄러: pid {pid}, 작업 큐에서 대기 (다중 프로그래밍 정도 {n}에 도달)"},
	MTSSwappedIn:   {"pid:int", "medium-term scheduler: pid {pid} swapped in", "중기 스케줄러: pid {pid} 스왑 인"},
	MTSSwappedOut:  {"pid:int for:int", "medium-term scheduler: pid {pid} swapped out to make room for pid {for}", "중기 스케줄러: pid {for}의 자리를 만들려고 pid {pid} 스왑 아웃"},
	MTSSwappedOutW: {"pid:int for:int", "medium-term scheduler: pid {pid} swapped out while it waits, to make room for pid {for}", "중기 스케줄러: 기다리는 동안 pid {for}의 자리를 만들려고 pid {pid} 스왑 아웃"},
	TicketsLend:    {"who:task n:int to:int", "ticket transfer: pid {who} lends {n} tickets to pid {to} while it waits", "추첨권 양도: 기다리는 동안 pid {who}의 추첨권 {n}장을 pid {to}에게 빌려줌"},
	TicketsBack:    {"who:task", "ticket transfer: pid {who} takes its tickets back", "추첨권 양도: pid {who}, 빌려준 추첨권을 돌려받음"},

	FCFSFirst:       {"since:int", "FCFS: first in the ready queue (ready since tick {since})", "FCFS: 준비 큐의 맨 앞 ({since}틱부터 준비)"},
	FCFSWakeFirst:   {"who:task", "FCFS: pid {who}'s wait is over and it runs at once (wake first)", "FCFS: pid {who}의 대기가 끝나 곧바로 실행 (깨어난 프로세스 먼저)"},
	RRHead:          {"since:int", "RR: head of the ready queue (ready since tick {since})", "RR: 준비 큐의 맨 앞 ({since}틱부터 준비)"},
	RRQuantum:       {"q:int", "RR: quantum of {q} ticks expired", "RR: 타임 퀀텀 {q}틱 만료"},
	RRFirstSlice:    {"n:int", "RR: first slice of {n} ticks expired (the clock's next interrupt)", "RR: 첫 조각 {n}틱 만료 (다음 클록 인터럽트)"},
	BurstLeft:       {"left:num n:num", "{left} ticks left of {n}", "{n}틱 중 {left}틱 남음"},
	BurstTicks:      {"n:num", "{n} ticks", "{n}틱"},
	BurstLeftTau:    {"left:num n:num", "{left} ticks left of τ = {n} predicted", "예측값 τ = {n} 중 {left}틱 남음"},
	BurstTau:        {"n:num", "τ = {n} ticks predicted", "예측값 τ = {n}틱"},
	SJFShortest:     {"burst:text", "SJF: shortest next CPU burst ({burst})", "SJF: 다음 CPU 버스트가 가장 짧음 ({burst})"},
	SJFOnly:         {"burst:text", "SJF: the only ready task ({burst})", "SJF: 준비된 작업이 하나뿐 ({burst})"},
	STCFShortest:    {"burst:text", "STCF: shortest time to completion ({burst})", "STCF: 남은 실행 시간이 가장 짧음 ({burst})"},
	STCFOnly:        {"burst:text", "STCF: the only ready task ({burst})", "STCF: 준비된 작업이 하나뿐 ({burst})"},
	STCFPreempt:     {"who:task need:num left:num cur:task", "STCF: pid {who} needs {need} ticks, less than the {left} left to pid {cur}", "STCF: pid {who}에 필요한 {need}틱이 pid {cur}에 남은 {left}틱보다 짧음"},
	PrioHighest:     {"p:int", "priority: highest priority in the ready queue ({p})", "우선순위: 준비 큐에서 우선순위가 가장 높음 ({p})"},
	PrioHighestAged: {"p:int own:int waited:int", "priority: highest priority in the ready queue ({p}: its own {own}, raised by aging after {waited} ticks of waiting)", "우선순위: 준비 큐에서 우선순위가 가장 높음 ({p}: 원래 {own}, {waited}틱을 기다려 에이징으로 높아짐)"},
	PrioAgedAbove:   {"who:task p:int cur:task cp:int", "priority: pid {who} has aged to priority {p}, above the running pid {cur} ({cp})", "우선순위: 에이징으로 pid {who}의 우선순위가 실행 중인 pid {cur}보다 높아짐 ({p} 대 {cp})"},
	PrioAbove:       {"who:task p:int cur:task cp:int", "priority: pid {who} (priority {p}) is above the running pid {cur} (priority {cp})", "우선순위: pid {who}(우선순위 {p})의 우선순위가 실행 중인 pid {cur}(우선순위 {cp})보다 높음"},
	MLQKindFCFS:     {"", "FCFS", "FCFS"},
	MLQKindRR:       {"q:int", "RR, quantum {q}", "RR, 타임 퀀텀 {q}"},
	MLQHead:         {"l:int kind:text", "MLQ: head of queue {l} ({kind}), the highest with a ready task", "MLQ: 준비된 작업이 있는 가장 높은 큐 {l}의 맨 앞 ({kind})"},
	MLQQuantum:      {"q:int l:int", "MLQ: quantum of {q} ticks expired in queue {l}", "MLQ: 큐 {l}에서 타임 퀀텀 {q}틱 만료"},
	MLQAbove:        {"who:task l:int cur:task cl:int", "MLQ: pid {who} arrived in queue {l}, above the running pid {cur} in queue {cl}", "MLQ: pid {who} 도착: 큐 {l}에 있어 큐 {cl}에서 실행 중인 pid {cur}보다 높음"},
	MLFQDown:        {"l:int next:int", "MLFQ: used its allotment at queue {l}: down to queue {next}", "MLFQ: 큐 {l}의 할당량을 다 써서 큐 {next:으로} 내려감"},
	MLFQBottom:      {"l:int", "MLFQ: used its allotment at the bottom queue {l}: stays there", "MLFQ: 맨 아래 큐 {l}의 할당량을 다 썼지만 그대로 머묾"},
	MLFQSlice:       {"q:int l:int more:int", "MLFQ: used a time slice of {q} ticks at queue {l} ({more} more before it moves down)", "MLFQ: 큐 {l}에서 타임 슬라이스 {q}틱을 다 씀 (내려가기 전까지 {more}번 더)"},
	MLFQBoost:       {"at:int every:int top:int", "MLFQ: priority boost at tick {at} (every {every} ticks): every job back to the top queue {top}", "MLFQ: {at}틱에 우선순위 부스트 ({every}틱마다): 모든 작업이 맨 위 큐 {top:으로} 돌아감"},
	MLFQFirst:       {"l:int left:int", "MLFQ: first in queue {l}, the highest with a ready job ({left} ticks of its slice left)", "MLFQ: 준비된 작업이 있는 가장 높은 큐 {l}의 맨 앞 (타임 슬라이스 {left}틱 남음)"},
	MLFQBoostAhead:  {"l:int who:task", "MLFQ: priority boost: every job back in the top queue {l}, and pid {who} is ahead", "MLFQ: 우선순위 부스트: 모든 작업이 맨 위 큐 {l}에 돌아왔고 pid {who:이} 앞에 있음"},
	MLFQAhead:       {"who:task l:int", "MLFQ: pid {who} is ahead of it in queue {l}", "MLFQ: 큐 {l}에서 pid {who:이} 앞에 있음"},
	MLFQNoteDown:    {"who:task l:int next:int", "MLFQ: pid {who} used its allotment at queue {l}: down to queue {next}", "MLFQ: pid {who:이} 큐 {l}의 할당량을 다 써서 큐 {next:으로} 내려감"},
	MLFQAbove:       {"who:task l:int cur:task cl:int", "MLFQ: pid {who} is in queue {l}, above the running pid {cur} in queue {cl}", "MLFQ: 큐 {l}의 pid {who}, 큐 {cl}에서 실행 중인 pid {cur}보다 높은 큐에 있음"},
	MLFQIOBump:      {"who:task l:int cur:task", "MLFQ: pid {who}, back from I/O, goes to the front of queue {l}, ahead of the running pid {cur}", "MLFQ: 입출력에서 돌아온 pid {who:이} 큐 {l}의 맨 앞, 실행 중인 pid {cur}보다 앞에 섬"},
	LotteryDraw:     {"win:int total:int who:task from:int to:int", "lottery: drew ticket {win} of {total}; pid {who} holds tickets {from} to {to}", "복권: 추첨권 {total}장 중 {win}번 당첨, pid {who}의 추첨권은 {from}~{to}번"},
	LotteryQuantum:  {"q:int", "lottery: quantum of {q} ticks expired: a new draw", "복권: 타임 퀀텀 {q}틱 만료: 새로 추첨"},
	StrideLowest:    {"pass:num stride:int", "stride: lowest pass value ({pass}; stride {stride})", "보폭: 패스 값이 가장 작음 ({pass}, 보폭 {stride})"},
	StrideQuantum:   {"q:int pass:num", "stride: quantum of {q} ticks expired (pass now {pass})", "보폭: 타임 퀀텀 {q}틱 만료 (이제 패스 값 {pass})"},
	CFSSmallest:     {"vr:num slice:int", "CFS: smallest vruntime ({vr}; slice {slice} ticks)", "CFS: vruntime이 가장 작음 ({vr}, 타임 슬라이스 {slice}틱)"},
	CFSSlice:        {"slice:int latency:int weight:int total:int", "CFS: ran its slice of {slice} ticks (latency {latency} × weight {weight} / total {total})", "CFS: 타임 슬라이스 {slice}틱을 다 실행함 (지연 목표 {latency} × 가중치 {weight} / 전체 가중치 {total})"},
	CFSPreempt:      {"who:task vr:num gran:int cur:task cvr:num", "CFS: pid {who}'s vruntime {vr} is more than {gran} ticks below the running pid {cur}'s {cvr}", "CFS: pid {who}의 vruntime {vr:이} 실행 중인 pid {cur}의 {cvr}보다 {gran}틱 넘게 작음"},
	ManualChose:     {"pid:int", "manual: you chose pid {pid}", "수동: 직접 고른 pid {pid}"},
	ManualOnly:      {"", "manual: the only ready task", "수동: 준비된 프로세스가 하나뿐"},
	ManualQuantum:   {"q:int", "manual: the quantum of {q} ticks is over: choose who runs next", "수동: 타임 퀀텀 {q}틱이 끝남: 다음에 실행할 프로세스를 고르세요"},
	ManualSwitch:    {"who:task", "manual: the schedule switches to pid {who} here", "수동: 스케줄에 따라 여기서 pid {who:으로} 전환"},
	ManualAsk:       {"cpu:int ready:name", "choose who runs next on cpu{cpu}: ready {ready}", "cpu{cpu}에서 다음에 실행할 프로세스를 고르세요: 준비 {ready}"},
	Migrated:        {"from:int why:text", "migrated from cpu{from}'s queue (work stealing); {why}", "cpu{from}의 큐에서 옮겨 옴 (작업 훔치기); {why}"},

	FaultNull:        {"", "NULL pointer dereference", "NULL 포인터 역참조"},
	FaultUnmapped:    {"", "access to unmapped memory", "매핑되지 않은 메모리에 접근"},
	FaultPastEnd:     {"", "access past the end of a mapped file", "매핑된 파일의 끝을 넘어선 접근"},
	FaultReadOnly:    {"", "write to read-only memory", "읽기 전용 메모리에 쓰기"},
	FaultStack:       {"", "stack overflow", "스택 오버플로"},
	FaultStackLimit:  {"", "stack overflow (memory limit)", "스택 오버플로 (메모리 한도)"},
	FaultMemoryLimit: {"", "out of memory (memory limit)", "메모리 부족 (메모리 한도)"},
	FaultSigNested:   {"", "signal handlers nested too deep", "시그널 핸들러가 너무 깊게 중첩됨"},
	FaultSigreturn:   {"", "sigreturn with a bad signal frame", "잘못된 시그널 프레임으로 sigreturn"},
	FaultNoHandler:   {"", "no room for a signal frame or a bad handler address", "시그널 프레임을 둘 자리가 없거나 핸들러 주소가 잘못됨"},
	FaultNoAccess:    {"", "access to memory protected with PROT_NONE", "PROT_NONE으로 보호된 메모리에 접근"},
	FaultStackVLA:    {"", "stack overflow (variable-length array)", "스택 오버플로 (가변 길이 배열)"},
	FaultStackDepth:  {"", "stack overflow (call depth)", "스택 오버플로 (호출 깊이)"},
	FaultStackNested: {"", "stack overflow (too many nested calls)", "스택 오버플로 (중첩 호출이 너무 많음)"},
	FaultDivZero:     {"", "integer division by zero", "정수를 0으로 나눔"},
	FaultDivOverflow: {"", "integer overflow in division", "나눗셈에서 정수 오버플로"},
	FaultIllegal:     {"", "illegal instruction", "잘못된 명령어"},
	FaultIllegalOp:   {"op:int", "illegal instruction {op}", "잘못된 명령어 {op}"},
	FaultNoCode:      {"", "control reached a place with no code (did a function return without a value?)", "코드가 없는 곳으로 실행이 넘어감 (함수가 값 없이 반환했나요?)"},
	FaultLongString:  {"max:int", "string longer than {max} bytes", "문자열이 {max}바이트보다 긺"},
	FaultBadFuncPtr:  {"addr:addr", "call through a bad function pointer {addr}", "잘못된 함수 포인터 {addr:으로} 호출"},
	FaultInternal:    {"err:name", "internal VM error: {err}", "VM 내부 오류: {err}"},
	FaultSignal:      {"sig:name", "{sig}", "{sig}"},
	InputEOF:         {"", "EOF", "EOF"},
	OOMKilled:        {"limit:int bytes:int", "out of memory ({limit} bytes for all processes): killed, {bytes} bytes resident", "메모리 부족 (모든 프로세스에 {limit}바이트): 강제 종료됨, 상주 메모리 {bytes}바이트"},
	OOMKilledFor:     {"limit:int bytes:int pid:int", "out of memory ({limit} bytes for all processes): killed, {bytes} bytes resident (pid {pid} needed a page)", "메모리 부족 (모든 프로세스에 {limit}바이트): 강제 종료됨, 상주 메모리 {bytes}바이트 (pid {pid}에 페이지가 필요했음)"},
	LimitTicks:       {"value:int", "instruction limit of {value} ticks reached: is there an infinite loop?", "실행 한도 {value}틱에 도달: 무한 루프가 있지 않나요?"},
	LimitInstr:       {"value:int", "instruction limit of {value} VM instructions reached: is there an infinite loop?", "명령어 한도(VM 명령어 {value}개)에 도달: 무한 루프가 있지 않나요?"},
	LimitOutput:      {"value:int", "output limit of {value} bytes reached", "출력 한도 {value}바이트에 도달"},
	LimitMemory:      {"value:int", "memory limit of {value} bytes for all processes reached", "모든 프로세스의 메모리 한도 {value}바이트에 도달"},
	LimitOther:       {"limit:name value:int", "limit {limit} of {value} reached", "한도 {limit}({value})에 도달"},
	HaltDone:         {"", "all processes finished", "모든 프로세스가 끝남"},
	HaltDeadlock:     {"", "deadlock: every process is waiting and nothing can wake them", "교착 상태: 모든 프로세스가 기다리고 있어 아무도 깨울 수 없음"},
	HaltInternal:     {"err:name", "internal error: {err}", "내부 오류: {err}"},

	ObjSockData:      {"id:int", "data in socket {id}", "소켓 {id}의 데이터"},
	ObjSockRoom:      {"id:int", "room in socket {id}'s buffer", "소켓 {id} 버퍼의 빈 공간"},
	ObjSockConn:      {"id:int", "a connection to socket {id}", "소켓 {id}에 들어올 연결"},
	ObjSockAccept:    {"id:int", "socket {id}'s connection to be taken", "소켓 {id}의 연결이 받아들여지기"},
	WokeSockData:     {"id:int", "socket {id}: data to read", "소켓 {id}: 읽을 데이터가 있음"},
	WokeSockRoom:     {"id:int", "socket {id}: room to write", "소켓 {id}: 쓸 공간이 생김"},
	WokeSockConn:     {"id:int", "socket {id}: a connection to accept", "소켓 {id}: 받아들일 연결이 있음"},
	WokeSockAccepted: {"id:int", "socket {id}: connection taken", "소켓 {id}: 연결이 받아들여짐"},
	WokeSockRefused:  {"id:int", "socket {id}: connection refused", "소켓 {id}: 연결이 거부됨"},
	WokeSockClosed:   {"id:int", "socket {id}: closed", "소켓 {id}: 닫힘"},
	WokeSockShutdown: {"id:int", "socket {id}: shut down", "소켓 {id}: shutdown으로 닫힘"},

	ExploreCrash:    {"who:task sig:name", "pid {who} was killed by {sig}", "pid {who:이} {sig:으로} 종료됨"},
	ExploreDeadlock: {"", "threads wait for each other in a cycle: deadlock", "스레드들이 서로를 순환하며 기다림: 교착 상태"},
	ExploreLimit:    {"ticks:int", "the run did not end within {ticks} ticks", "{ticks}틱 안에 실행이 끝나지 않음"},
	ExploreStatus:   {"got:int want:int", "exit status {got}, expected {want}", "종료 상태 {got}, 기대한 값은 {want}"},
	ExploreOutput:   {"line:int got:name want:name", "output line {line} is {got}, expected {want}", "출력 {line}번째 줄이 {got}, 기대한 줄은 {want}"},
	ExploreCheck:    {"check:name", "check {check} failed", "검사 {check} 실패"},
	RaceFound: {"var:text op:text tid:int file:name line:int oop:text otid:int ofile:name oline:int locks:text",
		"data race: {var} {op} by thread {tid} at {file}:{line} while thread {otid} {oop} it at {ofile}:{oline}, {locks}",
		"데이터 경쟁: {var} — 스레드 {tid}의 {op}({file}:{line})와 스레드 {otid}의 {oop}({ofile}:{oline}) 사이에 순서가 없음, {locks}"},
	RaceWritten:    {"", "written", "쓰기"},
	RaceWrote:      {"", "wrote", "쓰기"},
	RaceRead:       {"", "read", "읽기"},
	RaceVar:        {"name:name", "{name}", "{name}"},
	RaceNoLock:     {"", "no common lock", "공통 락 없음"},
	RaceCommonLock: {"lock:addr", "though both held the lock at {lock}", "둘 다 {lock}의 락을 쥐고 있었는데도"},
	RaceAddr:       {"addr:addr", "the memory at {addr}", "{addr}의 메모리"},
}
