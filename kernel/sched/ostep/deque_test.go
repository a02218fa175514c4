package ostep

import (
	"io"
	"slices"
	"testing"
)

// TestDeque: pushes at either end and pops from the front give the order
// a slice would, across growth and wrap-around.
func TestDeque(t *testing.T) {
	var d deque
	var want []int
	for i := range 100 {
		switch i % 5 {
		case 0, 3:
			d.pushFront(i)
			want = append([]int{i}, want...)
		case 4:
			if got := d.popFront(); got != want[0] {
				t.Fatalf("step %d: popFront %d, want %d", i, got, want[0])
			}
			want = want[1:]
		default:
			d.pushBack(i)
			want = append(want, i)
		}
		var got []int
		for k := range d.len() {
			got = append(got, d.at(k))
		}
		if !slices.Equal(got, want) {
			t.Fatalf("step %d: %v, want %v", i, got, want)
		}
	}
	d.clear()
	if d.len() != 0 {
		t.Errorf("clear left %d", d.len())
	}
}

// BenchmarkMLFQIOBump: OSTEP's mlfq.py with -I and 10,000 jobs doing I/O
// often, which put each job back from I/O at the front of its queue.
func BenchmarkMLFQIOBump(b *testing.B) {
	args := []string{"-n", "3", "-j", "10000", "-m", "4", "-M", "1", "-I", "-s", "1", "-c"}
	b.ReportAllocs()
	for b.Loop() {
		if code := MLFQ(args, io.Discard, io.Discard); code != 0 {
			b.Fatalf("exit %d", code)
		}
	}
}
