/*
 * test_ratelimit.c - token buckets: burst, refill, separate clients, a
 * bounded table under a flood of sources, and rates per minute and hour
 * kept as written (30/m is one query every 2 s, not 0 or 1/s).
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

/* 30/m, burst 30: the burst, then one query per 2000 ms exactly. */
static void test_per_minute(void)
{
	struct ratelimit rl;
	uint8_t a[16];
	unsigned i, allowed = 0;

	addr(a, 7);
	CHECK_EQ_INT(ratelimit_init(&rl, 64, 30, 60, 30, 1), 0);
	for (i = 0; i < 100; i++)
		allowed += ratelimit_allow(&rl, a, 5000);
	CHECK_EQ_UINT(allowed, 30);
	CHECK(!ratelimit_allow(&rl, a, 6999));
	CHECK(ratelimit_allow(&rl, a, 7000));
	CHECK(!ratelimit_allow(&rl, a, 7000));
	/* Asked every millisecond: still one per 2 s, no credit lost to
	 * rounding between calls. */
	for (i = 1, allowed = 0; i <= 60000; i++)
		allowed += ratelimit_allow(&rl, a, 7000 + i);
	CHECK_EQ_UINT(allowed, 30);
	ratelimit_free(&rl);
	/* No burst given: the count. */
	CHECK_EQ_INT(ratelimit_init(&rl, 64, 30, 60, 0, 1), 0);
	CHECK_EQ_UINT(rl.burst, 30);
	ratelimit_free(&rl);
}

/* 1/h: after the one query, nothing for an hour, then exactly one. */
static void test_per_hour(void)
{
	struct ratelimit rl;
	uint8_t a[16];
	unsigned i, allowed = 0;

	addr(a, 8);
	CHECK_EQ_INT(ratelimit_init(&rl, 64, 1, 3600, 1, 1), 0);
	CHECK(ratelimit_allow(&rl, a, 0));
	for (i = 1; i < 3600; i++)
		allowed += ratelimit_allow(&rl, a, (uint64_t)i * 1000);
	CHECK_EQ_UINT(allowed, 0);
	CHECK(!ratelimit_allow(&rl, a, 3599999));
	CHECK(ratelimit_allow(&rl, a, 3600000));
	/* Idle for years: full again, and no overflow on the way. */
	CHECK(ratelimit_allow(&rl, a, 100000000000ull));
	CHECK(!ratelimit_allow(&rl, a, 100000000001ull));
	ratelimit_free(&rl);
	/* The largest rates and bursts: no overflow in the credit. */
	CHECK_EQ_INT(ratelimit_init(&rl, 64, 1000000, 3600, 2000000, 1), 0);
	for (i = 0, allowed = 0; i < 1000; i++)
		allowed += ratelimit_allow(&rl, a, 0xffffffffffull + i);
	CHECK_EQ_UINT(allowed, 1000);
	ratelimit_free(&rl);
}

/* A client at 7/m for ten minutes, asking far faster: 70 answers plus
 * its burst, whatever the spacing of its queries. */
static void test_steady(void)
{
	struct ratelimit rl;
	uint8_t a[16];
	unsigned i, allowed = 0;

	addr(a, 9);
	CHECK_EQ_INT(ratelimit_init(&rl, 64, 7, 60, 7, 1), 0);
	for (i = 0; i <= 600000; i += 13)
		allowed += ratelimit_allow(&rl, a, 1000 + i);
	CHECK_RANGE(allowed, 7 + 70 - 1, 7 + 70);
	ratelimit_free(&rl);
}

int main(void)
{
	struct ratelimit rl;
	uint8_t a[16], b[16];
	unsigned i, allowed = 0;

	CHECK_EQ_INT(ratelimit_init(&rl, 64, 10, 1, 5, 1), 0);
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
	CHECK_EQ_INT(ratelimit_init(&rl, 64, 0, 0, 0, 1), 0);
	for (i = 0, allowed = 0; i < 1000; i++)
		allowed += ratelimit_allow(&rl, a, 0);
	CHECK_EQ_UINT(allowed, 1000);
	ratelimit_free(&rl);
	test_per_minute();
	test_per_hour();
	test_steady();
	return check_done();
}
