package kernel

import (
	"fmt"
	"strconv"
)

// Limit names a bound of the configuration that a run reached, as data:
// a client turns it into a code, the command line into a sentence
// (LimitError.Error), a view into its own words. Events that report a
// limit carry it in Event.Limit, with the bound in Event.Value.
type Limit int

const (
	LimitNone Limit = iota
	// LimitTicks: the processes used Config.MaxTicks ticks of CPU time;
	// the machine stops.
	LimitTicks
	// LimitInstructions: the processes ran Config.MaxInstructions VM
	// instructions, library code included; the machine stops.
	LimitInstructions
	// LimitOutput: the processes wrote Config.MaxOutput bytes to the
	// console; the machine stops.
	LimitOutput
	// LimitTotalMemory: the processes together needed more than
	// Config.MaxTotalMemory bytes; the kernel killed one (KindOOM).
	LimitTotalMemory
)

var limitNames = [...]string{
	LimitNone:         "none",
	LimitTicks:        "max_ticks",
	LimitInstructions: "max_instructions",
	LimitOutput:       "max_output",
	LimitTotalMemory:  "max_total_memory",
}

// String is the limit's code: "max_ticks", "max_output", …
func (l Limit) String() string {
	if l >= 0 && int(l) < len(limitNames) {
		return limitNames[l]
	}
	return "Limit(" + strconv.Itoa(int(l)) + ")"
}

// LimitError is the error of a machine that a limit stopped (Err,
// Result.Err): which limit, and its value.
type LimitError struct {
	Limit Limit
	Value int64 // the bound: ticks, instructions, bytes
}

// Error is the sentence the command line prints.
func (e *LimitError) Error() string {
	switch e.Limit {
	case LimitTicks:
		return fmt.Sprintf("instruction limit of %d ticks reached: is there an infinite loop?", e.Value)
	case LimitInstructions:
		return fmt.Sprintf("instruction limit of %d VM instructions reached: is there an infinite loop?", e.Value)
	case LimitOutput:
		return fmt.Sprintf("output limit of %d bytes reached", e.Value)
	case LimitTotalMemory:
		return fmt.Sprintf("memory limit of %d bytes for all processes reached", e.Value)
	}
	return fmt.Sprintf("limit %s of %d reached", e.Limit, e.Value)
}

// stopAtLimit stops the machine for good at limit l of value v.
func (m *Machine) stopAtLimit(l Limit, v int64) {
	err := &LimitError{Limit: l, Value: v}
	m.halt(KindLimit, err.Error(), err)
}
