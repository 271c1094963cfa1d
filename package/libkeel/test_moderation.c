/*
 * test_moderation.c - storm detection: a normal rate never holds, a storm
 * does, and holding stops soon after the storm does.
 */
#include "check.h"
#include "keel/moderation.h"

int main(void)
{
	struct moderation m;
	uint64_t t = 1000000;
	unsigned held = 0;

	/* 100 packets per 100 ms window = 1000 packets/s is a storm. */
	moderation_init(&m, 100, 100);
	/* 500 packets/s (one every 2 ms) never holds. */
	for (int i = 0; i < 1000; i++, t += 2)
		held += moderation_after_read(&m, t, 1);
	CHECK_EQ_UINT(held, 0);

	/* 2000 packets/s: holds from the 100th packet of a window on, and
	 * through the whole of the next window. */
	held = 0;
	for (int i = 0; i < 400; i++) {
		held += moderation_after_read(&m, t, 1);
		t += (uint64_t)(i % 2);
	}
	CHECK(held >= 400 - 100);
	CHECK(moderation_after_read(&m, t, 1));

	/* A batch counts all its packets. */
	moderation_init(&m, 100, 100);
	CHECK(!moderation_after_read(&m, 5000, 99));
	CHECK(moderation_after_read(&m, 5001, 1));
	/* The next window stays hot even on a trickle... */
	CHECK(moderation_after_read(&m, 5100, 1));
	/* ...but the one after a quiet window does not. */
	CHECK(!moderation_after_read(&m, 5200, 1));

	/* After a long silence the old storm is forgotten. */
	moderation_init(&m, 100, 100);
	CHECK(moderation_after_read(&m, 7000, 200));
	CHECK(!moderation_after_read(&m, 7350, 1));

	/* A short window: 10 ms, 100 packets = 10000 packets/s. */
	moderation_init(&m, 10, 100);
	CHECK(!moderation_after_read(&m, 20000, 50));
	CHECK(!moderation_after_read(&m, 20011, 50));
	CHECK(moderation_after_read(&m, 20012, 60));

	/* The count saturates instead of wrapping; zero settings are
	 * clamped to 1. */
	moderation_init(&m, 0, 0);
	CHECK_EQ_UINT(m.window_ms, 1);
	CHECK(moderation_after_read(&m, 1, 1));
	m.count = UINT32_MAX - 1;
	CHECK(moderation_after_read(&m, 1, 5));
	CHECK_EQ_UINT(m.count, UINT32_MAX);
	return check_done();
}
