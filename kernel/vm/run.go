package vm

import (
	"encoding/binary"
	"fmt"
	"math"
	"sort"

	"osplay/kernel/abi"
	"osplay/kernel/msg"
)

// Run executes until budget ticks are charged, a system call, or a fault.
// User code is charged one tick per instruction; a call from user code into
// library code is charged the library-call cost and the library runs
// uncharged (it may still stop at a system call inside it). Library code
// also stops every LibSlice instructions (StopInstructions), so that no
// call of Run lasts long on the host whatever the budget.
//
// This is the VM's dispatch loop: one switch over opcodes, hot state in
// locals. It is long on purpose.
func (c *Context) Run(budget int64) (ticks int64, stop Stop) {
	if c.pendingArgs >= 0 {
		// A system call is still being served: the kernel must Return first.
		return 0, Stop{Kind: StopSyscall, Sys: abi.Sys(c.fn.Code[c.pc-1].A)}
	}
	fn := c.fn
	ex := fn.exec()
	xs := ex.x
	frames := c.frames
	pc := c.pc
	vals := c.vals
	sp := c.sp
	base := c.base
	mem := c.mem
	lib := fn.Lib
	var executed int64 // library instructions; user instructions are counted by ticks
	var charges int64  // ticks charged for library calls, not instructions
	var fl *Fault      // a memory fault to report at exit
	// Library code stops when the context's library instructions reach the
	// next multiple of LibSlice.
	libLeft := LibSlice - c.libInstructions%LibSlice
	// left counts down what the current code may still run: in user code
	// the ticks of the budget, in library code the instructions to the
	// next StopInstructions. ticks and executed are brought up to date
	// from it when the code changes between the two, and at the end.
	left := budget
	if lib {
		left = libLeft
	}
	var slow xop     // an instruction of Code, run in place of a fused one
	var fi int       // the function CALL, CALLI and the fused calls call: its index,
	var callee *Func // the function,
	var cx *execForm // its executable form,
	var nargs int    // and its argument slots
	var rv uint64    // the value RET returns
	calls := c.prog.callTable()

	// No closure may capture the hot locals above: that would keep them in
	// memory instead of registers. Exits go through the labels at the end.
	defer func() {
		if r := recover(); r != nil {
			// An internal error must never take the server down: it becomes a
			// fault of this process, with the reason.
			ticks = 0
			stop = Stop{Kind: StopFault, Signal: abi.SIGILL, Msg: msg.New(msg.FaultInternal, msg.Name("err", fmt.Sprint(r)))}
		}
	}()

	for {
		if left <= 0 {
			stop = Stop{Kind: StopBudget}
			if lib {
				stop = Stop{Kind: StopInstructions}
			}
			goto out
		}
		left--
		in := &xs[pc]
		pc++
		if int64(in.W)-1 > left {
			// A fused instruction runs only if all its instructions fit.
			goto unfuse
		}
	dispatch:
		switch in.Op {
		case NOP:
		case CONST:
			vals[sp] = uint64(in.B)
			sp++
		case POP:
			sp--
		case DUP:
			vals[sp] = vals[sp-1]
			sp++
		case SWAP:
			vals[sp-1], vals[sp-2] = vals[sp-2], vals[sp-1]
		case LOCAL:
			vals[sp] = vals[base+int(in.A)]
			sp++
		case SETLOCAL:
			sp--
			vals[base+int(in.A)] = vals[sp]
		case TEELOCAL:
			vals[base+int(in.A)] = vals[sp-1]
		case FRAMEADDR:
			vals[sp] = c.fp + uint64(in.B)
			sp++
		case ADDLOCAL:
			vals[base+int(in.A)] += uint64(in.B)

		case LDI8, LDU8, LDI16, LDU16, LDI32, LDU32, LD64:
			addr := vals[sp-1]
			var v uint64
			if e := &mem.rtlb[addr>>pageShift%tlbSize]; e.vpn == addr>>pageShift && addr&pageMask <= pageSize-8 {
				v = binary.LittleEndian.Uint64(e.data[addr&pageMask:])
			} else {
				var f *Fault
				if v, f = mem.load(addr, loadSize[in.Op]); f != nil {
					fl = f
					goto memFault
				}
			}
			vals[sp-1] = narrow(in.Op, v)
		case ST8, ST16, ST32, ST64, STK8, STK16, STK32, STK64:
			if f := mem.store(vals[sp-2], storeSize[in.Op], vals[sp-1]); f != nil {
				fl = f
				goto memFault
			}
			if in.Op >= STK8 {
				vals[sp-2] = vals[sp-1]
				sp--
			} else {
				sp -= 2
			}
		case MEMCPY, MEMCPYK:
			if f := mem.copyBytes(vals[sp-2], vals[sp-1], in.B); f != nil {
				fl = f
				goto memFault
			}
			if in.Op == MEMCPYK {
				sp--
			} else {
				sp -= 2
			}
		case MEMZERO:
			if f := mem.zero(vals[sp-1], in.B); f != nil {
				fl = f
				goto memFault
			}
			sp--

		case ADD:
			sp--
			vals[sp-1] += vals[sp]
		case ADDI:
			vals[sp-1] += uint64(in.B)
		case SUB:
			sp--
			vals[sp-1] -= vals[sp]
		case MUL:
			sp--
			vals[sp-1] *= vals[sp]
		case MULI:
			vals[sp-1] *= uint64(in.B)
		case DIVS, REMS:
			sp--
			a, b := int64(vals[sp-1]), int64(vals[sp])
			if b == 0 {
				stop = Stop{Kind: StopFault, Signal: abi.SIGFPE, Msg: msg.New(msg.FaultDivZero)}
				goto fault
			}
			if b == -1 && ((in.A == 32 && a == math.MinInt32) || (in.A == 64 && a == math.MinInt64)) {
				stop = Stop{Kind: StopFault, Signal: abi.SIGFPE, Msg: msg.New(msg.FaultDivOverflow)}
				goto fault
			}
			if in.Op == DIVS {
				vals[sp-1] = uint64(a / b)
			} else {
				vals[sp-1] = uint64(a % b)
			}
		case DIVU, REMU:
			sp--
			a, b := vals[sp-1], vals[sp]
			if b == 0 {
				stop = Stop{Kind: StopFault, Signal: abi.SIGFPE, Msg: msg.New(msg.FaultDivZero)}
				goto fault
			}
			if in.Op == DIVU {
				vals[sp-1] = a / b
			} else {
				vals[sp-1] = a % b
			}
		case AND:
			sp--
			vals[sp-1] &= vals[sp]
		case OR:
			sp--
			vals[sp-1] |= vals[sp]
		case XOR:
			sp--
			vals[sp-1] ^= vals[sp]
		case SHL:
			sp--
			vals[sp-1] <<= vals[sp] & 63
		case SHRS:
			sp--
			vals[sp-1] = uint64(int64(vals[sp-1]) >> (vals[sp] & 63))
		case SHRU:
			sp--
			vals[sp-1] >>= vals[sp] & 63
		case NEG:
			vals[sp-1] = -vals[sp-1]
		case NOT:
			vals[sp-1] = ^vals[sp-1]
		case LNOT:
			vals[sp-1] = b2u(vals[sp-1] == 0)
		case BOOL:
			vals[sp-1] = b2u(vals[sp-1] != 0)
		case EQ:
			sp--
			vals[sp-1] = b2u(vals[sp-1] == vals[sp])
		case NE:
			sp--
			vals[sp-1] = b2u(vals[sp-1] != vals[sp])
		case LTS:
			sp--
			vals[sp-1] = b2u(int64(vals[sp-1]) < int64(vals[sp]))
		case LTU:
			sp--
			vals[sp-1] = b2u(vals[sp-1] < vals[sp])
		case LES:
			sp--
			vals[sp-1] = b2u(int64(vals[sp-1]) <= int64(vals[sp]))
		case LEU:
			sp--
			vals[sp-1] = b2u(vals[sp-1] <= vals[sp])
		case GTS:
			sp--
			vals[sp-1] = b2u(int64(vals[sp-1]) > int64(vals[sp]))
		case GTU:
			sp--
			vals[sp-1] = b2u(vals[sp-1] > vals[sp])
		case GES:
			sp--
			vals[sp-1] = b2u(int64(vals[sp-1]) >= int64(vals[sp]))
		case GEU:
			sp--
			vals[sp-1] = b2u(vals[sp-1] >= vals[sp])
		case SEXT8:
			vals[sp-1] = uint64(int64(int8(vals[sp-1])))
		case SEXT16:
			vals[sp-1] = uint64(int64(int16(vals[sp-1])))
		case SEXT32:
			vals[sp-1] = uint64(int64(int32(vals[sp-1])))
		case ZEXT8:
			vals[sp-1] = uint64(uint8(vals[sp-1]))
		case ZEXT16:
			vals[sp-1] = uint64(uint16(vals[sp-1]))
		case ZEXT32:
			vals[sp-1] = uint64(uint32(vals[sp-1]))

		case FADD, FSUB, FMUL, FDIV, FEQ, FNE, FLT, FLE, FGT, FGE:
			sp--
			a, b := math.Float64frombits(vals[sp-1]), math.Float64frombits(vals[sp])
			vals[sp-1] = floatOp(in.Op, a, b)
		case FNEG:
			vals[sp-1] ^= 1 << 63
		case F32ADD, F32SUB, F32MUL, F32DIV, F32EQ, F32NE, F32LT, F32LE, F32GT, F32GE:
			sp--
			a, b := math.Float32frombits(uint32(vals[sp-1])), math.Float32frombits(uint32(vals[sp]))
			vals[sp-1] = float32Op(in.Op, a, b)
		case F32NEG:
			vals[sp-1] = uint64(uint32(vals[sp-1]) ^ 1<<31)
		case I2D:
			vals[sp-1] = math.Float64bits(float64(int64(vals[sp-1])))
		case U2D:
			vals[sp-1] = math.Float64bits(float64(vals[sp-1]))
		case D2I:
			vals[sp-1] = uint64(f2i(math.Float64frombits(vals[sp-1])))
		case D2U:
			vals[sp-1] = f2u(math.Float64frombits(vals[sp-1]))
		case I2F:
			vals[sp-1] = uint64(math.Float32bits(float32(int64(vals[sp-1]))))
		case U2F:
			vals[sp-1] = uint64(math.Float32bits(float32(vals[sp-1])))
		case F2I:
			vals[sp-1] = uint64(f2i(float64(math.Float32frombits(uint32(vals[sp-1])))))
		case F2U:
			vals[sp-1] = f2u(float64(math.Float32frombits(uint32(vals[sp-1]))))
		case F2D:
			vals[sp-1] = math.Float64bits(float64(math.Float32frombits(uint32(vals[sp-1]))))
		case D2F:
			vals[sp-1] = uint64(math.Float32bits(float32(math.Float64frombits(vals[sp-1]))))

		case ADD32:
			sp--
			vals[sp-1] = uint64(int64(int32(vals[sp-1] + vals[sp])))
		case SUB32:
			sp--
			vals[sp-1] = uint64(int64(int32(vals[sp-1] - vals[sp])))
		case ADDI32:
			vals[sp-1] = uint64(int64(int32(vals[sp-1] + uint64(in.B))))
		case JEQ, JNE, JLTS, JLES, JGTS, JGES, JLTU, JLEU, JGTU, JGEU:
			sp -= 2
			if holds(in.Op, vals[sp], vals[sp+1]) {
				pc = int(in.A)
			}
		case JEQLK, JNELK, JLTSLK, JLESLK, JGTSLK, JGESLK, JLTULK, JLEULK, JGTULK, JGEULK:
			// B holds the slot in its low half and the constant, sign-extended, above.
			if holds(in.Op-(JEQLK-JEQ), vals[base+int(int32(in.B))], uint64(in.B>>32)) {
				pc = int(in.A)
			}
		case LOCALADDI32:
			vals[sp] = uint64(int64(int32(vals[base+int(in.A)] + uint64(in.B))))
			sp++
		case LOCAL2:
			vals[sp] = vals[base+int(in.A)]
			vals[sp+1] = vals[base+int(in.B)]
			sp += 2
		case BFLD:
			off, width, size, signed := bitField(in.A)
			v, f := mem.load(vals[sp-1], size)
			if f != nil {
				fl = f
				goto memFault
			}
			vals[sp-1] = extractBits(v, off, width, signed)
		case BFST:
			off, width, size, signed := bitField(in.A)
			addr, nv := vals[sp-2], vals[sp-1]
			old, f := mem.load(addr, size)
			if f != nil {
				fl = f
				goto memFault
			}
			mask := uint64(1)<<width - 1
			old = old&^(mask<<off) | (nv&mask)<<off
			if f := mem.store(addr, size, old); f != nil {
				fl = f
				goto memFault
			}
			if in.A&(1<<25) != 0 {
				vals[sp-2] = extractBits(old, off, width, signed)
				sp--
			} else {
				sp -= 2
			}
		case ALLOCA:
			size := (vals[sp-1] + 15) &^ 15
			if size > c.lim.StackBytes || c.msp-size < c.stackLow() {
				stop = Stop{Kind: StopFault, Signal: abi.SIGSEGV, Msg: msg.New(msg.FaultStackVLA)}
				goto fault
			}
			c.msp -= size
			vals[sp-1] = c.msp
		case JMP:
			pc = int(in.A)
		case JZ:
			sp--
			if vals[sp] == 0 {
				pc = int(in.A)
			}
		case JNZ:
			sp--
			if vals[sp] != 0 {
				pc = int(in.A)
			}
		case SWITCH:
			sp--
			sw := &fn.Switches[in.A]
			v := int64(vals[sp])
			i := sort.Search(len(sw.Values), func(i int) bool { return sw.Values[i] >= v })
			if i < len(sw.Values) && sw.Values[i] == v {
				pc = int(sw.Targets[i])
			} else {
				pc = int(sw.Default)
			}

		case CALL:
			fi, nargs = int(in.A), int(in.B)
			goto call
		case CALLI:
			nargs = int(in.B)
			sp--
			if addr := vals[sp]; addr < abi.TextBase || (addr-abi.TextBase)%abi.FuncAlign != 0 || (addr-abi.TextBase)/abi.FuncAlign >= uint64(len(c.prog.Funcs)) {
				stop = Stop{Kind: StopFault, Signal: abi.SIGSEGV, Msg: msg.New(msg.FaultBadFuncPtr, msg.Addr("addr", addr))}
				goto fault
			} else {
				fi = int((addr - abi.TextBase) / abi.FuncAlign)
			}
			goto call
		case ENTER:
			goto enter
		case VASTART:
			vals[sp] = c.va
			sp++
		case RET:
			rv = vals[sp-1]
			goto ret
		case RETL:
			rv = vals[base+int(in.A)]
			goto ret
		case SYSCALL:
			c.pendingArgs = int(in.B)
			stop = Stop{Kind: StopSyscall, Sys: abi.Sys(in.A)}
			goto out
		case TRAP:
			stop = Stop{Kind: StopFault, Signal: int(in.A), Msg: trapMessage(int(in.A))}
			goto fault

		// Fused instructions (fuse.go). Each does the work of in.W
		// instructions of Code, or, when one of them would fault, none:
		// then the instruction of Code runs instead (unfuse).
		case xAddr:
			vals[sp] = uint64(in.B) + c.fp*in.FP + vals[base+int(in.X)]*uint64(in.SX) + vals[base+int(in.Y)]*uint64(in.SY)
			sp++
			pc += int(in.W) - 1
			goto fused
		case xLoad, xLoadSet, xLoadJ:
			addr := uint64(in.B) + c.fp*in.FP + vals[base+int(in.X)]*uint64(in.SX) + vals[base+int(in.Y)]*uint64(in.SY)
			var v uint64
			if e := &mem.rtlb[addr>>pageShift%tlbSize]; e.vpn == addr>>pageShift && addr&pageMask <= pageSize-8 {
				v = binary.LittleEndian.Uint64(e.data[addr&pageMask:])
			} else {
				var f *Fault
				if v, f = mem.load(addr, loadSize[in.L]); f != nil {
					goto unfuse
				}
			}
			v = narrow(in.L, v)
			switch in.Op {
			case xLoad:
				vals[sp] = v
				sp++
			case xLoadSet:
				vals[base+int(in.V)] = v
			default:
				if holds(in.C, v, vals[base+int(in.V)]) {
					pc = int(in.A)
					goto fused
				}
			}
			pc += int(in.W) - 1
			goto fused
		case xStoreL, xStoreK:
			addr := uint64(in.B) + c.fp*in.FP + vals[base+int(in.X)]*uint64(in.SX) + vals[base+int(in.Y)]*uint64(in.SY)
			size := storeSize[in.L]
			if addr&pageMask+uint64(size) > pageSize {
				goto unfuse // a store across pages could fault half done
			}
			v := uint64(in.K)
			if in.Op == xStoreL {
				v = vals[base+int(in.V)]
			}
			if f := mem.store(addr, size, v); f != nil {
				goto unfuse
			}
			pc += int(in.W) - 1
			goto fused
		case xSetInc:
			vals[base+int(in.V)] = uint64(int64(int32(vals[base+int(in.X)] + uint64(in.B))))
			pc += int(in.W) - 1
			goto fused
		case xSetIncJ:
			vals[base+int(in.V)] = uint64(int64(int32(vals[base+int(in.X)] + uint64(in.B))))
			pc = int(in.A)
			goto fused
		case xSetIncLoop:
			vals[base+int(in.V)] = uint64(int64(int32(vals[base+int(in.X)] + uint64(in.B))))
			pc = int(in.T)
			if holds(in.L, vals[base+int(in.SX)], uint64(in.K)) {
				pc = int(in.A)
			}
			goto fused
		case xSetAdd:
			vals[base+int(in.V)] = uint64(int64(int32(vals[base+int(in.X)] + vals[base+int(in.Y)])))
			pc += int(in.W) - 1
			goto fused
		case xSetAddJ:
			vals[base+int(in.V)] = uint64(int64(int32(vals[base+int(in.X)] + vals[base+int(in.Y)])))
			pc = int(in.A)
			goto fused
		case xSetAddLoop:
			vals[base+int(in.V)] = uint64(int64(int32(vals[base+int(in.X)] + vals[base+int(in.Y)])))
			pc = int(in.T)
			if holds(in.L, vals[base+int(in.SX)], uint64(in.K)) {
				pc = int(in.A)
			}
			goto fused
		case xAddLocalJ:
			vals[base+int(in.V)] += uint64(in.B)
			pc = int(in.A)
			goto fused
		case xAddLocalLoop:
			vals[base+int(in.V)] += uint64(in.B)
			pc = int(in.T)
			if holds(in.L, vals[base+int(in.SX)], uint64(in.K)) {
				pc = int(in.A)
			}
			goto fused
		case xJLL:
			pc++
			if holds(in.L, vals[base+int(in.X)], vals[base+int(in.Y)]) {
				pc = int(in.A)
			}
			goto fused
		case xJSL:
			sp--
			pc++
			if holds(in.L, vals[sp], vals[base+int(in.X)]) {
				pc = int(in.A)
			}
			goto fused
		case xMulAdd32Set:
			sp -= 3
			vals[base+int(in.V)] = uint64(int64(int32(vals[sp] + uint64(int64(int32(vals[sp+1]*vals[sp+2]))))))
			pc += 3
			goto fused
		case xConst:
			vals[sp] = uint64(in.B)
			sp++
			pc++
			goto fused
		case xArgCall:
			vals[sp] = uint64(int64(int32(vals[base+int(in.X)] + uint64(in.B))))
			sp++
			pc++ // past the CALL, whose tick is charged here
			left--
			fi, nargs = int(in.A), int(in.T)
			goto call
		case xAdd32Ret:
			sp--
			rv = uint64(int64(int32(vals[sp-1] + vals[sp])))
			left-- // the RET's instruction
			goto ret
		case xBin:
			var a, b uint64
			switch in.T {
			case binStack:
				sp--
				a, b = vals[sp-1], vals[sp]
			case binSlot:
				a, b = vals[sp-1], vals[base+int(in.X)]
			case binConst:
				a, b = vals[sp-1], uint64(in.B)
			default:
				a, b = vals[base+int(in.X)], uint64(in.B)
				sp++
			}
			switch in.L {
			case ADD:
				a += b
			case SUB:
				a -= b
			case MUL:
				a *= b
			case AND:
				a &= b
			case OR:
				a |= b
			case XOR:
				a ^= b
			case SHL:
				a <<= b & 63
			case SHRS:
				a = uint64(int64(a) >> (b & 63))
			case SHRU:
				a >>= b & 63
			case ADD32:
				a = uint64(int64(int32(a + b)))
			case SUB32:
				a = uint64(int64(int32(a - b)))
			case DIVU: // by a constant other than 0
				a /= b
			case REMU:
				a %= b
			case DIVS: // by a constant other than 0 and -1
				a = uint64(int64(a) / int64(b))
			case REMS:
				a = uint64(int64(a) % int64(b))
			}
			if sh := in.SX; sh != 0 {
				if in.SY != 0 {
					a = uint64(int64(a<<sh) >> sh)
				} else {
					a = a << sh >> sh
				}
			}
			if in.V >= 0 {
				sp--
				vals[base+int(in.V)] = a
			} else {
				vals[sp-1] = a
			}
			pc += int(in.W) - 1
			goto fused
		case xIncMem:
			addr := vals[sp-1]
			var v uint64
			if e := &mem.rtlb[addr>>pageShift%tlbSize]; e.vpn == addr>>pageShift && addr&pageMask <= pageSize-8 {
				v = binary.LittleEndian.Uint64(e.data[addr&pageMask:])
			} else {
				var f *Fault
				if v, f = mem.load(addr, loadSize[in.L]); f != nil {
					goto unfuse
				}
			}
			v = narrow(in.L, v) + uint64(in.B)
			if in.T != 0 {
				v = uint64(int64(int32(v)))
			}
			size := storeSize[in.C]
			if addr&pageMask+uint64(size) > pageSize {
				goto unfuse
			}
			if f := mem.store(addr, size, v); f != nil {
				goto unfuse
			}
			sp--
			pc += 3
			goto fused
		case xIllegal:
			stop = Stop{Kind: StopFault, Signal: abi.SIGILL, Msg: msg.New(msg.FaultIllegalOp, msg.Int("op", int64(in.A)))}
			goto fault
		default:
			stop = Stop{Kind: StopFault, Signal: abi.SIGILL, Msg: msg.New(msg.FaultIllegalOp, msg.Int("op", int64(in.Op)))}
			goto fault
		}
		continue

	fused:
		// The instructions of Code a fused one did beyond its first.
		left -= int64(in.W) - 1
		continue

	unfuse:
		slow = xop{Op: fn.Code[pc-1].Op, W: 1, A: fn.Code[pc-1].A, B: fn.Code[pc-1].B}
		in = &slow
		goto dispatch

	call:
		if len(frames) >= c.lim.CallDepth {
			stop = Stop{Kind: StopFault, Signal: abi.SIGSEGV, Msg: msg.New(msg.FaultStackDepth)}
			goto fault
		}
		if cx = calls[fi].Load(); cx == nil {
			cx = c.prog.Funcs[fi].exec()
			calls[fi].Store(cx)
		}
		callee = cx.fn
		if bc := &cx.base; bc.W != 0 && callee.Lib == lib && left >= int64(bc.W) {
			// A base case (fuse.go), run whole when its test does not
			// jump, its instructions fit, and its ENTER would neither
			// grow the value stack nor fault.
			a := sp - nargs
			if a+bc.Slots <= len(vals) && c.msp >= c.stackLow() {
				v := uint64(0) // a slot past the arguments: ENTER zeroes it
				if int(bc.Slot) < nargs {
					v = vals[a+int(bc.Slot)]
				}
				if !holds(bc.Test, v, bc.K) {
					v = bc.RK
					if bc.Ret >= 0 {
						v = 0
						if int(bc.Ret) < nargs {
							v = vals[a+int(bc.Ret)]
						}
					}
					vals[a] = v
					sp = a + 1
					left -= int64(bc.W)
					continue
				}
			}
		}
		if callee.Lib != lib {
			// Between user and library code: bring the count of the code
			// left up to date, and start the other's. (Within either,
			// left counts on as it is.)
			if lib {
				executed = libLeft - left
				left = budget - ticks
			} else {
				ticks = budget - left + c.libCallCost - 1
				charges += c.libCallCost - 1
				left = libLeft - executed
			}
			lib = callee.Lib
		}
		// The caller's frame, written in place: a frame built aside and
		// copied in costs the store forwarding of every call.
		if n := len(frames); n < cap(frames) {
			frames = frames[:n+1]
		} else {
			frames = append(frames, frame{})
		}
		{
			f := &frames[len(frames)-1]
			f.fn, f.x, f.pc, f.base, f.fp, f.sp, f.va = fn, ex, pc, base, c.fp, c.msp, c.va
		}
		base = sp - nargs
		c.nargs = nargs
		fn, ex, xs, pc = callee, cx, cx.x, 0
		if len(xs) == 0 || xs[0].Op != ENTER || left <= 0 {
			continue
		}
		// The callee's ENTER, without going round the loop, when it has
		// room: as the loop's head would have charged it.
		left--
		in, pc = &xs[0], 1

	enter:
		{
			// Make room for the frame's slots and operands, zero the locals,
			// and carve the memory frame (plus the variadic area) off the stack.
			need := base + fn.NSlots + fn.MaxStack + 8
			if need > len(vals) {
				c.sp = sp
				if !c.grow(need - sp) {
					stop = Stop{Kind: StopFault, Signal: abi.SIGSEGV, Msg: msg.New(msg.FaultStackNested)}
					goto fault
				}
				vals = c.vals
			}
			if lo, hi := base+c.nargs, base+fn.NSlots; lo < hi {
				clear(vals[lo:hi])
			}
			if in.B == 0 && !fn.Variadic {
				// No memory frame: the common case, the rest below with
				// a size of 0.
				if c.msp < c.stackLow() {
					stop = Stop{Kind: StopFault, Signal: abi.SIGSEGV, Msg: msg.New(msg.FaultStack)}
					goto fault
				}
				c.fp = c.msp
				sp = base + fn.NSlots
				if bc := &ex.base; bc.Tests && pc == 1 && left > 0 {
					// The test that follows the ENTER (fuse.go), when it has room.
					left--
					pc = 2
					if holds(bc.Test, vals[base+int(bc.Slot)], bc.K) {
						pc = int(bc.Target)
					}
				}
				continue
			}
			nextra := 0
			if fn.Variadic && c.nargs > fn.NParams {
				nextra = c.nargs - fn.NParams
			}
			size := uint64(in.B) + uint64(8*nextra)
			size = (size + 15) &^ 15
			newsp := c.msp - size
			if newsp < c.stackLow() || newsp > c.msp {
				stop = Stop{Kind: StopFault, Signal: abi.SIGSEGV, Msg: msg.New(msg.FaultStack)}
				goto fault
			}
			if fn.Variadic {
				// Store the variadic arguments before the frame is made, so
				// that an instruction cut short for want of memory can be
				// run again from the start.
				va := newsp + uint64(in.B)
				for i := 0; i < nextra; i++ {
					if f := mem.store(va+uint64(8*i), 8, vals[base+fn.NParams+i]); f != nil {
						fl = f
						goto memFault
					}
				}
				c.va = va
			}
			c.msp = newsp
			c.fp = newsp
			sp = base + fn.NSlots
		}
		continue

	ret:
		{
			sp = base
			n := len(frames) - 1
			f := &frames[n]
			if f.fn.Lib != lib {
				if lib {
					executed = libLeft - left
					left = budget - ticks
				} else {
					ticks = budget - left
					left = libLeft - executed
				}
				lib = f.fn.Lib
			}
			fn, ex, xs, pc, base = f.fn, f.x, f.x.x, f.pc, f.base
			c.fp, c.msp, c.va = f.fp, f.sp, f.va
			frames = frames[:n]
			vals[sp] = rv
			sp++
		}
	}
memFault:
	if fl.OutOfMemory {
		// Not the program's fault: the instruction runs again once the
		// kernel has freed memory. It has not run, so it is not charged.
		stop = Stop{Kind: StopOutOfMemory, Addr: fl.Addr}
		left++
		goto fault
	}
	stop = Stop{Kind: StopFault, Signal: abi.SIGSEGV, Addr: fl.Addr, Msg: fl.Msg}
	if fl.Bus {
		stop.Signal = abi.SIGBUS
	}
fault:
	pc-- // the faulting instruction
out:
	if lib {
		executed = libLeft - left
	} else {
		ticks = budget - left
	}
	c.fn, c.pc, c.vals, c.sp, c.base, c.frames = fn, pc, vals, sp, base, frames
	c.instructions += executed + ticks - charges
	c.libInstructions += executed
	return ticks, stop
}

