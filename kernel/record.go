package kernel

// recording keeps the last events of a run (Config.Record) in a ring: a
// run that never ends (a fork loop) cannot fill the host's memory with
// them.
type recording struct {
	buf     []Event
	start   int   // index of the oldest event once buf is full
	dropped int64 // older events overwritten
}

// add records e, dropping the oldest event when max are kept.
func (r *recording) add(e Event, max int) {
	if len(r.buf) < max {
		r.buf = append(r.buf, e)
		return
	}
	r.buf[r.start] = e
	r.start = (r.start + 1) % len(r.buf)
	r.dropped++
}

// events returns the events kept, oldest first. Once the ring has turned
// it puts them in order again: one copy, until the next event.
func (r *recording) events() []Event {
	if r.start != 0 {
		r.buf = append(r.buf[r.start:len(r.buf):len(r.buf)], r.buf[:r.start]...)
		r.start = 0
	}
	return r.buf
}
