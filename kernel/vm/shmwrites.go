package vm

// Who wrote shared memory. A page of a shared memory object remembers,
// for each granule of granuleSize bytes, the process that wrote it last
// (AddressSpace.Writer); the address space lists the ranges it wrote
// since the kernel last asked (TakeSharedWrites), so the kernel can report
// them as events. Writes to shared pages do not go through the write TLB:
// each store to one is seen by lookup, at the cost of a map lookup — paid
// only by stores to shared memory, never by the rest.

// granuleSize is the unit of the writers' record: a machine word.
const granuleSize = 8

// sharedWrites is a shared page's record of its writers. by, made at the
// page's first write, holds for each granule its last writer as a number
// in the object's list of writers (SharedMemory.writers), 0 for none: a
// quarter of the page's size, and only for pages written.
type sharedWrites struct {
	obj *SharedMemory
	idx uint64 // the page's index in obj
	by  *[pageSize / granuleSize]uint16
}

// writerIndex is pid's number in s's list of writers, from 1; the list is
// bounded, and a writer past its end shares the last number.
func (s *SharedMemory) writerIndex(pid int32) uint16 {
	for i, w := range s.writers {
		if w == pid {
			return uint16(i + 1)
		}
	}
	if len(s.writers) == 1<<16-1 {
		return uint16(len(s.writers))
	}
	s.writers = append(s.writers, pid)
	return uint16(len(s.writers))
}

// SharedWrite is a range of a shared memory object that a process wrote.
type SharedWrite struct {
	Obj    *SharedMemory
	Lo, Hi uint64 // [Lo, Hi) in the object
}

// WriterRange is a range of an object last written by one process.
type WriterRange struct {
	Lo, Hi uint64
	PID    int
}

// maxPendingWrites bounds the ranges an address space keeps between two
// reports: past it, the ranges of one object merge into one.
const maxPendingWrites = 32

// noteShared records a write of n bytes at addr into page pg (shared) by
// the address space's process.
func (a *AddressSpace) noteShared(pg *page, addr, n uint64) {
	sw := pg.writes
	if sw == nil || n == 0 {
		return
	}
	off := addr & pageMask
	end := min(off+n, pageSize)
	if a.writerOf != sw.obj {
		a.writerOf, a.writerIdx = sw.obj, sw.obj.writerIndex(a.Writer)
	}
	if sw.by == nil {
		sw.by = new([pageSize / granuleSize]uint16)
	}
	for g := off / granuleSize; g < (end+granuleSize-1)/granuleSize; g++ {
		sw.by[g] = a.writerIdx
	}
	lo, hi := sw.idx<<pageShift+off, sw.idx<<pageShift+end
	if k := len(a.shmWrites); k > 0 {
		last := &a.shmWrites[k-1]
		if last.Obj == sw.obj && lo <= last.Hi && hi >= last.Lo {
			last.Lo, last.Hi = min(last.Lo, lo), max(last.Hi, hi)
			return
		}
	}
	for i := range a.shmWrites {
		w := &a.shmWrites[i]
		if w.Obj == sw.obj && (len(a.shmWrites) >= maxPendingWrites || lo <= w.Hi && hi >= w.Lo) {
			w.Lo, w.Hi = min(w.Lo, lo), max(w.Hi, hi)
			return
		}
	}
	a.shmWrites = append(a.shmWrites, SharedWrite{Obj: sw.obj, Lo: lo, Hi: hi})
}

// wroteShared records a write of n bytes at addr, within one page, if
// that page is shared.
func (a *AddressSpace) wroteShared(addr, n uint64) {
	if e, ok := a.pages.get(addr >> pageShift); ok && e.shared {
		a.noteShared(e.p, addr, n)
	}
}

// TakeSharedWrites returns the ranges of shared memory the process wrote
// since the last call, in the order first written, and forgets them.
func (a *AddressSpace) TakeSharedWrites() []SharedWrite {
	if len(a.shmWrites) == 0 {
		return nil
	}
	out := a.shmWrites
	a.shmWrites = nil
	return out
}

// Writers lists, for the object's bytes [0, limit), the ranges each
// process wrote last, in order of address; bytes no process wrote are left
// out.
func (s *SharedMemory) Writers(limit uint64) []WriterRange {
	var out []WriterRange
	for i := uint64(0); i<<pageShift < min(limit, s.size); i++ {
		pg := s.pages[i]
		if pg == nil || pg.writes == nil || pg.writes.by == nil {
			continue
		}
		for g, w := range pg.writes.by {
			lo := i<<pageShift + uint64(g)*granuleSize
			if w == 0 || lo >= limit {
				continue
			}
			pid := s.writers[w-1]
			if k := len(out); k > 0 && out[k-1].PID == int(pid) && out[k-1].Hi == lo {
				out[k-1].Hi = lo + granuleSize
				continue
			}
			out = append(out, WriterRange{Lo: lo, Hi: lo + granuleSize, PID: int(pid)})
		}
	}
	return out
}

// Maps reports where the address space maps obj (the lowest address of
// its mappings of it), and whether it does.
func (a *AddressSpace) Maps(obj *SharedMemory) (uint64, bool) {
	for _, r := range a.regions {
		if r.obj == obj && !r.private {
			return r.start - r.off<<pageShift, true
		}
	}
	return 0, false
}
