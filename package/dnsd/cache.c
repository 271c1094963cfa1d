/*
 * cache.c - fixed-size answer cache with LRU eviction and TTL ageing.
 */
#include <stdlib.h>
#include <string.h>

#include "cache.h"

size_t cache_entry_cost(void)
{
	/* One entry plus, on average, up to two bucket heads. */
	return sizeof(struct cache_entry) + 2 * sizeof(uint32_t);
}

static uint32_t pow2_at_least(uint32_t n)
{
	uint32_t p = 1;

	while (p < n && p < (1u << 30))
		p <<= 1;
	return p;
}

size_t cache_entries_for(size_t bytes)
{
	size_t n = bytes / cache_entry_cost();

	return n > (1u << 24) ? 1u << 24 : n;
}

int cache_init(struct cache *c, size_t bytes, uint32_t neg_max_ttl,
	       uint64_t seed)
{
	size_t n = cache_entries_for(bytes);
	uint32_t i;

	memset(c, 0, sizeof(*c));
	c->max_ttl = 86400;
	c->neg_max_ttl = neg_max_ttl;
	c->free_head = c->lru_head = c->lru_tail = CACHE_NIL;
	c->seed = seed;
	/* No room for one entry: no cache (lookups miss, stores are
	 * refused), never an error. */
	if (n == 0)
		return 0;
	c->capacity = (uint32_t)n;
	c->nbuckets = pow2_at_least(c->capacity);
	if ((size_t)c->nbuckets * sizeof(uint32_t) +
	    n * sizeof(struct cache_entry) > bytes)
		c->nbuckets >>= 1;
	c->entries = malloc(n * sizeof(struct cache_entry));
	c->buckets = malloc(c->nbuckets * sizeof(uint32_t));
	if (!c->entries || !c->buckets) {
		cache_free(c);
		return -1;
	}
	for (i = 0; i < c->nbuckets; i++)
		c->buckets[i] = CACHE_NIL;
	/* Entries are handed out in order before the free list is used, so
	 * an idle daemon's untouched table costs no resident memory. */
	c->never_used = 0;
	return 0;
}

void cache_free(struct cache *c)
{
	free(c->entries);
	free(c->buckets);
	c->entries = NULL;
	c->buckets = NULL;
	c->capacity = 0;
}

/* FNV-1a over the lowercased key, seeded, with a final avalanche so the
 * low bits used for the bucket depend on every input byte. */
static uint32_t key_hash(uint64_t seed, const uint8_t *name, size_t len,
			 uint16_t type, uint16_t klass)
{
	uint64_t h = 0xcbf29ce484222325ull ^ seed;
	size_t i;

	for (i = 0; i < len; i++) {
		uint8_t ch = name[i];

		if (ch >= 'A' && ch <= 'Z')
			ch += 32;
		h = (h ^ ch) * 0x100000001b3ull;
	}
	h = (h ^ type) * 0x100000001b3ull;
	h = (h ^ klass) * 0x100000001b3ull;
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdull;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ull;
	h ^= h >> 33;
	return (uint32_t)h;
}

static void lru_unlink(struct cache *c, uint32_t i)
{
	struct cache_entry *e = &c->entries[i];

	if (e->lru_prev != CACHE_NIL)
		c->entries[e->lru_prev].lru_next = e->lru_next;
	else
		c->lru_head = e->lru_next;
	if (e->lru_next != CACHE_NIL)
		c->entries[e->lru_next].lru_prev = e->lru_prev;
	else
		c->lru_tail = e->lru_prev;
}

static void lru_push_front(struct cache *c, uint32_t i)
{
	struct cache_entry *e = &c->entries[i];

	e->lru_prev = CACHE_NIL;
	e->lru_next = c->lru_head;
	if (c->lru_head != CACHE_NIL)
		c->entries[c->lru_head].lru_prev = i;
	c->lru_head = i;
	if (c->lru_tail == CACHE_NIL)
		c->lru_tail = i;
}

static void remove_entry(struct cache *c, uint32_t i)
{
	struct cache_entry *e = &c->entries[i];
	uint32_t *link = &c->buckets[e->hash & (c->nbuckets - 1)];

	while (*link != CACHE_NIL && *link != i)
		link = &c->entries[*link].chain;
	if (*link == i)
		*link = e->chain;
	lru_unlink(c, i);
	e->chain = c->free_head;
	c->free_head = i;
	c->used--;
}

static uint32_t find(struct cache *c, uint32_t hash, const uint8_t *name,
		     size_t name_len, uint16_t type, uint16_t klass)
{
	uint32_t i = c->buckets[hash & (c->nbuckets - 1)];

	while (i != CACHE_NIL) {
		const struct cache_entry *e = &c->entries[i];

		if (e->hash == hash && e->type == type && e->klass == klass &&
		    dns_name_equal(e->msg + DNS_HDR_LEN, e->name_len, name,
				   name_len))
			return i;
		i = e->chain;
	}
	return CACHE_NIL;
}

static uint32_t cache_ttl(const struct cache *c, const struct dns_msg *m)
{
	unsigned rcode = m->flags & DNS_F_RCODE;

	if (rcode == DNS_R_NXDOMAIN ||
	    (rcode == DNS_R_NOERROR && m->ancount == 0)) {
		uint32_t ttl;

		/* RFC 2308 5: no SOA, no negative caching. */
		if (!m->has_soa)
			return 0;
		ttl = m->soa_ttl < m->soa_minimum ? m->soa_ttl : m->soa_minimum;
		return ttl < c->neg_max_ttl ? ttl : c->neg_max_ttl;
	}
	if (rcode != DNS_R_NOERROR)
		return 0;
	return m->min_ttl < c->max_ttl ? m->min_ttl : c->max_ttl;
}

