package vm

import (
	"encoding/binary"
	"strings"
	"testing"

	"osplay/kernel/abi"
	"osplay/kernel/msg"
)

// FuzzVM runs programs assembled from the fuzzer's bytes. The interpreter
// trusts the compiler for the shape of the code (stack depths, slot
// numbers, jump targets), so the programs are well formed: each function
// is a list of statements that leave the operand stack as they found it,
// and jumps land on statement boundaries. Everything else comes from the
// bytes: opcodes, operands, addresses, sizes, call targets, system calls.
// Whatever the program does, the answer is a Stop the kernel can handle
// (any fault is fine), within the budget; never a Go panic, which the
// dispatch loop reports as an "internal VM error".
func FuzzVM(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte{1, 0, 0, 3, 4, 1, 2, 0, 9, 9, 200, 0, 5})
	f.Add([]byte("loops, calls and stores: the quick brown fox jumps over the lazy dog"))
	f.Add([]byte{2, 1, 10, 0, 1, 2, 3, 10, 1, 0, 7, 7, 6, 0, 1, 8, 1, 3, 12, 5, 1, 0, 16, 2, 1, 8})
	f.Add([]byte{0, 0, 14, 4, 2, 8, 17, 9, 255, 255, 255, 255, 255, 255, 255, 127, 4, 0, 0, 0})
	f.Fuzz(func(t *testing.T, data []byte) {
		p := assemble(data)
		c, err := NewContext(p, []string{"fuzz", "a"}, []string{"X=1"},
			Limits{MemBytes: 1 << 20, StackBytes: 64 << 10, CallDepth: 200})
		if err != nil {
			t.Fatalf("a program of one page: %v", err)
		}
		defer c.Release()
		for run := 0; run < 50; run++ {
			_, stop := c.Run(2000)
			switch stop.Kind {
			case StopFault:
				if stop.Msg.Code == msg.FaultInternal {
					t.Fatalf("%s\n%s", stop.Msg, disassembleAll(p))
				}
				return
			case StopOutOfMemory:
				t.Fatalf("out of memory with a memory of its own: %+v", stop)
			case StopSyscall:
				if stop.Sys == abi.SysExit {
					return
				}
				if stop.Sys == abi.SysFork {
					// The child runs a little on its own copy of memory.
					child := c.Fork()
					child.Return(0)
					if _, s := child.Run(500); s.Kind == StopFault && s.Msg.Code == msg.FaultInternal {
						t.Fatalf("child: %s\n%s", s.Msg, disassembleAll(p))
					}
					child.Release()
				}
				args := c.SyscallArgs()
				var v uint64
				if len(args) > 0 {
					v = args[0]
				}
				c.Return(v)
			}
		}
	})
}

func disassembleAll(p *Program) string {
	var b strings.Builder
	for _, f := range p.Funcs {
		b.WriteString(f.Disassemble())
	}
	return b.String()
}

// fuzzBytes hands out the fuzzer's bytes, then zeros.
type fuzzBytes []byte

func (b *fuzzBytes) byte() byte {
	if len(*b) == 0 {
		return 0
	}
	v := (*b)[0]
	*b = (*b)[1:]
	return v
}

func (b *fuzzBytes) int64() int64 {
	var buf [8]byte
	n := copy(buf[:], *b)
	*b = (*b)[n:]
	return int64(binary.LittleEndian.Uint64(buf[:]))
}

// small is a number of at most 8 bits, now and then any 64-bit value.
func (b *fuzzBytes) small() int64 {
	v := b.byte()
	if v == 255 {
		return b.int64()
	}
	return int64(v)
}

// Memory the assembled programs see, besides their stack.
const (
	fuzzRodata = abi.DataBase
	fuzzData   = abi.DataBase + 0x1000
	fuzzBSS    = abi.DataBase + 0x2000
	fuzzEnd    = abi.DataBase + 0x3000
)

var (
	fuzzBinary = []Op{ADD, SUB, MUL, DIVS, DIVU, REMS, REMU, AND, OR, XOR, SHL, SHRS, SHRU,
		EQ, NE, LTS, LTU, LES, LEU, GTS, GTU, GES, GEU, FADD, FSUB, FMUL, FDIV, FEQ, FNE, FLT, FLE, FGT, FGE,
		F32ADD, F32SUB, F32MUL, F32DIV, F32EQ, F32NE, F32LT, F32LE, F32GT, F32GE, ADD32, SUB32}
	fuzzUnary = []Op{NEG, NOT, LNOT, BOOL, SEXT8, SEXT16, SEXT32, ZEXT8, ZEXT16, ZEXT32, FNEG, F32NEG,
		I2D, U2D, D2I, D2U, I2F, U2F, F2I, F2U, F2D, D2F, ADDI, MULI, ADDI32, NOP}
	fuzzLoads   = []Op{LDI8, LDU8, LDI16, LDU16, LDI32, LDU32, LD64}
	fuzzStores  = []Op{ST8, ST16, ST32, ST64, STK8, STK16, STK32, STK64}
	fuzzBranch2 = []Op{JEQ, JNE, JLTS, JLES, JGTS, JGES, JLTU, JLEU, JGTU, JGEU}
	fuzzBranchK = []Op{JEQLK, JNELK, JLTSLK, JLESLK, JGTSLK, JGESLK, JLTULK, JLEULK, JGTULK, JGEULK}
)

