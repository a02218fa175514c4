package api

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"

	"osplay/kernel/msg"
)

// The batch encoder. A running session sends a batch about thirty times a
// second, and encoding/json walks the whole snapshot by reflection for
// each; this file writes the hot types — the batch, its events, the
// processes, CPUs and queues, the watched instructions, texts, the
// synchronisation objects, wait edges, globals and CPUs asking — by hand,
// appending to a buffer the session keeps, and hands the rarer parts (IPC
// objects, a PCB, shared variables, a result, a log change) to
// encoding/json.
// The bytes are those encoding/json writes for the same value, field for
// field (encode_test.go compares them over many runs), so the wire is
// unchanged: a client cannot tell the two apart.
//
// Invariant: each function below lists its type's fields in the order of
// the struct, with the struct's JSON names and omitempty rules. A field
// added to one of these types must be added here too; TestEncoderFields
// fails until it is.

// appendBatch appends b as JSON.
func appendBatch(buf []byte, b *Batch) []byte { return appendBatchTo(buf, b, nil) }

// appendBatchTo appends b as JSON; with a base (a client that takes
// deltas, delta.go) its state is written as the fields that changed since
// the last one sent, and b.Delta and b.Cleared say so.
func appendBatchTo(buf []byte, b *Batch, base *stateBase) []byte {
	buf = append(buf, `{"type":`...)
	buf = appendString(buf, b.Type)
	buf = append(buf, `,"seq":`...)
	buf = strconv.AppendInt(buf, b.Seq, 10)
	buf = append(buf, `,"events":`...)
	buf = appendList(buf, b.Events, appendEvent)
	buf = appendIntField(buf, `,"dropped":`, int64(b.Dropped), true)
	buf = appendIntField(buf, `,"skipped":`, int64(b.Skipped), true)
	buf = append(buf, `,"state":`...)
	if base != nil {
		buf, b.Delta, b.Cleared = base.appendState(buf, &b.State)
	} else {
		buf = appendSnapshot(buf, &b.State)
	}
	buf = appendIntField(buf, `,"sent":`, b.Sent, false)
	if b.Log != nil {
		buf = append(buf, `,"log":`...)
		buf = appendJSON(buf, b.Log)
	}
	if b.Thinned != nil {
		buf = appendIntField(buf, `,"thinned":{"from":`, b.Thinned.From, false)
		buf = appendIntField(buf, `,"to":`, b.Thinned.To, false)
		buf = append(buf, '}')
	}
	buf = appendBoolField(buf, `,"delta":`, b.Delta, true)
	if len(b.Cleared) > 0 {
		buf = append(buf, `,"cleared":`...)
		buf = appendStrings(buf, b.Cleared)
	}
	return append(buf, '}')
}

// appendEvent appends e as JSON.
func appendEvent(buf []byte, e *Event) []byte {
	buf = appendIntField(buf, `{"n":`, e.N, false)
	buf = appendIntField(buf, `,"t":`, e.Tick, false)
	buf = appendIntField(buf, `,"cpu":`, int64(e.CPU), false)
	buf = appendIntField(buf, `,"pid":`, int64(e.PID), false)
	buf = appendIntField(buf, `,"tid":`, int64(e.TID), true)
	buf = append(buf, `,"k":`...)
	buf = appendString(buf, e.Kind)
	buf = appendStringField(buf, `,"from":`, e.From)
	buf = appendStringField(buf, `,"to":`, e.To)
	buf = appendStringField(buf, `,"cause":`, e.Cause)
	buf = appendIntField(buf, `,"other":`, int64(e.Other), true)
	buf = appendStringField(buf, `,"name":`, e.Name)
	if len(e.Argv) > 0 {
		buf = append(buf, `,"argv":`...)
		buf = appendStrings(buf, e.Argv)
	}
	buf = appendStringField(buf, `,"text":`, e.Text)
	buf = appendIntField(buf, `,"result":`, e.Result, true)
	buf = appendStringField(buf, `,"errno":`, e.Errno)
	buf = appendIntField(buf, `,"status":`, int64(e.Status), true)
	buf = appendStringField(buf, `,"signal":`, e.Signal)
	buf = appendUintField(buf, `,"addr":`, e.Addr, true)
	buf = appendStringField(buf, `,"msg":`, e.Msg)
	buf = appendIntField(buf, `,"fd":`, int64(e.FD), true)
	buf = appendStringField(buf, `,"data":`, e.Data)
	buf = appendIntField(buf, `,"ticks":`, e.Ticks, true)
	buf = appendIntField(buf, `,"otherTid":`, int64(e.OtherTID), true)
	buf = appendStringField(buf, `,"limit":`, e.Limit)
	buf = appendIntField(buf, `,"value":`, e.Value, true)
	buf = appendIntField(buf, `,"bytes":`, e.Bytes, true)
	if e.CauseText != nil {
		buf = append(buf, `,"causeText":`...)
		buf = appendText(buf, e.CauseText)
	}
	if e.MsgText != nil {
		buf = append(buf, `,"msgText":`...)
		buf = appendText(buf, e.MsgText)
	}
	if len(e.Waits) > 0 {
		buf = append(buf, `,"waits":`...)
		buf = appendJSON(buf, e.Waits)
	}
	if e.IPC != nil {
		buf = append(buf, `,"ipc":`...)
		buf = appendJSON(buf, e.IPC)
	}
	return append(buf, '}')
}

