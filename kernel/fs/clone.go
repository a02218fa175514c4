package fs

// SetClock gives the tree the clock it stamps times with: a copy of a
// machine gives its tree its own clock.
func (f *FS) SetClock(clock func() Timespec) { f.clock = clock }

// Copy returns a copy of a tree that nothing has opened yet, with clock
// as its clock: every directory and file with its bytes, the same inode
// numbers, times and owners. A machine starts from a copy of a tree made
// once (the standard directories and the built-in programs), which costs
// an allocation or two per directory instead of a path walk per file.
func (f *FS) Copy(clock func() Timespec) *FS {
	g := *f
	g.clock = clock
	var count, bytes int
	var measure func(d *Inode)
	measure = func(d *Inode) {
		count++
		for _, e := range d.entries {
			if e.node.IsDir() {
				measure(e.node)
			} else {
				count++
				bytes += len(e.node.Data)
			}
		}
	}
	measure(f.root)
	nodes := make([]Inode, 0, count)
	data := make([]byte, 0, bytes)
	clone := func(n *Inode) *Inode {
		nodes = append(nodes, *n)
		c := &nodes[len(nodes)-1]
		if n.Data != nil {
			data = append(data, n.Data...)
			c.Data = data[len(data)-len(n.Data) : len(data) : len(data)]
		}
		return c
	}
	var copyDir func(d, parent *Inode) *Inode
	copyDir = func(d, parent *Inode) *Inode {
		c := clone(d)
		c.parent = parent
		if parent == nil {
			c.parent = c
		}
		c.entries = append([]Dirent(nil), d.entries...)
		for i, e := range c.entries {
			if e.node.IsDir() {
				c.entries[i].node = copyDir(e.node, c)
			} else {
				c.entries[i].node = clone(e.node)
			}
		}
		return c
	}
	g.root = copyDir(f.root, nil)
	return &g
}
