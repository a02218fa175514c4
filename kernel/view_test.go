package kernel

import (
	"reflect"
	"testing"
)

// TestProcessListAgreesWithProcesses stops a run at every event that
// changes a process and checks that the cheap list and the one-process
// view say what the full snapshot says.
func TestProcessListAgreesWithProcesses(t *testing.T) {
	tests := []struct {
		prog string
		cfg  Config
	}{
		{"forkwait", Config{}},
		{"zombie", Config{}},
		{"orphan", Config{CPUs: 2}},
		{"race", Config{Sched: "rr:q=3", CPUs: 2}},
		{"procs", Config{}},
		{"threads", Config{CPUs: 2}},
	}
	for _, tt := range tests {
		t.Run(tt.prog, func(t *testing.T) {
			m, _ := startTestdata(t, tt.cfg, tt.prog)
			checks := 0
			for !m.Done() {
				m.RunUntil(func(e Event) bool {
					return e.Kind == KindState || e.Kind == KindCreate || e.Kind == KindExec || e.Kind == KindSyscall
				})
				checks++
				full := m.Processes()
				list := m.ProcessList()
				if len(list) != len(full) {
					t.Fatalf("tick %d: %d in the list, %d in the snapshot", m.Now(), len(list), len(full))
				}
				for i, v := range full {
					want := ProcBrief{PID: v.PID, PPID: v.PPID, Name: v.Name, State: v.State, WaitOn: v.WaitOn,
						WaitFor: v.WaitFor, CPU: v.CPU, CPUTicks: v.CPUTicks, Threads: len(v.Threads),
						File: v.Regs.File, Line: v.Regs.Line, Func: v.Regs.Func}
					if len(v.Threads) > 1 {
						for _, th := range v.Threads {
							want.TCBs = append(want.TCBs, ThreadBrief{TID: th.TID, State: th.State, WaitOn: th.WaitOn,
								WaitFor: th.WaitFor, CPU: th.CPU, CPUTicks: th.CPUTicks,
								File: th.Regs.File, Line: th.Regs.Line, Func: th.Regs.Func})
						}
					}
					if !reflect.DeepEqual(list[i], want) {
						t.Errorf("tick %d: brief %+v, want %+v", m.Now(), list[i], want)
					}
					one, ok := m.Process(v.PID)
					if !ok || !reflect.DeepEqual(one, v) {
						t.Errorf("tick %d: Process(%d) = %+v %v, want %+v", m.Now(), v.PID, one, ok, v)
					}
				}
				if checks > 10_000 {
					t.Fatal("the run never ends")
				}
			}
			if checks < 3 {
				t.Errorf("only %d stops", checks)
			}
		})
	}
}

func TestProcessOfUnknownPID(t *testing.T) {
	m, _ := startTestdata(t, Config{}, "forkwait")
	m.Run()
	for _, pid := range []int{0, -1, 2, 3, 999} { // 2 and 3 were reaped
		if v, ok := m.Process(pid); ok {
			t.Errorf("Process(%d) = %+v, want none", pid, v)
		}
	}
	if v, ok := m.Process(1); !ok || v.Name != "init" {
		t.Errorf("Process(1) = %+v %v, want init", v, ok)
	}
}

// BenchmarkProcessList and BenchmarkProcesses time what a batch pays to
// list the processes, in the middle of the lecture's fork program.
func BenchmarkProcessList(b *testing.B) {
	m := benchMachine(b)
	for b.Loop() {
		m.ProcessList()
	}
}

func BenchmarkProcesses(b *testing.B) {
	m := benchMachine(b)
	for b.Loop() {
		m.Processes()
	}
}

func benchMachine(b *testing.B) *Machine {
	m := New(Config{Files: testdataFiles(b)})
	if err := m.Start([]string{"race.c"}); err != nil {
		b.Fatal(err)
	}
	m.RunUntil(func(e Event) bool { return e.Kind == KindCreate && e.PID == 3 })
	m.RunTo(m.Now() + 50)
	if len(m.ProcessList()) != 3 {
		b.Fatalf("processes %+v", m.ProcessList())
	}
	return m
}
