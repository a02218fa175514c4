package msg

// The texts of the IPC objects that have no name of their own: anonymous
// shared memory (mmap with MAP_SHARED|MAP_ANONYMOUS), and the locks of
// <pthread.h> and <semaphore.h> as the kernel sees them, futex words.
const (
	IPCObjAnonShm Code = "ipcobj.shm_anon"
	IPCObjMutex   Code = "ipcobj.mutex"
	IPCObjSemVar  Code = "ipcobj.semaphore"
	IPCObjCondvar Code = "ipcobj.condvar"
	IPCObjRWLock  Code = "ipcobj.rwlock"
	IPCObjBarrier Code = "ipcobj.barrier"
	IPCObjOnce    Code = "ipcobj.once"
	IPCObjFutex   Code = "ipcobj.futex"
	IPCUnlock     Code = "ipc.unlock"
	IPCLock       Code = "ipc.lock"
	IPCWake       Code = "ipc.wake"
	IPCWoken      Code = "ipc.woken"
)

var ipcMoreCatalogue = map[Code]entry{
	IPCObjAnonShm: {"id:int", "anonymous shared memory {id}", "익명 공유 메모리 {id}"},
	IPCObjMutex:   {"name:name", "mutex {name}", "뮤텍스 {name}"},
	IPCObjSemVar:  {"name:name", "semaphore {name}", "세마포어 {name}"},
	IPCObjCondvar: {"name:name", "condition variable {name}", "조건 변수 {name}"},
	IPCObjRWLock:  {"name:name", "read-write lock {name}", "읽기-쓰기 락 {name}"},
	IPCObjBarrier: {"name:name", "barrier {name}", "배리어 {name}"},
	IPCObjOnce:    {"name:name", "pthread_once {name}", "pthread_once {name}"},
	IPCObjFutex:   {"name:name", "futex word {name}", "futex 워드 {name}"},
	IPCUnlock:     {"obj:text n:int seq:int", "released {obj}, waking {n} waiting threads (wake #{seq})", "{obj:을} 풀고 기다리던 스레드 {n}개를 깨움 (깨우기 #{seq})"},
	IPCLock:       {"obj:text who:task", "took {obj}, released by thread {who}", "스레드 {who:이} 푼 {obj:을} 얻음"},
	IPCWake:       {"obj:text n:int seq:int", "woke {n} threads waiting on {obj} (wake #{seq})", "{obj:을} 기다리던 스레드 {n}개를 깨움 (깨우기 #{seq})"},
	IPCWoken:      {"obj:text who:task", "woken on {obj} by thread {who}", "스레드 {who:이} {obj}에서 깨움"},
}

func init() {
	for c, e := range ipcMoreCatalogue {
		catalogue[c] = e
	}
}