int cache_store(struct cache *c, const uint8_t *msg, size_t len,
		const struct dns_msg *m, uint64_t now_ms)
{
	struct cache_entry *e;
	uint32_t hash, i, ttl;
	unsigned k;

	if (c->capacity == 0)
		return 0;
	if (len > CACHE_MSG_MAX || m->ttl_count > CACHE_TTL_MAX ||
	    m->ttl_count < m->rr_count) {
		c->stats.too_big++;
		return 0;
	}
	ttl = cache_ttl(c, m);
	if (ttl == 0 || (m->flags & DNS_F_TC) || m->has_edns ||
	    m->q.name_len > DNS_NAME_MAX) {
		c->stats.uncacheable++;
		return 0;
	}
	hash = key_hash(c->seed, m->q.name, m->q.name_len, m->q.type,
			m->q.klass);
	i = find(c, hash, m->q.name, m->q.name_len, m->q.type, m->q.klass);
	if (i != CACHE_NIL) {
		remove_entry(c, i);
		c->stats.replaced++;
	}
	if (c->free_head == CACHE_NIL && c->never_used < c->capacity) {
		c->entries[c->never_used].chain = CACHE_NIL;
		c->free_head = c->never_used++;
	}
	if (c->free_head == CACHE_NIL) {
		uint32_t victim = c->lru_tail;

		if (c->entries[victim].expire_ms <= now_ms)
			c->stats.expired++;
		else
			c->stats.evictions++;
		remove_entry(c, victim);
	}
	i = c->free_head;
	e = &c->entries[i];
	c->free_head = e->chain;
	c->used++;

	e->hash = hash;
	e->type = m->q.type;
	e->klass = m->q.klass;
	e->len = (uint16_t)len;
	e->name_len = (uint16_t)m->q.name_len;
	e->stored_ms = now_ms;
	e->expire_ms = now_ms + (uint64_t)ttl * 1000;
	e->ttl_count = (uint16_t)m->ttl_count;
	/* Names read through pointers only inside the question never see a
	 * TTL field (the usual case: no re-parse on a hit). */
	e->recheck = m->max_ptr_reach >= m->question_end;
	for (k = 0; k < m->ttl_count; k++)
		e->ttl_off[k] = (uint16_t)m->ttl_off[k];
	memcpy(e->msg, msg, len);
	/* Canonical case in the stored copy; each hit gets the asker's. */
	dns_name_lower(e->msg + DNS_HDR_LEN, m->q.name_len);
	e->chain = c->buckets[hash & (c->nbuckets - 1)];
	c->buckets[hash & (c->nbuckets - 1)] = i;
	lru_push_front(c, i);
	c->stats.inserts++;
	return 1;
}

size_t cache_lookup(struct cache *c, const struct dns_msg *query,
		    uint64_t now_ms, uint8_t *out, size_t cap)
{
	const struct dns_question *q = &query->q;
	struct dns_msg check;
	struct cache_entry *e;
	uint32_t hash, i, elapsed;
	uint16_t flags;
	unsigned k;

	if (c->capacity == 0) {
		c->stats.misses++;
		return 0;
	}
	hash = key_hash(c->seed, q->name, q->name_len, q->type, q->klass);
	i = find(c, hash, q->name, q->name_len, q->type, q->klass);
	if (i == CACHE_NIL) {
		c->stats.misses++;
		return 0;
	}
	e = &c->entries[i];
	if (now_ms >= e->expire_ms) {
		remove_entry(c, i);
		c->stats.expired++;
		c->stats.misses++;
		return 0;
	}
	if (cap < e->len) {
		c->stats.misses++;
		return 0;
	}
	lru_unlink(c, i);
	lru_push_front(c, i);
	c->stats.hits++;

	memcpy(out, e->msg, e->len);
	dns_put16(out, query->id);
	flags = dns_get16(out + 2);
	flags = (uint16_t)((flags & ~(DNS_F_RD | DNS_F_AA)) |
			   (query->flags & DNS_F_RD));
	dns_put16(out + 2, flags);
	/* Same name up to case (the key compare ignores it): echo the
	 * client's spelling, which 0x20-randomising resolvers check. */
	memcpy(out + DNS_HDR_LEN, q->name, q->name_len);
	elapsed = (uint32_t)((now_ms - e->stored_ms) / 1000);
	if (elapsed == 0)
		return e->len;
	for (k = 0; k < e->ttl_count; k++) {
		uint8_t *p = out + e->ttl_off[k];
		uint32_t ttl = dns_get32(p);

		dns_put32(p, ttl > elapsed ? ttl - elapsed : 0);
	}
	/* A compression pointer may aim into a TTL field (no sane server
	 * does it, a hostile one can): ageing then changes a name. Answer
	 * only what still parses; found by fuzz_dns_wire. */
	if (e->recheck && dns_parse(out, e->len, &check) != DNS_OK) {
		remove_entry(c, i);
		c->stats.hits--;
		c->stats.uncacheable++;
		c->stats.misses++;
		return 0;
	}
	return e->len;
}
