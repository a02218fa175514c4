package msg

// The texts of the IPC objects that have no name of their own: anonymous
// shared memory (mmap with MAP_SHARED|MAP_ANONYMOUS), and the locks of
// <pthread.h> and <semaphore.h> as the kernel sees them, futex words.
const (
	IPCObjAnonShm Code = "ipcobj.shm_anon"
	IPCObjFutex   Code = "ipcobj.futex"
	IPCUnlockLock Code = "ipc.handoff"
)

var ipcMoreCatalogue = map[Code]entry{
	IPCObjAnonShm: {"id:int", "anonymous shared memory {id}", "익명 공유 메모리 {id}"},
	IPCObjFutex:   {"kind:name name:name", "{kind} {name}", "{kind} {name}"},
	IPCUnlockLock: {"obj:text who:task", "released {obj} to thread {who}", "{obj:을} 스레드 {who}에게 넘겨줌"},
}

func init() {
	for c, e := range ipcMoreCatalogue {
		catalogue[c] = e
	}
}
