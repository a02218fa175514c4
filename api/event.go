package api

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"osplay/kernel"
)

// Event is a kernel event on the wire. Kind is the kernel's kind name
// ("create", "state", "dispatch", …); the other fields are those the kind
// uses (see kernel.Kind), zero ones left out.
type Event struct {
	N      int64    `json:"n"` // number in the machine's event stream, from 0
	Tick   int64    `json:"t"`
	CPU    int      `json:"cpu"`
	PID    int      `json:"pid"`
	TID    int      `json:"tid,omitempty"` // the thread, when it is not the process's main thread (tid = pid)
	Kind   string   `json:"k"`
	From   string   `json:"from,omitempty"`
	To     string   `json:"to,omitempty"`
	Cause  string   `json:"cause,omitempty"` // in English; causeText is the same as a code of the catalogue
	Other  int      `json:"other,omitempty"`
	Name   string   `json:"name,omitempty"`
	Argv   []string `json:"argv,omitempty"`
	Text   string   `json:"text,omitempty"`
	Result int64    `json:"result,omitempty"`
	Errno  string   `json:"errno,omitempty"`
	Status int      `json:"status,omitempty"`
	Signal string   `json:"signal,omitempty"`
	Addr   uint64   `json:"addr,omitempty"`
	Msg    string   `json:"msg,omitempty"` // in English; msgText is the same as a code of the catalogue
	FD     int      `json:"fd,omitempty"`
	Data   string   `json:"data,omitempty"`
	Ticks  int64    `json:"ticks,omitempty"`
	// switch: the thread of other switched to, when not its main thread.
	OtherTID int `json:"otherTid,omitempty"`
	// A limit reached (limit, halt) or the out-of-memory killer (oom):
	// the limit's code ("max_ticks", "max_total_memory", …), its bound,
	// and for oom the victim's resident bytes.
	Limit string `json:"limit,omitempty"`
	Value int64  `json:"value,omitempty"`
	Bytes int64  `json:"bytes,omitempty"`
	// The cause and the message as texts of the kernel's catalogue, to
	// render in the client's language (since 1.3).
	CauseText *Text `json:"causeText,omitempty"`
	MsgText   *Text `json:"msgText,omitempty"`
	// deadlock: the cycle, from the thread that closed it; limit and halt
	// at a deadlock: every blocked thread's wait (since 1.3).
	Waits []WaitEdge `json:"waits,omitempty"`
	// ipc and transfer: the object and what was done to it (since 1.4).
	IPC *IPCEvent `json:"ipc,omitempty"`
}

// wireEvent converts the n-th kernel event.
func wireEvent(n int64, e kernel.Event) Event { return wireEventWith(n, &e, nil) }

// wireEventWith converts the n-th kernel event, its cause and message
// through texts (nil: converted afresh). e is read, not kept: an event is
// some 400 bytes, copied once more at every call that takes it by value.
func wireEventWith(n int64, e *kernel.Event, texts *textCache) Event {
	cause, causeText := texts.get(e.Cause)
	message, msgText := texts.get(e.Msg)
	w := Event{N: n, Tick: e.Tick, CPU: e.CPU, PID: e.PID, Kind: e.Kind.String(),
		Cause: cause, Other: e.Other, Name: e.Name, Argv: e.Argv, Text: e.Text,
		Result: e.Result, Status: e.Status, Addr: e.Addr, Msg: message, FD: e.FD, Ticks: e.Ticks}
	if e.TID != e.PID {
		w.TID = e.TID
	}
	if e.OtherTID != e.Other {
		w.OtherTID = e.OtherTID
	}
	if e.Kind == kernel.KindState {
		w.From, w.To = e.From.String(), e.To.String()
	}
	if e.Errno != 0 {
		w.Errno = kernel.ErrnoName(e.Errno)
	}
	if e.Signal != 0 {
		w.Signal = kernel.SignalName(e.Signal)
	}
	if len(e.Data) > 0 {
		w.Data = text(e.Data)
	}
	if e.Limit != kernel.LimitNone {
		w.Limit, w.Value = e.Limit.String(), e.Value
	}
	w.Bytes = e.Bytes
	w.CauseText, w.MsgText = causeText, msgText
	w.Waits = waitEdges(nil, e.Waits)
	if e.IPC != nil {
		text := e.IPC.Text()
		w.IPC, w.Msg, w.MsgText = wireIPCEvent(e.IPC), text.String(), wireText(text)
	}
	return w
}

// limitCode is the code of the kernel limit that stopped a machine,
// "deadlock" when every thread waited and none could be woken (since
// 1.3), or "" when neither did.
func limitCode(err error) string {
	var le *kernel.LimitError
	if errors.As(err, &le) {
		return le.Limit.String()
	}
	var de *kernel.DeadlockError
	if errors.As(err, &de) {
		return codeDeadlock
	}
	return ""
}

// deadlockWaits is every blocked thread's wait when err is a deadlock.
func deadlockWaits(err error) []WaitEdge {
	var de *kernel.DeadlockError
	if errors.As(err, &de) {
		return waitEdges(nil, de.Waits)
	}
	return nil
}

// text makes console bytes valid UTF-8 for JSON, showing other bytes as
// \xNN rather than losing them.
func text(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	var s strings.Builder
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		if r == utf8.RuneError && n == 1 {
			fmt.Fprintf(&s, "\\x%02x", b[0])
		} else {
			s.Write(b[:n])
		}
		b = b[n:]
	}
	return s.String()
}
