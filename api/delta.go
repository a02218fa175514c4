package api

// State deltas (protocol 1.6). A running session sends a batch about
// thirty times a second, and most of its snapshot — the status, the
// speed, the queues, the devices, the waits, the program's name, most
// processes — is what the last batch said. A client that sends
// {"op":"delta"} is sent, from then on, only the snapshot's fields that
// differ from those of the state sent last (in a batch or a rewound
// message): the batch says "delta":true, its state lists the fields that
// changed, and "cleared" names the fields the last state had that are now
// absent (a PCB no longer inspected, a halt after Reset). The client
// keeps the whole state and merges each batch's into it: the fields of the
// batch replace the kept ones, those in cleared are removed, and the
// per-batch fields — "instructions" and "lostUpdate", which tell what
// happened since the previous batch, not how things stand — are never
// kept: a batch that has none has none.
//
// The comparison is by the encoded bytes of each field: what the client
// would have read is what it reads. The base is the state sent last, not
// the last one acknowledged: a WebSocket delivers every message, in order,
// and the client merges every batch it reads, so acknowledgements — which
// only pace the session — play no part, whatever order or numbers a
// client sends them in. A rewound message carries the whole state, and
// the first batch after it, after the op, or after the socket let its
// buffers go (a paused session) is whole too (no "delta").

// stateBase is the state sent last to a client that takes deltas,
// encoded, with where its fields are.
type stateBase struct {
	prev, cur           []byte
	prevMarks, curMarks []fieldMark
	valid               bool
	// parts are the parts of the state sent last that a session keeps
	// from batch to batch (parts.go): a state that has the very same
	// slice has the same bytes there, copied from prev, not encoded.
	parts sameParts
}

// sameParts are the slices of a state that a session reuses while they
// are the same (snapshotParts): the same slice is the same part.
type sameParts struct {
	ready         [][]int
	jobs, swapped []int
	devices       []Device
	sync          []SyncObject
	waits         []WaitEdge
	ipc           []IPCObject
	globals       []GlobalVar
}

// partsOf are st's parts that a session may reuse.
func partsOf(st *Snapshot) sameParts {
	return sameParts{ready: st.Ready, jobs: st.Jobs, swapped: st.Swapped, devices: st.Devices, sync: st.Sync,
		waits: st.Waits, ipc: st.IPC, globals: st.Globals}
}

// last is the encoded value of field name in the state sent last.
func (d *stateBase) last(name string) ([]byte, bool) {
	if !d.valid {
		return nil, false
	}
	for i := range d.prevMarks {
		if d.prevMarks[i].name == name {
			return fieldValue(d.prev, d.prevMarks, i), true
		}
	}
	return nil, false
}

// perBatch reports whether a snapshot's field tells what happened since
// the previous batch, not how things stand: it is sent whenever it has
// something, never compared, never kept.
func perBatch(name string) bool { return name == "instructions" || name == "lostUpdate" }

// fieldValue is the encoded value of field i of buf.
func fieldValue(buf []byte, marks []fieldMark, i int) []byte {
	end := len(buf) - 1 // the closing brace
	if i+1 < len(marks) {
		end = marks[i+1].at
	}
	return buf[marks[i].val:end]
}

// appendState appends st, as the fields that differ from the base when
// there is one (delta true, cleared the fields no longer there), else
// whole; st becomes the base. The fields of the batch only go straight
// into the message: the base never holds them.
func (d *stateBase) appendState(buf []byte, st *Snapshot) (out []byte, delta bool, cleared []string) {
	d.curMarks = d.curMarks[:0]
	d.cur = appendSnapshotMarked(d.cur[:0], st, &d.curMarks, d)
	if !d.valid { // whole: every field differs from none
		d.prev, d.prevMarks = d.prev[:0], d.prevMarks[:0]
	}
	out, cleared = d.appendChanged(buf, st)
	delta = d.valid
	d.prev, d.cur = d.cur, d.prev
	d.prevMarks, d.curMarks = d.curMarks, d.prevMarks
	d.parts = partsOf(st)
	d.valid = true
	return out, delta, cleared
}

// appendChanged appends the fields of cur (st, encoded) that differ from
// prev, as one object, and returns the names of prev's fields that cur
// has not. Both list their fields in the order of Snapshot.
func (d *stateBase) appendChanged(buf []byte, st *Snapshot) ([]byte, []string) {
	var cleared []string
	buf = append(buf, '{')
	first := true
	j := 0 // prev's fields before j are matched or cleared
	for i, f := range d.curMarks {
		v := fieldValue(d.cur, d.curMarks, i)
		changed := true
		if !perBatch(f.name) {
			for k := j; k < len(d.prevMarks); k++ {
				if d.prevMarks[k].name != f.name {
					continue
				}
				for _, gone := range d.prevMarks[j:k] {
					if !perBatch(gone.name) {
						cleared = append(cleared, gone.name)
					}
				}
				changed = !f.same && string(fieldValue(d.prev, d.prevMarks, k)) != string(v)
				j = k + 1
				break
			}
		}
		if !changed {
			continue
		}
		if !first {
			buf = append(buf, ',')
		}
		first = false
		buf = append(buf, '"')
		buf = append(buf, f.name...)
		buf = append(buf, '"', ':')
		if f.later {
			buf = appendPerBatch(buf, st, f.name)
		} else {
			buf = append(buf, v...)
		}
	}
	for _, gone := range d.prevMarks[j:] {
		if !perBatch(gone.name) {
			cleared = append(cleared, gone.name)
		}
	}
	return append(buf, '}'), cleared
}

// forget drops the base: the next state goes whole.
func (d *stateBase) forget() { *d = stateBase{} }
