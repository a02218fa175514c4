package explore_test

import (
	"testing"
	"testing/fstest"

	"osplay/exercises"
	"osplay/kernel"
)

// The race detector on the threads exercises' programs: the lost update
// is flagged at its line (the starter code of both exercises), the
// mutex exercise's solution is silent.
func TestRacesInExercises(t *testing.T) {
	for _, tt := range []struct {
		slug     string
		solution bool
		race     bool
	}{{"race-lost-update", false, true}, {"race-mutex-fix", false, true}, {"race-mutex-fix", true, false}} {
		t.Run(tt.slug, func(t *testing.T) {
			x := exercises.Get(tt.slug)
			if x == nil {
				t.Fatalf("no exercise %s", tt.slug)
			}
			program := x.Files
			if tt.solution {
				program = x.Solution
			}
			if len(program) == 0 {
				t.Fatal("no program")
			}
			files := fstest.MapFS{}
			for _, f := range program {
				files[f.Name] = &fstest.MapFile{Data: []byte(f.Text)}
			}
			m := kernel.New(kernel.Config{Files: files, Sched: x.Run.Sched, Quantum: x.Run.Quantum, DetectRaces: true})
			if err := m.Start([]string{x.MainFile()}); err != nil {
				t.Fatal(err)
			}
			if res := m.Run(); res.Err != nil {
				t.Fatal(res.Err)
			}
			races := m.Races()
			if !tt.race {
				if len(races) > 0 {
					t.Errorf("race reported: %s", races[0].Text())
				}
				return
			}
			if len(races) == 0 {
				t.Fatal("no race")
			}
			for _, r := range races {
				if r.Var != "counter" || r.First.Line != r.Second.Line || r.First.File != x.MainFile() {
					t.Errorf("race %s", r.Text())
				}
			}
		})
	}
}
