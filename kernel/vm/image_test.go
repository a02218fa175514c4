package vm

import (
	"fmt"
	"testing"

	"osplay/kernel/abi"
)

// dataProgram is tinyProgram with a writable data segment of three pages
// after its rodata, so that processes write pages of the program's image.
func dataProgram() *Program {
	p := tinyProgram()
	data := make([]byte, 3*pageSize)
	for i := range data {
		data[i] = byte(i/pageSize + 1)
	}
	p.Segments = append(p.Segments, Image{Name: "data", Addr: abi.DataBase + pageSize, Size: uint64(len(data)), Bytes: data})
	p.End = abi.DataBase + pageSize + uint64(len(data))
	return p
}

// TestImageSharedUntilWritten runs three processes of one program, two of
// them parent and child: what one writes to the image's pages the others
// never see, a new process starts from the program's bytes, and the
// memory map lists each segment however the image is held.
func TestImageSharedUntilWritten(t *testing.T) {
	p := dataProgram()
	pm := NewPhysicalMemory(0)
	newProc := func() *Context {
		c, err := NewContext(p, []string{"data"}, nil, Limits{Memory: pm})
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	at := func(c *Context, page int) uint64 {
		v, err := c.Mem().ReadU64(abi.DataBase + uint64(page)*pageSize + 8)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	const pattern2 = 0x0202020202020202
	a := newProc()
	if err := a.Mem().WriteU64(abi.DataBase+2*pageSize+8, 7); err != nil {
		t.Fatal(err)
	}
	b := a.Fork()
	if err := b.Mem().WriteU64(abi.DataBase+2*pageSize+8, 9); err != nil {
		t.Fatal(err)
	}
	if err := b.Mem().WriteU64(abi.DataBase+3*pageSize+8, 11); err != nil {
		t.Fatal(err)
	}
	c := newProc()
	if got := [...]uint64{at(a, 2), at(b, 2), at(c, 2), at(a, 3), at(b, 3), at(c, 3)}; got != [...]uint64{7, 9, pattern2, 0x0303030303030303, 11, 0x0303030303030303} {
		t.Errorf("page 2 and 3 in the parent, the child and a new process: %#x", got)
	}
	if got := distinctFrames(a.Mem(), b.Mem(), c.Mem()); pm.InUse() != got {
		t.Errorf("%d bytes in use, %d bytes of distinct pages", pm.InUse(), got)
	}
	var names []string
	for _, s := range c.Mem().Segments() {
		names = append(names, s.Name)
	}
	if want := []string{"text", "rodata", "data", "heap", "stack"}; len(names) != len(want) || names[0] != want[0] || names[2] != want[2] || names[4] != want[4] {
		t.Errorf("memory map %q, want %q", names, want)
	}
	if r := c.Mem().findRegion(abi.DataBase + 2*pageSize); r == nil || r.name != "data" {
		t.Errorf("the region of a data address: %+v", r)
	}
	if r := c.Mem().findRegion(abi.DataBase + 4*pageSize); r != nil && r.name != "heap" {
		t.Errorf("the region past the data: %+v", r)
	}
	for _, x := range []*Context{a, b, c} {
		x.Release()
	}
	if pm.InUse() != 0 {
		t.Errorf("%d bytes in use after every release", pm.InUse())
	}
}

// TestFrameReusedZeroed writes a page, lets it go, and touches a new one:
// a frame back from the pool reads as zeros.
func TestFrameReusedZeroed(t *testing.T) {
	for range 3 {
		c, err := NewContext(tinyProgram(), []string{"tiny"}, nil, Limits{})
		if err != nil {
			t.Fatal(err)
		}
		heap, _ := c.Mem().Sbrk(pageSize)
		if v, err := c.Mem().ReadU64(heap + 64); err != nil || v != 0 {
			t.Fatalf("a new heap page reads %#x, %v", v, err)
		}
		if err := c.Mem().WriteU64(heap+64, 0xdeadbeef); err != nil {
			t.Fatal(err)
		}
		c.Release()
	}
}

// TestImageSharedByMachines runs processes of one program on machines of
// their own, at once: each writes the image's pages, forks and exits,
// while the program's pages and page table stay as they were (run with
// -race, the machines must not write anything they share).
func TestImageSharedByMachines(t *testing.T) {
	p := dataProgram()
	done := make(chan error)
	for g := range 4 {
		go func() {
			pm := NewPhysicalMemory(0)
			for i := range 20 {
				c, err := NewContext(p, []string{"data"}, nil, Limits{Memory: pm})
				if err != nil {
					done <- err
					return
				}
				if err := c.Mem().WriteU64(abi.DataBase+2*pageSize+8, uint64(g*100+i)); err != nil {
					done <- err
					return
				}
				d := c.Fork()
				if err := d.Mem().WriteU64(abi.DataBase+3*pageSize, 1); err != nil {
					done <- err
					return
				}
				if v, _ := d.Mem().ReadU64(abi.DataBase + 2*pageSize + 8); v != uint64(g*100+i) {
					done <- fmt.Errorf("the child reads %d, its parent wrote %d", v, g*100+i)
					return
				}
				d.Release()
				c.Release()
			}
			if pm.InUse() != 0 {
				done <- fmt.Errorf("%d bytes in use after every release", pm.InUse())
				return
			}
			done <- nil
		}()
	}
	for range 4 {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
	c, err := NewContext(p, []string{"data"}, nil, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := c.Mem().ReadU64(abi.DataBase + 2*pageSize + 8); v != 0x0202020202020202 {
		t.Errorf("a new process reads %#x from the image", v)
	}
}
