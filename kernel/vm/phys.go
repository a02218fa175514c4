package vm

import (
	"sync"
	"sync/atomic"
)

// PhysicalMemory is the memory of one machine: the page frames that its
// address spaces map. A frame that several address spaces share
// copy-on-write (after fork) is one frame and counts once; it is freed
// when the last of them lets it go. The count is kept as frames are taken
// and freed, so asking for it costs nothing.
//
// The frames of one machine are taken and freed on one goroutine, as its
// address spaces are used; InUse may be asked from any.
type PhysicalMemory struct {
	frames atomic.Uint64 // frames in use
	limit  uint64        // frames there are; 0: as many as asked for

	// Reclaim, if set, is called when the kernel's own access (Read,
	// Write, the loading of a program) needs a frame and none is free. It
	// may free memory, as an out-of-memory killer ends a process, and
	// reports whether it did; the access is then tried again. needer is
	// the address space that needs the frame: one that cannot be freed
	// while the kernel works on it. The VM's own accesses never call it:
	// Run stops with StopOutOfMemory before the instruction that needed
	// the frame, and runs it again once the kernel has made room.
	Reclaim func(needer *AddressSpace) bool

	// progs counts this machine's mappings of each page of a program's
	// image, by the page's place in the image: such a page is shared with
	// other machines, so its own refs cannot count them. Its frame is
	// counted while any are left. images counts those of the frozen pages
	// (clone.go) likewise.
	progs  []imageCounts
	images map[*page]int32
}

// imageCounts is a machine's count of mappings of each page of prog's
// image.
type imageCounts struct {
	prog *Program
	n    []int32
}

// progCount is the count of mappings of pg, a page of a program's image.
func (pm *PhysicalMemory) progCount(pg *page) *int32 { return &pm.countsOf(pg.of)[pg.idx] }

// countsOf is the counts of mappings of the pages of p's image.
func (pm *PhysicalMemory) countsOf(p *Program) []int32 {
	for i := range pm.progs {
		if pm.progs[i].prog == p {
			return pm.progs[i].n
		}
	}
	pm.progs = append(pm.progs, imageCounts{prog: p, n: make([]int32, p.image.count)})
	return pm.progs[len(pm.progs)-1].n
}

// NewPhysicalMemory makes a machine's memory of limit bytes (rounded down
// to whole pages); 0 means no limit.
func NewPhysicalMemory(limit uint64) *PhysicalMemory {
	pm := &PhysicalMemory{limit: limit / pageSize}
	if limit > 0 && pm.limit == 0 {
		pm.limit = 1
	}
	return pm
}

// InUse is the memory of the frames in use, in bytes. It is safe to ask
// from any goroutine.
func (pm *PhysicalMemory) InUse() uint64 { return pm.frames.Load() * pageSize }

// Limit is the memory there is, in bytes; 0 means no limit.
func (pm *PhysicalMemory) Limit() uint64 { return pm.limit * pageSize }

// take claims a frame, if one is free.
func (pm *PhysicalMemory) take() bool {
	if pm.limit != 0 && pm.frames.Load() >= pm.limit {
		return false
	}
	pm.frames.Add(1)
	return true
}

// TakeKernel claims a frame for the kernel's own use (a page of a pipe),
// if one is free: the kernel's memory and the processes' share the limit.
func (pm *PhysicalMemory) TakeKernel() bool { return pm.take() }

// GiveKernel gives back a frame TakeKernel claimed.
func (pm *PhysicalMemory) GiveKernel() { pm.frames.Add(^uint64(0)) }

// drop lets go of one mapping of pg, and of its frame with the last one.
func (pm *PhysicalMemory) drop(pg *page) {
	if pg.of != nil {
		n := pm.progCount(pg)
		if *n--; *n == 0 {
			pm.frames.Add(^uint64(0))
		}
		return
	}
	if pg.image {
		if pm.images[pg]--; pm.images[pg] == 0 {
			delete(pm.images, pg)
			pm.frames.Add(^uint64(0))
		}
		return
	}
	pg.refs--
	if pg.refs == 0 {
		pm.frames.Add(^uint64(0))
		if pg.pooled {
			freeFrame(pg)
		}
	}
}

// dropAll lets go of every page t maps, as drop of each does, counting
// the frames freed of the program's image once at the end.
func (pm *PhysicalMemory) dropAll(t *pageTable) {
	var freed uint64
	pm.eachPage(t, func(counts []int32, idx int32) {
		if counts[idx]--; counts[idx] == 0 {
			freed++
		}
	}, pm.drop)
	pm.frames.Add(-freed)
}

// shareAll adds a mapping of every page t maps, as share of each does.
func (pm *PhysicalMemory) shareAll(t *pageTable) {
	pm.eachPage(t, func(counts []int32, idx int32) { counts[idx]++ }, pm.share)
}

// eachPage calls image for each page of a program's image that t maps,
// with this memory's counts of the mappings of that program's pages, and
// private for every other page t maps.
func (pm *PhysicalMemory) eachPage(t *pageTable, image func(counts []int32, idx int32), private func(*page)) {
	var prog *Program
	var counts []int32
	for _, d := range t.dir {
		c := d.c
		for i := range c.e {
			pg := c.e[i].p
			switch {
			case pg == nil:
			case pg.of != nil:
				if pg.of != prog {
					prog, counts = pg.of, pm.countsOf(pg.of)
				}
				image(counts, pg.idx)
			default:
				private(pg)
			}
		}
	}
}

// framePool holds the pages of private memory that nothing maps any more,
// for the next page touched or copied, in any machine: a small program's
// run touches a dozen pages, and making each anew (4 KiB to allocate, to
// clear and then to collect) cost more than the rest of its memory's
// upkeep. A page goes back only when its last holder lets it go (drop):
// an address space flushes its cached translations whenever it drops
// pages, so nothing reaches a page in the pool.
var framePool = sync.Pool{New: func() any { return new(page) }}

// newFrame returns a private page with one holder; its bytes are left as
// they were, for the caller to clear or overwrite.
func newFrame() *page {
	pg := framePool.Get().(*page)
	pg.refs, pg.pooled = 1, true
	return pg
}

func freeFrame(pg *page) {
	if pg.image || pg.writes != nil {
		return // not a private frame after all (Freeze made it an image page)
	}
	pg.pooled = false
	framePool.Put(pg)
}

// share adds a mapping of pg, which already has one in this machine
// (fork).
func (pm *PhysicalMemory) share(pg *page) {
	if pg.of != nil {
		*pm.progCount(pg)++
		return
	}
	if pg.image {
		pm.images[pg]++
		return
	}
	pg.refs++
}

// takeImage maps a page of a program's image: the machine's first mapping
// of it claims a frame, if one is free.
func (pm *PhysicalMemory) takeImage(pg *page) bool {
	n := pm.progCount(pg)
	if *n == 0 && !pm.take() {
		return false
	}
	*n++
	return true
}

// takeAllImage maps every page of p's image, once: the machine's first
// mapping of a page claims its frame. The machine's memory has no bound.
func (pm *PhysicalMemory) takeAllImage(p *Program) {
	counts := pm.countsOf(p)
	fresh := uint64(0)
	for i := range counts {
		if counts[i] == 0 {
			fresh++
		}
		counts[i]++
	}
	pm.frames.Add(fresh)
}

// reclaim asks the kernel to free a frame for a.
func (pm *PhysicalMemory) reclaim(a *AddressSpace) bool {
	return pm.Reclaim != nil && pm.Reclaim(a)
}
