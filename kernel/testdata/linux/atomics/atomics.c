/* gcc's atomic builtins, as OSTEP's locks use them (ch. 28): a spin lock
 * on test-and-set, one on compare-and-swap, a ticket lock on
 * fetch-and-add, and the __atomic forms; every count comes out exact. */
#include <pthread.h>
#include <sched.h>
#include <stdio.h>

#define THREADS 3
#define LOOPS 300

static int tas_flag, cas_flag;
static int ticket, turn;
static int tas_count, cas_count, ticket_count, atomic_count;
static long wide;
static char small;

static void tas_lock(void) { while (__sync_lock_test_and_set(&tas_flag, 1) == 1) sched_yield(); }
static void tas_unlock(void) { __sync_lock_release(&tas_flag); }
static void cas_lock(void) { while (!__sync_bool_compare_and_swap(&cas_flag, 0, 1)) sched_yield(); }
static void cas_unlock(void) { __sync_synchronize(); cas_flag = 0; }

static void ticket_lock(void)
{
	int mine = __sync_fetch_and_add(&ticket, 1);
	while (__atomic_load_n(&turn, __ATOMIC_ACQUIRE) != mine)
		sched_yield();
}
static void ticket_unlock(void) { __atomic_fetch_add(&turn, 1, __ATOMIC_RELEASE); }

static void *worker(void *arg)
{
	for (int i = 0; i < LOOPS; i++) {
		tas_lock();
		tas_count++;
		tas_unlock();
		cas_lock();
		cas_count++;
		cas_unlock();
		ticket_lock();
		ticket_count++;
		ticket_unlock();
		int seen = __atomic_load_n(&atomic_count, __ATOMIC_RELAXED);
		while (!__atomic_compare_exchange_n(&atomic_count, &seen, seen + 1, 0,
		                                    __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST))
			;
		__sync_fetch_and_add(&wide, 1L << 33);
	}
	return NULL;
}

int main(void)
{
	pthread_t t[THREADS];
	for (int i = 0; i < THREADS; i++)
		pthread_create(&t[i], NULL, worker, NULL);
	for (int i = 0; i < THREADS; i++)
		pthread_join(t[i], NULL);
	printf("tas %d cas %d ticket %d atomic %d (want %d each)\n", tas_count, cas_count,
	       ticket_count, atomic_count, THREADS * LOOPS);
	printf("wide %ld (want %ld)\n", wide, (long)THREADS * LOOPS << 33);

	/* Each result printed after the call: printf's arguments are not
	   evaluated in any fixed order. */
	int x = 5, r;
	r = __sync_val_compare_and_swap(&x, 5, 7);
	printf("val_cas %d -> %d\n", r, x);
	r = __sync_val_compare_and_swap(&x, 5, 9);
	printf("val_cas miss %d -> %d\n", r, x);
	r = __sync_add_and_fetch(&x, 3);
	printf("add_and_fetch %d\n", r);
	r = __sync_sub_and_fetch(&x, 1);
	printf("sub_and_fetch %d\n", r);
	r = __atomic_exchange_n(&x, 42, __ATOMIC_SEQ_CST);
	printf("exchange %d -> %d\n", r, x);
	__atomic_store_n(&x, -1, __ATOMIC_SEQ_CST);
	printf("store %d\n", x);
	int expected = 0;
	r = __atomic_compare_exchange_n(&x, &expected, 1, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
	printf("compare_exchange miss %d, expected now %d\n", r, expected);
	expected = -1;
	r = __atomic_compare_exchange_n(&x, &expected, 12, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
	printf("compare_exchange hit %d, x now %d\n", r, x);
	small = 127;
	r = __sync_fetch_and_add(&small, 1);
	printf("char fetch_add %d -> %d\n", r, small);
	r = __sync_fetch_and_or(&x, 1);
	printf("or %d -> %d\n", r, x);
	r = __sync_fetch_and_and(&x, 6);
	printf("and %d -> %d\n", r, x);
	r = __sync_fetch_and_xor(&x, 3);
	printf("xor %d -> %d\n", r, x);
	r = __sync_lock_test_and_set(&x, 1);
	__sync_lock_release(&x);
	printf("test_and_set %d, released %d\n", r, x);
	return 0;
}
