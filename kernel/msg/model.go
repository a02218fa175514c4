package msg

// The lecture's models of communication and synchronisation (the kernel's
// model_*.go): mailboxes, direct links, Mach ports, monitors and events,
// what their calls do and what their threads wait for. They are merged
// into the catalogue as the package starts.

// What a thread waits for in a model, and why it wakes.
const (
	ObjMailbox     Code = "obj.mailbox"
	ObjPort        Code = "obj.port"
	ObjPortSet     Code = "obj.port_set"
	ObjLink        Code = "obj.link"
	ObjMonitor     Code = "obj.monitor"
	ObjUrgent      Code = "obj.urgent"
	ObjCondition   Code = "obj.condition"
	ObjEvent       Code = "obj.event"
	WaitTaken      Code = "wait.model_taken"
	WaitFrom       Code = "wait.model_from"
	WaitEntry      Code = "wait.monitor_entry"
	WaitCondition  Code = "wait.condition"
	WaitUrgent     Code = "wait.urgent"
	WaitEvent      Code = "wait.event"
	WokeOwnerGone  Code = "wake.owner_gone"
	WokePeerExited Code = "wake.peer_exited"
	WokeHandedOver Code = "wake.monitor_passed"
	WokeSignalled  Code = "wake.condition_signal"
	WokeEvent      Code = "wake.event_signal"
	WokeCached     Code = "wake.cache_delivered"
)

// What a model call did: the texts of KindModel events.
const (
	ModelCreated        Code = "model.created"
	ModelDestroyed      Code = "model.destroyed"
	ModelOwnerGone      Code = "model.owner_gone"
	ModelGiven          Code = "model.given"
	ModelSent           Code = "model.sent"
	ModelReceived       Code = "model.received"
	ModelEmpty          Code = "model.empty"
	ModelFull           Code = "model.full"
	ModelTimedOut       Code = "model.timed_out"
	ModelCached         Code = "model.cached"
	ModelCacheRefused   Code = "model.cache_refused"
	ModelCacheDelivered Code = "model.cache_delivered"
	ModelLost           Code = "model.lost"
	ModelCorrupted      Code = "model.corrupted"
	ModelCopyIn         Code = "model.copy_in"
	ModelCopyOut        Code = "model.copy_out"
	ModelPeerGone       Code = "model.peer_gone"
	ModelEnter          Code = "model.monitor_enter"
	ModelLeave          Code = "model.monitor_leave"
	ModelPassed         Code = "model.monitor_pass"
	ModelCondWait       Code = "model.condition_wait"
	ModelSignalNone     Code = "model.signal_none"
	ModelSignalHoare    Code = "model.signal_hoare"
	ModelSignalMesa     Code = "model.signal_mesa"
	ModelEventSignal    Code = "model.event_signal"
	ModelEventLost      Code = "model.event_lost"
)