// appendSnapshot appends st as JSON.
func appendSnapshot(buf []byte, st *Snapshot) []byte {
	return appendSnapshotMarked(buf, st, nil, nil)
}

// fieldMark is where a field of an encoded snapshot begins in the buffer:
// at its comma (its name, for the first), val at its value. It ends where
// the next begins, or at the closing brace. same: the field is the very
// part the last state sent had, and its bytes are that one's (delta.go).
// later: a field of the batch only (perBatch), left out of the buffer and
// written straight into the message (delta.go), as it is never compared.
type fieldMark struct {
	name        string
	at, val     int
	same, later bool
}

// appendSnapshotMarked appends st as JSON and, unless marks is nil, where
// each of its fields begins. With a base (delta.go), a part that is the
// very slice of the state sent last (sameParts) is written as the bytes
// it had then, not encoded again.
func appendSnapshotMarked(buf []byte, st *Snapshot, marks *[]fieldMark, base *stateBase) []byte {
	field := func(name string) {
		at := len(buf)
		if name != "status" {
			buf = append(buf, ',')
		}
		buf = append(buf, '"')
		buf = append(buf, name...)
		buf = append(buf, '"', ':')
		if marks != nil {
			*marks = append(*marks, fieldMark{name: name, at: at, val: len(buf)})
		}
	}
	// again writes field name's value as the base has it, when same says
	// it is the base's part, and reports whether it did.
	again := func(name string, same bool) bool {
		if !same || base == nil || marks == nil {
			return false
		}
		v, ok := base.last(name)
		if !ok {
			return false
		}
		buf = append(buf, v...)
		(*marks)[len(*marks)-1].same = true
		return true
	}
	// later leaves a field of the batch only out of a base's buffer.
	later := func() bool {
		if base == nil || marks == nil {
			return false
		}
		(*marks)[len(*marks)-1].later = true
		return true
	}
	var was sameParts
	if base != nil {
		was = base.parts
	}
	buf = append(buf, '{')
	field("status")
	buf = appendString(buf, st.Status)
	field("running")
	buf = strconv.AppendBool(buf, st.Running)
	field("tick")
	buf = strconv.AppendInt(buf, st.Tick, 10)
	field("horizon")
	buf = strconv.AppendInt(buf, st.Horizon, 10)
	field("events")
	buf = strconv.AppendInt(buf, st.Events, 10)
	field("speed")
	buf = appendIntField(buf, `{"ticks":`, st.Speed.Ticks, false)
	buf = appendIntField(buf, `,"interval":`, int64(st.Speed.Interval), false)
	buf = append(buf, '}')
	field("procs")
	buf = appendList(buf, st.Procs, appendProc)
	field("cpus")
	buf = appendList(buf, st.CPUs, appendCPU)
	field("ready")
	if !again("ready", sameSlice(st.Ready, was.ready)) {
		buf = appendList(buf, st.Ready, func(buf []byte, q *[]int) []byte { return appendInts(buf, *q) })
	}
	field("jobs")
	if !again("jobs", sameSlice(st.Jobs, was.jobs)) {
		buf = appendInts(buf, st.Jobs)
	}
	field("swapped")
	if !again("swapped", sameSlice(st.Swapped, was.swapped)) {
		buf = appendInts(buf, st.Swapped)
	}
	field("devices")
	if !again("devices", sameSlice(st.Devices, was.devices)) {
		buf = appendList(buf, st.Devices, appendDevice)
	}
	if len(st.Asking) > 0 {
		field("asking")
		buf = appendList(buf, st.Asking, appendAsk)
	}
	if st.PCB != nil {
		field("pcb")
		buf = appendJSON(buf, st.PCB)
	}
	if st.Halt != "" {
		field("halt")
		buf = appendString(buf, st.Halt)
	}
	if st.HaltCode != "" {
		field("haltCode")
		buf = appendString(buf, st.HaltCode)
	}
	if st.HaltText != nil {
		field("haltText")
		buf = appendText(buf, st.HaltText)
	}
	if st.Result != nil {
		field("result")
		buf = appendJSON(buf, st.Result)
	}
	if st.Program != "" {
		field("program")
		buf = appendString(buf, st.Program)
	}
	if len(st.Sync) > 0 {
		field("sync")
		if !again("sync", sameSlice(st.Sync, was.sync)) {
			buf = appendList(buf, st.Sync, appendSync)
		}
	}
	if len(st.Waits) > 0 {
		field("waits")
		if !again("waits", sameSlice(st.Waits, was.waits)) {
			buf = appendList(buf, st.Waits, appendWait)
		}
	}
	if len(st.IPC) > 0 {
		field("ipc")
		if !again("ipc", sameSlice(st.IPC, was.ipc)) {
			buf = appendJSON(buf, st.IPC)
		}
	}
	if st.IPCMore != 0 {
		field("ipcMore")
		buf = strconv.AppendInt(buf, int64(st.IPCMore), 10)
	}
	if len(st.Instructions) > 0 {
		field("instructions")
		if !later() {
			buf = appendInstrs(buf, st.Instructions)
		}
	}
	if st.LostUpdate != nil {
		field("lostUpdate")
		if !later() {
			buf = appendLostUpdate(buf, st.LostUpdate)
		}
	}
	if len(st.Shared) > 0 {
		field("shared")
		buf = appendJSON(buf, st.Shared)
	}
	if len(st.Globals) > 0 {
		field("globals")
		if !again("globals", sameSlice(st.Globals, was.globals)) {
			buf = appendList(buf, st.Globals, appendGlobal)
		}
	}
	return append(buf, '}')
}

