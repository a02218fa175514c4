package kernel

import (
	"osplay/kernel/abi"
	"osplay/kernel/fs"
)

// fcntl and ioctl: a descriptor's flag (FD_CLOEXEC), its description's
// status flags (O_NONBLOCK, O_APPEND), copies of it (F_DUPFD), and the
// two ioctls a course uses on pipes and terminals, as Linux.

// fcntl commands and flags, as Linux x86-64.
const (
	fDupFD        = 0
	fGetFD        = 1
	fSetFD        = 2
	fGetFL        = 3
	fSetFL        = 4
	fDupFDCloexec = 1030
	fdCloexec     = 1

	oLargefile = 0100000 // set in every file open(2) opens on x86-64

	fionread = 0x541B
	fionbio  = 0x5421
)

func sysPipe(m *Machine, t *Thread, a []uint64) sysret {
	return sysPipe2(m, t, []uint64{a[0], 0})
}

func sysFcntl(m *Machine, t *Thread, a []uint64) sysret {
	files := t.proc.files
	fd := int(int32(a[0]))
	o, err := files.Get(fd)
	if err != nil {
		return fail(abi.EBADF)
	}
	arg := int64(a[2])
	switch int(int32(a[1])) {
	case fDupFD, fDupFDCloexec:
		if arg < 0 || arg >= fs.MaxFDs {
			return fail(abi.EINVAL)
		}
		nfd, err := files.InstallFrom(o, int(arg), int32(a[1]) == fDupFDCloexec)
		if err != nil {
			return fail(fsErrno(err))
		}
		return ok(int64(nfd))
	case fGetFD:
		if files.Cloexec(fd) {
			return ok(fdCloexec)
		}
		return ok(0)
	case fSetFD:
		files.SetCloexec(fd, int32(arg)&fdCloexec != 0)
		return ok(0)
	case fGetFL:
		fl := o.Flags
		switch f := fileOf(o).(type) {
		case *pipeFile:
			if f.p.named {
				fl |= oLargefile
			}
		case *sockFile:
		default:
			fl |= oLargefile
		}
		return ok(int64(fl))
	case fSetFL:
		const settable = fs.O_APPEND | fs.O_NONBLOCK
		o.Flags = o.Flags&^settable | int(int32(arg))&settable
		return ok(0)
	}
	return fail(abi.EINVAL)
}

func sysIoctl(m *Machine, t *Thread, a []uint64) sysret {
	p := t.proc
	o, err := p.files.Get(int(int32(a[0])))
	if err != nil {
		return fail(abi.EBADF)
	}
	switch uint32(a[1]) {
	case fionbio:
		on, err := p.mem.ReadU32(a[2])
		if err != nil {
			return fail(abi.EFAULT)
		}
		if on != 0 {
			o.Flags |= fs.O_NONBLOCK
		} else {
			o.Flags &^= fs.O_NONBLOCK
		}
		return ok(0)
	case fionread:
		var n int64
		switch f := fileOf(o).(type) {
		case *pipeFile:
			n = int64(f.p.buffered())
		case *sockFile:
			n = int64(f.s.readable())
		case ttyFile:
			if m.consoleReady() {
				n = int64(len(m.console.in))
			}
		case inodeFile:
			if !o.Node.IsRegular() {
				return fail(abi.ENOTTY)
			}
			n = max(o.Node.Size()-o.Off, 0)
		}
		if err := p.mem.WriteU32(a[2], uint32(n)); err != nil {
			return fail(abi.EFAULT)
		}
		return ok(0)
	}
	return fail(abi.ENOTTY)
}
