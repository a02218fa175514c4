package templates

// The strings of which lock protects which variable (guards.js): a lock's
// card in the IPC view lists the shared variables accessed while it was
// held, and the view ends with every shared variable and its lock, or a
// warning that it has none. They join the one catalog (i18n.go) when the
// package starts.
var guardsCatalog = map[string]text{
	"ipc.kind.lock":     {"lock", "락"},
	"guard.title":       {"Shared variables accessed while {lock} was held", "{lock:을} 잡은 채 접근한 공유 변수"},
	"guard.protects":    {"{lock} protects {v}: held at all {n} accesses", "{lock:이} {v:을} 보호합니다: 접근 {n}번 모두 잡혀 있었음"},
	"guard.partly":      {"{lock} does not protect {v}: held at {held} of {n} accesses", "{lock:은} {v:을} 보호하지 않습니다: 접근 {n}번 중 {held}번만 잡혀 있었음"},
	"guard.sharedTitle": {"Shared variables and their locks", "공유 변수와 그 락"},
	"guard.sharedBy":    {"{v}: protected by {lock} ({n} accesses by {threads})", "{v}: {lock:이} 보호함 ({threads}의 접근 {n}번)"},
	"guard.sharedNone":  {"{v}: no common lock — no lock was held at every one of its {n} accesses (by {threads})", "{v}: 공통 락 없음 — 접근 {n}번 모두에 잡혀 있던 락이 없습니다 ({threads})"},
}

func init() {
	for k, v := range guardsCatalog {
		catalog[k] = v
	}
}
