/*
 * backoff.c - exponential restart delays for supervised services.
 */
#include "backoff.h"

uint64_t backoff_after_exit(struct backoff *b, uint64_t ran_ms)
{
	uint64_t min = b->min_ms ? b->min_ms : BACKOFF_MIN_MS;

	if (ran_ms >= BACKOFF_STABLE_MS || b->delay_ms == 0)
		b->delay_ms = min;
	else if (b->delay_ms < BACKOFF_MAX_MS / 2)
		b->delay_ms *= 2;
	else
		b->delay_ms = BACKOFF_MAX_MS;
	return b->delay_ms;
}
