package vm

import (
	"slices"
	"testing"

	"osplay/kernel/abi"
)

// TestSharedMemoryAcrossFork maps an object shared, forks, and writes on
// both sides: each sees the other's writes (no copy on write), the
// private heap stays copy-on-write beside it, the frames count each page
// once, and they go back to the machine when the last mapping does.
func TestSharedMemoryAcrossFork(t *testing.T) {
	pm := NewPhysicalMemory(0)
	c, err := NewContext(tinyProgram(), []string{"tiny"}, nil, Limits{Memory: pm})
	if err != nil {
		t.Fatal(err)
	}
	base := pm.InUse()
	obj := NewSharedMemory(pm, 3*pageSize-100)
	if obj.Size() != 3*pageSize {
		t.Fatalf("size %d, want whole pages", obj.Size())
	}
	addr, err := c.Mem().MapShared(obj, "shared", false)
	if err != nil {
		t.Fatal(err)
	}
	if addr >= abi.MmapTop || addr+obj.Size() > abi.MmapTop || addr%pageSize != 0 {
		t.Fatalf("mapped at 0x%x, want a page below MmapTop", addr)
	}
	if pm.InUse() != base {
		t.Errorf("mapping took %d bytes of frames before any touch", pm.InUse()-base)
	}
	heap, _ := c.Mem().Sbrk(pageSize)
	c.Mem().WriteU64(heap, 1)
	c.Mem().WriteU64(addr, 10) // touched before fork
	d := c.Fork()
	if err := d.Mem().WriteU64(addr, 11); err != nil {
		t.Fatal(err)
	}
	if err := d.Mem().WriteU64(addr+2*pageSize, 21); err != nil { // first touched after fork, by the child
		t.Fatal(err)
	}
	if err := c.Mem().WriteU64(addr+pageSize, 30); err != nil {
		t.Fatal(err)
	}
	d.Mem().WriteU64(heap, 2)
	read := func(ctx *Context, at uint64) uint64 {
		v, err := ctx.Mem().ReadU64(at)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	for _, ctx := range []*Context{c, d} {
		if a, b, e := read(ctx, addr), read(ctx, addr+pageSize), read(ctx, addr+2*pageSize); a != 11 || b != 30 || e != 21 {
			t.Errorf("shared pages read %d %d %d, want 11 30 21 on both sides", a, b, e)
		}
	}
	if p, q := read(c, heap), read(d, heap); p != 1 || q != 2 {
		t.Errorf("private heap %d and %d, want 1 and 2 (copy on write)", p, q)
	}
	var peek [8]byte
	if err := c.Mem().Peek(addr+2*pageSize, peek[:]); err != nil || peek[0] != 21 {
		t.Errorf("peek of a shared page the other side made: %v %v", peek, err)
	}
	// 3 shared pages, the heap page and the child's copy of it.
	if got := pm.InUse() - base; got != 5*pageSize {
		t.Errorf("%d bytes of frames, want 5 pages", got)
	}
	if obj.Mappings() != 2 {
		t.Errorf("%d mappings, want 2", obj.Mappings())
	}
	segs := c.Mem().Segments()
	found := false
	for _, s := range segs {
		if s.Name == "shared" && s.Start == addr && s.Prot == "rw-s" {
			found = true
		}
	}
	if !found {
		t.Errorf("no shared segment in %+v", segs)
	}
	d.Release()
	if obj.ResidentBytes() != 3*pageSize {
		t.Errorf("the object lost pages when one mapping went: %d bytes", obj.ResidentBytes())
	}
	c.Mem().Unmap(addr)
	if obj.ResidentBytes() != 0 || obj.Mappings() != 0 {
		t.Errorf("after the last unmap: %d bytes, %d mappings", obj.ResidentBytes(), obj.Mappings())
	}
	if got := pm.InUse() - base; got != pageSize {
		t.Errorf("%d bytes of frames after the last unmap, want the heap page", got)
	}
	if _, err := c.Mem().ReadU64(addr); err == nil {
		t.Error("the mapping was readable after unmap")
	}
}

// TestSharedMemoryHold keeps an object alive between mappings, as a
// System V segment lives on between attachments.
func TestSharedMemoryHold(t *testing.T) {
	pm := NewPhysicalMemory(0)
	c, err := NewContext(tinyProgram(), []string{"tiny"}, nil, Limits{Memory: pm})
	if err != nil {
		t.Fatal(err)
	}
	obj := NewSharedMemory(pm, pageSize)
	obj.Hold()
	addr, _ := c.Mem().MapShared(obj, "a", false)
	c.Mem().WriteU64(addr, 42)
	c.Mem().Unmap(addr)
	second, err := c.Mem().MapShared(obj, "b", true)
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := c.Mem().ReadU64(second); v != 42 {
		t.Errorf("read %d through the second mapping, want 42", v)
	}
	if err := c.Mem().WriteU64(second, 1); err == nil {
		t.Error("a read-only shared mapping was writable")
	}
	c.Release()
	if obj.ResidentBytes() != pageSize {
		t.Error("a held object lost its page with its last mapping")
	}
	before := pm.InUse()
	obj.Drop()
	if obj.ResidentBytes() != 0 || pm.InUse() != before-pageSize {
		t.Errorf("after Drop: %d bytes in the object, frames %d -> %d", obj.ResidentBytes(), before, pm.InUse())
	}
}

// TestSharedMemoryCountsAgainstTheLimit: touching a shared page counts in
// the process's resident memory, as Linux's RSS counts it.
func TestSharedMemoryCountsAgainstTheLimit(t *testing.T) {
	c, err := NewContext(tinyProgram(), []string{"tiny"}, nil, Limits{MemBytes: 64 << 10})
	if err != nil {
		t.Fatal(err)
	}
	a := c.Mem()
	obj := NewSharedMemory(a.phys, 1<<20)
	addr, err := a.MapShared(obj, "big", false)
	if err != nil {
		t.Fatal(err)
	}
	var fault error
	for off := uint64(0); off < obj.Size() && fault == nil; off += pageSize {
		fault = a.WriteU64(addr+off, 1)
	}
	if f, ok := fault.(*Fault); !ok || !f.OverLimit {
		t.Errorf("fault %v, want OverLimit", fault)
	}
	if a.ResidentBytes() > 64<<10 {
		t.Errorf("resident %d, over the limit", a.ResidentBytes())
	}
}

// TestMapPrivate maps anonymous private memory: it is copied on write
// across fork as the heap is, sits below the shared mappings a page
// apart, and counts against the virtual size until unmapped.
func TestMapPrivate(t *testing.T) {
	pm := NewPhysicalMemory(0)
	c, err := NewContext(tinyProgram(), []string{"tiny"}, nil, Limits{Memory: pm, VirtualBytes: 8 << 20})
	if err != nil {
		t.Fatal(err)
	}
	a := c.Mem()
	v0 := a.VirtualBytes()
	obj := NewSharedMemory(pm, pageSize)
	shared, _ := a.MapShared(obj, "shared", false)
	priv, err := a.MapPrivate(2*pageSize+1, "private", false)
	if err != nil {
		t.Fatal(err)
	}
	if priv+3*pageSize+pageSize != shared {
		t.Errorf("private at 0x%x, shared at 0x%x: want the private 3 pages and a gap below", priv, shared)
	}
	if start, end, ok := a.Mapping(priv + 5); !ok || start != priv || end != priv+3*pageSize {
		t.Errorf("Mapping = 0x%x, 0x%x, %v", start, end, ok)
	}
	if _, _, ok := a.Mapping(priv - 1); ok {
		t.Error("the gap below a mapping is a mapping")
	}
	if got := a.VirtualBytes() - v0; got != 4*pageSize {
		t.Errorf("mappings add %d bytes of virtual size, want 4 pages", got)
	}
	a.WriteU64(priv, 1)
	d := c.Fork()
	d.Mem().WriteU64(priv, 2)
	if v, _ := a.ReadU64(priv); v != 1 {
		t.Errorf("the parent reads %d after the child's write, want 1 (copy on write)", v)
	}
	if _, err := a.MapPrivate(8<<20, "too big", false); err == nil {
		t.Error("a mapping past the virtual size succeeded")
	}
	a.Unmap(priv)
	if got := a.VirtualBytes() - v0; got != pageSize {
		t.Errorf("after unmap the mappings count %d bytes, want 1 page", got)
	}
	if _, err := a.ReadU64(priv); err == nil {
		t.Error("readable after unmap")
	}
	if v, _ := d.Mem().ReadU64(priv); v != 2 {
		t.Errorf("the child's mapping read %d after the parent's unmap, want 2", v)
	}
}

// TestMapPlacement places mappings top down below abi.MmapTop, a page
// apart: a gap an unmapping leaves is used again, and a region already in
// the area (a thread's stack, for one) is stepped over.
func TestMapPlacement(t *testing.T) {
	c, err := NewContext(tinyProgram(), []string{"tiny"}, nil, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	a := c.Mem()
	const stackLow, stackHigh = abi.MmapTop - 3*pageSize, abi.MmapTop - pageSize
	if err := a.MapStack("stack in the way", stackLow, stackHigh); err != nil {
		t.Fatal(err)
	}
	var at []uint64
	for range 3 {
		addr, err := a.MapPrivate(2*pageSize, "m", false)
		if err != nil {
			t.Fatal(err)
		}
		at = append(at, addr)
	}
	want := []uint64{stackLow - 3*pageSize, stackLow - 6*pageSize, stackLow - 9*pageSize}
	if !slices.Equal(at, want) {
		t.Fatalf("mapped at %#x, want %#x", at, want)
	}
	a.Unmap(at[1])
	again, err := a.MapPrivate(pageSize, "n", false)
	if err != nil || again != at[1]+pageSize {
		t.Errorf("after an unmap, a mapping went to %#x (%v), want the gap at %#x", again, err, at[1]+pageSize)
	}
}

// TestMapObject maps an object from an offset, shared and private: the
// private mapping reads the object's page until it writes it, then has
// its own; a page past the object's end faults; ReadAt, WriteAt and
// Resize work on the object's bytes; Protect makes a whole mapping
// read-only and back; OnMap and OnUnmap see each mapping come and go.
func TestMapObject(t *testing.T) {
	pm := NewPhysicalMemory(0)
	c, err := NewContext(tinyProgram(), []string{"tiny"}, nil, Limits{Memory: pm})
	if err != nil {
		t.Fatal(err)
	}
	base := pm.InUse()
	obj := NewSharedMemory(pm, 2*pageSize)
	obj.Hold()
	var maps, unmaps int
	obj.OnMap, obj.OnUnmap = func() { maps++ }, func() { unmaps++ }
	obj.WriteAt([]byte("second page"), pageSize)
	mem := c.Mem()
	sh, err := mem.MapObject(obj, pageSize, 2*pageSize, "shm", false, false)
	if err != nil {
		t.Fatal(err)
	}
	pr, err := mem.MapObject(obj, 0, 2*pageSize, "shm", false, true)
	if err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 11)
	if mem.Read(sh, buf); string(buf) != "second page" {
		t.Errorf("shared mapping from page 1 reads %q", buf)
	}
	if _, err := mem.ReadU64(sh + pageSize); err == nil {
		t.Errorf("reading past the object's end did not fault")
	}
	if mem.Read(pr+pageSize, buf); string(buf) != "second page" {
		t.Errorf("private mapping reads %q before writing", buf)
	}
	mem.Write(pr+pageSize, []byte("mine"))
	obj.ReadAt(buf, pageSize)
	if string(buf) != "second page" {
		t.Errorf("a private write reached the object: %q", buf)
	}
	mem.Write(sh, []byte("SHARED"))
	obj.ReadAt(buf[:6], pageSize)
	if string(buf[:6]) != "SHARED" {
		t.Errorf("a shared write did not reach the object: %q", buf[:6])
	}
	if ok, _ := mem.Protect(sh, sh+2*pageSize, true, false); !ok {
		t.Errorf("Protect of a whole mapping refused")
	}
	if err := mem.Write(sh, []byte("x")); err == nil {
		t.Errorf("write to a read-only mapping did not fault")
	}
	mem.Protect(sh, sh+2*pageSize, false, false)
	if err := mem.Write(sh, []byte("y")); err != nil {
		t.Errorf("write after Protect read-write: %v", err)
	}
	if ok, hole := mem.Protect(pr, pr+pageSize, false, true); !ok || hole { // splits pr
		t.Errorf("Protect of a part: %v %v", ok, hole)
	}
	if _, err := mem.ReadU64(pr); err == nil {
		t.Errorf("read of a PROT_NONE page did not fault")
	}
	if _, err := mem.ReadU64(pr + pageSize); err != nil {
		t.Errorf("read of the rest of the split mapping: %v", err)
	}
	if _, hole := mem.Protect(pr-pageSize, pr+pageSize, true, false); !hole {
		t.Errorf("Protect over an unmapped page reported no hole")
	}
	if o, start, _, ok := mem.MappedObject(sh + 10); !ok || o != obj || start != sh {
		t.Errorf("MappedObject = %v %x %v", o, start, ok)
	}
	obj.Resize(pageSize)
	if obj.Size() != pageSize || obj.ResidentBytes() != 0 { // page 1 let go; page 0 never made
		t.Errorf("after Resize: size %d, resident %d", obj.Size(), obj.ResidentBytes())
	}
	mem.Unmap(sh)
	mem.UnmapRange(pr, pr+2*pageSize)
	obj.Drop()
	if maps != 3 || unmaps != 3 {
		t.Errorf("OnMap ran %d times, OnUnmap %d, want 3 and 3 (two mappings, one split)", maps, unmaps)
	}
	if pm.InUse() != base {
		t.Errorf("%d bytes of frames still in use after the last holder let go", pm.InUse()-base)
	}
}
