package kernel

import (
	"osplay/kernel/msg"

	"osplay/kernel/abi"
	"osplay/kernel/fs"
)

// Devices. A thread doing I/O waits on a named device ("disk",
// "printer") for a given number of ticks; the device queue lists the
// waiting threads in the order of their requests. A device serves its
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
	busyUntil int64     // serial: when the last request queued ends
	queue     WaitQueue // threads doing I/O on it, in order of request, each until its I/O's end
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
	d.queue.init(m, WaitObject{Kind: WaitIO, ID: uint64(len(m.devices)), Name: name})
	m.devices = append(m.devices, d)
	return d
}

// startIO blocks the running t on device dev for ticks ticks: it sleeps
// on the device's queue until the I/O's end. An I/O of no time still
// passes through the device queue: t goes to the back of the ready queue.
func (m *Machine) startIO(t *Thread, dev string, ticks int64, cause msg.Text) {
	d := m.device(dev)
	start := m.t
	if d.serial {
		start = max(start, d.busyUntil)
		d.busyUntil = start + ticks
	}
	d.queue.SleepUntil(t, start+ticks, cause)
	if ticks <= 0 && t.waiter.queue == &d.queue {
		m.wake(t, wokeTimeout, timeoutCause(d.queue.Object))
	}
}

// sysIO is int __osplay_io(const char *device, long ticks): the caller
// waits ticks ticks for an I/O on the device; it returns 0.
func sysIO(m *Machine, t *Thread, a []uint64) sysret {
	if t.waiter.woke == wokeTimeout {
		return ok(0) // the I/O is done
	}
	name, err := t.proc.mem.ReadCString(a[0], fs.NameMax)
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
	m.startIO(t, name, ticks, msg.New(msg.WaitIOCall, msg.Name("dev", name), msg.Int("ticks", ticks)))
	return blocked()
}

// DeviceView is what the UI shows of a device: its queue, in the order of
// the requests (for a serial device the first is being served).
type DeviceView struct {
	Name   string
	Serial bool
	Queue  []int // tids: the pids of single-threaded processes
}

// Devices lists the devices that have been used or declared, in order of
// first use.
func (m *Machine) Devices() []DeviceView {
	out := make([]DeviceView, len(m.devices))
	for i, d := range m.devices {
		v := DeviceView{Name: d.name, Serial: d.serial}
		if d.queue.Len() > 0 {
			v.Queue = d.queue.Waiters()
		}
		out[i] = v
	}
	return out
}
