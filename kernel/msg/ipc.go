package msg

// The texts of IPC events: an object named by its kind, and what was done
// to it. They live in their own table, merged into the catalogue, so that
// a new kind of object (a socket, a mailbox) adds its words here.

// IPC objects.
const (
	IPCObjPipe     Code = "ipcobj.pipe"
	IPCObjFIFO     Code = "ipcobj.fifo"
	IPCObjMsgQueue Code = "ipcobj.msgq"
	IPCObjMqueue   Code = "ipcobj.mqueue"
	IPCObjShm      Code = "ipcobj.shm"
	IPCObjPosixShm Code = "ipcobj.posix_shm"
	IPCObjSem      Code = "ipcobj.sem"
	IPCObjSocket   Code = "ipcobj.socket"
	IPCObjSemSet   Code = "ipcobj.semset"
	IPCObjOther    Code = "ipcobj.other"
)

// What was done to an IPC object.
const (
	IPCCreate    Code = "ipc.create"
	IPCDestroy   Code = "ipc.destroy"
	IPCUnlink    Code = "ipc.unlink"
	IPCAttach    Code = "ipc.attach"
	IPCDetach    Code = "ipc.detach"
	IPCWrite     Code = "ipc.write"
	IPCRead      Code = "ipc.read"
	IPCSend      Code = "ipc.send"
	IPCReceive   Code = "ipc.receive"
	IPCMqSend    Code = "ipc.mq_send"
	IPCMqReceive Code = "ipc.mq_receive"
	IPCShmWrite  Code = "ipc.shm_write"
	IPCSemPost   Code = "ipc.sem_post"
	IPCSemWait   Code = "ipc.sem_wait"
)

var ipcCatalogue = map[Code]entry{
	IPCObjPipe:     {"id:int", "pipe {id}", "파이프 {id}"},
	IPCObjFIFO:     {"name:name", "FIFO {name}", "FIFO {name}"},
	IPCObjMsgQueue: {"id:int", "message queue {id}", "메시지 큐 {id}"},
	IPCObjMqueue:   {"name:name", "POSIX message queue {name}", "POSIX 메시지 큐 {name}"},
	IPCObjShm:      {"id:int", "shared memory segment {id}", "공유 메모리 세그먼트 {id}"},
	IPCObjPosixShm: {"name:name", "shared memory object {name}", "공유 메모리 객체 {name}"},
	IPCObjSem:      {"name:name", "semaphore {name}", "세마포어 {name}"},
	IPCObjSocket:   {"id:int", "socket {id}", "소켓 {id}"},
	IPCObjSemSet:   {"id:int", "semaphore set {id}", "세마포어 집합 {id}"},
	IPCObjOther:    {"kind:name id:int", "{kind} {id}", "{kind} {id}"},

	IPCCreate:  {"obj:text", "{obj} created", "{obj:이} 만들어짐"},
	IPCDestroy: {"obj:text", "{obj} destroyed", "{obj:이} 없어짐"},
	IPCUnlink:  {"obj:text", "the name of {obj} removed", "{obj}의 이름이 지워짐"},
	IPCAttach:  {"obj:text addr:addr", "{obj} attached at {addr}", "{obj:이} {addr}에 붙음"},
	IPCDetach:  {"obj:text addr:addr", "{obj} detached from {addr}", "{obj:이} {addr}에서 떨어짐"},
	IPCWrite:   {"obj:text n:int seq:int", "wrote {n} bytes into {obj} (write #{seq})", "{obj}에 {n}바이트를 씀 (쓰기 #{seq})"},
	IPCRead:    {"obj:text n:int k:int", "read {n} bytes from {obj} (writes taken from: {k})", "{obj}에서 {n}바이트를 읽음 (가져온 쓰기: {k}개)"},
	IPCSend: {"obj:text seq:int type:int n:int", "sent message #{seq} of type {type} ({n} bytes) to {obj}",
		"{obj}에 타입 {type}, {n}바이트짜리 메시지 #{seq:을} 보냄"},
	IPCReceive: {"obj:text seq:int type:int n:int who:task", "received message #{seq} of type {type} ({n} bytes) from {obj}, sent by process {who}",
		"{obj}에서 프로세스 {who:이} 보낸 타입 {type}, {n}바이트짜리 메시지 #{seq:을} 받음"},
	IPCMqSend: {"obj:text seq:int prio:int n:int", "sent message #{seq} of priority {prio} ({n} bytes) to {obj}",
		"{obj}에 우선순위 {prio}, {n}바이트짜리 메시지 #{seq:을} 보냄"},
	IPCMqReceive: {"obj:text seq:int prio:int n:int who:task", "received message #{seq} of priority {prio} ({n} bytes) from {obj}, sent by process {who}",
		"{obj}에서 프로세스 {who:이} 보낸 우선순위 {prio}, {n}바이트짜리 메시지 #{seq:을} 받음"},
	IPCShmWrite: {"obj:text lo:int hi:int", "wrote bytes {lo} to {hi} of {obj}", "{obj}의 {lo}~{hi}바이트에 씀"},
	IPCSemPost:  {"obj:text seq:int value:int", "posted {obj} (post #{seq}; value {value})", "{obj}에 post함 (post #{seq}, 값 {value})"},
	IPCSemWait:  {"obj:text value:int", "took {obj} (value {value})", "{obj:을} 얻음 (값 {value})"},
}

func init() {
	for c, e := range ipcCatalogue {
		catalogue[c] = e
	}
}
