package vm

// pageTable maps virtual page numbers to page-table entries. It is a
// directory of chunks, each the entries of chunkPages consecutive pages,
// made when the first of them is mapped: a process's memory is a few
// dense ranges (its image, heap and stack), so mapping a program's image
// fills a couple of chunks instead of inserting a hundred-odd entries in
// a hash table, and fork copies the chunks whole.
type pageTable struct {
	dir map[uint64]*ptChunk // by vpn >> chunkShift
	n   int                 // entries mapped
}

const (
	chunkShift = 6
	chunkPages = 1 << chunkShift
)

// ptChunk is the entries of chunkPages consecutive pages; an entry with
// no page is not mapped.
type ptChunk struct {
	e [chunkPages]pte
	n int // entries mapped
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

// clone copies the table: the entries, not the pages they map.
func (t *pageTable) clone() pageTable {
	u := pageTable{dir: make(map[uint64]*ptChunk, len(t.dir)), n: t.n}
	for key, c := range t.dir {
		cp := *c
		u.dir[key] = &cp
	}
	return u
}