var modelCatalogue = map[Code]entry{
	ObjMailbox:     {"id:int n:int", "mailbox {id} ({n} queued)", "메일박스 {id} (메시지 {n}개)"},
	ObjPort:        {"id:int n:int", "port {id} ({n} queued)", "포트 {id} (메시지 {n}개)"},
	ObjPortSet:     {"id:int", "port set {id}", "포트 집합 {id}"},
	ObjLink:        {"pid:int n:int", "the messages to pid {pid} ({n} queued)", "pid {pid}에게 온 메시지 (메시지 {n}개)"},
	ObjMonitor:     {"name:name", "monitor {name}", "모니터 {name}"},
	ObjUrgent:      {"name:name", "the urgent queue of monitor {name}", "모니터 {name}의 긴급 큐"},
	ObjCondition:   {"name:name", "condition {name}", "조건 변수 {name}"},
	ObjEvent:       {"name:name", "event {name}", "이벤트 {name}"},
	WaitTaken:      {"call:name obj:text", "{call}: waiting for the receiver to take the message from {obj}", "{call}: 수신자가 {obj}에서 메시지를 가져가기를 기다림"},
	WaitFrom:       {"call:name pid:int obj:text", "{call}: waiting for a message from pid {pid} in {obj}", "{call}: {obj}에 pid {pid}의 메시지가 오기를 기다림"},
	WaitEntry:      {"obj:text", "monitor_enter: waiting in the entry queue of {obj}", "monitor_enter: {obj}의 진입 큐에서 기다림"},
	WaitCondition:  {"obj:text", "condition_wait: waiting on {obj}", "condition_wait: {obj}에서 기다림"},
	WaitUrgent:     {"obj:text", "condition_signal: the signaller waits in {obj}", "condition_signal: signal을 보낸 스레드가 {obj}에서 기다림"},
	WaitEvent:      {"obj:text", "event_wait: waiting for {obj}", "event_wait: {obj:을} 기다림"},
	WokeOwnerGone:  {"obj:text pid:int", "{obj} is gone: its owner pid {pid} exited", "소유자 pid {pid:이} 끝나 {obj:이} 사라짐"},
	WokePeerExited: {"pid:int", "pid {pid} exited", "pid {pid:이} 끝남"},
	WokeHandedOver: {"obj:text tid:int", "{obj} handed over by thread {tid}", "스레드 {tid:이} {obj:을} 넘겨줌"},
	WokeSignalled:  {"obj:text tid:int", "{obj} signalled by thread {tid}", "스레드 {tid:이} {obj}에 signal을 보냄"},
	WokeEvent:      {"obj:text tid:int", "{obj} signalled by thread {tid}", "스레드 {tid:이} {obj:을} 알림 (signal)"},
	WokeCached:     {"obj:text", "the message the OS kept entered {obj}", "운영체제가 보관하던 메시지가 {obj}에 들어감"},

	ModelCreated:        {"obj:text", "{obj} created", "{obj:이} 만들어짐"},
	ModelDestroyed:      {"obj:text", "{obj} destroyed", "{obj:이} 없어짐"},
	ModelOwnerGone:      {"obj:text pid:int", "{obj} destroyed: its owner pid {pid} exited", "소유자 pid {pid:이} 끝나 {obj:이} 없어짐"},
	ModelGiven:          {"obj:text pid:int", "{obj} now belongs to pid {pid} (0: anyone may receive)", "{obj}의 소유자가 이제 pid {pid} (0: 누구나 받을 수 있음)"},
	ModelSent:           {"obj:text typ:int len:int sw:int", "message (type {typ}, {len} bytes) into {obj}; {sw} user/kernel mode switches so far", "{obj}에 메시지를 넣음 (유형 {typ}, {len}바이트); 지금까지 사용자/커널 모드 전환 {sw}번"},
	ModelReceived:       {"obj:text typ:int len:int from:int sw:int", "message (type {typ}, {len} bytes) from pid {from} taken out of {obj}; {sw} user/kernel mode switches so far", "{obj}에서 pid {from}의 메시지를 꺼냄 (유형 {typ}, {len}바이트); 지금까지 사용자/커널 모드 전환 {sw}번"},
	ModelEmpty:          {"obj:text", "nothing to receive in {obj}: returns at once", "{obj}에 받을 메시지가 없음: 바로 돌아감"},
	ModelFull:           {"obj:text", "{obj} is full: returns at once", "{obj:이} 가득 참: 바로 돌아감"},
	ModelTimedOut:       {"obj:text ms:int", "gave up on {obj} after waiting {ms} ms", "{ms}ms 기다린 뒤 {obj:을} 포기함"},
	ModelCached:         {"obj:text", "{obj} is full: the OS keeps the message until there is room", "{obj:이} 가득 참: 빈자리가 날 때까지 운영체제가 메시지를 보관함"},
	ModelCacheRefused:   {"obj:text", "{obj} is full and the OS already keeps a message of this sender: refused", "{obj:이} 가득 찼고 운영체제가 이미 이 송신자의 메시지를 보관 중: 거절함"},
	ModelCacheDelivered: {"obj:text pid:int", "the message the OS kept for pid {pid} enters {obj}", "운영체제가 보관하던 pid {pid}의 메시지가 {obj}에 들어감"},
	ModelLost:           {"obj:text from:int", "the link lost a message from pid {from} to {obj}", "링크가 pid {from}에서 {obj:으로} 가는 메시지를 잃어버림"},
	ModelCorrupted:      {"obj:text from:int at:int", "the link scrambled byte {at} of a message from pid {from} to {obj}", "링크가 pid {from}에서 {obj:으로} 가는 메시지의 바이트 {at:을} 망가뜨림"},
	ModelCopyIn:         {"obj:text typ:int len:int", "copy 1 of 2: message (type {typ}, {len} bytes) from the sender into {obj}", "복사 1/2: 송신자의 메시지 (유형 {typ}, {len}바이트)를 {obj}에 복사함"},
	ModelCopyOut:        {"obj:text typ:int len:int from:int", "copy 2 of 2: message (type {typ}, {len} bytes) of pid {from} from {obj} to the receiver", "복사 2/2: pid {from}의 메시지 (유형 {typ}, {len}바이트)를 {obj}에서 수신자에게 복사함"},
	ModelPeerGone:       {"pid:int", "pid {pid} has exited: no message can come from it or reach it", "pid {pid:이} 끝남: 그 프로세스와는 더 이상 메시지를 주고받을 수 없음"},
	ModelEnter:          {"obj:text", "entered {obj}", "{obj}에 들어감"},
	ModelLeave:          {"obj:text", "left {obj}", "{obj}에서 나옴"},
	ModelPassed:         {"obj:text tid:int", "{obj} passed to thread {tid}", "{obj:을} 스레드 {tid}에게 넘김"},
	ModelCondWait:       {"obj:text", "waits on {obj} and leaves the monitor", "{obj}에서 기다리며 모니터를 내놓음"},
	ModelSignalNone:     {"obj:text", "signal on {obj}: nobody waits, nothing happens", "{obj}에 signal: 기다리는 스레드가 없어 아무 일도 없음"},
	ModelSignalHoare:    {"obj:text tid:int", "signal on {obj} (Hoare): thread {tid} runs in the monitor at once, the signaller waits in the urgent queue", "{obj}에 signal (Hoare): 스레드 {tid:이} 곧바로 모니터 안에서 실행되고, signal을 보낸 스레드는 긴급 큐에서 기다림"},
	ModelSignalMesa:     {"obj:text tid:int", "signal on {obj} (Mesa): thread {tid} moves to the entry queue, the signaller goes on", "{obj}에 signal (Mesa): 스레드 {tid:이} 진입 큐로 옮겨 가고, signal을 보낸 스레드는 계속 실행함"},
	ModelEventSignal:    {"obj:text tid:int", "signal on {obj}: thread {tid} resumes", "{obj}에 signal: 스레드 {tid:이} 다시 실행됨"},
	ModelEventLost:      {"obj:text", "signal on {obj}: nobody waits, the signal is ignored", "{obj}에 signal: 기다리는 프로세스가 없어 무시됨"},
}

func init() {
	for c, e := range modelCatalogue {
		if _, dup := catalogue[c]; dup {
			panic("msg: code " + string(c) + " twice in the catalogue")
		}
		catalogue[c] = e
	}
}