// holds evaluates the condition of a compare-and-branch instruction.
func holds(op Op, a, b uint64) bool {
	switch op {
	case JEQ:
		return a == b
	case JNE:
		return a != b
	case JLTS:
		return int64(a) < int64(b)
	case JLES:
		return int64(a) <= int64(b)
	case JGTS:
		return int64(a) > int64(b)
	case JGES:
		return int64(a) >= int64(b)
	case JLTU:
		return a < b
	case JLEU:
		return a <= b
	case JGTU:
		return a > b
	}
	return a >= b
}

func bitField(a int32) (off, width uint, size int, signed bool) {
	return uint(a & 0xff), uint(a >> 8 & 0xff), int(a >> 16 & 0xff), a&(1<<24) != 0
}

func extractBits(v uint64, off, width uint, signed bool) uint64 {
	v = v >> off & (uint64(1)<<width - 1)
	if signed && v&(1<<(width-1)) != 0 {
		v |= ^(uint64(1)<<width - 1)
	}
	return v
}

func trapMessage(sig int) msg.Text {
	switch sig {
	case abi.SIGSEGV:
		return msg.New(msg.FaultNoCode)
	case abi.SIGILL:
		return msg.New(msg.FaultIllegal)
	}
	return msg.Text{}
}

var loadSize = [numOps]int{LDI8: 1, LDU8: 1, LDI16: 2, LDU16: 2, LDI32: 4, LDU32: 4, LD64: 8}

