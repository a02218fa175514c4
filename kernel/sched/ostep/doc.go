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
package ostep
