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

// unmapped lets go of one mapping.
func (s *SharedMemory) unmapped() {
	s.maps--
	s.freeIfUnheld()
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
	pg := &page{refs: 1}
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
// writable (read-only if readOnly), below abi.MmapTop under the mappings
// already there, and returns its address. Mapping takes no frame and
// counts nothing against the process's limit until a page is touched.
func (a *AddressSpace) MapShared(obj *SharedMemory, name string, readOnly bool) (uint64, error) {
	if obj.phys != a.phys {
		return 0, fmt.Errorf("map %s: shared memory of another machine", name)
	}
	if obj.size == 0 {
		return 0, fmt.Errorf("map %s: empty", name)
	}
	top := uint64(abi.MmapTop)
	for _, r := range a.regions {
		if r.obj != nil && r.start < top {
			top = r.start
		}
	}
	if top < obj.size+pageSize || top-obj.size-pageSize < abi.MmapTop-1<<32 {
		return 0, fmt.Errorf("map %s: no room for %d bytes", name, obj.size)
	}
	// One unmapped page between mappings: running off one faults.
	start := top - pageSize - obj.size
	a.addRegion(region{name: name, start: start, end: start + obj.size, readOnly: readOnly, obj: obj})
	obj.maps++
	return start, nil
}
