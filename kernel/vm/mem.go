package vm

import (
	"encoding/binary"
	"fmt"
	"slices"
	"sort"

	"osplay/kernel/abi"
	"osplay/kernel/msg"
)

const (
	pageShift = 12
	pageSize  = abi.PageSize
	pageMask  = pageSize - 1
	tlbSize   = 16
)

// page is one 4 KiB page. refs counts its holders: the address spaces
// that map it and the shared memory object it belongs to, if any. A
// private page with refs > 1 is copy-on-write. A session's processes all
// run on one goroutine, so refs needs no lock.
type page struct {
	data [pageSize]byte
	refs int32
	// image: a page of a program's initial image (Program.imagePages),
	// shared by machines on other goroutines. It is never written and its
	// refs never change: each machine counts its mappings of it in its
	// PhysicalMemory, and a write copies it.
	image bool
	// of and idx: a page of program of's image, its idx-th (counted in
	// PhysicalMemory.progs); of is nil for every other page.
	of  *Program
	idx int32
	// frozen: a private page made an image page when its machine was
	// copied (clone.go); each machine counts its mappings of it.
	frozen bool
	// pooled: a frame of private memory (newFrame), given back to
	// framePool when its last holder lets it go.
	pooled bool
	// writes: a shared memory object's page, its last writers
	// (shmwrites.go); nil for every other page.
	writes *sharedWrites
}

type pte struct {
	p        *page
	readOnly bool
	shared   bool // a page of a shared mapping: written in place, never copied
	none     bool // no access (mprotect PROT_NONE): kept, but every access faults
}

// region is a range that is mapped on first touch, zero-filled (bss, heap,
// stack, text), or from a shared memory object (obj).
type region struct {
	name      string
	start     uint64
	end       uint64
	readOnly  bool
	execute   bool
	growsDown bool          // a stack: running past its limit is a stack overflow
	obj       *SharedMemory // a mapping of obj from page off; nil: anonymous
	off       uint64        // the page of obj at start
	private   bool          // obj mapped copy-on-write (MAP_PRIVATE of a file)
	mapped    bool          // made by MapShared or MapPrivate: in the mapping area
	noAccess  bool          // PROT_NONE: every access faults
	// image, when set, makes this one entry stand for the regions of
	// image's text and segments (Program.imageRegions), shared by every
	// process of the program and never changed: findRegion looks inside
	// it. It spans them all, the pages between them included, and holds
	// no other region.
	image *Program
}

// Fault is a bad memory access: the address and what was tried.
type Fault struct {
	Addr  uint64
	Write bool
	Msg   msg.Text
	// OutOfMemory: the access needed a page frame and the machine's
	// physical memory had none free. It is no fault of the program: once
	// memory is freed the access can be tried again.
	OutOfMemory bool
	// OverLimit: the access touched a new page and the process's
	// resident memory would exceed its limit.
	OverLimit bool
	// Bus: the access was past the end of a mapped file or object, which
	// Linux signals with SIGBUS.
	Bus bool
}

func (f *Fault) Error() string {
	if f.OutOfMemory {
		return fmt.Sprintf("no free page frame for address 0x%x", f.Addr)
	}
	return fmt.Sprintf("%s at address 0x%x", f.Msg.String(), f.Addr)
}

type tlbEntry struct {
	vpn  uint64
	data *[pageSize]byte
}

