package kernel

import "testing"

// BenchmarkPipePingPong: a byte sent down a pipe to a child and back up
// another; a round trip is a write and a read in each process.
func BenchmarkPipePingPong(b *testing.B) { benchEndToEnd(b, "pipepingpong", "trips") }

// BenchmarkPipeTransfer: 1 MB through a pipe from a child to its parent,
// in writes and reads of 64 KiB.
func BenchmarkPipeTransfer(b *testing.B) { benchEndToEnd(b, "pipexfer", "MB") }

// BenchmarkSocketPingPong: a byte sent over a TCP connection on the
// loopback to a child and back; a round trip is a write and a read in
// each process.
func BenchmarkSocketPingPong(b *testing.B) { benchEndToEnd(b, "sockpingpong", "trips") }
