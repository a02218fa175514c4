package api

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"runtime/debug"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/gorilla/websocket"
)

// Close codes the server uses (4000-4999 are the application's).
const (
	closeIdle       = 4001
	closeTooMany    = 4002
	closeServerFull = 4003
	closeShutdown   = 4004
)

// sameOrigin accepts a WebSocket only from a page of this site: the same
// scheme and host, so that a page served over plain http cannot open a
// session on the https site (or the reverse). Clients that send no Origin
// (not browsers) are accepted.
func (a *API) sameOrigin(r *http.Request) bool {
	origin := r.Header.Get("Origin")
	return origin == "" || SameOrigin(origin, r, a.trustProxy)
}

// refuse answers a WebSocket handshake that cannot be accepted.
func refuse(w http.ResponseWriter, r *http.Request, status int, reason error) {
	msg := reason.Error()
	if status == http.StatusForbidden {
		msg = fmt.Sprintf("WebSocket refused: a page from %q may not open a session on %s", r.Header.Get("Origin"), r.Host)
	}
	http.Error(w, msg, status)
}

// ServeWS serves the playground's WebSocket: one session per connection.
func (a *API) ServeWS(w http.ResponseWriter, r *http.Request) {
	conn, err := a.up.Upgrade(w, r, nil)
	if err != nil {
		a.metrics.error("handshake")
		return // the upgrader has answered
	}
	// Refusals are sent over the socket, so the page can show them.
	release, code, msg := a.admit(clientIP(r))
	if code != "" {
		a.metrics.error(code)
		closeCode := map[string]int{"shutdown": closeShutdown, "server_full": closeServerFull}[code]
		if closeCode == 0 {
			closeCode = closeTooMany
		}
		conn.SetWriteDeadline(time.Now().Add(a.lim.WriteWait))
		conn.WriteJSON(Error{Type: "error", Code: code, Message: msg})
		conn.WriteMessage(websocket.CloseMessage, websocket.FormatCloseMessage(closeCode, msg))
		conn.Close()
		return
	}
	defer release()
	a.metrics.sessionOpened()
	defer a.metrics.sessionClosed()
	c := &socket{api: a, conn: conn, lim: a.lim}
	c.s = NewSession(newID(), a.lim, c.write, a.metrics, a.log)
	c.s.reuse = true    // write encodes each message before it returns
	c.s.runAhead = true // a class presses Run together (ahead.go)
	c.s.share(a.cpu, &a.memory)
	defer c.s.Close()
	a.log.Info("session open", "session", c.s.ID, "ip", clientIP(r))
	c.serve()
	conn.Close()
	a.log.Info("session closed", "session", c.s.ID, "why", c.why)
}

// socket is one WebSocket connection and its session. Only serve's
// goroutine writes to the connection (pings use WriteControl, which may
// run beside it); readLoop only reads.
type socket struct {
	api    *API
	conn   *websocket.Conn
	lim    Limits
	s      *Session
	broken bool   // a write failed: the connection is gone
	why    string // why the session ended, for the log
	lent   []byte // the batch encoded last, borrowed (lend.go) until it is written
	base   *stateBase
	// writeBy is the write deadline set last: it is moved only once less
	// than three quarters of WriteWait is left, not at every message.
	writeBy time.Time
	// Acknowledgements, one per batch, do not wake serve unless the
	// session waits for one (Session.WaitsForAck): readLoop leaves the
	// last in ack, and serve takes it before the next batch. ackWake says
	// the session waits; acked is the last taken.
	ack     atomic.Int64
	ackWake atomic.Bool
	acked   int64
}

// renew reports whether a deadline at by, with wait the time a deadline
// allows, is to be moved to now+wait: once less than three quarters of
// wait is left. Setting a deadline costs a timer's update: a running
// session would pay it twice per batch.
func renew(by, now time.Time, wait time.Duration) bool { return by.Sub(now) < wait-wait/4 }

// keepBuffer is the most a socket keeps between batches of the state it
// sent last (the base of its deltas): a larger one (a crowded batch) is
// left to the collector, so an idle session holds little.
const keepBuffer = 64 << 10

// inbound is one command from the client, or what was wrong with its
// frame.
type inbound struct {
	cmd command
	bad *Error // the answer to a frame that is not a valid command
}

