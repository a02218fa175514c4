package msg

// The lecture's models as the IPC view and the sequence chart name them:
// a mailbox, a link, a port, a monitor as an IPC object, and what happens
// to a message on its way (lost, scrambled, copied into a port and out).

// The models' objects.
const (
	IPCObjMailbox Code = "ipcobj.mailbox"
	IPCObjLink    Code = "ipcobj.link"
	IPCObjPort    Code = "ipcobj.port"
	IPCObjPortSet Code = "ipcobj.port_set"
	IPCObjMonitor Code = "ipcobj.monitor"
	IPCObjEvent   Code = "ipcobj.event"
)

// What happens to a model's message.
const (
	IPCLost          Code = "ipc.lost"
	IPCSendScrambled Code = "ipc.send_scrambled"
	IPCRecvScrambled Code = "ipc.receive_scrambled"
	IPCCopyIn        Code = "ipc.copy_in"
	IPCCopyOut       Code = "ipc.copy_out"
)

var modelIPCCatalogue = map[Code]entry{
	IPCObjMailbox: {"id:int", "mailbox {id}", "메일박스 {id}"},
	IPCObjLink:    {"pid:int", "link to process {pid}", "프로세스 {pid}에게 가는 링크"},
	IPCObjPort:    {"id:int", "port {id}", "포트 {id}"},
	IPCObjPortSet: {"id:int", "port set {id}", "포트 집합 {id}"},
	IPCObjMonitor: {"name:name", "monitor {name}", "모니터 {name}"},
	IPCObjEvent:   {"name:name", "event {name}", "이벤트 {name}"},

	IPCLost: {"obj:text seq:int n:int", "message #{seq} ({n} bytes) sent to {obj} was lost on the way",
		"{obj}에 보낸 메시지 #{seq}({n}바이트)가 도중에 사라짐"},
	IPCSendScrambled: {"obj:text seq:int type:int n:int", "sent message #{seq} of type {type} ({n} bytes) to {obj}; a byte was scrambled on the way",
		"{obj}에 타입 {type}, {n}바이트짜리 메시지 #{seq:을} 보냄; 도중에 한 바이트가 깨짐"},
	IPCRecvScrambled: {"obj:text seq:int type:int n:int who:task", "received message #{seq} of type {type} ({n} bytes) from {obj}, sent by process {who}, scrambled on the way",
		"{obj}에서 프로세스 {who:이} 보낸 타입 {type}, {n}바이트짜리 메시지 #{seq:을} 받음 (도중에 깨짐)"},
	IPCCopyIn: {"obj:text seq:int type:int n:int", "copied message #{seq} of type {type} ({n} bytes) into {obj} (copy 1 of 2)",
		"타입 {type}, {n}바이트짜리 메시지 #{seq:을} {obj}에 복사함 (두 번 중 첫 번째 복사)"},
	IPCCopyOut: {"obj:text seq:int type:int n:int who:task", "copied message #{seq} of type {type} ({n} bytes) out of {obj}, sent by process {who} (copy 2 of 2)",
		"{obj}에서 프로세스 {who:이} 보낸 타입 {type}, {n}바이트짜리 메시지 #{seq:을} 복사해 옴 (두 번 중 두 번째 복사)"},
}

func init() {
	for c, e := range modelIPCCatalogue {
		catalogue[c] = e
	}
}
