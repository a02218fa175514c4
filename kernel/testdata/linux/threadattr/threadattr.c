/* Thread attributes as course programs use them: the defaults glibc
   reports, what each setter accepts and refuses, a detached thread, and a
   thread created with explicit attributes. */
#include <stdio.h>
#include <pthread.h>
#include <sched.h>
#include <limits.h>
#include <errno.h>
#include <string.h>

static void *work(void *arg)
{
	int n = *(int *)arg;
	return (void *)(long)(n * n);
}

int main(void)
{
	pthread_attr_t attr;
	size_t size;
	int v;
	struct sched_param sp;

	pthread_attr_init(&attr);
	pthread_attr_getdetachstate(&attr, &v);
	printf("detachstate %s\n", v == PTHREAD_CREATE_JOINABLE ? "joinable" : "detached");
	pthread_attr_getscope(&attr, &v);
	printf("scope %s\n", v == PTHREAD_SCOPE_SYSTEM ? "system" : "process");
	pthread_attr_getschedpolicy(&attr, &v);
	printf("policy %d (SCHED_OTHER %d)\n", v, SCHED_OTHER);
	pthread_attr_getinheritsched(&attr, &v);
	printf("inheritsched %s\n", v == PTHREAD_INHERIT_SCHED ? "inherit" : "explicit");
	pthread_attr_getguardsize(&attr, &size);
	printf("guardsize %zu\n", size);
	pthread_attr_getschedparam(&attr, &sp);
	printf("priority %d\n", sp.sched_priority);

	printf("setscope(PROCESS) = %s\n", strerror(pthread_attr_setscope(&attr, PTHREAD_SCOPE_PROCESS)));
	printf("setscope(7) = %s\n", strerror(pthread_attr_setscope(&attr, 7)));
	printf("setscope(SYSTEM) = %d\n", pthread_attr_setscope(&attr, PTHREAD_SCOPE_SYSTEM));
	printf("setstacksize(1024) = %s\n", strerror(pthread_attr_setstacksize(&attr, 1024)));
	printf("setstacksize(PTHREAD_STACK_MIN) = %d\n", pthread_attr_setstacksize(&attr, PTHREAD_STACK_MIN));
	printf("setstacksize(1 MiB) = %d\n", pthread_attr_setstacksize(&attr, 1 << 20));
	pthread_attr_getstacksize(&attr, &size);
	printf("stacksize %zu\n", size);
	printf("setdetachstate(5) = %s\n", strerror(pthread_attr_setdetachstate(&attr, 5)));
	printf("setschedpolicy(9) = %s\n", strerror(pthread_attr_setschedpolicy(&attr, 9)));
	printf("setinheritsched(EXPLICIT) = %d\n", pthread_attr_setinheritsched(&attr, PTHREAD_EXPLICIT_SCHED));
	printf("FIFO priorities %d..%d, OTHER %d..%d\n", sched_get_priority_min(SCHED_FIFO),
	       sched_get_priority_max(SCHED_FIFO), sched_get_priority_min(SCHED_OTHER),
	       sched_get_priority_max(SCHED_OTHER));
	sp.sched_priority = 5;
	printf("setschedparam(OTHER, 5) = %s\n", strerror(pthread_attr_setschedparam(&attr, &sp)));
	pthread_attr_setinheritsched(&attr, PTHREAD_INHERIT_SCHED);

	int n = 7;
	void *r;
	pthread_t t;
	printf("create = %d\n", pthread_create(&t, &attr, work, &n));
	v = pthread_join(t, &r);
	printf("join = %d, result %ld\n", v, (long)r);

	pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
	pthread_attr_getdetachstate(&attr, &v);
	printf("detachstate %s\n", v == PTHREAD_CREATE_JOINABLE ? "joinable" : "detached");
	pthread_create(&t, &attr, work, &n);
	printf("join a detached thread = %s\n", strerror(pthread_join(t, &r)));
	printf("destroy = %d\n", pthread_attr_destroy(&attr));
	return 0;
}
