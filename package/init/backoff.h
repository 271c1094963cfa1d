/*
 * backoff.h - when to restart a supervised service that exited.
 *
 * Exponential: each quick exit doubles the wait, up to BACKOFF_MAX_MS; a
 * run that lasted BACKOFF_STABLE_MS or more counts as healthy and resets
 * the wait to BACKOFF_MIN_MS. Pure, so the policy is unit-tested.
 */
#ifndef KEEL_INIT_BACKOFF_H
#define KEEL_INIT_BACKOFF_H

#include <stdint.h>

#define BACKOFF_MIN_MS 500
#define BACKOFF_MAX_MS 60000
#define BACKOFF_STABLE_MS 30000

struct backoff {
	uint64_t delay_ms;	/* the wait chosen after the last exit; 0 before any */
	uint32_t min_ms;	/* the first wait; 0: BACKOFF_MIN_MS */
};

/* After an exit of a run that lasted ran_ms: the delay before restarting. */
uint64_t backoff_after_exit(struct backoff *b, uint64_t ran_ms);

#endif /* KEEL_INIT_BACKOFF_H */
