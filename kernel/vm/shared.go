package vm

import (
	"fmt"

	"osplay/kernel/abi"
)

// SharedMemory is memory that address spaces map shared: a write through
// one mapping is seen through every other, and fork shares it rather than
// copying it on write. Its pages are made on first touch, zero-filled,
// from the machine's frames, and belong to the object: they outlive any
// one mapping, and go back to the machine when the last holder lets go.
// Its holders are the mappings and any Hold (a System V segment that
// outlives its attachments, for one).
type SharedMemory struct {
	phys  *PhysicalMemory
	size  uint64           // bytes, a whole number of pages
	pages map[uint64]*page // by page index; each holds one reference for the object
	maps  int              // mappings of it in address spaces
	holds int              // holders other than mappings

	// writers are the pids that have written it, numbered from 1 in the
	// pages' records of their writers (shmwrites.go).
	writers []int32

	// OnMap and OnUnmap, if set, run after a mapping of the object is
	// made (MapShared, fork) or let go (Unmap, exit, exec): a System V
	// segment counts its attachments and notes who changed them last.
	OnMap, OnUnmap func()
}

// NewSharedMemory makes a shared memory object of size bytes, rounded up
// to whole pages, on the machine's memory pm. It takes no frame until a
// page of it is touched.
func NewSharedMemory(pm *PhysicalMemory, size uint64) *SharedMemory {
	return &SharedMemory{phys: pm, size: (size + pageMask) &^ pageMask, pages: map[uint64]*page{}}
}

// Size is the object's size in bytes.
func (s *SharedMemory) Size() uint64 { return s.size }

// ResidentBytes is the memory of the object's pages made so far; each is
// one frame however many address spaces map it.
func (s *SharedMemory) ResidentBytes() uint64 { return uint64(len(s.pages)) * pageSize }

// Mappings counts the address-space mappings of the object.
func (s *SharedMemory) Mappings() int { return s.maps }

// Hold keeps the object alive without a mapping, until Drop.
func (s *SharedMemory) Hold() { s.holds++ }

// Drop lets go of a Hold; with no holder left, the pages are freed.
func (s *SharedMemory) Drop() {
	s.holds--
	s.freeIfUnheld()
}

// mapped counts one more mapping.
func (s *SharedMemory) mapped() {
	s.maps++
	if s.OnMap != nil {
		s.OnMap()
	}
}

// unmapped lets go of one mapping.
func (s *SharedMemory) unmapped() {
	s.maps--
	if s.OnUnmap != nil {
		s.OnUnmap()
	}
	s.freeIfUnheld()
}

// Resize makes the object size bytes long, rounded up to whole pages, as
// ftruncate does to a POSIX shared memory object: the pages past the new
// end are let go (a mapping that still holds one keeps its frame until it
// is unmapped), and growing adds pages that are zero on first touch.
func (s *SharedMemory) Resize(size uint64) {
	s.size = (size + pageMask) &^ pageMask
	for i, pg := range s.pages {
		if i >= s.size>>pageShift {
			s.phys.drop(pg)
			delete(s.pages, i)
		}
	}
}

// ReadAt copies the object's bytes at off into p, as read(2) on a shared
// memory object's descriptor; a page never touched reads as zeros. The
// caller keeps off+len(p) within Size.
func (s *SharedMemory) ReadAt(p []byte, off uint64) {
	for len(p) > 0 {
		n := min(uint64(len(p)), pageSize-off&pageMask)
		if pg := s.pages[off>>pageShift]; pg != nil {
			copy(p[:n], pg.data[off&pageMask:])
		} else {
			clear(p[:n])
		}
		p, off = p[n:], off+n
	}
}

// WriteAt copies p into the object at off, as write(2) on its descriptor,
// making pages as needed; it returns how many bytes it wrote, short when
// the machine has no frame free. The caller keeps off+len(p) within Size.
func (s *SharedMemory) WriteAt(p []byte, off uint64) int {
	done := 0
	for len(p) > 0 {
		n := min(uint64(len(p)), pageSize-off&pageMask)
		pg := s.page(off >> pageShift)
		if pg == nil {
			break
		}
		copy(pg.data[off&pageMask:], p[:n])
		p, off, done = p[n:], off+n, done+int(n)
	}
	return done
}

func (s *SharedMemory) freeIfUnheld() {
	if s.maps > 0 || s.holds > 0 {
		return
	}
	for i, pg := range s.pages {
		s.phys.drop(pg)
		delete(s.pages, i)
	}
}

// page returns page i of the object, making it on first touch; nil when
// the machine has no frame free.
func (s *SharedMemory) page(i uint64) *page {
	if pg, ok := s.pages[i]; ok {
		return pg
	}
	if !s.phys.take() {
		return nil
	}
	pg := &page{refs: 1, writes: &sharedWrites{obj: s, idx: i}}
	s.pages[i] = pg
	return pg
}

// peek returns page i if it has been made (nil for a nil object).
func (s *SharedMemory) peek(i uint64) *page {
	if s == nil {
		return nil
	}
	return s.pages[i]
}

// MapShared maps all of obj into the address space, shared, readable and
// writable (read-only if readOnly), as mmap with MAP_SHARED, and returns
// its address. Mapping takes no frame and counts nothing against the
// process's limit until a page is touched; its size counts against the
// virtual size.
func (a *AddressSpace) MapShared(obj *SharedMemory, name string, readOnly bool) (uint64, error) {
	return a.MapObject(obj, 0, obj.size, name, readOnly, false)
}