// narrow keeps the bytes a load reads of the 8 at its address, extended
// as the load extends them.
func narrow(op Op, v uint64) uint64 {
	sh := loadShift[op]
	if loadSigned[op] {
		return uint64(int64(v<<sh) >> sh)
	}
	return v << sh >> sh
}

var loadShift = [numOps]uint8{LDI8: 56, LDU8: 56, LDI16: 48, LDU16: 48, LDI32: 32, LDU32: 32}
var loadSigned = [numOps]bool{LDI8: true, LDI16: true, LDI32: true}
var storeSize = [numOps]int{ST8: 1, ST16: 2, ST32: 4, ST64: 8, STK8: 1, STK16: 2, STK32: 4, STK64: 8}

func b2u(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}

func floatOp(op Op, a, b float64) uint64 {
	switch op {
	case FADD:
		return math.Float64bits(a + b)
	case FSUB:
		return math.Float64bits(a - b)
	case FMUL:
		return math.Float64bits(a * b)
	case FDIV:
		return math.Float64bits(a / b)
	case FEQ:
		return b2u(a == b)
	case FNE:
		return b2u(a != b)
	case FLT:
		return b2u(a < b)
	case FLE:
		return b2u(a <= b)
	case FGT:
		return b2u(a > b)
	default:
		return b2u(a >= b)
	}
}

func float32Op(op Op, a, b float32) uint64 {
	switch op {
	case F32ADD:
		return uint64(math.Float32bits(a + b))
	case F32SUB:
		return uint64(math.Float32bits(a - b))
	case F32MUL:
		return uint64(math.Float32bits(a * b))
	case F32DIV:
		return uint64(math.Float32bits(a / b))
	case F32EQ:
		return b2u(a == b)
	case F32NE:
		return b2u(a != b)
	case F32LT:
		return b2u(a < b)
	case F32LE:
		return b2u(a <= b)
	case F32GT:
		return b2u(a > b)
	default:
		return b2u(a >= b)
	}
}

// f2i converts like x86's cvttsd2si: out-of-range and NaN give the
// "integer indefinite" value.
func f2i(f float64) int64 {
	if f != f || f >= 9223372036854775808.0 || f < -9223372036854775808.0 {
		return math.MinInt64
	}
	return int64(f)
}

func f2u(f float64) uint64 {
	if f != f || f < 0 {
		return uint64(f2i(f))
	}
	if f >= 18446744073709551616.0 {
		return 1 << 63
	}
	if f >= 9223372036854775808.0 {
		return uint64(f-9223372036854775808.0) + 1<<63
	}
	return uint64(f)
}
