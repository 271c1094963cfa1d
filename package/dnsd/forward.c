/*
 * forward.c - the pending-query table, reply matching and upstream choice.
 * The sockets themselves are server.c's.
 */
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>

#include "forward.h"

int fwd_init(struct fwd_table *t, size_t max, uint32_t client_max,
	     uint64_t seed, const struct endpoint *ups, size_t nups)
{
	size_t i;

	memset(t, 0, sizeof(*t));
	t->pending = calloc(max, sizeof(*t->pending));
	if (!t->pending)
		return -1;
	if (client_quota_init(&t->quota, max * FWD_WAITERS_MAX, client_max,
			      seed) < 0) {
		free(t->pending);
		t->pending = NULL;
		return -1;
	}
	t->max = max;
	for (i = 0; i < max; i++)
		t->pending[i].fd = -1;
	for (i = 0; i < nups && i < DNSD_UPSTREAM_MAX; i++)
		t->upstreams[i].addr = ups[i];
	t->nupstreams = (unsigned)i;
	return 0;
}

static bool same_addr(const struct endpoint *a, const struct endpoint *b)
{
	return a->len == b->len && memcmp(&a->sa, &b->sa, a->len) == 0;
}

int fwd_set_upstreams(struct fwd_table *t, const struct endpoint *ups,
		      size_t nups)
{
	struct upstream next[DNSD_UPSTREAM_MAX];
	size_t i, j;

	if (nups > DNSD_UPSTREAM_MAX)
		nups = DNSD_UPSTREAM_MAX;
	memset(next, 0, sizeof(next));
	for (i = 0; i < nups; i++) {
		next[i].addr = ups[i];
		for (j = 0; j < t->nupstreams; j++)
			if (same_addr(&ups[i], &t->upstreams[j].addr)) {
				next[i] = t->upstreams[j];
				break;
			}
	}
	if (nups == t->nupstreams &&
	    memcmp(next, t->upstreams, nups * sizeof(next[0])) == 0)
		return 0;
	memcpy(t->upstreams, next, sizeof(next));
	t->nupstreams = (unsigned)nups;
	return 1;
}

void fwd_free(struct fwd_table *t)
{
	free(t->pending);
	t->pending = NULL;
	t->max = 0;
	client_quota_free(&t->quota);
}

struct fwd_pending *fwd_find(struct fwd_table *t,
			     const struct dns_question *q)
{
	size_t i;

	for (i = 0; i < t->max; i++) {
		struct fwd_pending *p = &t->pending[i];

		if (p->state != FWD_FREE && p->q.type == q->type &&
		    p->q.klass == q->klass &&
		    dns_name_equal(p->q.name, p->q.name_len, q->name,
				   q->name_len))
			return p;
	}
	return NULL;
}

struct fwd_pending *fwd_alloc(struct fwd_table *t,
			      const struct dns_question *q)
{
	size_t i;

	for (i = 0; i < t->max; i++) {
		struct fwd_pending *p = &t->pending[i];

		if (p->state != FWD_FREE)
			continue;
		p->state = FWD_UDP;
		p->q = *q;
		dns_name_lower(p->q.name, p->q.name_len);
		p->id = 0;
		p->fd = -1;
		p->tries = 0;
		p->tried_mask = 0;
		p->nwaiters = 0;
		p->tcp_buf = NULL;
		p->tcp_len = p->tcp_done = 0;
		t->used++;
		return p;
	}
	t->stats.table_full++;
	return NULL;
}

struct fwd_waiter *fwd_add_waiter(struct fwd_table *t, struct fwd_pending *p,
				  const struct sockaddr *addr,
				  socklen_t addr_len)
{
	struct fwd_waiter *w;
	uint8_t client[16];

	if (p->nwaiters == FWD_WAITERS_MAX) {
		t->stats.waiters_full++;
		return NULL;
	}
	client_quota_key(addr, client);
	if (!client_quota_take(&t->quota, client)) {
		t->stats.client_full++;
		return NULL;
	}
	w = &p->waiters[p->nwaiters++];
	memset(w, 0, sizeof(*w));
	memcpy(&w->addr, addr, addr_len);
	w->addr_len = addr_len;
	memcpy(w->client, client, 16);
	return w;
}

void fwd_release(struct fwd_table *t, struct fwd_pending *p)
{
	unsigned i;

	for (i = 0; i < p->nwaiters; i++)
		client_quota_put(&t->quota, p->waiters[i].client);
	free(p->tcp_buf);
	p->tcp_buf = NULL;
	p->state = FWD_FREE;
	p->fd = -1;
	p->nwaiters = 0;
	t->used--;
}

bool sockaddr_equal(const struct sockaddr *a, socklen_t alen,
		    const struct sockaddr *b, socklen_t blen)
{
	if (a->sa_family != b->sa_family)
		return false;
	if (a->sa_family == AF_INET) {
		const struct sockaddr_in *x = (const void *)a, *y = (const void *)b;

		if (alen < sizeof(*x) || blen < sizeof(*y))
			return false;
		return x->sin_port == y->sin_port &&
		       x->sin_addr.s_addr == y->sin_addr.s_addr;
	}
	if (a->sa_family == AF_INET6) {
		const struct sockaddr_in6 *x = (const void *)a,
					  *y = (const void *)b;

		if (alen < sizeof(*x) || blen < sizeof(*y))
			return false;
		return x->sin6_port == y->sin6_port &&
		       memcmp(&x->sin6_addr, &y->sin6_addr, 16) == 0;
	}
	return false;
}

bool fwd_reply_matches(const struct fwd_pending *p, const struct upstream *u,
		       const struct sockaddr *from, socklen_t from_len,
		       const struct dns_msg *m)
{
	if (!sockaddr_equal(from, from_len,
			    (const struct sockaddr *)&u->addr.sa, u->addr.len))
		return false;
	if (m->id != p->id || !(m->flags & DNS_F_QR) ||
	    (m->flags & DNS_F_OPCODE) != 0)
		return false;
	return m->q.type == p->q.type && m->q.klass == p->q.klass &&
	       dns_name_equal(m->q.name, m->q.name_len, p->q.name,
			      p->q.name_len);
}

int fwd_pick_upstream(const struct fwd_table *t, uint32_t tried_mask,
		      uint64_t now_ms)
{
	int best_dead = -1;
	unsigned i;

	for (i = 0; i < t->nupstreams; i++) {
		const struct upstream *u = &t->upstreams[i];

		if (tried_mask & (1u << i))
			continue;
		if (u->dead_until_ms <= now_ms)
			return (int)i;
		if (best_dead < 0 ||
		    u->dead_until_ms < t->upstreams[best_dead].dead_until_ms)
			best_dead = (int)i;
	}
	return best_dead;
}

void fwd_upstream_failed(struct upstream *u, uint64_t now_ms)
{
	u->fails++;
	if (u->fails >= FWD_DEAD_AFTER)
		u->dead_until_ms = now_ms + FWD_DEAD_MS;
}

void fwd_upstream_ok(struct upstream *u)
{
	u->fails = 0;
	u->dead_until_ms = 0;
}