// AddressSpace is a process's paged memory. fork shares every private
// page copy-on-write (a write to a page shared so copies it first) and
// every page of a shared mapping as it is, written in place by all. Its
// pages are frames of the machine's PhysicalMemory.
//
// Memory is committed lazily, as Linux overcommits: reserving address
// space (the break, sbrk; a stack; a mapping) costs nothing until a page
// is touched. Two bounds apply. The virtual size (the text, static data,
// heap and mappings the process has reserved; its stacks aside) may not
// exceed virtual: beyond it sbrk and a new mapping fail, as under Linux's
// RLIMIT_DATA. The pages touched
// (resident, shared ones included, as Linux's RSS) may not exceed limit:
// the access that would touch one more faults (OverLimit) instead, as a
// memory cgroup's bound stops a process on Linux. So malloc(100e6)
// succeeds, and only what the program writes or reads counts.
type AddressSpace struct {
	pages   pageTable
	regions []region // lazily mapped ranges, sorted by start
	heap    int      // index of the heap region
	stack   int      // index of the stack region
	phys    *PhysicalMemory

	limit    uint64 // bytes that may be resident
	virtual  uint64 // bytes of text, static data, heap and mappings that may be reserved
	resident uint64 // pages mapped * pageSize
	static   uint64 // bytes of the pages of text and static data

	mappedBytes uint64 // bytes of the mappings (MapShared, MapPrivate)

	rtlb [tlbSize]tlbEntry
	wtlb [tlbSize]tlbEntry

	// Writer is the pid recorded as the last writer of the shared memory
	// this address space writes; shmWrites the ranges written since the
	// kernel last took them (shmwrites.go).
	Writer    int32
	shmWrites []SharedWrite
	// shmHot is the shared page written last, looked at when the write
	// TLB misses (which it always does for a shared page), before the
	// page table.
	shmHot     tlbEntry
	shmHotPage *page
	// writerOf is the object whose number for Writer writerIdx is.
	writerOf  *SharedMemory
	writerIdx uint16
}

func newAddressSpace(limit, virtual uint64, phys *PhysicalMemory) *AddressSpace {
	if phys == nil {
		phys = NewPhysicalMemory(0)
	}
	a := &AddressSpace{limit: limit, virtual: virtual, phys: phys}
	a.flush()
	return a
}

func (a *AddressSpace) flush() {
	for i := range a.rtlb {
		a.rtlb[i] = tlbEntry{vpn: ^uint64(0)}
		a.wtlb[i] = tlbEntry{vpn: ^uint64(0)}
	}
	a.shmHot, a.shmHotPage = tlbEntry{vpn: ^uint64(0)}, nil
}

// Clone returns the copy fork makes: private pages shared copy-on-write,
// shared mappings shared.
func (a *AddressSpace) Clone() *AddressSpace {
	b := &AddressSpace{
		pages:    a.pages.clone(),
		regions:  append([]region(nil), a.regions...),
		heap:     a.heap,
		stack:    a.stack,
		phys:     a.phys,
		limit:    a.limit,
		virtual:  a.virtual,
		resident: a.resident,
		static:   a.static,

		mappedBytes: a.mappedBytes,
	}
	for _, r := range b.regions {
		if r.obj != nil {
			r.obj.mapped()
		}
	}
	a.phys.shareAll(&a.pages)
	// The parent's cached writable pages are now shared.
	a.flush()
	b.flush()
	return b
}

// Release drops every page (exit, exec); the frames no other address
// space maps are free again.
func (a *AddressSpace) Release() {
	a.phys.dropAll(&a.pages)
	for _, r := range a.regions {
		if r.obj != nil {
			r.obj.unmapped()
		}
	}
	a.pages.release()
	a.regions = nil
	a.resident = 0
	a.mappedBytes = 0
	a.flush()
}

// ResidentBytes is the memory the process has touched, shared pages
// included (its resident set size).
func (a *AddressSpace) ResidentBytes() uint64 { return a.resident }

// Segment describes a mapped range for the memory-map view.
type Segment struct {
	Name  string
	Start uint64
	End   uint64
	Prot  string
}

// Segments lists the process's memory map in address order.
func (a *AddressSpace) Segments() []Segment {
	out := make([]Segment, 0, len(a.regions))
	for _, r := range a.regions {
		if r.image != nil {
			for _, ir := range r.image.imageRegions() {
				out = append(out, ir.segment(a))
			}
			continue
		}
		out = append(out, r.segment(a))
	}
	return out
}

// segment describes r for the memory-map view.
func (r region) segment(a *AddressSpace) Segment {
	prot := "rw-"
	if r.readOnly {
		prot = "r--"
	}
	if r.noAccess {
		prot = "---"
	}
	if r.execute {
		prot = "r-x"
	}
	if r.obj != nil && !r.private {
		prot += "s" // shared, as /proc/PID/maps marks it
	}
	start := r.start
	if r.growsDown {
		// Show the part of the stack in use, not the whole reservation.
		start = a.lowestPage(r)
	}
	return Segment{Name: r.name, Start: start, End: r.end, Prot: prot}
}

