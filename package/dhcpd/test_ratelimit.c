/*
 * test_ratelimit.c - per-MAC and total token buckets.
 */
#include "check.h"
#include "ratelimit.h"

static const uint8_t mac_a[6] = { 2, 0, 0, 0, 0, 0xa };
static const uint8_t mac_b[6] = { 2, 0, 0, 0, 0, 0xb };

int main(void)
{
	struct ratelimit rl;
	unsigned ok = 0;
	uint64_t last = 0;

	/* 2/s per MAC, burst 4. */
	ratelimit_init(&rl, 2, 4, 0, 0);
	for (int i = 0; i < 10; i++)
		ok += (unsigned)ratelimit_allow(&rl, mac_a, 1000);
	CHECK_EQ_UINT(ok, 4);
	CHECK_EQ_UINT(rl.dropped_mac, 6);
	/* Another MAC has its own bucket. */
	CHECK(ratelimit_allow(&rl, mac_b, 1000));
	/* Refill: 2 per second. */
	CHECK(!ratelimit_allow(&rl, mac_a, 1400));
	CHECK(ratelimit_allow(&rl, mac_a, 1500));
	CHECK(!ratelimit_allow(&rl, mac_a, 1500));
	/* A long pause refills only up to the burst. */
	ok = 0;
	for (int i = 0; i < 10; i++)
		ok += (unsigned)ratelimit_allow(&rl, mac_a, 100000);
	CHECK_EQ_UINT(ok, 4);

	/* Total: 100/s, burst 10, across random MACs. */
	ratelimit_init(&rl, 0, 0, 100, 10);
	ok = 0;
	for (unsigned i = 0; i < 1000; i++) {
		uint8_t mac[6] = { 2, 0, 0, 0, (uint8_t)(i >> 8), (uint8_t)i };

		ok += (unsigned)ratelimit_allow(&rl, mac, 5000 + i);
	}
	/* 10 burst + 100/s over ~1 s. */
	CHECK_RANGE(ok, 100, 115);
	CHECK(rl.dropped_total > 800);
	/* No limits: everything passes. */
	ratelimit_init(&rl, 0, 0, 0, 0);
	for (int i = 0; i < 100; i++)
		CHECK(ratelimit_allow(&rl, mac_a, 1));

	CHECK(ratelimit_log_ok(&last, 5000, 1000));
	CHECK(!ratelimit_log_ok(&last, 5500, 1000));
	CHECK(ratelimit_log_ok(&last, 6000, 1000));
	return check_done();
}