// assemble makes a program of one to four functions from data. Function 0
// is the entry, called as __libc_start(argc, argv, envp, main).
func assemble(data []byte) *Program {
	b := fuzzBytes(data)
	nfuncs := 1 + int(b.byte()%4)
	funcs := make([]*Func, nfuncs)
	for i := range funcs {
		f := &Func{Name: "f", NParams: int(b.byte() % 4), Variadic: b.byte()%4 == 0, Lib: b.byte()%8 == 0}
		if i == 0 {
			f.NParams = 4
		}
		f.NSlots = f.NParams + 1 + int(b.byte()%4)
		f.MaxStack = 8
		funcs[i] = f
	}
	for _, f := range funcs {
		assembleFunc(f, funcs, &b)
	}
	rodata := []byte("rodata\x00")
	return &Program{Name: "fuzz", Funcs: funcs, Entry: 0, Main: 0, End: fuzzEnd,
		Segments: []Image{
			{Name: "rodata", Addr: fuzzRodata, Size: uint64(len(rodata)), Bytes: rodata, ReadOnly: true},
			{Name: "data", Addr: fuzzData, Size: 16, Bytes: []byte("0123456789abcdef")},
			{Name: "bss", Addr: fuzzBSS, Size: 0x1000},
		}}
}

// assembleFunc writes f's code: ENTER, statements, and a return. Jump
// targets are statement numbers until the end, then become indices.
func assembleFunc(f *Func, funcs []*Func, b *fuzzBytes) {
	frame := int64(b.byte()) * 16
	if b.byte() == 255 {
		frame = b.int64()
	}
	code := []Instr{{Op: ENTER, A: int32(f.NSlots), B: frame}}
	var starts []int // index of each statement's first instruction
	slot := func() int32 { return int32(b.byte()) % int32(f.NSlots) }
	emit := func(in ...Instr) { code = append(code, in...) }
	// addr pushes an address: in the frame, the static data, the heap or
	// the stack's guard, a local's value, or any number at all.
	addr := func() {
		switch b.byte() % 6 {
		case 0:
			emit(Instr{Op: FRAMEADDR, B: b.small()})
		case 1:
			emit(Instr{Op: CONST, B: fuzzRodata + b.small()})
		case 2:
			emit(Instr{Op: CONST, B: fuzzData + b.small()})
		case 3:
			emit(Instr{Op: CONST, B: fuzzBSS + b.small()*8})
		case 4:
			emit(Instr{Op: LOCAL, A: slot()})
		default:
			emit(Instr{Op: CONST, B: b.int64()})
		}
	}
	target := func() int32 { return int32(b.byte()) } // a statement number, patched below
	const nstatements = 24
	var jumps []int
	for len(starts) < nstatements && len(*b) > 0 {
		starts = append(starts, len(code))
		switch op := b.byte() % 20; op {
		case 0:
			emit(Instr{Op: CONST, B: b.small()}, Instr{Op: CONST, B: b.small()})
			o := fuzzBinary[int(b.byte())%len(fuzzBinary)]
			emit(Instr{Op: o, A: []int32{32, 64}[b.byte()%2]}, Instr{Op: SETLOCAL, A: slot()})
		case 1:
			k := slot()
			emit(Instr{Op: LOCAL, A: k}, Instr{Op: LOCAL, A: slot()})
			emit(Instr{Op: fuzzBinary[int(b.byte())%len(fuzzBinary)], A: 64}, Instr{Op: SETLOCAL, A: k})
		case 2:
			k := slot()
			emit(Instr{Op: LOCAL, A: k}, Instr{Op: fuzzUnary[int(b.byte())%len(fuzzUnary)], B: b.small()},
				Instr{Op: SETLOCAL, A: k})
		case 3:
			addr()
			emit(Instr{Op: fuzzLoads[int(b.byte())%len(fuzzLoads)]}, Instr{Op: SETLOCAL, A: slot()})
		case 4:
			addr()
			emit(Instr{Op: LOCAL, A: slot()})
			o := fuzzStores[int(b.byte())%len(fuzzStores)]
			emit(Instr{Op: o})
			if o >= STK8 {
				emit(Instr{Op: POP})
			}
		case 5:
			addr()
			addr()
			if b.byte()%2 == 0 {
				emit(Instr{Op: MEMCPY, B: b.small()})
			} else {
				emit(Instr{Op: MEMCPYK, B: b.small()}, Instr{Op: POP})
			}
		case 6:
			addr()
			emit(Instr{Op: MEMZERO, B: b.small()})
		case 7:
			jumps = append(jumps, len(code)+2)
			emit(Instr{Op: LOCAL, A: slot()}, Instr{Op: LOCAL, A: slot()},
				Instr{Op: fuzzBranch2[int(b.byte())%len(fuzzBranch2)], A: target()})
		case 8:
			jumps = append(jumps, len(code))
			k, v := int64(slot()), int64(int8(b.byte()))
			emit(Instr{Op: fuzzBranchK[int(b.byte())%len(fuzzBranchK)], A: target(), B: k | v<<32})
		case 9:
			jumps = append(jumps, len(code)+1)
			emit(Instr{Op: LOCAL, A: slot()}, Instr{Op: []Op{JZ, JNZ}[b.byte()%2], A: target()})
		case 10:
			jumps = append(jumps, len(code))
			emit(Instr{Op: JMP, A: target()})
		case 11:
			sw := Switch{Default: target()}
			for v, n := int64(0), b.byte()%4; n > 0; n-- { // values ascending, as sort.Search needs
				v += int64(b.byte()%3 + 1)
				sw.Values = append(sw.Values, v)
				sw.Targets = append(sw.Targets, target())
			}
			emit(Instr{Op: LOCAL, A: slot()}, Instr{Op: SWITCH, A: int32(len(f.Switches))})
			f.Switches = append(f.Switches, sw)
		case 12:
			callee := int(b.byte()) % len(funcs)
			n := funcs[callee].NParams + int(b.byte()%2)
			for range n {
				emit(Instr{Op: LOCAL, A: slot()})
			}
			emit(Instr{Op: CALL, A: int32(callee), B: int64(n)}, Instr{Op: SETLOCAL, A: slot()})
		case 13:
			n := int(b.byte() % 4)
			for range n {
				emit(Instr{Op: LOCAL, A: slot()})
			}
			if b.byte()%4 == 0 {
				emit(Instr{Op: CONST, B: b.int64()})
			} else {
				emit(Instr{Op: CONST, B: int64(FuncAddr(int(b.byte()) % (len(funcs) + 1)))})
			}
			emit(Instr{Op: CALLI, B: int64(n)}, Instr{Op: SETLOCAL, A: slot()})
		case 14:
			emit(Instr{Op: CONST, B: b.small()}, Instr{Op: ALLOCA}, Instr{Op: SETLOCAL, A: slot()})
		case 15:
			n := int(b.byte() % 4)
			for range n {
				emit(Instr{Op: LOCAL, A: slot()})
			}
			sys := []abi.Sys{abi.SysFork, abi.SysExit, abi.Sys(b.byte())}[b.byte()%3]
			emit(Instr{Op: SYSCALL, A: int32(sys), B: int64(n)}, Instr{Op: SETLOCAL, A: slot()})
		case 16:
			size := []int32{1, 2, 4, 8}[b.byte()%4]
			width := 1 + int32(b.byte())%(size*8)
			off := int32(b.byte()) % (size*8 - width + 1)
			a := off | width<<8 | size<<16 | int32(b.byte()%2)<<24
			addr()
			if b.byte()%2 == 0 {
				emit(Instr{Op: BFLD, A: a}, Instr{Op: SETLOCAL, A: slot()})
			} else {
				emit(Instr{Op: LOCAL, A: slot()}, Instr{Op: BFST, A: a | 1<<25}, Instr{Op: SETLOCAL, A: slot()})
			}
		case 17:
			emit(Instr{Op: LOCALADDI32, A: slot(), B: b.small()}, Instr{Op: LOCAL2, A: slot(), B: int64(slot())},
				Instr{Op: SWAP}, Instr{Op: DUP}, Instr{Op: POP}, Instr{Op: SUB}, Instr{Op: ADD}, Instr{Op: TEELOCAL, A: slot()},
				Instr{Op: POP}, Instr{Op: ADDLOCAL, A: slot(), B: b.small()}, Instr{Op: VASTART}, Instr{Op: SETLOCAL, A: slot()})
		case 18:
			if b.byte()%2 == 0 {
				emit(Instr{Op: RETL, A: slot()})
			} else {
				emit(Instr{Op: LOCAL, A: slot()}, Instr{Op: RET})
			}
		default:
			emit(Instr{Op: TRAP, A: int32(b.byte() % 32)})
		}
	}
	starts = append(starts, len(code))
	emit(Instr{Op: LOCAL, A: 0}, Instr{Op: RET})
	patch := func(t int32) int32 { return int32(starts[int(t)%len(starts)]) }
	for _, i := range jumps {
		code[i].A = patch(code[i].A)
	}
	for i := range f.Switches {
		sw := &f.Switches[i]
		sw.Default = patch(sw.Default)
		for j := range sw.Targets {
			sw.Targets[j] = patch(sw.Targets[j])
		}
	}
	f.Code = code
	f.Lines = make([]int32, len(code))
}
