// Package loadprog holds the program the server's load benchmarks run in
// every session, so that the kernel's, the sessions' and the WebSocket
// benchmarks measure the same work.
package loadprog

// TwoProcesses is a parent and a child, each computing and printing a
// line now and then, for ever: at the default speed a batch of ten ticks
// holds one context switch, as a class watching processes share a CPU
// sees.
const TwoProcesses = `#include <stdio.h>
#include <unistd.h>

int main(void)
{
	int n = 0;
	fork();
	for (;;) {
		for (int i = 0; i < 2000; i++)
			;
		printf("%d: %d\n", getpid(), n++);
	}
}
`
