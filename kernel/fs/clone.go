package fs

// SetClock gives the tree the clock it stamps times with: a copy of a
// machine gives its tree its own clock.
func (f *FS) SetClock(clock func() Timespec) { f.clock = clock }

// A Template is a tree that nothing has opened, laid out flat to be
// copied fast: a machine starts from a copy of one made once (the
// standard directories and the built-in programs), which costs three
// allocations and three copies instead of a path walk per file.
type Template struct {
	fs      FS       // the tree's settings (root and clock aside)
	nodes   []Inode  // every inode, the root first, without their pointers
	ents    []Dirent // every directory's entries, one directory after another, without their nodes
	entNode []int    // the node of each entry, by index
	data    []byte   // every regular file's bytes, one after another
	links   []link   // where each node's pointers go, by index
}

// link is where the pointers of a template's node go: its parent (a
// directory's), its entries (ents[entLo:entHi]) and its bytes
// (data[dataLo:dataHi]).
type link struct {
	parent         int
	entLo, entHi   int
	dataLo, dataHi int
	hasData        bool
}

// Template lays out f, a tree nothing has opened (no descriptors, no
// shared memory objects), to be copied; f stays as it was.
func (f *FS) Template() *Template {
	t := &Template{fs: *f}
	t.fs.root, t.fs.clock = nil, nil
	var add func(n *Inode, parent int) int
	add = func(n *Inode, parent int) int {
		i := len(t.nodes)
		c := *n
		c.Data, c.entries, c.parent = nil, nil, nil
		t.nodes = append(t.nodes, c)
		t.links = append(t.links, link{parent: parent})
		if n.Data != nil {
			t.links[i].hasData, t.links[i].dataLo = true, len(t.data)
			t.data = append(t.data, n.Data...)
			t.links[i].dataHi = len(t.data)
		}
		if len(n.entries) > 0 {
			lo := len(t.ents)
			t.ents = append(t.ents, n.entries...)
			t.entNode = append(t.entNode, make([]int, len(n.entries))...)
			t.links[i].entLo, t.links[i].entHi = lo, len(t.ents)
			for k, e := range n.entries {
				t.ents[lo+k].node = nil
				t.entNode[lo+k] = add(e.node, i)
			}
		}
		return i
	}
	add(f.root, 0)
	return t
}

// Copy makes a tree like the one laid out, with clock as its clock: the
// same inodes (numbers, times, owners) and bytes. A nil clock, as New's,
// stamps the epoch.
func (t *Template) Copy(clock func() Timespec) *FS {
	g := t.fs
	g.clock = clock
	if clock == nil {
		g.clock = func() Timespec { return Timespec{} }
	}
	nodes := make([]Inode, len(t.nodes))
	copy(nodes, t.nodes)
	ents := make([]Dirent, len(t.ents))
	copy(ents, t.ents)
	data := make([]byte, len(t.data))
	copy(data, t.data)
	for i, l := range t.links {
		n := &nodes[i]
		if n.IsDir() {
			n.parent = &nodes[l.parent]
		}
		if l.entHi > l.entLo {
			n.entries = ents[l.entLo:l.entHi:l.entHi]
		}
		if l.hasData {
			n.Data = data[l.dataLo:l.dataHi:l.dataHi]
		}
	}
	for j, k := range t.entNode {
		ents[j].node = &nodes[k]
	}
	g.root = &nodes[0]
	return &g
}
