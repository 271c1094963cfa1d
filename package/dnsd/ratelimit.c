/*
 * ratelimit.c - token bucket per client address.
 */
#include <stdlib.h>
#include <string.h>

#include "ratelimit.h"

#define PROBE_WINDOW 8

int ratelimit_init(struct ratelimit *rl, size_t clients, uint32_t rate,
		   uint32_t burst, uint64_t seed)
{
	size_t size = PROBE_WINDOW;

	memset(rl, 0, sizeof(*rl));
	rl->rate = rate;
	rl->burst = burst ? burst : rate;
	rl->seed = seed;
	if (rate == 0)
		return 0;
	while (size < clients && size < (1u << 20))
		size <<= 1;
	rl->clients = calloc(size, sizeof(*rl->clients));
	if (!rl->clients)
		return -1;
	rl->size = size;
	return 0;
}

void ratelimit_free(struct ratelimit *rl)
{
	free(rl->clients);
	rl->clients = NULL;
	rl->size = 0;
}

static size_t addr_hash(uint64_t seed, const uint8_t addr[16])
{
	uint64_t h = 0xcbf29ce484222325ull ^ seed;
	int i;

	for (i = 0; i < 16; i++)
		h = (h ^ addr[i]) * 0x100000001b3ull;
	h ^= h >> 29;
	return (size_t)h;
}

bool ratelimit_allow(struct ratelimit *rl, const uint8_t addr[16],
		     uint64_t now_ms)
{
	struct ratelimit_client *c = NULL, *oldest = NULL;
	uint64_t cap = (uint64_t)rl->burst * 1000, tokens;
	size_t base, i;

	if (rl->rate == 0)
		return true;
	base = addr_hash(rl->seed, addr);
	for (i = 0; i < PROBE_WINDOW; i++) {
		struct ratelimit_client *slot =
			&rl->clients[(base + i) & (rl->size - 1)];

		if (slot->used && memcmp(slot->addr, addr, 16) == 0) {
			c = slot;
			break;
		}
		if (!slot->used) {
			if (!oldest || oldest->used)
				oldest = slot;
		} else if (!oldest || (oldest->used &&
				       slot->last_ms < oldest->last_ms)) {
			oldest = slot;
		}
	}
	if (!c) {
		c = oldest;
		if (c->used)
			rl->forgotten++;
		memcpy(c->addr, addr, 16);
		c->used = true;
		c->tokens_milli = (uint32_t)cap;
		c->last_ms = now_ms;
	}
	tokens = c->tokens_milli;
	if (now_ms > c->last_ms) {
		/* rate tokens per 1000 ms = rate milli-tokens per ms. */
		uint64_t gained = (now_ms - c->last_ms) * rl->rate;

		tokens = tokens + gained > cap ? cap : tokens + gained;
		c->last_ms = now_ms;
	}
	if (tokens < 1000) {
		c->tokens_milli = (uint32_t)tokens;
		rl->limited++;
		return false;
	}
	c->tokens_milli = (uint32_t)(tokens - 1000);
	return true;
}
