/* backoff: quick exits double the wait up to the cap; a stable run resets it. */
#include "check.h"
#include "backoff.h"

int main(void)
{
	struct backoff b = { 0 };
	uint64_t d = 0;

	CHECK_EQ_INT(backoff_after_exit(&b, 10), BACKOFF_MIN_MS);
	CHECK_EQ_INT(backoff_after_exit(&b, 10), 2 * BACKOFF_MIN_MS);
	CHECK_EQ_INT(backoff_after_exit(&b, 10), 4 * BACKOFF_MIN_MS);
	for (int i = 0; i < 40; i++)
		d = backoff_after_exit(&b, 10);
	CHECK_EQ_INT(d, BACKOFF_MAX_MS);
	/* Never past the cap, however often. */
	CHECK_EQ_INT(backoff_after_exit(&b, BACKOFF_STABLE_MS - 1), BACKOFF_MAX_MS);
	/* A healthy run forgets the past. */
	CHECK_EQ_INT(backoff_after_exit(&b, BACKOFF_STABLE_MS), BACKOFF_MIN_MS);
	CHECK_EQ_INT(backoff_after_exit(&b, 0), 2 * BACKOFF_MIN_MS);
	/* A service's own first wait (pppd: its redial holdoff) grows the same. */
	b = (struct backoff){ .min_ms = 5000 };
	CHECK_EQ_INT(backoff_after_exit(&b, 10), 5000);
	CHECK_EQ_INT(backoff_after_exit(&b, 10), 10000);
	CHECK_EQ_INT(backoff_after_exit(&b, 10), 20000);
	CHECK_EQ_INT(backoff_after_exit(&b, BACKOFF_STABLE_MS), 5000);
	return check_done();
}
