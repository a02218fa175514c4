package vm

// Op is a VM opcode. The VM is a stack machine over 64-bit slots: every C
// scalar lives in a slot as its value extended to 64 bits (signed types
// sign-extended, unsigned zero-extended, float as float32 bits, double as
// float64 bits), so 64-bit operations followed by one extension give C's
// results for every width. Addressable objects (arrays, structs, locals whose
// address is taken) live in the process's memory; other locals live in the
// frame's slots.
type Op uint8

// Instr is one instruction. A and B are operands whose meaning depends on Op.
type Instr struct {
	Op Op
	A  int32
	B  int64
}

// The instruction set. "pop x" / "push x" describe the value stack.
const (
	NOP Op = iota

	CONST // push B
	POP   // pop
	DUP   // push top
	SWAP  // exchange the two top slots

	LOCAL     // push slot A of the frame
	SETLOCAL  // pop into slot A
	TEELOCAL  // copy top into slot A
	FRAMEADDR // push FP+B (address of a memory local)
	ADDLOCAL  // slot A += B (i++ on a register local)

	// Loads: pop address, push the value extended to 64 bits.
	LDI8
	LDU8
	LDI16
	LDU16
	LDI32
	LDU32
	LD64
	// Stores: pop value, pop address. The K forms push the value back.
	ST8
	ST16
	ST32
	ST64
	STK8
	STK16
	STK32
	STK64
	MEMCPY  // pop src, pop dst; copy B bytes
	MEMCPYK // pop src, pop dst; copy B bytes; push dst
	MEMZERO // pop dst; zero B bytes

	// Integer arithmetic on 64-bit slots.
	ADD
	ADDI // top += B
	SUB
	MUL
	MULI // top *= B
	DIVS // A is the operand width (32 or 64): INT_MIN/-1 faults like x86
	DIVU
	REMS
	REMU
	AND
	OR
	XOR
	SHL
	SHRS
	SHRU
	NEG
	NOT
	LNOT // push top == 0
	BOOL // push top != 0
	EQ
	NE
	LTS
	LTU
	LES
	LEU
	GTS
	GTU
	GES
	GEU
	SEXT8
	SEXT16
	SEXT32
	ZEXT8
	ZEXT16
	ZEXT32

	// double
	FADD
	FSUB
	FMUL
	FDIV
	FNEG
	FEQ
	FNE
	FLT
	FLE
	FGT
	FGE
	// float
	F32ADD
	F32SUB
	F32MUL
	F32DIV
	F32NEG
	F32EQ
	F32NE
	F32LT
	F32LE
	F32GT
	F32GE
	// conversions
	I2D // signed integer to double
	U2D
	D2I // double to signed 64-bit (truncating)
	D2U
	I2F
	U2F
	F2I
	F2U
	F2D
	D2F

	JMP    // jump to A
	JZ     // pop; jump to A if zero
	JNZ    // pop; jump to A if not zero
	SWITCH // pop; jump through switch table A
	CALL   // call function A with B argument slots (pushed in order)
	CALLI  // pop function address; call it with B argument slots
	RET    // pop the result, return it to the caller
	ENTER  // function prologue: A value slots, B bytes of memory frame
	VASTART
	SYSCALL // system call A with B argument slots: stops Run
	TRAP    // raise signal A (B: message index, unused)

	// Fused instructions, produced by the compiler's peephole pass.
	ADD32  // ADD then SEXT32
	SUB32  // SUB then SEXT32
	ADDI32 // ADDI then SEXT32
	JEQ    // pop b, pop a; jump to A if a == b
	JNE
	JLTS
	JLES
	JGTS
	JGES
	JLTU
	JLEU
	JGTU
	JGEU

	// Bit-fields. A packs the field: bit offset | width<<8 | storage bytes<<16
	// | signed<<24 | keep<<25.
	BFLD   // pop address; push the field's value
	BFST   // pop value, pop address; insert the field (keep: push its new value)
	ALLOCA // pop size; carve it off the memory stack; push the address (VLAs)

	// More fused instructions: a slot compared with a constant and a branch
	// (B = slot | constant<<32, A = target); LOCAL+ADDI32; LOCAL+LOCAL
	// (A, B slots); LOCAL+RET.
	JEQLK
	JNELK
	JLTSLK
	JLESLK
	JGTSLK
	JGESLK
	JLTULK
	JLEULK
	JGTULK
	JGEULK
	LOCALADDI32 // push slot A + B, as int
	LOCAL2      // push slot A, then slot B
	RETL        // return slot A

	numOps
)

