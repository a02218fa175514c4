// Package ostep owns osplay's reimplementations of three OSTEP homework
// simulators: cpu-sched/scheduler.py (osplay sched), cpu-sched-mlfq/mlfq.py
// (osplay mlfq) and cpu-intro/process-run.py (osplay process-run).
//
// Each takes the script's command-line options, parsed the way Python's
// optparse parses them, and prints exactly what the script prints to standard
// output, byte for byte, so that the homework's questions and published
// answers can be followed in osplay unchanged. That includes randomly
// generated workloads: the scripts draw them from Python's Mersenne Twister,
// which pyrandom.go reproduces. The recorded outputs of the original scripts
// under testdata/ are the specification.
//
// ParseProblem restates a simulator's problem as jobs of CPU and I/O bursts
// and an osplay scheduling policy, so that the kernel can run the same
// problem as a workload and the playground can open it; on the recorded
// problems the kernel's metrics are the scripts' answers.
package ostep
