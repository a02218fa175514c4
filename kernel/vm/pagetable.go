package vm

// pageTable maps virtual page numbers to page-table entries. It is a
// directory of chunks, each the entries of chunkPages consecutive pages,
// made when the first of them is mapped: a process's memory is a few
// dense ranges (its image, heap and stack), so mapping a program's image
// fills a couple of chunks instead of inserting a hundred-odd entries in
// a hash table. A chunk may be shared, copy-on-write, by the tables of a
// parent and its child after fork and by every process of a program with
// the program's own table of its image (Program.imageTable): a change
// copies it first.
type pageTable struct {
	dir map[uint64]*ptChunk // by vpn >> chunkShift
	n   int                 // entries mapped
}

const (
	chunkShift = 4
	chunkPages = 1 << chunkShift
)

// ptChunk is the entries of chunkPages consecutive pages; an entry with
// no page is not mapped.
type ptChunk struct {
	e [chunkPages]pte
	n int // entries mapped
	// shared: other tables may hold the chunk, which is then never
	// changed. It is only ever set, once, before the chunk is shared.
	shared bool
}

func (t *pageTable) get(vpn uint64) (pte, bool) {
	c := t.dir[vpn>>chunkShift]
	if c == nil {
		return pte{}, false
	}
	e := c.e[vpn%chunkPages]
	return e, e.p != nil
}

// set maps vpn to e (e.p is not nil), replacing any entry there.
func (t *pageTable) set(vpn uint64, e pte) {
	if t.dir == nil {
		t.dir = make(map[uint64]*ptChunk, 4)
	}
	c := t.dir[vpn>>chunkShift]
	if c == nil {
		c = &ptChunk{}
		t.dir[vpn>>chunkShift] = c
	} else if c.shared {
		c = t.own(vpn>>chunkShift, c)
	}
	if c.e[vpn%chunkPages].p == nil {
		c.n++
		t.n++
	}
	c.e[vpn%chunkPages] = e
}

// del unmaps vpn, if it is mapped.
func (t *pageTable) del(vpn uint64) {
	c := t.dir[vpn>>chunkShift]
	if c == nil || c.e[vpn%chunkPages].p == nil {
		return
	}
	if c.shared {
		c = t.own(vpn>>chunkShift, c)
	}
	c.e[vpn%chunkPages] = pte{}
	c.n--
	t.n--
	if c.n == 0 {
		delete(t.dir, vpn>>chunkShift)
	}
}

// len is the number of pages mapped.
func (t *pageTable) len() int { return t.n }

// all yields every mapped page, in no particular order. The body may
// unmap pages, not map them.
func (t *pageTable) all(yield func(vpn uint64, e pte) bool) {
	for key, c := range t.dir {
		for i := range c.e {
			if c.e[i].p != nil && !yield(key<<chunkShift|uint64(i), c.e[i]) {
				return
			}
		}
	}
}

// own replaces the shared chunk c, at key, with a copy of its own.
func (t *pageTable) own(key uint64, c *ptChunk) *ptChunk {
	cp := *c
	cp.shared = false
	t.dir[key] = &cp
	return &cp
}

// clone copies the table, sharing its chunks: the entries, not the pages
// they map.
func (t *pageTable) clone() pageTable {
	u := pageTable{dir: make(map[uint64]*ptChunk, len(t.dir)), n: t.n}
	for key, c := range t.dir {
		if !c.shared {
			c.shared = true
		}
		u.dir[key] = c
	}
	return u
}
