package kernel

import (
	"strconv"

	"osplay/kernel/msg"
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

// Error is the sentence the command line prints: Text in English.
func (e *LimitError) Error() string { return e.Text().String() }

// Text says which limit was reached, and its value.
func (e *LimitError) Text() msg.Text {
	v := msg.Int("value", e.Value)
	switch e.Limit {
	case LimitTicks:
		return msg.New(msg.LimitTicks, v)
	case LimitInstructions:
		return msg.New(msg.LimitInstr, v)
	case LimitOutput:
		return msg.New(msg.LimitOutput, v)
	case LimitTotalMemory:
		return msg.New(msg.LimitMemory, v)
	}
	return msg.New(msg.LimitOther, msg.Name("limit", e.Limit.String()), v)
}

// stopAtLimit stops the machine for good at limit l of value v.
func (m *Machine) stopAtLimit(l Limit, v int64) {
	err := &LimitError{Limit: l, Value: v}
	m.halt(KindLimit, err.Text(), err)
}
