package vm

import (
	"testing"

	"osplay/kernel/abi"
)

// tinyProgram is a hand-assembled program: __libc_start calls main, which
// returns 7 through a SYSCALL to _exit.
func tinyProgram() *Program {
	start := &Func{Name: "__libc_start", Lib: true, NParams: 4, NSlots: 4, MaxStack: 4, Code: []Instr{
		{Op: ENTER, A: 4}, {Op: LOCAL, A: 0}, {Op: LOCAL, A: 1}, {Op: LOCAL, A: 2}, {Op: LOCAL, A: 3},
		{Op: CALLI, B: 3}, {Op: SYSCALL, A: int32(abi.SysExit), B: 1}, {Op: TRAP, A: abi.SIGILL},
	}}
	main := &Func{Name: "main", NSlots: 3, MaxStack: 4, Code: []Instr{
		{Op: ENTER, A: 3}, {Op: CONST, B: 3}, {Op: CONST, B: 4}, {Op: ADD}, {Op: RET},
	}}
	for _, f := range []*Func{start, main} {
		f.Lines = make([]int32, len(f.Code))
	}
	return &Program{Name: "tiny", Funcs: []*Func{start, main}, Entry: 0, Main: 1, End: abi.DataBase + 4,
		Segments: []Image{{Name: "rodata", Addr: abi.DataBase, Size: 4, Bytes: []byte("abc\x00"), ReadOnly: true}}}
}

func TestRunToSyscall(t *testing.T) {
	c, err := NewContext(tinyProgram(), []string{"tiny", "x"}, []string{"A=1"}, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	_, stop := c.Run(1000)
	if stop.Kind != StopSyscall || stop.Sys != abi.SysExit {
		t.Fatalf("stop %+v", stop)
	}
	if got := c.SyscallArgs(); len(got) != 1 || got[0] != 7 {
		t.Fatalf("args %v", got)
	}
}

func TestForkCopyOnWrite(t *testing.T) {
	c, err := NewContext(tinyProgram(), []string{"tiny"}, nil, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	heap, err := c.Mem().Sbrk(8192)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Mem().WriteU64(heap, 1); err != nil {
		t.Fatal(err)
	}
	d := c.Fork()
	if err := d.Mem().WriteU64(heap, 2); err != nil {
		t.Fatal(err)
	}
	if err := c.Mem().WriteU64(heap+8, 3); err != nil {
		t.Fatal(err)
	}
	pv, _ := c.Mem().ReadU64(heap)
	cv, _ := d.Mem().ReadU64(heap)
	c8, _ := d.Mem().ReadU64(heap + 8)
	if pv != 1 || cv != 2 || c8 != 0 {
		t.Fatalf("parent %d child %d child+8 %d: pages shared after a write", pv, cv, c8)
	}
}

func TestMemoryFaults(t *testing.T) {
	c, err := NewContext(tinyProgram(), []string{"tiny"}, nil, Limits{MemBytes: 1 << 20})
	if err != nil {
		t.Fatal(err)
	}
	m := c.Mem()
	cases := []struct {
		name string
		err  error
	}{
		{"null read", m.Read(8, make([]byte, 1))},
		{"rodata write", m.Write(abi.DataBase, []byte{1})},
		{"text write", m.Write(abi.TextBase, []byte{1})},
		{"unmapped", m.Read(0x500000000, make([]byte, 1))},
	}
	for _, tc := range cases {
		if _, ok := tc.err.(*Fault); !ok {
			t.Errorf("%s: got %v, want a fault", tc.name, tc.err)
		}
	}
	if _, err := m.Sbrk(DefaultVirtualBytes); err == nil {
		t.Error("sbrk past the virtual size limit succeeded")
	}
	s, err := m.ReadCString(abi.DataBase, 10)
	if err != nil || s != "abc" {
		t.Errorf("ReadCString = %q, %v", s, err)
	}
}

// TestLazyCommit reserves far more heap than the memory limit and
// touches a little of it: sbrk succeeds, and only the pages touched count
// (resident, committed, frames); touching past the limit faults with
// OverLimit and maps nothing; sbrk past the virtual size fails.
func TestLazyCommit(t *testing.T) {
	pm := NewPhysicalMemory(0)
	const limit = 4 << 20
	c, err := NewContext(tinyProgram(), []string{"tiny"}, nil, Limits{MemBytes: limit, VirtualBytes: 256 << 20, Memory: pm})
	if err != nil {
		t.Fatal(err)
	}
	a := c.Mem()
	base, frames := a.ResidentBytes(), pm.InUse()
	heap, err := a.Sbrk(100_000_000)
	if err != nil {
		t.Fatalf("sbrk of 100 MB under a 4 MiB limit: %v", err)
	}
	if a.ResidentBytes() != base || pm.InUse() != frames {
		t.Fatalf("sbrk alone: resident %d, frames %d; want %d, %d", a.ResidentBytes(), pm.InUse(), base, frames)
	}
	if a.VirtualBytes() < 100_000_000 {
		t.Errorf("virtual size %d, want at least the heap", a.VirtualBytes())
	}
	for off := uint64(0); off < 1<<20; off += pageSize {
		if err := a.WriteU64(heap+off, off); err != nil {
			t.Fatal(err)
		}
	}
	if got := a.Committed() - base; got != 1<<20 {
		t.Errorf("touching 1 MiB of 100 MB committed %d bytes", got)
	}
	if pm.InUse()-frames != 1<<20 {
		t.Errorf("touching 1 MiB took %d bytes of frames", pm.InUse()-frames)
	}
	var fault error
	off := uint64(1 << 20)
	for ; off < 100_000_000 && fault == nil; off += pageSize {
		fault = a.WriteU64(heap+off, 1)
	}
	f, ok := fault.(*Fault)
	if !ok || !f.OverLimit || f.Msg.String() != "out of memory (memory limit)" {
		t.Fatalf("fault %v touching the heap past the limit, want OverLimit", fault)
	}
	if a.ResidentBytes() > limit || a.ResidentBytes()+pageSize <= limit {
		t.Errorf("resident %d at the fault, want within a page under %d", a.ResidentBytes(), limit)
	}
	if _, err := a.Sbrk(200 << 20); err == nil {
		t.Error("sbrk past the virtual size succeeded")
	}
	if _, err := a.Sbrk(-100_000_000); err != nil {
		t.Fatal(err)
	}
	if a.ResidentBytes() != base || pm.InUse() != frames {
		t.Errorf("after giving the heap back: resident %d, frames %d; want %d, %d", a.ResidentBytes(), pm.InUse(), base, frames)
	}
}

// BenchmarkForkRelease measures the VM side of fork: copy-on-write clone
// of a small process and its release.
func BenchmarkForkRelease(b *testing.B) {
	c, err := NewContext(tinyProgram(), []string{"tiny"}, nil, Limits{})
	if err != nil {
		b.Fatal(err)
	}
	for i := 0; i < b.N; i++ {
		d := c.Fork()
		d.Release()
	}
}