// serve is the session's loop: client messages, the pacing timer, pings
// and the idle timer, until the connection ends.
func (c *socket) serve() {
	c.conn.SetReadLimit(c.lim.MaxFrame)
	c.conn.SetReadDeadline(time.Now().Add(c.lim.PongWait))
	c.conn.SetPongHandler(func(string) error {
		return c.conn.SetReadDeadline(time.Now().Add(c.lim.PongWait))
	})
	in := make(chan inbound, 8)
	go c.readLoop(in)

	c.write(c.s.Hello(schedulers()))
	ping := time.NewTicker(c.lim.PingInterval)
	defer ping.Stop()
	idle := time.NewTimer(c.lim.Idle)
	defer idle.Stop()
	pace := time.NewTimer(time.Hour)
	pace.Stop()
	var paceOn bool
	var due time.Time

	for !c.broken {
		c.takeAck()
		wait := c.s.WaitsForAck()
		c.ackWake.Store(wait)
		if wait && c.ack.Load() != c.acked {
			continue // it came meanwhile, and readLoop did not send it on
		}
		if want := c.s.Wants(); want && !paceOn {
			due = c.s.NextDue()
			if now := time.Now(); due.Before(now) {
				due = now
			}
			pace.Reset(time.Until(due))
			paceOn = true
		} else if !want && paceOn {
			pace.Stop()
			paceOn = false
		}
		select {
		case <-c.api.ctx.Done():
			// The page reconnects on this code and resumes the session
			// on another server, or on this one when it is back.
			c.bye(closeShutdown, "shutdown", shutdownMessage)
			return
		case m, ok := <-in:
			if !ok {
				c.why = "client gone"
				return
			}
			if c.receive(m) {
				idle.Reset(c.lim.Idle)
			}
		case <-pace.C:
			paceOn = false
			c.takeAck()
			c.guard(func() { c.s.Tick(due) })
		case <-ping.C:
			c.conn.WriteControl(websocket.PingMessage, nil, time.Now().Add(c.lim.WriteWait))
		case <-idle.C:
			c.bye(closeIdle, "idle", fmt.Sprintf("closed after %s without activity: reload the page to go on", c.lim.Idle))
			return
		}
	}
	c.why = "write failed"
}

// receive handles one client command; it reports whether the user did
// something (an ack does not count against idleness).
func (c *socket) receive(m inbound) bool {
	c.api.metrics.message("in")
	if m.bad != nil {
		c.api.metrics.error(m.bad.Code)
		c.write(*m.bad)
		return true
	}
	if m.cmd.op == "ack" {
		c.takeAck()
		return false
	}
	c.guard(func() { c.s.Handle(m.cmd) })
	return true
}

// takeAck gives the session the last acknowledgement readLoop read, if it
// has not had it.
func (c *socket) takeAck() {
	if a := c.ack.Load(); a != c.acked {
		c.acked = a
		c.guard(func() { c.s.Handle(command{op: "ack", seq: a}) })
	}
}

// guard runs f; a panic is reported to this session only and logged, and
// the session drops its machine.
func (c *socket) guard(f func()) {
	defer func() {
		if r := recover(); r != nil {
			c.api.log.Error("session panic", "session", c.s.ID, "panic", fmt.Sprint(r), "stack", string(debug.Stack()))
			c.api.metrics.error("machine")
			c.s.crash(fmt.Sprint(r))
		}
	}()
	f()
}

