package cc

import (
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"osplay/kernel/abi"
	"osplay/kernel/vm"
)

// TestFusedRunsAsPlain runs programs twice in lock step, with the VM's
// fused instructions and one instruction at a time (vm.Program.Unfused),
// each time with the same budgets (short ones, so that runs stop in the
// middle of what a fused instruction covers, and long ones), and checks
// that every run of the two stops at the same place after the same ticks,
// with the same registers, stack and output.
func TestFusedRunsAsPlain(t *testing.T) {
	tc := miniToolchain(t)
	files, err := filepath.Glob("testdata/fused/*.c")
	if err != nil || len(files) == 0 {
		t.Fatalf("no programs: %v", err)
	}
	for _, file := range files {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for seed := int64(1); seed <= 3; seed++ {
			t.Run(fmt.Sprintf("%s/%d", filepath.Base(file), seed), func(t *testing.T) {
				p, err := tc.Compile("t.c", src, nil)
				if err != nil {
					t.Fatal(err)
				}
				fused, err := vm.NewContext(p, []string{"t"}, nil, vm.Limits{})
				if err != nil {
					t.Fatal(err)
				}
				plain, err := vm.NewContext(p.Unfused(), []string{"t"}, nil, vm.Limits{})
				if err != nil {
					t.Fatal(err)
				}
				rng := rand.New(rand.NewSource(seed))
				var out strings.Builder
				var ticks int64
				for step := 0; ; step++ {
					budget := int64(1 + rng.Intn(12))
					if rng.Intn(4) == 0 {
						budget = int64(rng.Intn(5000))
					}
					n1, s1 := fused.Run(budget)
					n2, s2 := plain.Run(budget)
					ticks += n1
					if n1 != n2 || !reflect.DeepEqual(s1, s2) || fused.Registers() != plain.Registers() || fused.Top() != plain.Top() ||
						fused.Instructions() != plain.Instructions() || !slices.Equal(fused.SyscallArgs(), plain.SyscallArgs()) {
						t.Fatalf("step %d, budget %d, tick %d: fused ran %d ticks to %+v at %+v (top %d, %d instructions); plain %d ticks to %+v at %+v (top %d, %d instructions)",
							step, budget, ticks, n1, s1, fused.Registers(), fused.Top(), fused.Instructions(), n2, s2, plain.Registers(), plain.Top(), plain.Instructions())
					}
					switch s1.Kind {
					case vm.StopFault:
						if !strings.Contains(file, "fault") {
							t.Fatalf("fault %+v at %+v", s1, fused.Registers())
						}
						return
					case vm.StopSyscall:
						args := fused.SyscallArgs()
						switch s1.Sys {
						case abi.SysExit:
							if want := wantOutput(src); out.String() != want {
								t.Fatalf("output %q, want %q", out.String(), want)
							}
							return
						case abi.SysWrite:
							b := make([]byte, args[2])
							if err := fused.Mem().Read(args[1], b); err != nil {
								t.Fatal(err)
							}
							out.Write(b)
							fused.Return(args[2])
							plain.Return(args[2])
						default:
							t.Fatalf("unexpected system call %v", s1.Sys)
						}
					}
				}
			})
		}
	}
}

// wantOutput is the output a test program expects, written at its end
// after "// output:" lines.
func wantOutput(src []byte) string {
	var b strings.Builder
	for _, line := range strings.Split(string(src), "\n") {
		if s, ok := strings.CutPrefix(line, "// output: "); ok {
			b.WriteString(s + "\n")
		}
	}
	return b.String()
}
