package api

// input is one thing the user gave the machine: a typed line, the end of
// input, a signal, the choice of who runs next (manual scheduler). A session is a pure function of its program and this
// log, so replaying the log from tick 0 rebuilds any moment of a run.
type input struct {
	tick   int64  // the machine's time when it was given
	op     string // "input", "eof", "signal", "interrupt", "choose"
	data   string // input: the text typed
	pid    int    // signal: the target; choose: who runs next
	signal int    // signal: its number
}

// inputLog is the inputs of a run in the order given (so in tick order).
// Those before applied have been given to the current machine; the rest
// wait for their tick (after a rewind).
type inputLog struct {
	list    []input
	applied int
	bytes   int // typed bytes in list
}

// next is the tick of the next input to apply.
func (l *inputLog) next() (tick int64, ok bool) {
	if l.applied < len(l.list) {
		return l.list[l.applied].tick, true
	}
	return 0, false
}

// take returns the next input and counts it applied.
func (l *inputLog) take() input {
	in := l.list[l.applied]
	l.applied++
	return in
}

// record logs an input given now, after those applied; inputs that were
// waiting for a later tick are dropped: the run has taken another course.
func (l *inputLog) record(in input) {
	if l.applied < len(l.list) {
		l.bytes = typed(l.list[:l.applied])
	}
	l.list = append(l.list[:l.applied], in)
	l.applied++
	l.bytes += len(in.data)
}

// fits reports whether in may be recorded: a run keeps at most MaxInputs
// inputs and MaxInputBytes typed bytes, as its replay log holds them all.
func (l *inputLog) fits(in input, lim Limits) bool {
	bytes := l.bytes
	if l.applied < len(l.list) {
		bytes = typed(l.list[:l.applied]) // those waiting will be forgotten
	}
	return l.applied+1 <= lim.MaxInputs && bytes+len(in.data) <= lim.MaxInputBytes
}

// typed is the bytes typed in list.
func typed(list []input) int {
	n := 0
	for _, in := range list {
		n += len(in.data)
	}
	return n
}

// wire is the input as the log sent to the client holds it.
func (in input) wire() LoggedInput {
	return LoggedInput{Tick: in.tick, Op: in.op, Data: in.data, PID: in.pid, Signal: in.signal}
}

// wireInputs is list as the client keeps it.
func wireInputs(list []input) []LoggedInput {
	out := make([]LoggedInput, len(list))
	for i, in := range list {
		out[i] = in.wire()
	}
	return out
}
