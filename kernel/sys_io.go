package kernel

import (
	"fmt"
	"slices"

	"osplay/kernel/abi"
	"osplay/kernel/fs"
	"osplay/kernel/sched"
)

// Devices. A process doing I/O waits on a named device ("disk",
// "printer") for a given number of ticks; the device queue lists the
// waiting processes in the order of their requests. A device serves its
// requests all at once (each I/O takes its own time, as in OSTEP's
// simulators) unless it is serial, when it serves one request at a time,
// first come first served, and a request waits for those before it.
//
// Workload jobs do I/O between their CPU bursts; a C program does it with
// __osplay_io(device, ticks) from <osplay.h>.

// device is one I/O device.
type device struct {
	name      string
	serial    bool
	busyUntil int64      // serial: when the last request queued ends
	queue     []*Process // processes waiting on it, in order of request
}

func (d *device) remove(p *Process) {
	if i := slices.Index(d.queue, p); i >= 0 {
		d.queue = slices.Delete(d.queue, i, i+1)
	}
}

// DefaultDevice is the device of an I/O that names none.
const DefaultDevice = "disk"

// device returns the device called name, making a parallel one if there
// is none yet.
func (m *Machine) device(name string) *device {
	if name == "" {
		name = DefaultDevice
	}
	for _, d := range m.devices {
		if d.name == name {
			return d
		}
	}
	d := &device{name: name}
	m.devices = append(m.devices, d)
	return d
}

// startIO blocks the running p on device dev for ticks ticks. An I/O of no
// time still passes through the device queue: p goes to the back of the
// ready queue.
func (m *Machine) startIO(p *Process, dev string, ticks int64, cause string) {
	d := m.device(dev)
	start := m.t
	if d.serial {
		start = max(start, d.busyUntil)
		d.busyUntil = start + ticks
	}
	p.wakeAt = start + ticks
	p.ioDev = d
	d.queue = append(d.queue, p)
	m.block(p, waitChan{kind: "io"}, d.name, cause)
	if ticks <= 0 && p.State.blocked() && p.waitKey.kind == "io" {
		cause := m.ioDone(p)
		p.waitKey = waitChan{}
		p.WaitOn = ""
		m.makeReady(p, cause, sched.Woken)
	}
}

// ioDone takes p off its device when its I/O completes and returns the
// cause of its wakeup.
func (m *Machine) ioDone(p *Process) string {
	d := p.ioDev
	if d == nil {
		return "I/O done"
	}
	d.remove(p)
	p.ioDev = nil
	return d.name + ": I/O done"
}

// sysIO is int __osplay_io(const char *device, long ticks): the caller
// waits ticks ticks for an I/O on the device; it returns 0.
func sysIO(m *Machine, p *Process, a []uint64) sysret {
	if p.timerDone {
		p.timerDone = false
		return ok(0)
	}
	name, err := p.ctx.Mem().ReadCString(a[0], fs.NameMax)
	if err != nil {
		return fail(abi.EFAULT)
	}
	ticks := int64(a[1])
	if ticks < 0 || name == "" {
		return fail(abi.EINVAL)
	}
	if ticks == 0 {
		return ok(0)
	}
	m.startIO(p, name, ticks, fmt.Sprintf("io(%q, %d)", name, ticks))
	return blocked()
}

// DeviceView is what the UI shows of a device: its queue, in the order of
// the requests (for a serial device the first is being served).
type DeviceView struct {
	Name   string
	Serial bool
	Queue  []int
}

// Devices lists the devices that have been used or declared, in order of
// first use.
func (m *Machine) Devices() []DeviceView {
	out := make([]DeviceView, len(m.devices))
	for i, d := range m.devices {
		v := DeviceView{Name: d.name, Serial: d.serial}
		for _, p := range d.queue {
			v.Queue = append(v.Queue, p.PID)
		}
		out[i] = v
	}
	return out
}
