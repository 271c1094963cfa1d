/*
 * clock.c - monotonic and boot-time clocks in ms/us.
 */
#include <time.h>

#include "keel/clock.h"

uint64_t timespec_to_ms(const struct timespec *ts)
{
	if (ts->tv_sec < 0 || ts->tv_nsec < 0)
		return 0;
	return (uint64_t)ts->tv_sec * 1000u + (uint64_t)ts->tv_nsec / 1000000u;
}

uint64_t timespec_to_us(const struct timespec *ts)
{
	if (ts->tv_sec < 0 || ts->tv_nsec < 0)
		return 0;
	return (uint64_t)ts->tv_sec * 1000000u + (uint64_t)ts->tv_nsec / 1000u;
}

/*
 * clock_gettime() can only fail for an unknown clock id; both clocks used
 * here exist on every kernel Keel supports, so a failure reads as time 0
 * rather than burdening every caller with an error path.
 */
static struct timespec clock_now(clockid_t id)
{
	struct timespec ts = { 0, 0 };

	if (clock_gettime(id, &ts) < 0) {
		ts.tv_sec = 0;
		ts.tv_nsec = 0;
	}
	return ts;
}

uint64_t clock_mono_ms(void)
{
	struct timespec ts = clock_now(CLOCK_MONOTONIC);

	return timespec_to_ms(&ts);
}

uint64_t clock_mono_us(void)
{
	struct timespec ts = clock_now(CLOCK_MONOTONIC);

	return timespec_to_us(&ts);
}

uint64_t clock_boot_ms(void)
{
	struct timespec ts = clock_now(CLOCK_BOOTTIME);

	return timespec_to_ms(&ts);
}
