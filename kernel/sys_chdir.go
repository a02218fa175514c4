package kernel

import (
	"path"

	"osplay/kernel/abi"
	"osplay/kernel/fs"
)

// sysChdir changes the working directory of the caller's process, as
// chdir(2): the path must name a directory the student may search.
func sysChdir(m *Machine, t *Thread, a []uint64) sysret {
	p := t.proc
	name, e := readPath(p, a[0])
	if e != 0 {
		return fail(e)
	}
	if name == "" {
		return fail(abi.ENOENT)
	}
	d, err := m.fs.Lookup(p.cwd, name, fs.StudentUID)
	if err != nil {
		return fail(fsErrno(err))
	}
	if !d.IsDir() {
		return fail(abi.ENOTDIR)
	}
	if !d.Permits(fs.StudentUID, 1) {
		return fail(abi.EACCES)
	}
	if !path.IsAbs(name) {
		name = path.Join(p.cwd, name)
	}
	p.cwd = path.Clean(name)
	return ok(0)
}
