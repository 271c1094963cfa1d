/*
 * flow_table.c - preallocated flow entries, chained hash index, expiry
 * lists. See flow_table.h for the shape.
 */
#include <stdlib.h>
#include <string.h>

#include "flow_table.h"

#define TCP_FIN 0x01
#define TCP_RST 0x04

/* Key words mixed with a seeded multiply-xorshift: cheap, and a random
 * seed keeps a sender from choosing colliding tuples offline. */
uint32_t ft_hash(const struct flow_key *k, uint64_t seed)
{
	uint64_t w[5], h = seed ^ 0x9e3779b97f4a7c15ull;
	int i;

	memcpy(w, k, sizeof(w));
	for (i = 0; i < 5; i++) {
		h ^= w[i];
		h *= 0xff51afd7ed558ccdull;
		h ^= h >> 32;
	}
	h *= 0xc4ceb9fe1a85ec53ull;
	h ^= h >> 29;
	return (uint32_t)h;
}

_Static_assert(sizeof(struct flow_key) == 40, "flow_key hashed as 5 words");

/* Five word compares: a libc memcmp (musl's is a byte loop) was a tenth
 * of the packet path. */
static bool key_equal(const struct flow_key *a, const struct flow_key *b)
{
	uint64_t x[5], y[5];

	memcpy(x, a, sizeof(x));
	memcpy(y, b, sizeof(y));
	return ((x[0] ^ y[0]) | (x[1] ^ y[1]) | (x[2] ^ y[2]) |
		(x[3] ^ y[3]) | (x[4] ^ y[4])) == 0;
}

int ft_init(struct flow_table *t, uint32_t max, uint64_t seed,
	    ft_expire_cb expire, void *arg)
{
	uint32_t i;

	memset(t, 0, sizeof(*t));
	if (max == 0 || max > (1u << 24))
		return -1;
	t->nbuckets = 1;
	while (t->nbuckets < max)
		t->nbuckets <<= 1;
	t->flows = calloc(max, sizeof(*t->flows));
	t->buckets = malloc((size_t)t->nbuckets * sizeof(*t->buckets));
	if (!t->flows || !t->buckets) {
		ft_free(t);
		return -1;
	}
	for (i = 0; i < t->nbuckets; i++)
		t->buckets[i] = FT_NIL;
	for (i = 0; i < max; i++)
		t->flows[i].hnext = i + 1 < max ? i + 1 : FT_NIL;
	t->max = max;
	t->free_head = 0;
	t->open.head = t->open.tail = FT_NIL;
	t->closing = t->age = t->open;
	t->seed = seed;
	t->idle_ms = 15000;
	t->active_ms = 300000;
	t->linger_ms = 5000;
	t->expire = expire;
	t->expire_arg = arg;
	return 0;
}

void ft_free(struct flow_table *t)
{
	free(t->flows);
	free(t->buckets);
	t->flows = NULL;
	t->buckets = NULL;
	t->max = 0;
}

/* The idle lists and the age list use different link fields. */
static void idle_push(struct flow_table *t, struct ft_list *l, uint32_t i)
{
	struct flow *f = &t->flows[i];

	f->idle_prev = l->tail;
	f->idle_next = FT_NIL;
	if (l->tail != FT_NIL)
		t->flows[l->tail].idle_next = i;
	else
		l->head = i;
	l->tail = i;
}

static void idle_unlink(struct flow_table *t, struct ft_list *l, uint32_t i)
{
	struct flow *f = &t->flows[i];

	if (f->idle_prev != FT_NIL)
		t->flows[f->idle_prev].idle_next = f->idle_next;
	else
		l->head = f->idle_next;
	if (f->idle_next != FT_NIL)
		t->flows[f->idle_next].idle_prev = f->idle_prev;
	else
		l->tail = f->idle_prev;
}

