#include <errno.h>
#include <osplay.h>

extern int __errno_main; /* start.c */

/*
 * The calling thread's errno: the main thread's is __errno_main, another
 * thread's the word the kernel keeps at the top of its stack slot, found
 * from where the thread's stack is (<osplay.h> gives the layout). No
 * system call: reading errno costs what reading a variable costs. On an
 * alternate signal stack (sigaltstack), below every thread's stack, the
 * kernel says where it is.
 */
int *__errno_location(void)
{
	char here;
	unsigned long sp = (unsigned long)&here;
	unsigned long main_low = __OSPLAY_STACK_TOP - __OSPLAY_STACK_SIZE;
	unsigned long slot, high;
	if (sp >= main_low)
		return &__errno_main;
	if (sp < __OSPLAY_STACK_TOP - (1UL << 32))
		return __osplay_errno_addr();
	slot = (main_low - __OSPLAY_GUARD - 1 - sp) / (__OSPLAY_STACK_SIZE + __OSPLAY_GUARD);
	high = main_low - __OSPLAY_GUARD - slot * (__OSPLAY_STACK_SIZE + __OSPLAY_GUARD);
	return (int *)(high - __OSPLAY_ERRNO_SLOT);
}