func (a *AddressSpace) lowestPage(r region) uint64 {
	low := r.end
	for vpn := range a.pages.all {
		addr := vpn << pageShift
		if addr >= r.start && addr < low {
			low = addr
		}
	}
	return low
}

// addRegion inserts r in order of start (after any that start where it
// does, as a stable sort would put it) and returns its index.
func (a *AddressSpace) addRegion(r region) int {
	a.regions = slices.Insert(a.regions, sort.Search(len(a.regions), func(i int) bool { return a.regions[i].start > r.start }), r)
	for i := range a.regions {
		switch a.regions[i].name {
		case "heap":
			a.heap = i
		case "stack":
			a.stack = i
		}
	}
	for i := range a.regions {
		if a.regions[i].name == r.name && a.regions[i].start == r.start {
			return i
		}
	}
	return -1
}

func (a *AddressSpace) findRegion(addr uint64) *region {
	for i := range a.regions {
		r := &a.regions[i]
		if addr >= r.start && addr < r.end {
			if r.image != nil {
				return r.image.regionAt(addr)
			}
			return r
		}
	}
	return nil
}

// SharedAt reports the shared memory object mapped at addr and addr's
// offset in it; ok is false for memory of the process's own. A futex in
// shared memory is known by it, as Linux keys a shared futex by its page.
func (a *AddressSpace) SharedAt(addr uint64) (obj *SharedMemory, off uint64, ok bool) {
	r := a.findRegion(addr)
	if r == nil || r.obj == nil {
		return nil, 0, false
	}
	return r.obj, addr - r.start, true
}

// lookup returns the page holding addr for reading or writing, mapping a
// zero page on first touch and copying a shared page before a write. When
// that needs a frame and none is free it returns a fault with OutOfMemory
// set and changes nothing.
func (a *AddressSpace) lookup(addr uint64, write bool) (*[pageSize]byte, *Fault) {
	vpn := addr >> pageShift
	e, ok := a.pages.get(vpn)
	if ok && e.none {
		return nil, &Fault{Addr: addr, Write: write, Msg: msg.New(msg.FaultNoAccess)}
	}
	if !ok {
		r := a.findRegion(addr)
		if r == nil || addr < abi.NullLimit {
			return nil, a.fault(addr, write)
		}
		if r.noAccess {
			return nil, &Fault{Addr: addr, Write: write, Msg: msg.New(msg.FaultNoAccess)}
		}
		if a.resident+pageSize > a.limit {
			text := msg.New(msg.FaultMemoryLimit)
			if r.growsDown {
				text = msg.New(msg.FaultStackLimit)
			}
			return nil, &Fault{Addr: addr, Write: write, Msg: text, OverLimit: true}
		}
		var pg *page
		if r.obj != nil {
			i := r.off + (addr-r.start)>>pageShift
			if i >= r.obj.size>>pageShift {
				// Past the end of the object: SIGBUS on Linux.
				return nil, &Fault{Addr: addr, Write: write, Msg: msg.New(msg.FaultPastEnd), Bus: true}
			}
			if pg = r.obj.page(i); pg == nil {
				return nil, &Fault{Addr: addr, Write: write, OutOfMemory: true}
			}
			pg.refs++
		} else {
			if !a.phys.take() {
				return nil, &Fault{Addr: addr, Write: write, OutOfMemory: true}
			}
			pg = newFrame()
			clear(pg.data[:])
		}
		e = pte{p: pg, readOnly: r.readOnly || r.execute, shared: r.obj != nil && !r.private}
		a.pages.set(vpn, e)
		a.resident += pageSize
	}
	if write {
		if e.readOnly {
			return nil, &Fault{Addr: addr, Write: true, Msg: msg.New(msg.FaultReadOnly)}
		}
		if e.p.image || e.p.refs > 1 && !e.shared {
			if !a.phys.copyFrame(e.p) {
				return nil, &Fault{Addr: addr, Write: true, OutOfMemory: true}
			}
			cp := newFrame()
			cp.data = e.p.data
			e.p = cp
			a.pages.set(vpn, e)
		}
		if e.shared {
			// Not cached: every store to a shared page comes here, to
			// record its writer, by the granule (a store's size is not
			// known here: a word's at most).
			a.noteShared(e.p, addr&^(granuleSize-1), granuleSize)
			a.shmHot, a.shmHotPage = tlbEntry{vpn: vpn, data: &e.p.data}, e.p
		} else {
			a.wtlb[vpn%tlbSize] = tlbEntry{vpn: vpn, data: &e.p.data}
		}
	}
	a.rtlb[vpn%tlbSize] = tlbEntry{vpn: vpn, data: &e.p.data}
	return &e.p.data, nil
}