static void age_push(struct flow_table *t, uint32_t i)
{
	struct flow *f = &t->flows[i];

	f->age_prev = t->age.tail;
	f->age_next = FT_NIL;
	if (t->age.tail != FT_NIL)
		t->flows[t->age.tail].age_next = i;
	else
		t->age.head = i;
	t->age.tail = i;
}

static void age_unlink(struct flow_table *t, uint32_t i)
{
	struct flow *f = &t->flows[i];

	if (f->age_prev != FT_NIL)
		t->flows[f->age_prev].age_next = f->age_next;
	else
		t->age.head = f->age_next;
	if (f->age_next != FT_NIL)
		t->flows[f->age_next].age_prev = f->age_prev;
	else
		t->age.tail = f->age_prev;
}

static void remove_flow(struct flow_table *t, uint32_t i, enum ft_reason why)
{
	struct flow *f = &t->flows[i];
	uint32_t *link = &t->buckets[ft_hash(&f->key, t->seed) &
				     (t->nbuckets - 1)];

	while (*link != i)
		link = &t->flows[*link].hnext;
	*link = f->hnext;
	idle_unlink(t, f->closing ? &t->closing : &t->open, i);
	age_unlink(t, i);
	t->expired[why]++;
	t->count--;
	/* Reported before the slot is reused, so the callback sees it whole. */
	if (t->expire)
		t->expire(t->expire_arg, f, why);
	f->used = 0;
	f->hnext = t->free_head;
	t->free_head = i;
}

void ft_count(struct flow_table *t, const struct flow_key *k, uint64_t now_ms,
	      uint32_t bytes, uint8_t tcp_flags, uint8_t tos)
{
	uint32_t b = ft_hash(k, t->seed) & (t->nbuckets - 1), i;
	struct flow *f;

	for (i = t->buckets[b]; i != FT_NIL; i = t->flows[i].hnext)
		if (key_equal(&t->flows[i].key, k))
			break;
	if (i == FT_NIL) {
		if (t->free_head == FT_NIL)
			remove_flow(t, t->closing.head != FT_NIL ?
				       t->closing.head : t->open.head,
				    FT_EVICTED);
		i = t->free_head;
		f = &t->flows[i];
		t->free_head = f->hnext;
		f->key = *k;
		f->packets = f->bytes = 0;
		f->first_ms = now_ms;
		f->tcp_flags = 0;
		f->tos = tos;
		f->closing = 0;
		f->used = 1;
		f->hnext = t->buckets[b];
		t->buckets[b] = i;
		age_push(t, i);
		t->count++;
		t->created++;
	} else {
		f = &t->flows[i];
		idle_unlink(t, f->closing ? &t->closing : &t->open, i);
	}
	f->packets++;
	f->bytes += bytes;
	/* Capture timestamps can step back a little across interfaces. */
	if (now_ms > f->last_ms || f->packets == 1)
		f->last_ms = now_ms;
	f->tcp_flags |= tcp_flags;
	if (k->proto == 6 && (tcp_flags & (TCP_FIN | TCP_RST)))
		f->closing = 1;
	idle_push(t, f->closing ? &t->closing : &t->open, i);
}

/* a - b, or 0 when the clock stepped back. */
static uint64_t since(uint64_t now, uint64_t then)
{
	return now > then ? now - then : 0;
}

void ft_expire(struct flow_table *t, uint64_t now_ms)
{
	uint32_t i;

	while ((i = t->closing.head) != FT_NIL &&
	       since(now_ms, t->flows[i].last_ms) >= t->linger_ms)
		remove_flow(t, i, FT_TCP_END);
	while ((i = t->open.head) != FT_NIL &&
	       since(now_ms, t->flows[i].last_ms) >= t->idle_ms)
		remove_flow(t, i, FT_IDLE);
	while ((i = t->age.head) != FT_NIL &&
	       since(now_ms, t->flows[i].first_ms) >= t->active_ms)
		remove_flow(t, i, FT_ACTIVE);
}

void ft_flush(struct flow_table *t)
{
	while (t->age.head != FT_NIL)
		remove_flow(t, t->age.head, FT_FLUSH);
}
