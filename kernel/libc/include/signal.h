#ifndef _SIGNAL_H
#define _SIGNAL_H

#include <bits/types/pid_t.h>
#include <bits/types/uid_t.h>
#include <bits/types/pthread_t.h>
#include <bits/types/size_t.h>
#include <bits/types/struct_timespec.h>
#ifndef NULL
#define NULL ((void *)0)
#endif

/* Linux's signal numbers on x86-64. */
#define SIGHUP 1
#define SIGINT 2
#define SIGQUIT 3
#define SIGILL 4
#define SIGTRAP 5
#define SIGABRT 6
#define SIGIOT SIGABRT
#define SIGBUS 7
#define SIGFPE 8
#define SIGKILL 9
#define SIGUSR1 10
#define SIGSEGV 11
#define SIGUSR2 12
#define SIGPIPE 13
#define SIGALRM 14
#define SIGTERM 15
#define SIGSTKFLT 16
#define SIGCHLD 17
#define SIGCONT 18
#define SIGSTOP 19
#define SIGTSTP 20
#define SIGTTIN 21
#define SIGTTOU 22
#define SIGURG 23
#define SIGXCPU 24
#define SIGXFSZ 25
#define SIGVTALRM 26
#define SIGPROF 27
#define SIGWINCH 28
#define SIGIO 29
#define SIGPOLL SIGIO
#define SIGPWR 30
#define SIGSYS 31

/* One more than the highest signal number, real-time signals included. */
#define NSIG 65

typedef int sig_atomic_t;
typedef void (*sighandler_t)(int);

#define SIG_ERR ((sighandler_t)-1)
#define SIG_DFL ((sighandler_t)0)
#define SIG_IGN ((sighandler_t)1)

/* The real-time signals. */
#define SIGRTMIN 34
#define SIGRTMAX 64

/* A set of signals, glibc's 1024 bits; signal n is bit n-1. */
typedef struct {
	unsigned long __val[16];
} sigset_t;

union sigval {
	int sival_int;
	void *sival_ptr;
};
typedef union sigval sigval_t;

/* What a handler installed with SA_SIGINFO learns of its signal (glibc's
 * layout on x86-64, 128 bytes; the fields a course uses). */
typedef struct {
	int si_signo;
	int si_errno;
	int si_code;
	int __pad0;
	union {
		int __pad[28];
		struct {
			pid_t si_pid;
			uid_t si_uid;
			union {
				int si_status;
				union sigval si_value;
			} __u;
		} __kill;
		void *si_addr;
	} __fields;
} siginfo_t;
#define si_pid __fields.__kill.si_pid
#define si_uid __fields.__kill.si_uid
#define si_status __fields.__kill.__u.si_status
#define si_value __fields.__kill.__u.si_value
#define si_int si_value.sival_int
#define si_ptr si_value.sival_ptr
#define si_addr __fields.si_addr

/* si_code values. */
#define SI_USER 0
#define SI_QUEUE (-1)
#define SI_TIMER (-2)
#define SI_TKILL (-6)
#define SI_KERNEL 0x80
#define CLD_EXITED 1
#define CLD_KILLED 2
#define CLD_DUMPED 3
#define CLD_TRAPPED 4
#define CLD_STOPPED 5
#define CLD_CONTINUED 6

struct sigaction {
	union {
		sighandler_t sa_handler;
		void (*sa_sigaction)(int, siginfo_t *, void *);
	} __sigaction_handler;
	sigset_t sa_mask;
	int sa_flags;
	void (*sa_restorer)(void);
};
#define sa_handler __sigaction_handler.sa_handler
#define sa_sigaction __sigaction_handler.sa_sigaction

#define SA_NOCLDSTOP 1
#define SA_NOCLDWAIT 2
#define SA_SIGINFO 4
#define SA_RESTART 0x10000000
#define SA_NODEFER 0x40000000
#define SA_RESETHAND 0x80000000
#define SA_ONSTACK 0x08000000
#define SA_NOMASK SA_NODEFER
#define SA_ONESHOT SA_RESETHAND

#define SIG_BLOCK 0
#define SIG_UNBLOCK 1
#define SIG_SETMASK 2

/* System calls. */
int kill(pid_t pid, int sig);
int sigaction(int sig, const struct sigaction *act, struct sigaction *oldact);
int sigprocmask(int how, const sigset_t *set, sigset_t *oldset);
int sigpending(sigset_t *set);
int sigsuspend(const sigset_t *mask);
int sigwait(const sigset_t *set, int *sig);
int sigtimedwait(const sigset_t *set, siginfo_t *info, const struct timespec *timeout);
int sigwaitinfo(const sigset_t *set, siginfo_t *info);
int sigqueue(pid_t pid, int sig, const union sigval value);

/* An alternate stack for handlers installed with SA_ONSTACK. */
typedef struct {
	void *ss_sp;
	int ss_flags;
	size_t ss_size;
} stack_t;
#define SS_ONSTACK 1
#define SS_DISABLE 2
#define MINSIGSTKSZ 2048
#define SIGSTKSZ 8192
int sigaltstack(const stack_t *ss, stack_t *old);

sighandler_t signal(int sig, sighandler_t handler);
int raise(int sig);
int killpg(pid_t pgrp, int sig);
void psignal(int sig, const char *s);
char *strsignal(int sig);
int sigemptyset(sigset_t *set);
int sigfillset(sigset_t *set);
int sigaddset(sigset_t *set, int sig);
int sigdelset(sigset_t *set, int sig);
int sigismember(const sigset_t *set, int sig);
int pthread_sigmask(int how, const sigset_t *set, sigset_t *oldset);
int pthread_kill(pthread_t thread, int sig);

/* osplay's own calls: signal one thread of the process (raise,
 * pthread_kill); return from a handler (the kernel's signal frame makes
 * this call; made anywhere else it faults). */
int __osplay_tgkill(int tid, int sig);
void __osplay_sigreturn(void);

#endif
