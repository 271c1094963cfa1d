/*
 * ratelimit.c - token buckets for DHCP starvation defence.
 */
#include <string.h>

#include "ratelimit.h"

void ratelimit_init(struct ratelimit *rl, uint32_t per_mac_rate,
		    uint32_t per_mac_burst, uint32_t total_rate,
		    uint32_t total_burst)
{
	memset(rl, 0, sizeof(*rl));
	rl->per_mac_rate = per_mac_rate;
	rl->per_mac_burst = per_mac_burst ? per_mac_burst : 1;
	rl->total_rate = total_rate;
	rl->total_burst = total_burst ? total_burst : 1;
}

/* Refills b and takes one token. Returns 1 if there was one. */
static int take(struct ratelimit_bucket *b, uint32_t rate, uint32_t burst,
		uint64_t now_ms)
{
	uint64_t cap = (uint64_t)burst * 1000;
	uint64_t tokens = b->tokens_milli;

	if (!b->used) {
		b->used = 1;
		tokens = cap;
	} else if (now_ms > b->last_ms) {
		/* rate packets/s = rate thousandths per ms. */
		tokens += (now_ms - b->last_ms) * rate;
	}
	if (tokens > cap)
		tokens = cap;
	b->last_ms = now_ms;
	if (tokens < 1000) {
		b->tokens_milli = (uint32_t)tokens;
		return 0;
	}
	b->tokens_milli = (uint32_t)(tokens - 1000);
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
	if (rl->per_mac_rate) {
		struct ratelimit_bucket *b = &rl->slots[slot_of(mac)];

		/* A colliding MAC takes the slot over with a full bucket:
		 * cheap, and a flooder only resets others' buckets. */
		if (b->used && memcmp(b->mac, mac, 6) != 0)
			b->used = 0;
		memcpy(b->mac, mac, 6);
		if (!take(b, rl->per_mac_rate, rl->per_mac_burst, now_ms)) {
			rl->dropped_mac++;
			return 0;
		}
	}
	if (rl->total_rate &&
	    !take(&rl->total, rl->total_rate, rl->total_burst, now_ms)) {
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
