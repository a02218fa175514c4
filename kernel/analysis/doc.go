// Package analysis reads finished runs of the machine the way the views
// read them, from the event stream and the exported API alone: each CPU's
// Gantt chart, the lecture's scheduling metrics (turnaround, response,
// waiting, context switches, utilisation), the exercise questions asked
// about them, and the comparison of one workload under several policies,
// OSTEP's homework problems included.
//
// It is not the kernel: nothing in kernel/ depends on it, and it must not
// reach into a machine for what the events could have told it.
package analysis
