/*
 * ratelimit.c - token bucket per client address.
 */
#include <stdlib.h>
#include <string.h>

#include "ratelimit.h"

#define PROBE_WINDOW 8

int ratelimit_init(struct ratelimit *rl, size_t clients, uint32_t count,
		   uint32_t per_seconds, uint32_t burst, uint64_t seed)
{
	size_t size = PROBE_WINDOW;

	memset(rl, 0, sizeof(*rl));
	rl->count = count;
	rl->per_seconds = per_seconds ? per_seconds : 1;
	rl->burst = burst ? burst : count;
	rl->cost = (uint64_t)rl->per_seconds * 1000;
	rl->cap = (uint64_t)rl->burst * rl->cost;
	rl->seed = seed;
	if (count == 0)
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
	uint64_t credit;
	size_t base, i;

	if (rl->count == 0)
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
		c->credit = rl->cap;
		c->last_ms = now_ms;
	}
	credit = c->credit;
	if (now_ms > c->last_ms) {
		uint64_t elapsed = now_ms - c->last_ms;

		/* Compare before multiplying: a client idle for days would
		 * overflow elapsed * count. */
		if (elapsed >= (rl->cap - credit) / rl->count + 1)
			credit = rl->cap;
		else
			credit += elapsed * rl->count;
		c->last_ms = now_ms;
	}
	if (credit < rl->cost) {
		c->credit = credit;
		rl->limited++;
		return false;
	}
	c->credit = credit - rl->cost;
	return true;
}