// kernelLookup is lookup for the kernel's accesses: when no frame is free
// it asks the kernel to make room (PhysicalMemory.Reclaim) and tries
// again.
func (a *AddressSpace) kernelLookup(addr uint64, write bool) (*[pageSize]byte, *Fault) {
	for {
		pg, f := a.lookup(addr, write)
		if f == nil || !f.OutOfMemory || !a.phys.reclaim(a) {
			return pg, f
		}
	}
}

func (a *AddressSpace) fault(addr uint64, write bool) *Fault {
	if addr < abi.NullLimit {
		return &Fault{Addr: addr, Write: write, Msg: msg.New(msg.FaultNull)}
	}
	if s := a.regions; a.stack < len(s) && s[a.stack].name == "stack" {
		st := s[a.stack]
		if addr < st.start && addr >= st.start-(64<<20) {
			return &Fault{Addr: addr, Write: write, Msg: msg.New(msg.FaultStack)}
		}
	}
	return &Fault{Addr: addr, Write: write, Msg: msg.New(msg.FaultUnmapped)}
}

// Read copies len(p) bytes at addr into p.
func (a *AddressSpace) Read(addr uint64, p []byte) error {
	if f := a.read(addr, p, a.kernelLookup); f != nil {
		return f
	}
	return nil
}

// Write copies p to memory at addr.
func (a *AddressSpace) Write(addr uint64, p []byte) error {
	if f := a.write(addr, p, a.kernelLookup); f != nil {
		return f
	}
	return nil
}

// read and write copy page by page with the lookup given: the kernel's,
// or the VM's own.
func (a *AddressSpace) read(addr uint64, p []byte, look func(uint64, bool) (*[pageSize]byte, *Fault)) *Fault {
	for len(p) > 0 {
		pg, f := look(addr, false)
		if f != nil {
			return f
		}
		n := copy(p, pg[addr&pageMask:])
		p = p[n:]
		addr += uint64(n)
	}
	return nil
}

func (a *AddressSpace) write(addr uint64, p []byte, look func(uint64, bool) (*[pageSize]byte, *Fault)) *Fault {
	for len(p) > 0 {
		pg, f := look(addr, true)
		if f != nil {
			return f
		}
		n := copy(pg[addr&pageMask:], p)
		a.wroteShared(addr, uint64(n))
		p = p[n:]
		addr += uint64(n)
	}
	return nil
}

// Peek copies len(p) bytes at addr into p as Read does, but maps nothing:
// an untouched page reads as zeros. It looks at memory from outside (the
// checks of an exercise after the run) without changing it.
func (a *AddressSpace) Peek(addr uint64, p []byte) error {
	for len(p) > 0 {
		off := addr & pageMask
		n := min(uint64(len(p)), pageSize-off)
		r := a.findRegion(addr)
		if e, ok := a.pages.get(addr >> pageShift); ok {
			copy(p[:n], e.p.data[off:])
		} else if r == nil || addr < abi.NullLimit {
			return a.fault(addr, false)
		} else if pg := r.obj.peek(r.off + (addr-r.start)>>pageShift); pg != nil {
			copy(p[:n], pg.data[off:])
		} else {
			clear(p[:n])
		}
		p = p[n:]
		addr += n
	}
	return nil
}

// ReadCString reads a NUL-terminated string of at most max bytes.
func (a *AddressSpace) ReadCString(addr uint64, max int) (string, error) {
	var out []byte
	for len(out) < max {
		pg, f := a.kernelLookup(addr, false)
		if f != nil {
			return "", f
		}
		chunk := pg[addr&pageMask:]
		for i, c := range chunk {
			if c == 0 {
				return string(append(out, chunk[:i]...)), nil
			}
			if len(out)+i >= max {
				break
			}
		}
		out = append(out, chunk...)
		addr += uint64(len(chunk))
	}
	return "", &Fault{Addr: addr, Msg: msg.New(msg.FaultLongString, msg.Int("max", max))}
}