// appendProc appends p as JSON.
func appendProc(buf []byte, p *Proc) []byte {
	buf = appendIntField(buf, `{"pid":`, int64(p.PID), false)
	buf = appendIntField(buf, `,"ppid":`, int64(p.PPID), false)
	buf = append(buf, `,"name":`...)
	buf = appendString(buf, p.Name)
	buf = append(buf, `,"state":`...)
	buf = appendString(buf, p.State)
	buf = appendStringField(buf, `,"waitOn":`, p.WaitOn)
	buf = appendIntField(buf, `,"cpu":`, int64(p.CPU), false)
	buf = appendStringField(buf, `,"file":`, p.File)
	buf = appendIntField(buf, `,"line":`, int64(p.Line), true)
	buf = appendStringField(buf, `,"func":`, p.Func)
	buf = appendIntField(buf, `,"cpuTicks":`, p.CPUTicks, false)
	if len(p.Threads) > 0 {
		buf = append(buf, `,"threads":`...)
		buf = appendList(buf, p.Threads, appendThread)
	}
	return append(buf, '}')
}

// appendCPU appends c as JSON.
func appendCPU(buf []byte, c *CPU) []byte {
	buf = appendIntField(buf, `{"id":`, int64(c.ID), false)
	buf = appendIntField(buf, `,"pid":`, int64(c.PID), false)
	buf = appendBoolField(buf, `,"switching":`, c.Switching, true)
	buf = appendIntField(buf, `,"busy":`, c.Busy, false)
	buf = appendIntField(buf, `,"switch":`, c.Switch, false)
	buf = appendIntField(buf, `,"idle":`, c.Idle, false)
	return append(buf, '}')
}

