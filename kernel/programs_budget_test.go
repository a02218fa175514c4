package kernel

import (
	"errors"
	"fmt"
	"slices"
	"testing"

	"osplay/kernel/cc"
	"osplay/kernel/vm"
)

// TestProgramCacheBoundedInBytes compiles programs with 8 MiB of data
// under a budget of 20 MiB: the cache keeps the newest two, forgetting the
// oldest; under a budget smaller than one program, the program still runs
// but is not kept. (Not parallel: the cache is the process's.)
func TestProgramCacheBoundedInBytes(t *testing.T) {
	defer SetProgramCacheBudget(0)
	SetProgramCacheBudget(20 << 20)
	keyOf := map[int]string{}
	users := func() []string {
		programCache.Lock()
		defer programCache.Unlock()
		return slices.Clone(programCache.users)
	}
	bigProgram := func(i int) {
		t.Helper()
		before := users()
		// The last byte initialised: the whole data image is kept (only the
		// zeros after the last initialised byte are left out of it).
		src := fmt.Sprintf("char g[8 << 20] = {[(8 << 20) - 1] = %d};\nint main(void) { return g[(8 << 20) - 1]; }\n", i)
		r := runFiles(t, Config{}, map[string]string{"big.c": src}, "big.c")
		if r.res.Err != nil || r.res.Code != i {
			t.Fatalf("program %d: exit %d, err %v", i, r.res.Code, r.res.Err)
		}
		for _, k := range users() {
			if !slices.Contains(before, k) {
				keyOf[i] = k
			}
		}
	}
	kept := func(i int) bool {
		programCache.Lock()
		defer programCache.Unlock()
		k, ok := keyOf[i]
		return ok && slices.Contains(programCache.users, k) && programCache.entries[k] != nil
	}
	for i := 1; i <= 4; i++ {
		bigProgram(i)
		if n := ProgramCacheBytes(); n > 20<<20 || n < 8<<20 {
			t.Errorf("after program %d: %d bytes kept, want 8 to 20 MiB", i, n)
		}
	}
	for i, want := range map[int]bool{1: false, 2: false, 3: true, 4: true} {
		if kept(i) != want {
			t.Errorf("program %d kept: %v, want %v", i, kept(i), want)
		}
	}

	SetProgramCacheBudget(4 << 20)
	if n := ProgramCacheBytes(); n > 4<<20 || kept(3) || kept(4) {
		t.Errorf("a smaller budget: %d bytes kept", n)
	}
	bigProgram(5)
	if kept(5) || ProgramCacheBytes() > 4<<20 {
		t.Errorf("a program larger than the budget was kept (%d bytes)", ProgramCacheBytes())
	}

	// The estimate counts the program's own part, not the library's.
	lib := libraryProgram()
	if n := lib.SizeBeyond(lib); n > 64<<10 {
		t.Errorf("the library beyond itself is %d bytes", n)
	}
}

// TestBusyCompileNotCached: a compile that found every compiler busy is
// not remembered as the program's result, for a student's program or a
// built-in one; the next run compiles it.
func TestBusyCompileNotCached(t *testing.T) {
	for _, key := range []string{"user/busy-test", "bin/busy-test"} {
		busy := fmt.Errorf("compile: %w", cc.ErrBusy)
		if _, err := cached(key, func() (*vm.Program, error) { return nil, busy }); !errors.Is(err, cc.ErrBusy) {
			t.Fatalf("%s: first compile gave %v, want the busy error", key, err)
		}
		want := &vm.Program{Name: "./busy"}
		got, err := cached(key, func() (*vm.Program, error) { return want, nil })
		if err != nil || got != want {
			t.Fatalf("%s: after a busy compile, the next gave %v, %v: the busy error was kept", key, got, err)
		}
	}
}
