package kernel

// The events of pipes and FIFOs (pipe.go, fifo.go): each write is
// numbered in its pipe, and each read names the writes whose bytes it
// took, oldest first.

// ref names the pipe for the views.
func (p *pipe) ref() IPCRef {
	if p.named {
		return IPCRef{Kind: IPCFIFO, ID: int64(p.id), Name: p.path}
	}
	return IPCRef{Kind: IPCPipe, ID: int64(p.id)}
}

// pipeWrote reports that t put n bytes into p, data the first of them.
func (m *Machine) pipeWrote(t *Thread, p *pipe, n int, data []byte) {
	if n <= 0 {
		return
	}
	seq := p.ledger.wrote(t.proc.PID, t.TID, int64(n))
	if !m.observed() {
		return
	}
	m.emitIPC(t, KindTransfer, IPCOp{Obj: p.ref(), Op: OpWrite, Seq: seq, Bytes: int64(n), Data: firstBytes(data)})
}

// pipeRead reports that t took data out of p.
func (m *Machine) pipeRead(t *Thread, p *pipe, data []byte) {
	matched := p.ledger.took(int64(len(data)))
	if !m.observed() {
		return
	}
	m.emitIPC(t, KindTransfer, IPCOp{Obj: p.ref(), Op: OpRead, Bytes: int64(len(data)), Data: firstBytes(data), Matched: matched})
}
