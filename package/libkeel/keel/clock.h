/*
 * keel/clock.h - time as plain integers, for timers, timeouts and reports.
 *
 * Monotonic time never jumps (a router often boots with no RTC and sets the
 * wall clock later), so all intervals use it. Boot time also counts time
 * spent suspended and is what /proc/uptime reports.
 */
#ifndef KEEL_CLOCK_H
#define KEEL_CLOCK_H

#include <stdint.h>
#include <time.h>

uint64_t clock_mono_ms(void);
uint64_t clock_mono_us(void);
uint64_t clock_boot_ms(void);

/* Pure conversions; negative fields (never produced by the kernel) give 0. */
uint64_t timespec_to_ms(const struct timespec *ts);
uint64_t timespec_to_us(const struct timespec *ts);

#endif /* KEEL_CLOCK_H */
