package vm

import "slices"

// pageTable maps virtual page numbers to page-table entries. It is a
// directory of chunks, each the entries of chunkPages consecutive pages,
// made when the first of them is mapped and kept, in order, until the
// table is released: a process's memory is a few dense ranges (its image,
// heap and stack), so mapping a program's image fills a few chunks
// instead of inserting a hundred-odd entries in a hash table. A chunk may
// be shared, copy-on-write, by the tables of a parent and its child after
// fork and by every process of a program with the program's own table of
// its image (Program.imageTable): a change copies it first.
type pageTable struct {
	dir []ptDir // by key, ascending
	n   int     // entries mapped
}

// ptDir is a chunk of a table and its key, the vpn of its first page
// shifted right by chunkShift.
type ptDir struct {
	key uint64
	c   *ptChunk
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
	// refs counts the tables of the machine that hold the chunk (at least
	// as many as do): one held by more than one is copied before a change.
	refs int32
	// fixed: a program's (Program.imageTable), held by every machine and
	// never changed; refs is not kept.
	fixed bool
}

// shared reports whether c must be copied before a change.
func (c *ptChunk) shared() bool { return c.fixed || c.refs > 1 }

// find returns the index of the chunk with key, or where it would go.
func (t *pageTable) find(key uint64) (int, bool) {
	lo, hi := 0, len(t.dir)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if t.dir[m].key < key {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo, lo < len(t.dir) && t.dir[lo].key == key
}

func (t *pageTable) get(vpn uint64) (pte, bool) {
	i, ok := t.find(vpn >> chunkShift)
	if !ok {
		return pte{}, false
	}
	e := t.dir[i].c.e[vpn%chunkPages]
	return e, e.p != nil
}

// set maps vpn to e (e.p is not nil), replacing any entry there.
func (t *pageTable) set(vpn uint64, e pte) {
	i, ok := t.find(vpn >> chunkShift)
	var c *ptChunk
	switch {
	case !ok:
		c = &ptChunk{refs: 1}
		t.dir = slices.Insert(t.dir, i, ptDir{key: vpn >> chunkShift, c: c})
	case t.dir[i].c.shared():
		c = t.own(i)
	default:
		c = t.dir[i].c
	}
	if c.e[vpn%chunkPages].p == nil {
		c.n++
		t.n++
	}
	c.e[vpn%chunkPages] = e
}

// del unmaps vpn, if it is mapped. Its chunk stays, empty or not.
func (t *pageTable) del(vpn uint64) {
	i, ok := t.find(vpn >> chunkShift)
	if !ok || t.dir[i].c.e[vpn%chunkPages].p == nil {
		return
	}
	c := t.dir[i].c
	if c.shared() {
		c = t.own(i)
	}
	c.e[vpn%chunkPages] = pte{}
	c.n--
	t.n--
}

// own replaces the shared chunk t.dir[i] with a copy of its own.
func (t *pageTable) own(i int) *ptChunk {
	c := t.dir[i].c
	if !c.fixed {
		c.refs--
	}
	cp := *c
	cp.refs, cp.fixed = 1, false
	t.dir[i].c = &cp
	return &cp
}

// len is the number of pages mapped.
func (t *pageTable) len() int { return t.n }

// all yields every mapped page, in order. The body may unmap pages, not
// map them.
func (t *pageTable) all(yield func(vpn uint64, e pte) bool) {
	for _, d := range t.dir {
		c := d.c
		for i := range c.e {
			if c.e[i].p != nil && !yield(d.key<<chunkShift|uint64(i), c.e[i]) {
				return
			}
		}
	}
}

// clone copies the table, sharing its chunks: the entries, not the pages
// they map.
func (t *pageTable) clone() pageTable {
	u := pageTable{dir: slices.Clone(t.dir), n: t.n}
	for _, d := range t.dir {
		if !d.c.fixed {
			d.c.refs++
		}
	}
	return u
}

// release lets go of the table's chunks, and empties it.
func (t *pageTable) release() {
	for _, d := range t.dir {
		if !d.c.fixed {
			d.c.refs--
		}
	}
	*t = pageTable{}
}