var opNames = [...]string{
	NOP: "nop", CONST: "const", POP: "pop", DUP: "dup", SWAP: "swap",
	LOCAL: "local", SETLOCAL: "setlocal", TEELOCAL: "teelocal", FRAMEADDR: "frameaddr", ADDLOCAL: "addlocal",
	LDI8: "ldi8", LDU8: "ldu8", LDI16: "ldi16", LDU16: "ldu16", LDI32: "ldi32", LDU32: "ldu32", LD64: "ld64",
	ST8: "st8", ST16: "st16", ST32: "st32", ST64: "st64", STK8: "stk8", STK16: "stk16", STK32: "stk32", STK64: "stk64",
	MEMCPY: "memcpy", MEMCPYK: "memcpyk", MEMZERO: "memzero",
	ADD: "add", ADDI: "addi", SUB: "sub", MUL: "mul", MULI: "muli", DIVS: "divs", DIVU: "divu", REMS: "rems", REMU: "remu",
	AND: "and", OR: "or", XOR: "xor", SHL: "shl", SHRS: "shrs", SHRU: "shru", NEG: "neg", NOT: "not", LNOT: "lnot", BOOL: "bool",
	EQ: "eq", NE: "ne", LTS: "lts", LTU: "ltu", LES: "les", LEU: "leu", GTS: "gts", GTU: "gtu", GES: "ges", GEU: "geu",
	SEXT8: "sext8", SEXT16: "sext16", SEXT32: "sext32", ZEXT8: "zext8", ZEXT16: "zext16", ZEXT32: "zext32",
	FADD: "fadd", FSUB: "fsub", FMUL: "fmul", FDIV: "fdiv", FNEG: "fneg", FEQ: "feq", FNE: "fne", FLT: "flt", FLE: "fle", FGT: "fgt", FGE: "fge",
	F32ADD: "f32add", F32SUB: "f32sub", F32MUL: "f32mul", F32DIV: "f32div", F32NEG: "f32neg",
	F32EQ: "f32eq", F32NE: "f32ne", F32LT: "f32lt", F32LE: "f32le", F32GT: "f32gt", F32GE: "f32ge",
	I2D: "i2d", U2D: "u2d", D2I: "d2i", D2U: "d2u", I2F: "i2f", U2F: "u2f", F2I: "f2i", F2U: "f2u", F2D: "f2d", D2F: "d2f",
	JMP: "jmp", JZ: "jz", JNZ: "jnz", SWITCH: "switch", CALL: "call", CALLI: "calli", RET: "ret", ENTER: "enter",
	VASTART: "vastart", SYSCALL: "syscall", TRAP: "trap",
	ADD32: "add32", SUB32: "sub32", ADDI32: "addi32", JEQ: "jeq", JNE: "jne", JLTS: "jlts", JLES: "jles",
	JGTS: "jgts", JGES: "jges", JLTU: "jltu", JLEU: "jleu", JGTU: "jgtu", JGEU: "jgeu",
	BFLD: "bfld", BFST: "bfst", ALLOCA: "alloca",
	JEQLK: "jeqlk", JNELK: "jnelk", JLTSLK: "jltslk", JLESLK: "jleslk", JGTSLK: "jgtslk", JGESLK: "jgeslk",
	JLTULK: "jltulk", JLEULK: "jleulk", JGTULK: "jgtulk", JGEULK: "jgeulk",
	LOCALADDI32: "localaddi32", LOCAL2: "local2", RETL: "retl",
}

func (o Op) String() string {
	if int(o) < len(opNames) && opNames[o] != "" {
		return opNames[o]
	}
	return "op?"
}
