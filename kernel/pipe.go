package kernel

import (
	"osplay/kernel/abi"
	"osplay/kernel/fs"
	"osplay/kernel/msg"
)

// Pipes, as Linux has them (fs/pipe.c). A pipe is a ring of at most 16
// pages of 4096 bytes (65,536 bytes in all). A write first adds the part
// of its length beyond whole pages to the last page when it fits there,
// then fills fresh pages, one at a time; a read takes bytes from the
// oldest page and frees each page it empties. So a write of at most
// PIPE_BUF (4096) bytes is never split, and small writes share pages
// exactly as on Linux (a pipe filled 100 bytes at a time holds 64,000).
//
// Readers of an empty pipe sleep on its readers' queue until a write or
// the last writer's close; writers of a full one on its writers' queue
// until a read frees a page or the last reader's close. A read of an empty
// pipe with no writer is the end of the file; a write with no reader
// raises SIGPIPE and fails with EPIPE. O_NONBLOCK turns each wait into
// EAGAIN. A FIFO (mkfifo) is a pipe reached by a name: its open waits for
// the other end (fifo.go).

const (
	pipePageSize = 4096       // one page of a pipe's ring
	pipePages    = 16         // pages in a pipe: Linux's default of 64 KiB
	pipeBuf      = 4096       // PIPE_BUF: writes up to it are atomic
	maxRW        = 0x7ffff000 // Linux's MAX_RW_COUNT: the most one read or write moves
)

// Why a thread waits on a pipe: WaitObject.Value of a WaitPipe.
const (
	pipeForData = iota // a reader: bytes to read, or the last writer's close
	pipeForRoom        // a writer: a free page, or the last reader's close
	pipeForPeer        // an open of a FIFO: the other end to be opened
)

// pipe is one pipe: an unnamed one (pipe, pipe2) or a FIFO's.
type pipe struct {
	id    uint64
	node  *fs.Inode // its inode: the pipe's own, or the FIFO's
	named bool      // a FIFO's, opened by open(2)
	pages []pipePage
	// readers and writers count the open-file descriptions of each end
	// (an O_RDWR open of a FIFO is both), and the FIFO opens still
	// waiting for the other end.
	readers, writers int
	// rgen and wgen count the opens of each end (Linux's r_counter,
	// w_counter): a FIFO open waits for the other's to change.
	rgen, wgen uint64
	rq, wq, oq WaitQueue // readers waiting for data, writers for room, opens for the other end
	path       string    // a FIFO's path, as its first open named it
	ledger     ipcLedger // its writes, to match the reads to (ipc_event.go)
	gone       bool      // released: its destroy event is out
}

// pipePage is one page of the ring: b holds the bytes written into it,
// of which the first r have been read.
type pipePage struct {
	b []byte
	r int
}

// pipeProgress is a blocked write's progress, kept across its restarts:
// the bytes already in the pipe and whether the merge into the last page
// (done once, at the start) has been tried.
type pipeProgress struct {
	done    int
	started bool
}

// newPipe makes a pipe on node.
func (m *Machine) newPipe(node *fs.Inode) *pipe {
	m.nextPipe++
	p := &pipe{id: m.nextPipe, node: node}
	p.rq.init(m, WaitObject{Kind: WaitPipe, ID: p.id, Value: pipeForData})
	p.wq.init(m, WaitObject{Kind: WaitPipe, ID: p.id, Value: pipeForRoom})
	p.oq.init(m, WaitObject{Kind: WaitPipe, ID: p.id, Value: pipeForPeer})
	return p
}

// wake wakes q, one of p's queues, and the threads in poll and select.
func (p *pipe) wake(q *WaitQueue, cause msg.Text) {
	q.WakeAll(cause)
	q.m.pollChanged(cause)
}

// buffered is the number of bytes in the pipe, as FIONREAD.
func (p *pipe) buffered() int {
	n := 0
	for _, pg := range p.pages {
		n += len(pg.b) - pg.r
	}
	return n
}

