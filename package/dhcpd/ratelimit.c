/*
 * ratelimit.c - token buckets for DHCP starvation defence.
 *
 * A limit of count packets per period_ms refills count units every
 * millisecond and a packet costs period_ms units, so a bucket gains exactly
 * count packets per period in integer arithmetic, whatever the period: 30/m
 * is 30 a minute, not 0/s or 1/s. A full bucket holds burst packets
 * (burst * period_ms units: at most 1e6 * 3.6e6, well inside 64 bits).
 */
#include <string.h>

#include "ratelimit.h"

uint32_t ratelimit_mac_burst(uint32_t count)
{
	return count > RATELIMIT_MAC_BURST_MIN ? count :
	       RATELIMIT_MAC_BURST_MIN;
}

void ratelimit_init(struct ratelimit *rl, uint32_t per_mac_count,
		    uint32_t per_mac_secs, uint32_t total_rate,
		    uint32_t total_burst)
{
	memset(rl, 0, sizeof(*rl));
	rl->per_mac.count = per_mac_count;
	rl->per_mac.period_ms = (per_mac_secs ? per_mac_secs : 1) * 1000;
	rl->per_mac.burst = ratelimit_mac_burst(per_mac_count);
	rl->total.count = total_rate;
	rl->total.period_ms = 1000;
	rl->total.burst = total_burst ? total_burst : 1;
}

int ratelimit_take(struct ratelimit_bucket *b,
		   const struct ratelimit_limit *lim, uint64_t now_ms)
{
	uint64_t cost = lim->period_ms;
	uint64_t cap = (uint64_t)lim->burst * cost;
	uint64_t tokens = b->tokens;

	if (!b->used) {
		b->used = 1;
		tokens = cap;
	} else if (now_ms > b->last_ms) {
		uint64_t elapsed = now_ms - b->last_ms;

		/* A long pause fills the bucket; no product can overflow. */
		if (elapsed >= cap / lim->count + 1)
			tokens = cap;
		else
			tokens += elapsed * lim->count;
	}
	if (tokens > cap)
		tokens = cap;
	b->last_ms = now_ms;
	if (tokens < cost) {
		b->tokens = tokens;
		return 0;
	}
	b->tokens = tokens - cost;
	return 1;
}

static unsigned slot_of(const uint8_t mac[6])
{
	uint32_t h = 2166136261u;

	for (int i = 0; i < 6; i++)
		h = (h ^ mac[i]) * 16777619u;
	return h % RATELIMIT_SLOTS;
}

int ratelimit_allow(struct ratelimit *rl, const uint8_t mac[6],
		    uint64_t now_ms)
{
	if (rl->per_mac.count) {
		struct ratelimit_bucket *b = &rl->slots[slot_of(mac)];

		/* A colliding MAC takes the slot over with a full bucket:
		 * cheap, and a flooder only resets others' buckets. */
		if (b->used && memcmp(b->mac, mac, 6) != 0)
			b->used = 0;
		memcpy(b->mac, mac, 6);
		if (!ratelimit_take(b, &rl->per_mac, now_ms)) {
			rl->dropped_mac++;
			return 0;
		}
	}
	if (rl->total.count &&
	    !ratelimit_take(&rl->total_bucket, &rl->total, now_ms)) {
		rl->dropped_total++;
		return 0;
	}
	return 1;
}

int ratelimit_log_ok(uint64_t *last_ms, uint64_t now_ms,
		     uint64_t interval_ms)
{
	if (*last_ms && now_ms - *last_ms < interval_ms)
		return 0;
	*last_ms = now_ms ? now_ms : 1;
	return 1;
}
