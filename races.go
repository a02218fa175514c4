package main

import (
	"fmt"
	"strings"

	"osplay/kernel"
)

// locksetReport lists the variables several threads accessed and the locks
// held at their accesses: the lock held at all of them protects it.
func locksetReport(vars []kernel.SharedVar, lang string) string {
	if len(vars) == 0 {
		return ""
	}
	var b strings.Builder
	ko := lang == "ko"
	if ko {
		b.WriteString("공유 변수와 락:\n")
	} else {
		b.WriteString("shared variables and their locks:\n")
	}
	for _, v := range vars {
		name := v.Var
		if name == "" {
			name = fmt.Sprintf("0x%x", v.Addr)
		}
		threads := make([]string, len(v.Threads))
		for i, t := range v.Threads {
			threads[i] = fmt.Sprint(t)
		}
		if ko {
			fmt.Fprintf(&b, "  %s: 스레드 %s의 접근 %d번", name, strings.Join(threads, ", "), v.Accesses)
		} else {
			fmt.Fprintf(&b, "  %s: %d accesses by threads %s", name, v.Accesses, strings.Join(threads, ", "))
		}
		if len(v.Locks) == 0 {
			if ko {
				b.WriteString(", 락 없음")
			} else {
				b.WriteString(", no lock held")
			}
		}
		for _, l := range v.Locks {
			lock := l.Name
			if lock == "" {
				lock = fmt.Sprintf("0x%x", l.Lock)
			}
			switch {
			case ko && l.Held == v.Accesses:
				fmt.Fprintf(&b, "; %s: 모든 접근에서 쥠 (보호함)", lock)
			case ko:
				fmt.Fprintf(&b, "; %s: %d번 쥠", lock, l.Held)
			case l.Held == v.Accesses:
				fmt.Fprintf(&b, "; %s held at every one (protects it)", lock)
			default:
				fmt.Fprintf(&b, "; %s held at %d", lock, l.Held)
			}
		}
		b.WriteByte('\n')
	}
	return b.String()
}