// MapObject maps length bytes (rounded up to whole pages) of obj from byte
// off (a whole number of pages) into the address space, as mmap of a
// shared memory object's descriptor: shared, or, with private, copy on
// write (MAP_PRIVATE: a page is the object's until the process writes
// it). A page past the object's end faults when touched.
func (a *AddressSpace) MapObject(obj *SharedMemory, off, length uint64, name string, readOnly, private bool) (uint64, error) {
	if obj.phys != a.phys {
		return 0, fmt.Errorf("map %s: shared memory of another machine", name)
	}
	size := (length + pageMask) &^ pageMask
	start, err := a.mapRegion(region{name: name, end: size, readOnly: readOnly, obj: obj,
		off: off >> pageShift, private: private})
	if err == nil {
		obj.mapped()
	}
	return start, err
}

// Protect sets the access of the pages of [start, end) (whole pages):
// read-write, read-only, or none (PROT_NONE: every access faults), as
// mprotect. The range must be covered, without a hole, by mappings that
// MapShared, MapPrivate or MapObject made; a mapping that the range
// covers in part is split in two, as Linux splits a vma. hole reports an
// address of the range that nothing maps; ok is false, and nothing
// changes, when the range holds a hole or memory of another kind.
func (a *AddressSpace) Protect(start, end uint64, readOnly, none bool) (ok, hole bool) {
	for at := start; at < end; {
		r := a.findRegion(at)
		if r == nil {
			return false, true
		}
		if !r.mapped {
			return false, false
		}
		at = r.end
	}
	a.split(start)
	a.split(end)
	for i := range a.regions {
		if r := &a.regions[i]; r.start >= start && r.end <= end {
			r.readOnly, r.noAccess = readOnly, none
		}
	}
	for vpn := start >> pageShift; vpn < end>>pageShift; vpn++ {
		if e, found := a.pages.get(vpn); found {
			e.readOnly, e.none = readOnly, none
			a.pages.set(vpn, e)
		}
	}
	a.flush()
	return true, false
}

// UnmapRange unmaps the mappings (MapShared, MapPrivate, MapObject) in
// [start, end), splitting one that the range covers in part, as munmap.
// Memory of other kinds in the range stays.
func (a *AddressSpace) UnmapRange(start, end uint64) {
	a.split(start)
	a.split(end)
	var starts []uint64
	for _, r := range a.regions {
		if r.mapped && r.start >= start && r.end <= end {
			starts = append(starts, r.start)
		}
	}
	for _, s := range starts {
		a.Unmap(s)
	}
}

// split cuts the mapping that holds addr in two at addr, a page boundary:
// the piece above addr is a mapping of its own (of the same object, from
// further on), which the object counts.
func (a *AddressSpace) split(addr uint64) {
	r := a.findRegion(addr)
	if r == nil || !r.mapped || r.start == addr {
		return
	}
	hi := *r
	hi.start = addr
	if hi.obj != nil {
		hi.off += (addr - r.start) >> pageShift
	}
	r.end = addr
	a.addRegion(hi)
	if hi.obj != nil {
		hi.obj.mapped()
	}
}

// MapPrivate maps size bytes (rounded up to whole pages) of zero-filled
// private memory, as mmap with MAP_PRIVATE|MAP_ANONYMOUS: a page is made
// on first touch, and fork shares it copy-on-write as the heap.
func (a *AddressSpace) MapPrivate(size uint64, name string, readOnly bool) (uint64, error) {
	return a.mapRegion(region{name: name, end: (size + pageMask) &^ pageMask, readOnly: readOnly})
}

// mapRegion places r, of r.end bytes, in the mapping area below
// abi.MmapTop: as high as it fits, top down as Linux places mappings, with
// an unmapped page above it so that running off the end of the mapping
// below faults. It fails when the virtual size would pass its limit or
// the area has no room.
func (a *AddressSpace) mapRegion(r region) (uint64, error) {
	size := r.end
	if size == 0 || size > a.virtual || a.VirtualBytes()+size > a.virtual {
		return 0, fmt.Errorf("map %s of %d bytes: %w", r.name, size, ErrMemoryLimit)
	}
	const floor = abi.MmapTop - 1<<32
	top := uint64(abi.MmapTop)
	for {
		if top-floor < size+pageSize {
			return 0, fmt.Errorf("map %s of %d bytes: %w", r.name, size, ErrMemoryLimit)
		}
		start := top - pageSize - size
		moved := false
		for _, q := range a.regions { // anything in [start, top) pushes it down
			if q.start < top && start < q.end+pageSize {
				top, moved = q.start, true
				break
			}
		}
		if !moved {
			r.start, r.end = start, start+size
			break
		}
	}
	r.mapped = true
	a.addRegion(r)
	a.mappedBytes += size
	return r.start, nil
}

// Mapping returns the start and end of the mapping (MapShared,
// MapPrivate) that holds addr, if one does.
func (a *AddressSpace) Mapping(addr uint64) (start, end uint64, ok bool) {
	if r := a.findRegion(addr); r != nil && r.mapped {
		return r.start, r.end, true
	}
	return 0, 0, false
}

// MappedObject returns the shared memory object mapped at addr, with the
// start and end of its mapping, if a mapping of one holds addr.
func (a *AddressSpace) MappedObject(addr uint64) (obj *SharedMemory, start, end uint64, ok bool) {
	if r := a.findRegion(addr); r != nil && r.mapped && r.obj != nil {
		return r.obj, r.start, r.end, true
	}
	return nil, 0, 0, false
}