// appendDevice appends d as JSON.
func appendDevice(buf []byte, d *Device) []byte {
	buf = append(buf, `{"name":`...)
	buf = appendString(buf, d.Name)
	buf = appendBoolField(buf, `,"serial":`, d.Serial, true)
	buf = append(buf, `,"queue":`...)
	buf = appendInts(buf, d.Queue)
	return append(buf, '}')
}

// appendAsk appends a as JSON.
func appendAsk(buf []byte, a *Ask) []byte {
	buf = appendIntField(buf, `{"cpu":`, int64(a.CPU), false)
	buf = append(buf, `,"ready":`...)
	buf = appendInts(buf, a.Ready)
	return append(buf, '}')
}

// appendGlobal appends g as JSON.
func appendGlobal(buf []byte, g *GlobalVar) []byte {
	buf = appendIntField(buf, `{"pid":`, int64(g.PID), false)
	buf = append(buf, `,"var":`...)
	buf = appendString(buf, g.Var)
	buf = appendIntField(buf, `,"value":`, g.Value, false)
	return append(buf, '}')
}

// appendThread appends t as JSON.
func appendThread(buf []byte, t *ThreadState) []byte {
	buf = appendIntField(buf, `{"tid":`, int64(t.TID), false)
	buf = append(buf, `,"state":`...)
	buf = appendString(buf, t.State)
	buf = appendStringField(buf, `,"waitOn":`, t.WaitOn)
	buf = appendUintField(buf, `,"waitAddr":`, t.WaitAddr, true)
	buf = appendStringField(buf, `,"waitVar":`, t.WaitVar)
	buf = appendIntField(buf, `,"cpu":`, int64(t.CPU), false)
	buf = appendStringField(buf, `,"file":`, t.File)
	buf = appendIntField(buf, `,"line":`, int64(t.Line), true)
	buf = appendStringField(buf, `,"func":`, t.Func)
	buf = appendIntField(buf, `,"cpuTicks":`, t.CPUTicks, false)
	return append(buf, '}')
}

// appendSync appends o as JSON.
func appendSync(buf []byte, o *SyncObject) []byte {
	buf = appendIntField(buf, `{"pid":`, int64(o.PID), false)
	buf = append(buf, `,"kind":`...)
	buf = appendString(buf, o.Kind)
	buf = appendUintField(buf, `,"addr":`, o.Addr, false)
	buf = appendStringField(buf, `,"var":`, o.Var)
	buf = appendStringField(buf, `,"name":`, o.Name)
	buf = appendIntField(buf, `,"owner":`, int64(o.Owner), true)
	buf = appendIntField(buf, `,"value":`, o.Value, false)
	buf = appendIntField(buf, `,"arrived":`, int64(o.Arrived), true)
	buf = appendIntField(buf, `,"count":`, int64(o.Count), true)
	buf = append(buf, `,"waiters":`...)
	buf = appendInts(buf, o.Waiters)
	return append(buf, '}')
}

// appendWait appends w as JSON.
func appendWait(buf []byte, w *WaitEdge) []byte {
	buf = appendIntField(buf, `{"pid":`, int64(w.PID), false)
	buf = appendIntField(buf, `,"tid":`, int64(w.TID), false)
	buf = append(buf, `,"kind":`...)
	buf = appendString(buf, w.Kind)
	buf = appendUintField(buf, `,"addr":`, w.Addr, true)
	buf = appendStringField(buf, `,"var":`, w.Var)
	buf = appendIntField(buf, `,"holder":`, int64(w.Holder), true)
	buf = appendStringField(buf, `,"file":`, w.File)
	buf = appendIntField(buf, `,"line":`, int64(w.Line), true)
	if w.Text != nil {
		buf = append(buf, `,"text":`...)
		buf = appendText(buf, w.Text)
	}
	return append(buf, '}')
}

// appendPerBatch appends the value of st's field name, one of the batch
// only (perBatch).
func appendPerBatch(buf []byte, st *Snapshot, name string) []byte {
	if name == "lostUpdate" {
		return appendLostUpdate(buf, st.LostUpdate)
	}
	return appendInstrs(buf, st.Instructions)
}

