/*
 * delegated.c - the delegated-prefix table (delegated.h): the lease in,
 * the RA's timed prefixes out.
 */
#include <string.h>

#include "delegated.h"

#define DEPRECATED_VALID_MAX_MS	((uint64_t)LEASE6_DEPRECATED_VALID_MAX * 1000)

static const struct delegated_prefix *find(const struct delegated *t,
					   const uint8_t addr[16])
{
	for (unsigned i = 0; i < t->count; i++)
		if (!memcmp(t->p[i].addr, addr, 16))
			return &t->p[i];
	return NULL;
}

/* Deprecated from now on: the valid deadline at most 2 hours away, and
 * never pushed back, so repeated RAs cannot keep a dead prefix alive (RFC
 * 4862 section 5.5.3 (e) would let a 7200 s lifetime renew it forever). */
static void deprecate(struct delegated_prefix *p,
		      const struct delegated_prefix *before, uint64_t now_ms)
{
	uint64_t cap = now_ms + DEPRECATED_VALID_MAX_MS;

	if (before && before->deprecated && before->valid_until_ms < cap)
		cap = before->valid_until_ms;
	if (p->valid_until_ms > cap)
		p->valid_until_ms = cap;
	p->pref_until_ms = 0;
	p->deprecated = 1;
}

unsigned delegated_update(struct delegated *t, const struct lease6 *lease,
			  uint64_t now_ms)
{
	struct delegated next;
	unsigned dropped = 0;

	memset(&next, 0, sizeof(next));
	for (unsigned i = 0; lease && i < lease->count; i++) {
		const struct lease6_prefix *l = &lease->prefixes[i];
		struct delegated_prefix *p;

		if (next.count >= DELEGATED_MAX) {
			dropped++;
			continue;
		}
		p = &next.p[next.count++];
		memcpy(p->addr, l->addr, 16);
		p->pref_until_ms = l->pref_until_ms;
		p->valid_until_ms = l->valid_until_ms;
		p->deprecated = 0;
		if (l->deprecated)
			deprecate(p, find(t, l->addr), now_ms);
	}
	/* Announced before, gone from the lease: deprecated, not dropped. */
	for (unsigned i = 0; i < t->count; i++) {
		struct delegated_prefix p = t->p[i];

		if (find(&next, p.addr) || p.valid_until_ms <= now_ms)
			continue;
		deprecate(&p, &t->p[i], now_ms);
		if (next.count >= DELEGATED_MAX) {
			dropped++;
			continue;
		}
		next.p[next.count++] = p;
	}
	*t = next;
	return dropped;
}

static int configured(const struct ra_config *ra, const uint8_t addr[16])
{
	for (unsigned i = 0; i < ra->prefix_count; i++)
		if (!memcmp(ra->prefixes[i].addr, addr, 16))
			return 1;
	return 0;
}

void delegated_to_ra(struct delegated *t, struct ra_config *ra,
		     uint64_t now_ms)
{
	unsigned kept = 0;

	ra->timed_count = 0;
	for (unsigned i = 0; i < t->count; i++) {
		const struct delegated_prefix *p = &t->p[i];
		uint32_t valid = lease6_remaining(p->valid_until_ms, now_ms);
		struct ra_timed_prefix *out;

		/* Run out: hosts drop it themselves; the table forgets it. */
		if (!valid)
			continue;
		t->p[kept++] = *p;
		if (configured(ra, p->addr) || ra->timed_count >= RA_TIMED_MAX)
			continue;
		out = &ra->timed[ra->timed_count++];
		memcpy(out->prefix.addr, p->addr, 16);
		out->prefix.len = 64;
		out->valid_secs = valid;
		out->preferred_secs = p->deprecated ? 0 :
			lease6_remaining(p->pref_until_ms, now_ms);
		if (out->preferred_secs > valid)
			out->preferred_secs = valid;
	}
	t->count = kept;
}
