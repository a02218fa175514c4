package vm

import (
	"reflect"
	"testing"

	"osplay/kernel/abi"
	"osplay/kernel/msg"
)

// threadProgram is tinyProgram with a thread function: worker(x) carves a
// frame of frame bytes off its stack and calls _exit(x).
func threadProgram(frame int64) *Program {
	p := tinyProgram()
	worker := &Func{Name: "worker", NParams: 1, NSlots: 1, MaxStack: 2, Code: []Instr{
		{Op: ENTER, B: frame}, {Op: LOCAL, A: 0}, {Op: SYSCALL, A: int32(abi.SysExit), B: 1},
	}}
	worker.Lines = make([]int32, len(worker.Code))
	p.Funcs = append(p.Funcs, worker)
	return p
}

func TestNewThread(t *testing.T) {
	const low, high = abi.StackTop - 16<<20, abi.StackTop - 16<<20 + 64<<10
	for _, c := range []struct {
		name  string
		frame int64
		want  Stop
	}{
		{"runs on its own stack", 64, Stop{Kind: StopSyscall, Sys: abi.SysExit}},
		{"overflows into the guard", 128 << 10, Stop{Kind: StopFault, Signal: abi.SIGSEGV, Msg: msg.New(msg.FaultStack)}},
	} {
		t.Run(c.name, func(t *testing.T) {
			main, err := NewContext(threadProgram(c.frame), []string{"tiny"}, nil, Limits{})
			if err != nil {
				t.Fatal(err)
			}
			if err := main.Mem().MapStack("thread 3 stack", low, high); err != nil {
				t.Fatal(err)
			}
			th, err := main.NewThread(FuncAddr(2), []uint64{42}, low, high)
			if err != nil {
				t.Fatal(err)
			}
			if th.Mem() != main.Mem() {
				t.Fatal("the thread has an address space of its own")
			}
			_, stop := th.Run(100)
			if !reflect.DeepEqual(stop, c.want) {
				t.Fatalf("stop %+v, want %+v", stop, c.want)
			}
			if stop.Kind == StopSyscall {
				if args := th.SyscallArgs(); len(args) != 1 || args[0] != 42 {
					t.Errorf("args %v, want [42]", args)
				}
				if sp := th.Registers().SP; sp < low || sp >= high {
					t.Errorf("SP 0x%x outside the thread's stack", sp)
				}
			}
		})
	}
}

func TestMapStackAndUnmap(t *testing.T) {
	c, err := NewContext(tinyProgram(), []string{"tiny"}, nil, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	a := c.Mem()
	const low, high = abi.StackTop - 16<<20, abi.StackTop - 15<<20
	if err := a.MapStack("thread stack", low, high); err != nil {
		t.Fatal(err)
	}
	if err := a.MapStack("again", low+4096, high+4096); err == nil {
		t.Error("an overlapping stack was mapped")
	}
	before, frames := a.ResidentBytes(), a.phys.InUse()
	if err := a.WriteU64(high-8, 7); err != nil {
		t.Fatal(err)
	}
	if err := a.WriteU64(low-8, 7); err == nil {
		t.Error("the guard page below the stack was writable")
	}
	a.Unmap(low)
	if a.ResidentBytes() != before || a.phys.InUse() != frames {
		t.Errorf("resident %d, frames %d after unmap; want %d, %d", a.ResidentBytes(), a.phys.InUse(), before, frames)
	}
	if _, err := a.ReadU64(high - 8); err == nil {
		t.Error("the stack was readable after unmap")
	}
	if a.Sbrk(4096); a.regions[a.heap].name != "heap" {
		t.Error("the heap index was lost")
	}
}

// TestThreadStackCountsAgainstTheLimit touches a thread's stack past the
// memory limit: it faults as the main stack does, so threads cannot take
// more memory than their process may.
func TestThreadStackCountsAgainstTheLimit(t *testing.T) {
	c, err := NewContext(tinyProgram(), []string{"tiny"}, nil, Limits{MemBytes: 64 << 10})
	if err != nil {
		t.Fatal(err)
	}
	a := c.Mem()
	const low, high = abi.StackTop - 16<<20, abi.StackTop - 15<<20
	if err := a.MapStack("thread stack", low, high); err != nil {
		t.Fatal(err)
	}
	var fault error
	for addr := uint64(high - 8); addr >= low && fault == nil; addr -= 4096 {
		fault = a.WriteU64(addr, 1)
	}
	if f, ok := fault.(*Fault); !ok || f.Msg.Code != msg.FaultStackLimit {
		t.Errorf("fault %v, want a stack overflow at the memory limit", fault)
	}
	if a.ResidentBytes() > 64<<10 {
		t.Errorf("resident %d bytes, over the limit", a.ResidentBytes())
	}
}
