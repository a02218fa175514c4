package api

import "fmt"

// Codes of the errors and halts this file's limits produce. Codes are the
// API's stable words (doc.go lists every code); the messages beside them
// are for people reading the JSON, and the page shows its own text for
// each code, in Korean or English (templates/i18n.go).
const (
	codeMemoryLimit = "memory_limit" // a run's processes used more than MaxSessionMemory together
	codeEventsLimit = "events_limit" // POST /api/run: more events than MaxRunEvents (the rest left out)
	codeInputLimit  = "input_limit"  // more typed input, or more inputs, than one run keeps
	codeServerFull  = "server_full"  // the server is near its memory budget (or MaxSessions)
	codeBusy        = "busy"         // every worker is taken and the line is full
	codeDeadline    = "deadline"     // a headless run went past RunTimeout
	codeInput       = "input"        // a headless run waits for input it cannot get
	codeChoose      = "choose"       // a headless run waits for the manual scheduler's choice
	codeDeadlock    = "deadlock"     // every thread waits and nothing can wake one (since 1.3)
)

func memoryLimitMessage(limit uint64) string {
	return fmt.Sprintf("the processes of this run use more than %s of memory together, the most one run may use: "+
		"the run was stopped; use less memory (fewer or smaller allocations, fewer processes), then run it again", sizeText(limit))
}

func inputLimitMessage(l Limits) string {
	return fmt.Sprintf("this run has taken all the typed input it can keep (%s, or %d lines, signals and choices): "+
		"press Reset to start it again, or put long input in the program's stdin field before Run", sizeText(uint64(l.MaxInputBytes)), l.MaxInputs)
}

func serverFullMessage() string {
	return "the server is short of memory right now: try again in a minute"
}

func busyMessage() string {
	return "the server is busy running other programs: try again in a second"
}

// sizeText writes a size in bytes as people read it: 256 MiB, 1 MiB, 64 KiB.
func sizeText(n uint64) string {
	switch {
	case n >= 1<<30 && n%(1<<30) == 0:
		return fmt.Sprintf("%d GiB", n>>30)
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