// appendLostUpdate appends l as JSON.
func appendLostUpdate(buf []byte, l *LostUpdate) []byte {
	buf = appendIntField(buf, `{"count":`, l.Count, false)
	buf = append(buf, `,"instructions":`...)
	buf = appendInstrs(buf, l.Instructions)
	return append(buf, '}')
}

// appendInstrs appends a list of watched instructions as JSON.
func appendInstrs(buf []byte, list []Instr) []byte {
	return appendList(buf, list, appendInstr)
}

// appendInstr appends one watched instruction as JSON.
func appendInstr(buf []byte, in *Instr) []byte {
	buf = appendIntField(buf, `{"seq":`, in.Seq, false)
	buf = appendIntField(buf, `,"t":`, in.Tick, false)
	buf = appendIntField(buf, `,"cpu":`, int64(in.CPU), false)
	buf = appendIntField(buf, `,"pid":`, int64(in.PID), false)
	buf = appendIntField(buf, `,"tid":`, int64(in.TID), false)
	buf = appendStringField(buf, `,"func":`, in.Func)
	buf = appendStringField(buf, `,"file":`, in.File)
	buf = appendIntField(buf, `,"line":`, int64(in.Line), true)
	buf = append(buf, `,"op":`...)
	buf = appendString(buf, in.Op)
	buf = appendIntField(buf, `,"a":`, int64(in.A), true)
	buf = appendIntField(buf, `,"b":`, in.B, true)
	buf = appendUintField(buf, `,"addr":`, in.Addr, true)
	buf = appendStringField(buf, `,"var":`, in.Var)
	buf = appendIntField(buf, `,"size":`, int64(in.Size), true)
	buf = appendBoolField(buf, `,"store":`, in.Store, true)
	buf = appendIntField(buf, `,"value":`, in.Value, false)
	buf = appendStringField(buf, `,"callee":`, in.Callee)
	if in.Lost != nil {
		buf = appendIntField(buf, `,"lost":{"load":`, in.Lost.Load, false)
		buf = appendIntField(buf, `,"overwritten":`, in.Lost.Overwritten, false)
		buf = appendIntField(buf, `,"other":`, int64(in.Lost.Other), false)
		buf = append(buf, '}')
	}
	return append(buf, '}')
}

// appendText appends a text of the catalogue: its arguments in the order
// of their names, as encoding/json writes a map.
func appendText(buf []byte, t *Text) []byte {
	if t.Args == nil && !t.src.IsZero() {
		return appendKernelText(buf, t.src)
	}
	buf = append(buf, `{"code":`...)
	buf = appendString(buf, t.Code)
	if len(t.Args) > 0 {
		var keys [8]string
		names := keys[:0]
		for k := range t.Args {
			names = append(names, k)
		}
		slices.Sort(names)
		buf = append(buf, `,"args":{`...)
		for i, k := range names {
			if i > 0 {
				buf = append(buf, ',')
			}
			buf = appendString(buf, k)
			buf = append(buf, ':')
			switch v := t.Args[k].(type) {
			case int64:
				buf = strconv.AppendInt(buf, v, 10)
			case int:
				buf = strconv.AppendInt(buf, int64(v), 10)
			case string:
				buf = appendString(buf, v)
			case *Text:
				if v == nil {
					buf = append(buf, "null"...)
				} else {
					buf = appendText(buf, v)
				}
			case Task:
				buf = appendIntField(buf, `{"pid":`, v.PID, false)
				buf = appendIntField(buf, `,"tid":`, v.TID, true)
				buf = append(buf, '}')
			default:
				buf = appendJSON(buf, v)
			}
		}
		buf = append(buf, '}')
	}
	return append(buf, '}')
}

