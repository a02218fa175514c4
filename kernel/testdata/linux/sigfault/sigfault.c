/* Expect: a fault runs the handler of its signal: division by zero
 * SIGFPE, a write through a bad pointer SIGSEGV with si_addr the address
 * (under SA_SIGINFO), even inside another handler. Each handler must leave
 * (exit): a return would run the faulting instruction again. The program
 * exits with 3. */
#include <stdio.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <stdlib.h>
static volatile int zero = 0;
static void on_segv(int sig, siginfo_t *si, void *uc)
{
	printf("caught %s at %s address\n", strsignal(sig), si->si_addr == (void *)16 ? "the bad" : "another");
	exit(3);
}
static void on_fpe(int sig)
{
	printf("caught %s\n", strsignal(sig));
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_sigaction = on_segv;
	sa.sa_flags = SA_SIGINFO;
	sigaction(SIGSEGV, &sa, NULL);
	int *p = (int *)16;
	*p = 1;
}
int main(void)
{
	setvbuf(stdout, NULL, _IONBF, 0);
	signal(SIGFPE, on_fpe);
	printf("%d\n", 7 / zero);
	return 0;
}
