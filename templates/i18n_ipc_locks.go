package templates

// The strings of the IPC view for anonymous shared memory and for the
// locks of the threads (mutexes, semaphores, condition variables,
// read-write locks, barriers) that the kernel knows from their futex
// calls.
var ipcLocksCatalog = map[string]text{
	"ipc.kind.shm_anon": {"anonymous shared memory", "익명 공유 메모리"},
	"ipc.role.memory":   {"holds it in its memory", "메모리에 둠"},
	"ipc.f.count":       {"lets through together", "함께 통과하는 수"},
	"ipc.f.readlocks":   {"readers holding it", "읽기로 잡은 스레드"},
	"ipc.owner.none":    {"nobody", "없음"},
	"ipc.locksUntracked": {"A mutex, semaphore, condition variable, read-write lock or barrier is shown from the first time a thread has to wait on it (or wakes a waiter): taking and releasing a free lock never enters the kernel, so a lock nobody has waited for is not tracked here.",
		"뮤텍스, 세마포어, 조건 변수, 읽기-쓰기 락, 배리어는 스레드가 처음으로 그것을 기다려야 했을 때(또는 기다리는 스레드를 깨웠을 때)부터 보입니다: 비어 있는 락을 잡고 놓는 일은 커널에 들어오지 않으므로, 아무도 기다린 적 없는 락은 여기서 추적되지 않습니다."},
	"msc.unlock": {"unlock", "unlock"},
	"msc.wake":   {"wake", "깨움"},
}

func init() {
	for k, v := range ipcLocksCatalog {
		catalog[k] = v
	}
}
