/*
 * test_ratelimit.c - token buckets: burst, refill, separate clients, and
 * a bounded table under a flood of sources.
 */
#include <string.h>

#include "check.h"
#include "ratelimit.h"

static void addr(uint8_t a[16], unsigned n)
{
	memset(a, 0, 16);
	a[12] = (uint8_t)(n >> 24);
	a[13] = (uint8_t)(n >> 16);
	a[14] = (uint8_t)(n >> 8);
	a[15] = (uint8_t)n;
}

int main(void)
{
	struct ratelimit rl;
	uint8_t a[16], b[16];
	unsigned i, allowed = 0;

	CHECK_EQ_INT(ratelimit_init(&rl, 64, 10, 5, 1), 0);
	addr(a, 1);
	addr(b, 2);
	for (i = 0; i < 20; i++)
		allowed += ratelimit_allow(&rl, a, 1000);
	CHECK_EQ_UINT(allowed, 5);
	CHECK_EQ_UINT(rl.limited, 15);
	/* Another client has its own bucket. */
	CHECK(ratelimit_allow(&rl, b, 1000));
	/* 10/s: one token per 100 ms. */
	CHECK(!ratelimit_allow(&rl, a, 1050));
	CHECK(ratelimit_allow(&rl, a, 1150));
	CHECK(!ratelimit_allow(&rl, a, 1150));
	/* Refill stops at the burst. */
	for (i = 0, allowed = 0; i < 20; i++)
		allowed += ratelimit_allow(&rl, a, 100000);
	CHECK_EQ_UINT(allowed, 5);
	/* A flood of sources stays inside the table, forgetting old ones. */
	for (i = 0; i < 10000; i++) {
		addr(b, 1000 + i);
		ratelimit_allow(&rl, b, 200000 + i);
	}
	CHECK(rl.forgotten > 9000);
	CHECK_EQ_UINT(rl.size, 64);
	ratelimit_free(&rl);
	/* Rate 0: off. */
	CHECK_EQ_INT(ratelimit_init(&rl, 64, 0, 0, 1), 0);
	for (i = 0, allowed = 0; i < 1000; i++)
		allowed += ratelimit_allow(&rl, a, 0);
	CHECK_EQ_UINT(allowed, 1000);
	ratelimit_free(&rl);
	return check_done();
}
