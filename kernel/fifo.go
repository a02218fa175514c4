package kernel

import (
	"osplay/kernel/abi"
	"osplay/kernel/fs"
	"osplay/kernel/msg"
)

// FIFOs: named pipes (mkfifo), opened as Linux's fifo_open does. The pipe
// lives while any of its ends is open, or an open of one waits; its bytes
// are lost when the last end is closed. An open for reading waits until a
// writer has opened (unless O_NONBLOCK: it succeeds at once); an open for
// writing waits for a reader (O_NONBLOCK: ENXIO when there is none); an
// O_RDWR open never waits. A waiting open counts as an end already, so
// the other end's open, seeing it, does not wait.

// fifoOpen is an open of a FIFO that waits for the other end.
type fifoOpen struct {
	o       *fs.OpenFile
	p       *pipe
	read    bool   // it opened for reading: it waits for a writer's open
	gen     uint64 // the other end's open count when it began to wait
	cloexec bool
}

func sysMkfifo(m *Machine, t *Thread, a []uint64) sysret {
	p := t.proc
	name, e := readPath(p, a[0])
	if e != 0 {
		return fail(e)
	}
	if err := m.fs.Mkfifo(p.cwd, name, uint32(a[1]), fs.StudentUID); err != nil {
		return fail(fsErrno(err))
	}
	return ok(0)
}

// fifoOf is the pipe of the FIFO n, made at its first open.
func (m *Machine) fifoOf(n *fs.Inode, path string) *pipe {
	if p := m.fifos[n]; p != nil {
		return p
	}
	if m.fifos == nil {
		m.fifos = map[*fs.Inode]*pipe{}
	}
	p := m.newPipe(n)
	p.named = true
	m.fifos[n] = p
	p.path = path
	m.ipcLife(nil, p.ref(), OpCreate)
	return p
}

// pipeReleased frees a pipe's pages once no end of it is open (a FIFO's
// bytes are lost then, as on Linux), and forgets a FIFO's pipe.
func (m *Machine) pipeReleased(p *pipe) {
	if p.readers != 0 || p.writers != 0 || p.gone {
		return
	}
	p.gone = true
	m.ipcLife(nil, p.ref(), OpDestroy)
	for range p.pages {
		m.phys.GiveKernel()
	}
	p.pages = nil
	if m.fifos[p.node] == p {
		delete(m.fifos, p.node)
	}
}

// openFIFO opens the FIFO that the file system opened as o, for t.
func (m *Machine) openFIFO(t *Thread, path string, o *fs.OpenFile, cloexec bool) sysret {
	if t.proc.files.Free() < 1 {
		return fail(abi.EMFILE)
	}
	p := m.fifoOf(o.Node, path)
	nb := o.Flags&fs.O_NONBLOCK != 0
	w := &fifoOpen{o: o, p: p, cloexec: cloexec}
	wait := false
	switch o.Flags & fs.O_ACCMODE {
	case fs.O_RDONLY:
		p.rgen++
		w.read, w.gen = true, p.wgen
		wait = p.writers == 0 && !nb
	case fs.O_WRONLY:
		if nb && p.readers == 0 {
			m.pipeReleased(p)
			return fail(abi.ENXIO)
		}
		p.wgen++
		w.gen = p.rgen
		wait = p.readers == 0
	default:
		p.rgen++
		p.wgen++
	}
	p.count(o, 1)
	p.oq.WakeAll(msg.New(msg.WokeFIFOOpened))
	m.pollChanged(msg.New(msg.WokeFIFOOpened))
	if !wait {
		return m.fifoOpened(t, w)
	}
	t.fifo = w
	p.oq.Sleep(t, waitCall("open", p.oq.Object))
	return blocked()
}

// fifoWait goes on with t's waiting open of a FIFO, when t runs again.
func (m *Machine) fifoWait(t *Thread) sysret {
	w := t.fifo
	other := w.p.rgen
	if w.read {
		other = w.p.wgen
	}
	if other == w.gen {
		w.p.oq.Sleep(t, waitCall("open", w.p.oq.Object))
		return blocked()
	}
	t.fifo = nil
	return m.fifoOpened(t, w)
}

// fifoOpened gives the open its descriptor.
func (m *Machine) fifoOpened(t *Thread, w *fifoOpen) sysret {
	m.hook(w.p, w.o)
	if w.read && w.o.Flags&fs.O_NONBLOCK != 0 {
		w.o.Ops.(*pipeFile).wgen = w.gen
	}
	fd, err := t.proc.files.InstallFrom(w.o, 0, w.cloexec)
	if err != nil {
		w.o.OnRelease()
		return fail(fsErrno(err))
	}
	return ok(int64(fd))
}

// abandonOpen undoes the waiting open of a FIFO of a thread that ends.
func (m *Machine) abandonOpen(t *Thread) {
	if w := t.fifo; w != nil {
		t.fifo = nil
		w.p.count(w.o, -1)
		m.pipeReleased(w.p)
	}
}
