package vm

import (
	"reflect"
	"unsafe"

	"osplay/kernel/internal/deepcopy"
)

// A machine is copied (kernel.Machine.Clone) by copying the graph of its
// objects (kernel/internal/deepcopy). What the VM asks of that copy:
//
//   - a program and its functions (and their executable forms, which a
//     call's frame holds) are immutable and shared by every machine: they
//     are not copied (Immutable);
//   - a page of a program's image is shared, as it is between processes;
//   - a private page is frozen before the copy (Freeze): it becomes an
//     image page of both machines, which each count their mappings of,
//     and the first write of either copies it, as a write after fork
//     does. So a copy costs a pointer per page, not the page, and the two
//     machines may run on two goroutines: neither writes a frozen page;
//   - a page of a shared memory object is written in place by its
//     mappings, so it is copied with its object.

var (
	programType = reflect.TypeFor[Program]()
	funcType    = reflect.TypeFor[Func]()
	execType    = reflect.TypeFor[execForm]()
	pageType    = reflect.TypeFor[page]()
	spaceType   = reflect.TypeFor[AddressSpace]()
)

// Immutable reports whether objects of type t are shared by machines
// rather than copied with one.
func Immutable(t reflect.Type) bool { return t == programType || t == funcType || t == execType }

// Shared reports whether the object of type t at p is shared by a machine
// and its copy: an image page (a program's, or a frozen one).
func Shared(t reflect.Type, p unsafe.Pointer) bool {
	return t == pageType && (*page)(p).image
}

// Freeze readies the memory of the machine g was walked from, pm, to be
// shared with a copy: every private page g reached becomes a frozen image
// page, counted once per mapping, and every cached translation of an
// address space is dropped (it could write a frozen page in place). A
// machine frozen already is only read, so several copies of one machine
// can be made at once. It returns the bytes of the pages it froze: those
// written since the machine was last copied.
func Freeze(g *deepcopy.Graph, pm *PhysicalMemory) uint64 {
	var n uint64
	for _, p := range g.Objects(pageType) {
		pg := (*page)(p)
		if pg.image || pg.writes != nil {
			continue
		}
		if pm.images == nil {
			pm.images = map[*page]int32{}
		}
		pm.images[pg] = pg.refs
		pg.image, pg.frozen = true, true
		n += pageSize
	}
	for _, p := range g.Objects(spaceType) {
		a := (*AddressSpace)(p)
		if !a.flushed() {
			a.flush()
		}
	}
	return n
}

// flushed reports whether a caches no translation.
func (a *AddressSpace) flushed() bool {
	for i := range a.rtlb {
		if a.rtlb[i].vpn != ^uint64(0) || a.wtlb[i].vpn != ^uint64(0) {
			return false
		}
	}
	return a.shmHot.vpn == ^uint64(0) && a.shmHotPage == nil
}

// copyFrame claims a frame for the private copy a write makes of pg, a
// page mapped copy-on-write, and lets go of this mapping of pg. A frozen
// page's last mapping in this machine hands its frame to the copy, as a
// private page with one holder would have been written in place.
func (pm *PhysicalMemory) copyFrame(pg *page) bool {
	if pg.frozen && pm.images[pg] == 1 {
		delete(pm.images, pg)
		return true
	}
	if !pm.take() {
		return false
	}
	pm.drop(pg)
	return true
}
