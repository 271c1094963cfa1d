/*
 * ratelimit.h - starvation defence: token buckets per MAC and in total, in
 * a fixed table (a flood of random MACs evicts entries, it cannot grow it).
 * Times are monotonic milliseconds.
 */
#ifndef DHCPD_RATELIMIT_H
#define DHCPD_RATELIMIT_H

#include <stdint.h>

#define RATELIMIT_SLOTS 256

/* The per-MAC burst is the limit's count, but never below this: a client
 * that boots does DISCOVER and REQUEST with up to four tries each (RFC 2131
 * 4.1 backoff), twice over when firmware (PXE) and then the OS each ask;
 * with a renewal or two that is about 16 packets within seconds, and a
 * low rate such as 1/m or 100/h must not refuse them. */
#define RATELIMIT_MAC_BURST_MIN 16

struct ratelimit_bucket {
	uint8_t mac[6];
	uint8_t used;
	uint64_t tokens;	/* in units of 1/period_ms packet */
	uint64_t last_ms;
};

/* count packets per period_ms, bursts of up to burst packets; count 0: no
 * limit. */
struct ratelimit_limit {
	uint32_t count;
	uint32_t period_ms;
	uint32_t burst;
};

struct ratelimit {
	struct ratelimit_limit per_mac, total;
	struct ratelimit_bucket total_bucket;
	struct ratelimit_bucket slots[RATELIMIT_SLOTS];
	uint64_t dropped_mac, dropped_total;
};

/* Per client MAC: per_mac_count packets per per_mac_secs seconds, exactly
 * (30 per 60 s is 30 a minute, not rounded to a per-second rate), burst
 * ratelimit_mac_burst(per_mac_count). In total: total_rate packets/s,
 * bursts of total_burst. A count or rate of 0 disables that limit. */
void ratelimit_init(struct ratelimit *rl, uint32_t per_mac_count,
		    uint32_t per_mac_secs, uint32_t total_rate,
		    uint32_t total_burst);
/* The per-MAC burst for a count: max(count, RATELIMIT_MAC_BURST_MIN). */
uint32_t ratelimit_mac_burst(uint32_t count);
/* 1 if a packet from mac may be served now, 0 if it is dropped. */
int ratelimit_allow(struct ratelimit *rl, const uint8_t mac[6],
		    uint64_t now_ms);

/* Refills b and takes one event's worth: 1 if there was one, else 0. A
 * bucket that was never used starts full. */
int ratelimit_take(struct ratelimit_bucket *b,
		   const struct ratelimit_limit *lim, uint64_t now_ms);

/* For log lines that could flood: 1 at most once per interval_ms. */
int ratelimit_log_ok(uint64_t *last_ms, uint64_t now_ms,
		     uint64_t interval_ms);

#endif /* DHCPD_RATELIMIT_H */
