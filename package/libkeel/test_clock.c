/*
 * test_clock.c - conversions and the clocks' behaviour.
 */
#include <time.h>

#include "check.h"
#include "keel/clock.h"

static void test_conversions(void)
{
	struct timespec ts = { .tv_sec = 1, .tv_nsec = 999999999 };
	struct timespec neg = { .tv_sec = -1, .tv_nsec = 0 };
	struct timespec big = { .tv_sec = 4000000000, .tv_nsec = 1000000 };

	CHECK_EQ_UINT(timespec_to_ms(&ts), 1999);
	CHECK_EQ_UINT(timespec_to_us(&ts), 1999999);
	CHECK_EQ_UINT(timespec_to_ms(&neg), 0);
	CHECK_EQ_UINT(timespec_to_us(&neg), 0);
	/* Past 2^32 ms (49 days of uptime) nothing wraps. */
	CHECK_EQ_UINT(timespec_to_ms(&big), 4000000000001ull);
}

static void test_clocks_advance(void)
{
	struct timespec nap = { .tv_sec = 0, .tv_nsec = 20 * 1000000 };
	uint64_t ms0 = clock_mono_ms(), us0 = clock_mono_us();
	uint64_t ms1, us1;

	nanosleep(&nap, NULL);
	ms1 = clock_mono_ms();
	us1 = clock_mono_us();
	CHECK_RANGE((long long)(ms1 - ms0), 20, 2000);
	CHECK_RANGE((long long)(us1 - us0), 20000, 2000000);
	/* ms and us read the same clock (slack for preemption between the
	 * two reads on a loaded machine; a unit mix-up is off by far more). */
	CHECK_RANGE((long long)(us1 / 1000 - ms1), 0, 100);
	/* Boot time includes suspend, so it is never behind monotonic. */
	CHECK(clock_boot_ms() >= ms1);
}

int main(void)
{
	test_conversions();
	test_clocks_advance();
	return check_done();
}
