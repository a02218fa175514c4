package analysis_test

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"osplay/kernel"
	"osplay/kernel/analysis"
)

// benchWorkload makes n jobs arriving on average every 2.5 × burst
// ticks, each with one to three CPU bursts of about burst ticks and I/Os
// of about 10 between them: the CPU is busy about 80% of the time, so
// queues form and drain. Arrivals and lengths are exponentially
// distributed, from a fixed seed.
func benchWorkload(n int, burst float64) *kernel.Workload {
	rng := rand.New(rand.NewPCG(1, 2))
	exp := func(mean float64) int64 { return 1 + int64(rng.ExpFloat64()*(mean-1)) }
	w := &kernel.Workload{}
	var t int64
	for i := range n {
		t += exp(2.5 * burst)
		j := kernel.Job{Name: fmt.Sprintf("j%d", i), Arrival: t, Priority: rng.IntN(4), Tickets: 50 + rng.IntN(100), Nice: rng.IntN(5)}
		for b := range 1 + rng.IntN(3) {
			if b > 0 {
				j.Bursts = append(j.Bursts, kernel.Burst{IO: true, Device: kernel.DefaultDevice, Ticks: exp(10)})
			}
			j.Bursts = append(j.Bursts, kernel.Burst{Ticks: exp(burst)})
		}
		w.Jobs = append(w.Jobs, j)
	}
	return w
}

// BenchmarkWorkload runs 10,000-job workloads under each policy and
// reports simulated ticks, and jobs, per second of host time: "short" has
// CPU bursts of about 4 ticks (every decision is an event), "long" of
// about 400 (ticks run in long stretches).
func BenchmarkWorkload(b *testing.B) {
	warmUp(b) // compile the C library before the clock starts
	for _, shape := range []struct {
		name  string
		burst float64
	}{{"short", 4}, {"long", 400}} {
		w := benchWorkload(10_000, shape.burst)
		for _, spec := range []string{"fcfs", "sjf", "stcf", "rr:q=4", "priority:preemptive", "priority:aging=20",
			"mlq", "mlfq:boost=200", "lottery:q=4", "stride:q=4", "cfs", "rr:q=4,percpu"} {
			for _, cpus := range []int{1, 2} {
				if cpus == 2 && spec != "rr:q=4" && spec != "rr:q=4,percpu" && spec != "cfs" {
					continue
				}
				b.Run(fmt.Sprintf("%s/%s/%dcpu", shape.name, spec, cpus), func(b *testing.B) {
					var ticks, jobs int64
					for b.Loop() {
						o, err := analysis.RunWorkload(w, kernel.Config{Sched: spec, CPUs: cpus, MaxTicks: 1 << 40})
						if err != nil || o.Err != nil || o.Metrics.Completed != len(w.Jobs) {
							b.Fatalf("%v %v: %d completed", err, o.Err, o.Metrics.Completed)
						}
						ticks += o.Metrics.Ticks
						jobs += int64(o.Metrics.Completed)
					}
					b.ReportMetric(float64(ticks)/b.Elapsed().Seconds()/1e6, "Mticks/s")
					b.ReportMetric(float64(jobs)/b.Elapsed().Seconds()/1e3, "kjobs/s")
				})
			}
		}
	}
}