// appendKernelText appends a kernel text as appendText appends its
// conversion to the wire: each argument of the type the catalogue
// declares (api.Text), in the order of their names.
func appendKernelText(buf []byte, t msg.Text) []byte {
	buf = append(buf, `{"code":`...)
	buf = appendString(buf, string(t.Code))
	if len(t.Args) > 0 {
		var order [8]int
		idx := order[:0]
		for i := range t.Args {
			idx = append(idx, i)
		}
		slices.SortFunc(idx, func(i, j int) int { return strings.Compare(t.Args[i].Key, t.Args[j].Key) })
		buf = append(buf, `,"args":{`...)
		for n, i := range idx {
			a := &t.Args[i]
			if n > 0 {
				buf = append(buf, ',')
			}
			buf = appendString(buf, a.Key)
			buf = append(buf, ':')
			switch a.Type {
			case msg.TypeInt:
				buf = strconv.AppendInt(buf, a.Int, 10)
			case msg.TypeNum:
				buf = appendJSON(buf, a.Num)
			case msg.TypeAddr:
				buf = append(strconv.AppendUint(append(buf, `"0x`...), a.Addr, 16), '"')
			case msg.TypeName:
				buf = appendString(buf, a.Name)
			case msg.TypeTask:
				tid := a.TID
				if tid == a.Int {
					tid = 0
				}
				buf = appendIntField(buf, `{"pid":`, a.Int, false)
				buf = appendIntField(buf, `,"tid":`, tid, true)
				buf = append(buf, '}')
			case msg.TypeText:
				if a.Text == nil {
					buf = append(buf, "null"...)
				} else {
					buf = appendKernelText(buf, *a.Text)
				}
			default:
				buf = append(buf, "null"...)
			}
		}
		buf = append(buf, '}')
	}
	return append(buf, '}')
}

// appendInts appends a list of numbers (null for a nil one).
func appendInts(buf []byte, list []int) []byte {
	return appendList(buf, list, func(buf []byte, v *int) []byte { return strconv.AppendInt(buf, int64(*v), 10) })
}

// appendList appends list as a JSON array, each element by add (null for
// a nil list, as encoding/json writes one).
func appendList[T any](buf []byte, list []T, add func([]byte, *T) []byte) []byte {
	if list == nil {
		return append(buf, "null"...)
	}
	buf = append(buf, '[')
	for i := range list {
		if i > 0 {
			buf = append(buf, ',')
		}
		buf = add(buf, &list[i])
	}
	return append(buf, ']')
}

// appendStrings appends a list of strings.
func appendStrings(buf []byte, list []string) []byte {
	buf = append(buf, '[')
	for i, s := range list {
		if i > 0 {
			buf = append(buf, ',')
		}
		buf = appendString(buf, s)
	}
	return append(buf, ']')
}

// appendIntField appends name and v, unless omitEmpty and v is 0.
func appendIntField(buf []byte, name string, v int64, omitEmpty bool) []byte {
	if omitEmpty && v == 0 {
		return buf
	}
	buf = append(buf, name...)
	if uint64(v) < 10 { // most figures of a batch: a CPU, a flag, a size
		return append(buf, byte('0'+v))
	}
	return strconv.AppendInt(buf, v, 10)
}

// appendUintField appends name and v, unless omitEmpty and v is 0.
func appendUintField(buf []byte, name string, v uint64, omitEmpty bool) []byte {
	if omitEmpty && v == 0 {
		return buf
	}
	buf = append(buf, name...)
	return strconv.AppendUint(buf, v, 10)
}

// appendBoolField appends name and v, unless omitEmpty and v is false.
func appendBoolField(buf []byte, name string, v, omitEmpty bool) []byte {
	if omitEmpty && !v {
		return buf
	}
	buf = append(buf, name...)
	return strconv.AppendBool(buf, v)
}

// appendStringField appends name and s unless s is empty (omitempty).
func appendStringField(buf []byte, name, s string) []byte {
	if s == "" {
		return buf
	}
	buf = append(buf, name...)
	return appendString(buf, s)
}

// appendString appends s quoted as encoding/json quotes it. Printable
// ASCII other than the characters it escapes (" \ and, for HTML, < > &)
// is copied as it is; anything else, rare in a batch, is left to
// encoding/json.
func appendString(buf []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if !plain[s[i]] {
			return appendJSON(buf, s)
		}
	}
	buf = append(buf, '"')
	buf = append(buf, s...)
	return append(buf, '"')
}

// plain marks the bytes appendString copies as they are.
var plain = func() (t [256]bool) {
	for c := 0x20; c < 0x7f; c++ {
		t[c] = c != '"' && c != '\\' && c != '<' && c != '>' && c != '&'
	}
	return t
}()

// appendJSON appends v as encoding/json writes it.
func appendJSON(buf []byte, v any) []byte {
	data, err := json.Marshal(v)
	if err != nil {
		return append(buf, "null"...) // the wire types always encode
	}
	return append(buf, data...)
}
