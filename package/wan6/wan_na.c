/*
 * wan_na.c - which IA_NA addresses the WAN should hold (wan_na.h).
 */
#include <string.h>

#include "wan_na.h"

uint32_t wan_na_secs_left(uint64_t until_ms, uint64_t now)
{
	uint64_t secs;

	if (until_ms == ENGINE_NEVER)
		return 0xffffffffu;
	if (until_ms <= now)
		return 0;
	secs = (until_ms - now + 999) / 1000;
	/* 0xffffffff would mean forever to the kernel. */
	return secs >= 0xffffffffu ? 0xfffffffeu : (uint32_t)secs;
}

static int failed(const struct wan_na *t, const uint8_t addr[16])
{
	for (unsigned i = 0; i < t->n_failed; i++)
		if (!memcmp(t->failed[i], addr, 16))
			return 1;
	return 0;
}

/* The lease's address that should be on the WAN, or NULL. */
static const struct engine_addr *wanted(const struct engine *e,
					const struct wan_na *t,
					const uint8_t addr[16], uint64_t now)
{
	for (unsigned i = 0; i < e->n_addrs; i++)
		if (!memcmp(e->addrs[i].addr, addr, 16))
			return e->addrs[i].valid_until > now &&
			       !failed(t, addr) ? &e->addrs[i] : NULL;
	return NULL;
}

static int in_lease(const struct engine *e, const uint8_t addr[16])
{
	for (unsigned i = 0; i < e->n_addrs; i++)
		if (!memcmp(e->addrs[i].addr, addr, 16))
			return 1;
	return 0;
}

unsigned wan_na_plan(struct wan_na *t, const struct engine *e, int ifindex,
		     uint64_t now, struct wan_na_req out[WAN_NA_REQ_MAX])
{
	struct wan_na_entry next[WAN_NA_MAX];
	unsigned n_next = 0, n_out = 0;

	/* A failure is forgotten with the address (a later lease may have
	 * it again, and then DAD decides again). */
	for (unsigned i = 0; i < t->n_failed;)
		if (!in_lease(e, t->failed[i]))
			memcpy(t->failed[i], t->failed[--t->n_failed], 16);
		else
			i++;
	if (ifindex != t->ifindex) {
		t->n = 0;
		t->ifindex = ifindex;
	}
	if (!ifindex)
		return 0;
	for (unsigned i = 0; i < e->n_addrs && n_next < WAN_NA_MAX; i++) {
		const struct engine_addr *a = &e->addrs[i];
		const struct wan_na_entry *h = NULL;
		struct wan_na_req *r;
		uint32_t valid;

		if (!wanted(e, t, a->addr, now))
			continue;
		next[n_next].pref_until = a->pref_until;
		next[n_next].valid_until = a->valid_until;
		memcpy(next[n_next++].addr, a->addr, 16);
		for (unsigned j = 0; j < t->n && !h; j++)
			if (!memcmp(t->held[j].addr, a->addr, 16))
				h = &t->held[j];
		if (h && h->pref_until == a->pref_until &&
		    h->valid_until == a->valid_until)
			continue;
		r = &out[n_out++];
		memset(r, 0, sizeof(*r));
		r->op = WAN_NA_ADD;
		r->renewal = h != NULL;
		memcpy(r->addr, a->addr, 16);
		valid = wan_na_secs_left(a->valid_until, now);
		r->valid_secs = valid;
		r->preferred_secs = wan_na_secs_left(a->pref_until, now);
		/* The kernel refuses preferred > valid. */
		if (r->preferred_secs > valid)
			r->preferred_secs = valid;
	}
	for (unsigned j = 0; j < t->n; j++) {
		struct wan_na_req *r;

		if (wanted(e, t, t->held[j].addr, now))
			continue;
		r = &out[n_out++];
		memset(r, 0, sizeof(*r));
		r->op = WAN_NA_DEL;
		memcpy(r->addr, t->held[j].addr, 16);
	}
	memcpy(t->held, next, n_next * sizeof(next[0]));
	t->n = n_next;
	return n_out;
}

int wan_na_dad_failed(struct wan_na *t, const uint8_t addr[16])
{
	int held = 0;

	for (unsigned i = 0; i < t->n && !held; i++)
		held = !memcmp(t->held[i].addr, addr, 16);
	if (!held || failed(t, addr) || t->n_failed >= WAN_NA_MAX)
		return 0;
	memcpy(t->failed[t->n_failed++], addr, 16);
	return 1;
}
