package kernel

import (
	"bytes"
	"io"

	"osplay/kernel/abi"
	"osplay/kernel/fs"
	"osplay/kernel/msg"
)

// console is the terminal: descriptors 0, 1 and 2 of the first process
// refer to it. Its input is line-buffered as a terminal in canonical mode:
// a read returns at most one line. Output goes to the configured writers
// and, with the writing pid, into the event stream.
type console struct {
	in      []byte    // typed and not yet read
	eof     bool      // the input is closed: reads return 0 once in is empty
	reader  io.Reader // Config.Stdin, read lazily
	readBuf []byte    // what is read from reader, made at the first read
	readers WaitQueue // threads waiting for a line to read
}

// buffer is what a read from the reader fills.
func (c *console) buffer() []byte {
	if c.readBuf == nil {
		c.readBuf = make([]byte, 4096)
	}
	return c.readBuf
}

// maxCanon is the longest line a terminal holds (Linux's N_TTY_BUF_SIZE).
const maxCanon = 4096

// lineReady reports whether a read can be served: a whole line typed, the
// end of input, or a full line buffer.
func (c *console) lineReady() bool {
	return c.eof || bytes.IndexByte(c.in, '\n') >= 0 || len(c.in) >= maxCanon
}

// readConsole serves a read of at most n bytes, or reports that the caller
// must wait for input. As a terminal in canonical mode, it hands out input
// only once a whole line has been typed, and at most that line.
func (m *Machine) readConsole(n int) (data []byte, wait bool) {
	cons := &m.console
	for !cons.lineReady() {
		if cons.reader == nil {
			return nil, true
		}
		k, err := cons.reader.Read(cons.buffer())
		if k > 0 {
			m.typed(cons.readBuf[:k])
		}
		if err != nil {
			m.closeInput()
		}
	}
	line := len(cons.in)
	if i := bytes.IndexByte(cons.in, '\n'); i >= 0 {
		line = i + 1
	}
	k := min(n, line)
	data = cons.in[:k:k]
	cons.in = cons.in[k:]
	return data, false
}

// typed adds input and wakes the threads waiting for it.
func (m *Machine) typed(data []byte) {
	m.console.in = append(m.console.in, data...)
	m.emit(Event{CPU: -1, Kind: KindInput, Data: append([]byte(nil), data...)})
	if m.console.lineReady() {
		m.console.readers.WakeAll(msg.New(msg.WokeInput))
		m.pollChanged(msg.New(msg.WokeInput))
	}
}

func (m *Machine) closeInput() {
	if m.console.eof {
		return
	}
	m.console.eof = true
	m.emit(Event{CPU: -1, Kind: KindInput, Msg: msg.New(msg.InputEOF)})
	m.console.readers.WakeAll(msg.New(msg.WokeEOF))
	m.pollChanged(msg.New(msg.WokeEOF))
}

// Input types data on the console, as the user at the keyboard.
func (m *Machine) Input(data []byte) {
	if m.halted || m.console.eof || len(data) == 0 {
		return
	}
	if m.unsettled() {
		data = bytes.Clone(data)
		m.later(func() { m.Input(data) })
		return
	}
	m.t = m.now
	m.typed(data)
}

// CloseInput ends the console input (Ctrl-D): reads return 0 from now on.
func (m *Machine) CloseInput() {
	if m.halted {
		return
	}
	if m.unsettled() {
		m.later(m.CloseInput)
		return
	}
	m.t = m.now
	m.closeInput()
}

// writeConsole shows data written by t on a console stream (1 or 2).
func (m *Machine) writeConsole(t *Thread, stream int, data []byte) (int, error) {
	room := m.cfg.MaxOutput - m.output
	over := int64(len(data)) > room
	if over {
		data = data[:max(room, 0)]
	}
	m.output += int64(len(data))
	if len(data) > 0 {
		w := m.cfg.Stdout
		if stream == 2 {
			w = m.cfg.Stderr
		}
		if w != nil {
			w.Write(data)
		}
		m.emit(Event{PID: t.proc.PID, TID: t.TID, Kind: KindOutput, FD: stream, Data: append([]byte(nil), data...)})
	}
	if over {
		m.stopAtLimit(LimitOutput, m.cfg.MaxOutput)
	}
	return len(data), nil
}

// ttyFile is an open file of the terminal: reads take typed lines,
// writes show on one of its two streams.
type ttyFile struct {
	o      *fs.OpenFile
	stream int // 1: standard output, 2: standard error
}

func (f ttyFile) read(m *Machine, t *Thread, p []byte) (int, int, bool) {
	data, wait := m.readConsole(len(p))
	if wait && f.o.Flags&fs.O_NONBLOCK != 0 {
		return 0, abi.EAGAIN, false
	}
	if wait {
		m.console.readers.Sleep(t, msg.New(msg.WaitTTY))
		return 0, 0, true
	}
	return copy(p, data), 0, false
}

func (f ttyFile) write(m *Machine, t *Thread, p []byte) (int, int) {
	k, _ := m.writeConsole(t, f.stream, p)
	return k, 0
}

// seek fails as on a Linux terminal: a terminal has no offset.
func (f ttyFile) seek(off int64, whence int) (int64, int) { return 0, abi.ESPIPE }
func (f ttyFile) stat() fs.Stat                           { return f.o.Node.Stat() }
func (f ttyFile) isTTY() bool                             { return true }
