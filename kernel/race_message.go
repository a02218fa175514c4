package kernel

// Orderings through the kernel's objects, for the race detector (race.go):
// what one thread sends another receives after it was sent.

// sysvQueue names a System V message queue as a race detector's object.
type sysvQueue int

// signalTo names the signals sent to a process as an object.
type signalTo int

// The calls that send (release) and receive (acquire) through a
// descriptor's object, with the argument slot of the descriptor.
var (
	sendCalls    = map[string]bool{"write": true, "writev": true, "pwrite": true, "pwrite64": true, "mq_timedsend": true, "mq_send": true}
	receiveCalls = map[string]bool{"read": true, "readv": true, "pread": true, "pread64": true, "mq_timedreceive": true, "mq_receive": true}
)

// message applies the ordering of a system call's entry or return, or of
// a signal sent or handled.
func (d *raceDetector) message(m *Machine, e Event) {
	switch e.Kind {
	case KindSyscall:
		var obj any
		switch {
		case e.Name == "msgsnd" || e.Name == "msgrcv":
			if len(e.Args) > 0 {
				obj = sysvQueue(int32(e.Args[0]))
			}
		case sendCalls[e.Name] || receiveCalls[e.Name]:
			obj = d.fileObject(m, e)
		}
		if obj == nil {
			return
		}
		if e.Name == "msgsnd" || sendCalls[e.Name] {
			d.release(e.TID, obj)
		} else {
			d.reading[e.TID] = obj
		}
	case KindSysret:
		if obj, ok := d.reading[e.TID]; ok {
			delete(d.reading, e.TID)
			if e.Errno == 0 {
				d.acquire(e.TID, obj)
			}
		}
	case KindSignal:
		if e.PID > 0 && e.Other > 0 {
			d.release(e.TID, signalTo(e.Other))
		}
	case KindHandler:
		d.acquire(e.TID, signalTo(e.PID))
	}
}

// fileObject is the inode behind the descriptor in a call's first
// argument, or nil.
func (d *raceDetector) fileObject(m *Machine, e Event) any {
	t := m.thread(e.TID)
	if t == nil || t.proc.files == nil || len(e.Args) == 0 {
		return nil
	}
	o, err := t.proc.files.Get(int(int32(e.Args[0])))
	if err != nil || o == nil || o.Node == nil {
		return nil
	}
	return o.Node
}

func (d *raceDetector) release(tid int, obj any) {
	if len(d.objects) >= maxSyncs {
		d.full = true
	}
	rt := d.thread(tid)
	d.objects[obj] = d.objects[obj].join(rt.clock)
	rt.tick()
}

func (d *raceDetector) acquire(tid int, obj any) {
	rt := d.thread(tid)
	rt.clock = rt.clock.join(d.objects[obj])
}
