package fs

// MaxFDs is the per-process descriptor limit (RLIMIT_NOFILE's usual soft limit).
const MaxFDs = 1024

// Table is a process's file-descriptor table: small integers naming shared
// open-file descriptions.
type Table struct {
	fds     []*OpenFile
	cloexec []bool // FD_CLOEXEC of each descriptor: closed by a successful exec
}

// Get returns the description behind fd.
func (t *Table) Get(fd int) (*OpenFile, error) {
	if fd < 0 || fd >= len(t.fds) || t.fds[fd] == nil {
		return nil, EBADF
	}
	return t.fds[fd], nil
}

// Install puts o in the lowest free descriptor, as open() and dup() do.
func (t *Table) Install(o *OpenFile) (int, error) { return t.InstallFrom(o, 0, false) }

// InstallFrom puts o in the lowest free descriptor not below from, with
// FD_CLOEXEC set if cloexec, as fcntl's F_DUPFD and F_DUPFD_CLOEXEC do.
func (t *Table) InstallFrom(o *OpenFile, from int, cloexec bool) (int, error) {
	if from < 0 || from >= MaxFDs {
		return -1, EINVAL
	}
	fd := from
	for fd < len(t.fds) && t.fds[fd] != nil {
		fd++
	}
	if fd >= MaxFDs {
		return -1, EMFILE
	}
	t.set(fd, o)
	t.cloexec[fd] = cloexec
	return fd, nil
}

// Free is the number of descriptors still free under the limit.
func (t *Table) Free() int {
	n := MaxFDs - len(t.fds)
	for _, o := range t.fds {
		if o == nil {
			n++
		}
	}
	return n
}

// Cloexec reports fd's FD_CLOEXEC flag.
func (t *Table) Cloexec(fd int) bool { return fd >= 0 && fd < len(t.cloexec) && t.cloexec[fd] }

// SetCloexec sets or clears fd's FD_CLOEXEC flag.
func (t *Table) SetCloexec(fd int, on bool) error {
	if _, err := t.Get(fd); err != nil {
		return err
	}
	t.cloexec[fd] = on
	return nil
}

// CloseOnExec closes every descriptor marked FD_CLOEXEC (a successful exec).
func (t *Table) CloseOnExec() {
	for _, fd := range t.Open() {
		if t.cloexec[fd] {
			t.Close(fd)
		}
	}
}

func (t *Table) set(fd int, o *OpenFile) {
	for fd >= len(t.fds) {
		t.fds = append(t.fds, nil)
		t.cloexec = append(t.cloexec, false)
	}
	t.fds[fd] = o
	t.cloexec[fd] = false
	if o.refs == 0 && o.Node != nil {
		o.Node.opens++
	}
	o.refs++
}

// Close closes fd; the description dies with its last descriptor.
func (t *Table) Close(fd int) error {
	o, err := t.Get(fd)
	if err != nil {
		return err
	}
	t.fds[fd] = nil
	t.cloexec[fd] = false
	for len(t.fds) > 0 && t.fds[len(t.fds)-1] == nil {
		t.fds = t.fds[:len(t.fds)-1]
		t.cloexec = t.cloexec[:len(t.cloexec)-1]
	}
	o.refs--
	if o.refs == 0 && o.Node != nil {
		n := o.Node
		n.opens--
		if n.opens == 0 && n.Nlink == 0 && n.IsRegular() && o.fs != nil {
			o.fs.forget(n)
		}
	}
	if o.refs == 0 && o.OnRelease != nil {
		o.OnRelease()
	}
	return nil
}

// Dup gives fd's description a second, lowest free descriptor.
func (t *Table) Dup(fd int) (int, error) {
	o, err := t.Get(fd)
	if err != nil {
		return -1, err
	}
	return t.Install(o)
}

// Dup2 makes fd2 refer to fd's description, closing fd2 first.
func (t *Table) Dup2(fd, fd2 int) (int, error) {
	o, err := t.Get(fd)
	if err != nil {
		return -1, err
	}
	if fd2 < 0 || fd2 >= MaxFDs {
		return -1, EBADF
	}
	if fd == fd2 {
		return fd2, nil
	}
	if fd2 < len(t.fds) && t.fds[fd2] != nil {
		t.Close(fd2)
	}
	t.set(fd2, o)
	return fd2, nil
}

// Fork copies the table for a child: the same descriptions, shared.
func (t *Table) Fork() *Table {
	c := &Table{fds: make([]*OpenFile, len(t.fds)), cloexec: make([]bool, len(t.fds))}
	for fd, o := range t.fds {
		if o != nil {
			c.set(fd, o)
			c.cloexec[fd] = t.cloexec[fd]
		}
	}
	return c
}

// CloseAll closes every descriptor (exit).
func (t *Table) CloseAll() {
	for _, fd := range t.Open() {
		t.Close(fd)
	}
}

// Open lists the open descriptors in increasing order.
func (t *Table) Open() []int {
	var out []int
	for fd, o := range t.fds {
		if o != nil {
			out = append(out, fd)
		}
	}
	return out
}
