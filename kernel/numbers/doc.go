// Package numbers carries out in Go the C library's functions on numbers
// that would be slow or long in C on the VM: printf's spelling of one
// double (FormatDouble), strtod (ParseDouble), and the results of libm's
// functions (MathResult), each answering as glibc on x86-64 does, bit for
// bit. It knows nothing of processes or memory: the kernel's library
// calls read the arguments and write the answers.
package numbers