// attach makes o an end of p (the read end, the write end or, opened
// O_RDWR, both), counted until its last descriptor is closed.
func (m *Machine) attach(p *pipe, o *fs.OpenFile) {
	p.count(o, 1)
	m.hook(p, o)
}

// count adds d (1 or -1) to the ends o is of p; when the last reader or
// writer goes, the other end's sleepers wake to see it.
func (p *pipe) count(o *fs.OpenFile, d int) {
	if o.Readable() {
		p.readers += d
		if p.readers == 0 {
			p.wake(&p.wq, msg.New(msg.WokePipeNoReader))
		}
	}
	if o.Writable() {
		p.writers += d
		if p.writers == 0 {
			p.wake(&p.rq, msg.New(msg.WokePipeNoWriter))
		}
	}
}

// hook gives o, already counted, the operations of a pipe's end and
// uncounts it when its last descriptor is closed.
func (m *Machine) hook(p *pipe, o *fs.OpenFile) {
	o.Ops = &pipeFile{o: o, p: p}
	o.OnRelease = func() {
		p.count(o, -1)
		m.pipeReleased(p)
	}
}

// sysPipe2 is pipe2(fd, flags), and pipe(fd) with flags 0.
func sysPipe2(m *Machine, t *Thread, a []uint64) sysret {
	proc := t.proc
	flags := int(int32(a[1]))
	if flags&^(fs.O_NONBLOCK|fs.O_CLOEXEC) != 0 {
		return fail(abi.EINVAL)
	}
	if proc.files.Free() < 2 {
		return fail(abi.EMFILE)
	}
	p := m.newPipe(m.fs.NewPipeInode(fs.StudentUID))
	p.rgen, p.wgen = 1, 1 // its two ends, opened
	rd := m.fs.NewOpenFile(p.node, fs.O_RDONLY|flags&fs.O_NONBLOCK)
	wr := m.fs.NewOpenFile(p.node, fs.O_WRONLY|flags&fs.O_NONBLOCK)
	m.attach(p, rd)
	m.attach(p, wr)
	cloexec := flags&fs.O_CLOEXEC != 0
	fd0, _ := proc.files.InstallFrom(rd, 0, cloexec)
	fd1, _ := proc.files.InstallFrom(wr, 0, cloexec)
	m.ipcLife(t, p.ref(), OpCreate)
	var b [8]byte
	putU32(b[0:], uint32(fd0))
	putU32(b[4:], uint32(fd1))
	if err := proc.mem.Write(a[0], b[:]); err != nil {
		proc.files.Close(fd1)
		proc.files.Close(fd0)
		return fail(abi.EFAULT)
	}
	return ok(0)
}

func putU32(b []byte, v uint32) {
	b[0], b[1], b[2], b[3] = byte(v), byte(v>>8), byte(v>>16), byte(v>>24)
}

// pipeFile is an open end of a pipe.
type pipeFile struct {
	o *fs.OpenFile
	p *pipe
	// wgen is the pipe's writer opens when a nonblocking reader opened a
	// FIFO: until a writer has come since, no writer is no hang-up (poll).
	wgen uint64
}

func (f *pipeFile) nonblock() bool { return f.o.Flags&fs.O_NONBLOCK != 0 }

func (f *pipeFile) read(m *Machine, t *Thread, buf []byte) (int, int, bool) {
	p := f.p
	if len(buf) == 0 {
		return 0, 0, false
	}
	n := 0
	for n < len(buf) && len(p.pages) > 0 {
		pg := &p.pages[0]
		k := copy(buf[n:], pg.b[pg.r:])
		pg.r += k
		n += k
		if pg.r == len(pg.b) {
			p.pages = p.pages[1:]
			m.phys.GiveKernel()
		}
	}
	switch {
	case n > 0:
		m.pipeRead(t, p, buf[:n])
		p.wake(&p.wq, msg.New(msg.WokePipeRoom))
		return n, 0, false
	case p.writers == 0:
		return 0, 0, false // end of file
	case f.nonblock():
		return 0, abi.EAGAIN, false
	}
	p.rq.Sleep(t, waitCall("read", p.rq.Object))
	return 0, 0, true
}

