/*
 * sigqueue hands its union sigval to the kernel as the bits it holds;
 * sigwaitinfo is sigtimedwait without a timeout.
 */
#include <signal.h>
#include <osplay.h>

int sigqueue(pid_t pid, int sig, const union sigval value)
{
	return __osplay_sigqueue(pid, sig, (unsigned long)value.sival_ptr);
}

int sigwaitinfo(const sigset_t *set, siginfo_t *info)
{
	return sigtimedwait(set, info, NULL);
}