// ReadU64 reads a little-endian 64-bit word.
func (a *AddressSpace) ReadU64(addr uint64) (uint64, error) {
	var b [8]byte
	err := a.Read(addr, b[:])
	return binary.LittleEndian.Uint64(b[:]), err
}

// ReadU32 reads a little-endian 32-bit word.
func (a *AddressSpace) ReadU32(addr uint64) (uint32, error) {
	var b [4]byte
	err := a.Read(addr, b[:])
	return binary.LittleEndian.Uint32(b[:]), err
}

// WriteU64 writes a little-endian 64-bit word.
func (a *AddressSpace) WriteU64(addr, v uint64) error {
	var b [8]byte
	binary.LittleEndian.PutUint64(b[:], v)
	return a.Write(addr, b[:])
}

// WriteU32 writes a little-endian 32-bit word.
func (a *AddressSpace) WriteU32(addr uint64, v uint32) error {
	var b [4]byte
	binary.LittleEndian.PutUint32(b[:], v)
	return a.Write(addr, b[:])
}

// Sbrk moves the program break by incr bytes and returns the old break.
func (a *AddressSpace) Sbrk(incr int64) (uint64, error) {
	h := &a.regions[a.heap]
	old := h.end
	if incr == 0 {
		return old, nil
	}
	end := uint64(int64(old) + incr)
	if incr < 0 {
		if end < h.start {
			return 0, fmt.Errorf("sbrk below the heap start")
		}
	} else {
		size := a.static + (end+pageMask)&^pageMask - h.start + a.mappedBytes
		if size > a.virtual || end > abi.MmapTop-(1<<32) {
			return 0, fmt.Errorf("out of memory: virtual size limit %d bytes", a.virtual)
		}
	}
	h.end = end
	if incr < 0 {
		// Drop whole pages above the new break, so later touches fault.
		a.dropPages((end+pageMask)>>pageShift, (old+pageMask)>>pageShift)
		a.flush()
	}
	return old, nil
}

// dropPages unmaps the pages [lo, hi) that are mapped.
func (a *AddressSpace) dropPages(lo, hi uint64) {
	drop := func(vpn uint64, e pte) {
		a.phys.drop(e.p)
		a.pages.del(vpn)
		a.resident -= pageSize
	}
	if hi-lo > uint64(a.pages.len()) {
		for vpn, e := range a.pages.all { // fewer pages than the range
			if vpn >= lo && vpn < hi {
				drop(vpn, e)
			}
		}
		return
	}
	for vpn := lo; vpn < hi; vpn++ {
		if e, ok := a.pages.get(vpn); ok {
			drop(vpn, e)
		}
	}
}

// staticPages is the memory of the pages that the text and the static
// data span (a page that two of them share counts once): what counts of
// them against the limit.
func staticPages(regions []region) uint64 {
	var n, covered uint64       // covered: the end of the last page counted
	for _, r := range regions { // in address order
		start, end := max(r.start&^pageMask, covered), (r.end+pageMask)&^pageMask
		if end > start {
			n += end - start
			covered = end
		}
	}
	return n
}

// Committed is what counts against the process's memory limit, in bytes:
// the pages it has touched, as ResidentBytes.
func (a *AddressSpace) Committed() uint64 { return a.resident }

// VirtualBytes is the address space the process has reserved for its
// text, static data, heap and mappings, in bytes: what counts against its
// virtual size limit.
func (a *AddressSpace) VirtualBytes() uint64 {
	h := a.regions[a.heap]
	return a.static + (h.end+pageMask)&^pageMask - h.start + a.mappedBytes
}

// load and store fast paths: a hit in the small TLB costs a compare.

func (a *AddressSpace) rpage(addr uint64) (*[pageSize]byte, *Fault) {
	vpn := addr >> pageShift
	if e := &a.rtlb[vpn%tlbSize]; e.vpn == vpn {
		return e.data, nil
	}
	return a.lookup(addr, false)
}