// readLoop reads and decodes frames until the connection fails, and
// closes in. A command (not an ack) preempts the session's computation in
// progress, so that serve can handle it within milliseconds.
func (c *socket) readLoop(in chan<- inbound) {
	defer close(in)
	var readBy time.Time // the read deadline this loop set last
	var buf []byte       // the last message read, kept for the next when small
	for {
		typ, r, err := c.conn.NextReader()
		if err != nil {
			return
		}
		data, err := readMessage(r, buf[:0], c.lim.MaxMessage+1)
		if err != nil {
			return // past MaxFrame: gorilla has closed with 1009
		}
		if cap(data) <= keepReadBuffer {
			buf = data // decode copies what it keeps
		}
		if typ == websocket.TextMessage && int64(len(data)) <= c.lim.MaxMessage && !utf8.Valid(data) {
			// RFC 6455 §8.1: a text frame that is not UTF-8 fails the
			// connection with 1007; decoding it would have turned the
			// bytes into U+FFFD behind the sender's back.
			c.conn.WriteControl(websocket.CloseMessage,
				websocket.FormatCloseMessage(websocket.CloseInvalidFramePayloadData, "text frames must be UTF-8"),
				time.Now().Add(c.lim.WriteWait))
			return
		}
		var m inbound
		switch {
		case int64(len(data)) > c.lim.MaxMessage:
			n, err := io.Copy(io.Discard, r)
			if err != nil {
				return
			}
			m.bad = &Error{Type: "error", Code: "too_large",
				Message: fmt.Sprintf("message too large: %d bytes (at most %d); make the program smaller", int64(len(data))+n, c.lim.MaxMessage)}
		case typ == websocket.BinaryMessage:
			m.bad = badMessage(nil, "send JSON in text frames")
		default:
			m.cmd, m.bad = decode(data, c.lim)
		}
		if now := time.Now(); renew(readBy, now, c.lim.PongWait) {
			readBy = now.Add(c.lim.PongWait)
			c.conn.SetReadDeadline(readBy)
		}
		if m.bad == nil && m.cmd.op == "ack" {
			c.ack.Store(m.cmd.seq)
			if !c.ackWake.Load() {
				c.api.metrics.message("in")
				continue // serve takes it before the next batch
			}
		}
		if m.bad == nil && m.cmd.op != "ack" {
			c.s.Preempt()
		}
		in <- m
	}
}

// keepReadBuffer is the largest buffer the reading loop keeps from one
// message to the next: acknowledgements and commands fit, a program sent
// with load does not, and is left to the collector.
const keepReadBuffer = 1 << 10

// readMessage appends what r has, up to limit bytes, to buf.
func readMessage(r io.Reader, buf []byte, limit int64) ([]byte, error) {
	r = io.LimitReader(r, limit)
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return buf, err
		}
	}
}

// write sends one message; a failure marks the connection broken.
func (c *socket) write(v any) {
	if c.broken {
		return
	}
	data, err := c.encode(v)
	if err != nil {
		c.api.log.Error("encode", "session", c.s.ID, "err", err)
		return
	}
	if now := time.Now(); renew(c.writeBy, now, c.lim.WriteWait) {
		c.writeBy = now.Add(c.lim.WriteWait)
		c.conn.SetWriteDeadline(c.writeBy)
	}
	err = c.conn.WriteMessage(websocket.TextMessage, data)
	c.written()
	if err != nil {
		c.broken = true
		return
	}
	c.api.metrics.message("out")
}

// encode encodes one message: a batch by hand, anything else by
// encoding/json.
func (c *socket) encode(v any) ([]byte, error) {
	switch b := v.(type) {
	case *Batch:
		return c.encodeBatch(b), nil
	case Batch:
		return c.encodeBatch(&b), nil
	}
	if _, ok := v.(Rewound); ok && c.base != nil {
		c.base.forget() // it carries the whole state
	}
	return json.Marshal(v)
}

// encodeBatch encodes b by hand (encode.go) into a buffer borrowed
// until the batch is written (lend.go). To a client that takes deltas the
// state goes as what changed since the last one (delta.go); the base of
// the comparison is let go when the session stops running, or grows past
// keepBuffer, and the next state then goes whole.
func (c *socket) encodeBatch(b *Batch) []byte {
	if c.s != nil && c.s.deltas && c.base == nil {
		c.base = &stateBase{}
	}
	data := appendBatchTo(encodedBuffers.borrow(), b, c.base)
	c.lent = data
	if !b.State.Running && c.base != nil {
		c.base.forget()
	}
	if c.base != nil && cap(c.base.prev)+cap(c.base.cur) > keepBuffer {
		c.base.forget()
	}
	return data
}

// written gives back the buffer of the batch just written.
func (c *socket) written() {
	lendAgain(&encodedBuffers, c.lent)
	c.lent = nil
}

// bye sends an error, then closes with code and the message as reason.
func (c *socket) bye(code int, errCode, msg string) {
	c.why = errCode
	c.api.metrics.error(errCode)
	c.write(Error{Type: "error", Code: errCode, Message: msg})
	reason := msg
	if len(reason) > 120 {
		reason = reason[:120]
	}
	c.conn.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(code, reason), time.Now().Add(c.lim.WriteWait))
}
