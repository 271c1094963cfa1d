/*
 * test_ratelimit.c - per-MAC buckets at keel.conf rates (count per second,
 * minute or hour, exactly) and the total bucket.
 */
#include "check.h"
#include "ratelimit.h"

static const uint8_t mac_a[6] = { 2, 0, 0, 0, 0, 0xa };
static const uint8_t mac_b[6] = { 2, 0, 0, 0, 0, 0xb };

static unsigned allow_n(struct ratelimit *rl, const uint8_t mac[6],
			unsigned n, uint64_t now_ms)
{
	unsigned ok = 0;

	for (unsigned i = 0; i < n; i++)
		ok += (unsigned)ratelimit_allow(rl, mac, now_ms);
	return ok;
}

/* 30/m, the documented default: 30 at once, then one every 2 s. */
static void test_per_minute(void)
{
	struct ratelimit rl;
	unsigned ok = 0;

	ratelimit_init(&rl, 30, 60, 0, 0);
	CHECK_EQ_UINT(rl.per_mac.burst, 30);
	CHECK_EQ_UINT(allow_n(&rl, mac_a, 40, 1000), 30);
	CHECK_EQ_UINT(rl.dropped_mac, 10);
	/* Another MAC has its own bucket. */
	CHECK(ratelimit_allow(&rl, mac_b, 1000));
	CHECK(!ratelimit_allow(&rl, mac_a, 2999));
	CHECK(ratelimit_allow(&rl, mac_a, 3000));
	CHECK(!ratelimit_allow(&rl, mac_a, 3000));
	/* A flooder, ten packets a second for ten minutes, is answered 30
	 * times a minute: 300, not 0 (30/60 rounded) nor 6000 (1/s). */
	for (uint64_t t = 3100; t <= 3000 + 600000; t += 100)
		ok += (unsigned)ratelimit_allow(&rl, mac_a, t);
	CHECK_EQ_UINT(ok, 300);
	/* A long pause refills only up to the burst (and cannot overflow). */
	CHECK_EQ_UINT(allow_n(&rl, mac_a, 100, 1000000000000ull), 30);
}

/* 100/h: a burst of 100, then one every 36 s. */
static void test_per_hour(void)
{
	struct ratelimit rl;
	unsigned ok = 0;

	ratelimit_init(&rl, 100, 3600, 0, 0);
	CHECK_EQ_UINT(allow_n(&rl, mac_a, 150, 5000), 100);
	CHECK(!ratelimit_allow(&rl, mac_a, 5000 + 35999));
	CHECK(ratelimit_allow(&rl, mac_a, 5000 + 36000));
	CHECK(!ratelimit_allow(&rl, mac_a, 5000 + 36001));
	/* Two hours of one packet a second: 200 more. */
	for (uint64_t t = 5000 + 37000; t <= 5000 + 36000 + 7200000;
	     t += 1000)
		ok += (unsigned)ratelimit_allow(&rl, mac_a, t);
	CHECK_EQ_UINT(ok, 200);
}

/* Small rates still let a client boot: the burst has a floor. */
static void test_burst_floor(void)
{
	struct ratelimit rl;

	ratelimit_init(&rl, 1, 3600, 0, 0);
	CHECK_EQ_UINT(rl.per_mac.burst, RATELIMIT_MAC_BURST_MIN);
	CHECK_EQ_UINT(allow_n(&rl, mac_a, 40, 1000), RATELIMIT_MAC_BURST_MIN);
	CHECK_EQ_UINT(ratelimit_mac_burst(1000), 1000);
	/* Per second (the -l N of old): 2/s refills one every 500 ms. */
	ratelimit_init(&rl, 2, 1, 0, 0);
	CHECK_EQ_UINT(allow_n(&rl, mac_a, 20, 1000), RATELIMIT_MAC_BURST_MIN);
	CHECK(!ratelimit_allow(&rl, mac_a, 1499));
	CHECK(ratelimit_allow(&rl, mac_a, 1500));
	CHECK(!ratelimit_allow(&rl, mac_a, 1500));
}

/* At 30/m a well-behaved client is never limited: PXE then the OS each do
 * DORA with retries, then renewals of a 120 s lease for an hour, a
 * restart with a new DORA, and a release. */
static void test_normal_client(void)
{
	static const uint64_t boot[] = {
		0, 1000, 3000, 7000, 7100, 9100,	/* PXE */
		20000, 24000, 24100, 28100,		/* the OS */
	};
	struct ratelimit rl;
	unsigned ok = 0, sent = 0;

	ratelimit_init(&rl, 30, 60, 1000, 2000);
	for (unsigned i = 0; i < sizeof(boot) / sizeof(boot[0]); i++, sent++)
		ok += (unsigned)ratelimit_allow(&rl, mac_a, 10000 + boot[i]);
	for (uint64_t t = 100000; t < 3700000; t += 60000, sent++)
		ok += (unsigned)ratelimit_allow(&rl, mac_a, t);
	ok += allow_n(&rl, mac_a, 5, 3700000);	/* DORA again, a release */
	sent += 5;
	CHECK_EQ_UINT(ok, sent);
	CHECK_EQ_UINT(rl.dropped_mac, 0);
}

/* perfdhcp's random MACs: each does one DORA, none is limited per MAC. */
static void test_random_macs(void)
{
	struct ratelimit rl;
	unsigned ok = 0;

	ratelimit_init(&rl, 30, 60, 0, 0);
	for (unsigned i = 0; i < 5000; i++) {
		uint8_t mac[6] = { 2, 0, 0, (uint8_t)(i >> 16),
				   (uint8_t)(i >> 8), (uint8_t)i };

		ok += allow_n(&rl, mac, 2, 1000 + i / 5);
	}
	CHECK_EQ_UINT(ok, 10000);
}

int main(void)
{
	struct ratelimit rl;
	unsigned ok = 0;
	uint64_t last = 0;

	test_per_minute();
	test_per_hour();
	test_burst_floor();
	test_normal_client();
	test_random_macs();

	/* Total: 100/s, burst 10, across random MACs. */
	ratelimit_init(&rl, 0, 0, 100, 10);
	for (unsigned i = 0; i < 1000; i++) {
		uint8_t mac[6] = { 2, 0, 0, 0, (uint8_t)(i >> 8), (uint8_t)i };

		ok += (unsigned)ratelimit_allow(&rl, mac, 5000 + i);
	}
	/* 10 burst + 100/s over ~1 s. */
	CHECK_RANGE(ok, 100, 115);
	CHECK(rl.dropped_total > 800);
	/* No limits ("off"): everything passes. */
	ratelimit_init(&rl, 0, 0, 0, 0);
	CHECK_EQ_UINT(allow_n(&rl, mac_a, 10000, 1), 10000);
	CHECK_EQ_UINT(rl.dropped_mac + rl.dropped_total, 0);

	CHECK(ratelimit_log_ok(&last, 5000, 1000));
	CHECK(!ratelimit_log_ok(&last, 5500, 1000));
	CHECK(ratelimit_log_ok(&last, 6000, 1000));
	return check_done();
}