func (a *AddressSpace) wpage(addr uint64) (*[pageSize]byte, *Fault) {
	vpn := addr >> pageShift
	if e := &a.wtlb[vpn%tlbSize]; e.vpn == vpn {
		return e.data, nil
	}
	if a.shmHot.vpn == vpn {
		a.noteShared(a.shmHotPage, addr&^(granuleSize-1), granuleSize)
		return a.shmHot.data, nil
	}
	return a.lookup(addr, true)
}

func (a *AddressSpace) load(addr uint64, size int) (uint64, *Fault) {
	off := addr & pageMask
	if off+uint64(size) <= pageSize {
		pg, f := a.rpage(addr)
		if f != nil {
			return 0, f
		}
		switch size {
		case 1:
			return uint64(pg[off]), nil
		case 2:
			return uint64(binary.LittleEndian.Uint16(pg[off:])), nil
		case 4:
			return uint64(binary.LittleEndian.Uint32(pg[off:])), nil
		default:
			return binary.LittleEndian.Uint64(pg[off:]), nil
		}
	}
	var b [8]byte
	if f := a.read(addr, b[:size], a.lookup); f != nil {
		return 0, f
	}
	return binary.LittleEndian.Uint64(b[:]), nil
}

func (a *AddressSpace) store(addr uint64, size int, v uint64) *Fault {
	off := addr & pageMask
	if off+uint64(size) <= pageSize {
		pg, f := a.wpage(addr)
		if f != nil {
			return f
		}
		switch size {
		case 1:
			pg[off] = byte(v)
		case 2:
			binary.LittleEndian.PutUint16(pg[off:], uint16(v))
		case 4:
			binary.LittleEndian.PutUint32(pg[off:], uint32(v))
		default:
			binary.LittleEndian.PutUint64(pg[off:], v)
		}
		return nil
	}
	var b [8]byte
	binary.LittleEndian.PutUint64(b[:], v)
	return a.write(addr, b[:size], a.lookup)
}

// copyBytes copies n bytes as memmove does. It first maps every page of
// the source and then of the destination, so that a fault (or the want of
// a frame) stops it before it has written anything, as reading the whole
// source first did; then it copies a page at a time, never holding more
// than a page on the host however large n is.
func (a *AddressSpace) copyBytes(dst, src uint64, n int64) *Fault {
	if n <= 0 {
		return nil
	}
	size := uint64(n)
	if f := a.touchRange(src, size, false); f != nil {
		return f
	}
	if f := a.touchRange(dst, size, true); f != nil {
		return f
	}
	var buf [pageSize]byte
	step := func(off, k uint64) *Fault {
		if f := a.read(src+off, buf[:k], a.lookup); f != nil {
			return f
		}
		return a.write(dst+off, buf[:k], a.lookup)
	}
	if dst > src && dst < src+size {
		// The destination overlaps the end of the source: back to front.
		for end := size; end > 0; {
			k := min(end, pageSize)
			end -= k
			if f := step(end, k); f != nil {
				return f
			}
		}
		return nil
	}
	for off := uint64(0); off < size; off += pageSize {
		if f := step(off, min(size-off, pageSize)); f != nil {
			return f
		}
	}
	return nil
}

// touchRange maps every page of [addr, addr+n) for reading or writing.
func (a *AddressSpace) touchRange(addr, n uint64, write bool) *Fault {
	if addr+n < addr {
		return a.fault(addr, write)
	}
	for p := addr &^ pageMask; p < addr+n; p += pageSize {
		at := max(p, addr)
		if _, f := a.lookup(at, write); f != nil {
			return f
		}
	}
	return nil
}

// zero clears n bytes a page at a time. Cut short by a fault, it can
// simply be done again.
func (a *AddressSpace) zero(dst uint64, n int64) *Fault {
	for left := uint64(max(n, 0)); left > 0; {
		pg, f := a.lookup(dst, true)
		if f != nil {
			return f
		}
		k := min(left, pageSize-dst&pageMask)
		clear(pg[dst&pageMask : dst&pageMask+k])
		a.wroteShared(dst, k)
		dst += k
		left -= k
	}
	return nil
}