// write writes data that is already in the kernel.
func (f *pipeFile) write(m *Machine, t *Thread, data []byte) (int, int) {
	n, errno, _ := f.writeFrom(m, t, len(data), func(off, k int) ([]byte, bool) {
		return data[off : off+k], true
	}, false)
	return n, errno
}

// writeFrom writes total bytes, which src gives piece by piece (off, the
// offset in the write; k, how many), as Linux's pipe_write. If block, a
// full pipe puts t to sleep (the call starts over, its progress in t);
// otherwise the write ends there.
func (f *pipeFile) writeFrom(m *Machine, t *Thread, total int, src func(off, k int) ([]byte, bool), block bool) (int, int, bool) {
	p := f.p
	if total == 0 {
		return 0, 0, false
	}
	pr := &t.pipeIO
	done := pr.done
	start, data := done, []byte(nil) // what this turn of the call moves, for its event
	wrote := func(b []byte) {
		if len(data) < ipcDataMax {
			data = append(data, b[:min(len(b), ipcDataMax-len(data))]...)
		}
	}
	end := func(errno int) (int, int, bool) {
		m.pipeWrote(t, p, done-start, data)
		t.pipeIO = pipeProgress{}
		if done > 0 {
			return done, 0, false
		}
		return 0, errno, false
	}
	if !pr.started {
		pr.started = true
		if p.readers == 0 {
			m.signal(t, t.proc, abi.SIGPIPE)
			return end(abi.EPIPE)
		}
		if chars := total % pipePageSize; chars != 0 && len(p.pages) > 0 {
			last := &p.pages[len(p.pages)-1]
			if len(last.b)+chars <= pipePageSize {
				b, ok := src(0, chars)
				if !ok {
					return end(abi.EFAULT)
				}
				last.b = append(last.b, b...)
				wrote(b)
				done = chars
				p.wake(&p.rq, msg.New(msg.WokePipeData))
			}
		}
	}
	for done < total {
		if p.readers == 0 {
			m.signal(t, t.proc, abi.SIGPIPE)
			return end(abi.EPIPE)
		}
		if len(p.pages) < pipePages {
			if !m.phys.TakeKernel() {
				// A page of the machine's memory, as any: the
				// out-of-memory killer may make room, else ENOMEM.
				if m.reclaim(nil) {
					continue
				}
				return end(abi.ENOMEM)
			}
			k := min(pipePageSize, total-done)
			b, ok := src(done, k)
			if !ok {
				m.phys.GiveKernel()
				return end(abi.EFAULT)
			}
			p.pages = append(p.pages, pipePage{b: append(make([]byte, 0, k), b...)})
			wrote(b)
			done += k
			p.wake(&p.rq, msg.New(msg.WokePipeData))
			continue
		}
		if f.nonblock() || !block {
			return end(abi.EAGAIN)
		}
		pr.done = done
		m.pipeWrote(t, p, done-start, data)
		p.wq.Sleep(t, waitCall("write", p.wq.Object))
		return 0, 0, true
	}
	return end(0)
}

func (f *pipeFile) seek(off int64, whence int) (int64, int) { return 0, abi.ESPIPE }

func (f *pipeFile) stat() fs.Stat { return f.p.node.Stat() }

func (f *pipeFile) isTTY() bool { return false }

// sysWritePipe is write(2) on a pipe's end: the bytes are copied from the
// process's memory a page at a time, as room is made, so a write larger
// than the pipe moves through it as the reader drains it.
func sysWritePipe(m *Machine, t *Thread, f *pipeFile, addr, n uint64) sysret {
	total := int(min(n, maxRW))
	mem := t.proc.mem
	k, errno, block := f.writeFrom(m, t, total, func(off, k int) ([]byte, bool) {
		b := make([]byte, k)
		if err := mem.Read(addr+uint64(off), b); err != nil {
			return nil, false
		}
		return b, true
	}, true)
	if block {
		return blocked()
	}
	if errno != 0 {
		return fail(errno)
	}
	return ok(int64(k))
}
