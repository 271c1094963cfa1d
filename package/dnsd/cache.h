/*
 * cache.h - the answer cache: a fixed table sized once from a byte budget.
 *
 * Entries hold whole upstream replies (OPT removed) keyed by (name, type,
 * class). A hit is copied out with the client's ID and question spelling
 * and every TTL lowered by the time spent in the cache. Negative answers
 * (NXDOMAIN, NODATA) are kept for the SOA's negative TTL (RFC 2308),
 * capped. Nothing is allocated after cache_init().
 *
 * Any budget works: 0 (or less than one entry) is no cache at all, every
 * answer forwarded and nothing stored; a small one holds few entries.
 */
#ifndef DNSD_CACHE_H
#define DNSD_CACHE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "dns_wire.h"

/* Replies longer than this are passed through but not cached: nearly all
 * answers a home network asks for fit, and fixed slots keep the table
 * simple and allocation-free. */
#define CACHE_MSG_MAX	512
#define CACHE_TTL_MAX	32

struct cache_entry {
	uint32_t hash;
	uint32_t chain;			/* next in bucket, CACHE_NIL at end */
	uint32_t lru_prev, lru_next;	/* head = most recently used */
	uint64_t stored_ms, expire_ms;
	uint16_t type, klass;
	uint16_t len, name_len;		/* name at msg + DNS_HDR_LEN */
	uint16_t ttl_count;
	bool recheck;			/* a name may overlap a TTL field */
	uint16_t ttl_off[CACHE_TTL_MAX];
	uint8_t msg[CACHE_MSG_MAX];
};

struct cache_stats {
	uint64_t hits, misses, inserts, replaced, evictions, expired;
	uint64_t too_big, uncacheable;
};

struct cache {
	struct cache_entry *entries;
	uint32_t *buckets;
	uint32_t capacity, nbuckets, used;
	uint32_t free_head;		/* chained through .chain */
	uint32_t never_used;		/* entries [never_used, capacity) */
	uint32_t lru_head, lru_tail;
	uint64_t seed;			/* keyed hash: no chosen collisions */
	uint32_t max_ttl, neg_max_ttl;
	struct cache_stats stats;
};

#define CACHE_NIL UINT32_MAX

/* Table and buckets in at most `bytes` (none when that holds no entry).
 * Negative answers are kept at most neg_max_ttl seconds (0: not at all).
 * Returns 0, or -1 if allocation failed. */
int cache_init(struct cache *c, size_t bytes, uint32_t neg_max_ttl,
	       uint64_t seed);
void cache_free(struct cache *c);
/* Bytes one entry costs, for -n output. */
size_t cache_entry_cost(void);
/* Entries a budget of bytes holds (what cache_init() makes). */
size_t cache_entries_for(size_t bytes);

/*
 * Stores reply msg (parsed as m, OPT already stripped) at now_ms. Returns
 * 1 if stored, 0 if not cacheable (SERVFAIL, TTL 0, no SOA on a negative
 * answer, too big, truncated...).
 */
int cache_store(struct cache *c, const uint8_t *msg, size_t len,
		const struct dns_msg *m, uint64_t now_ms);

/*
 * Looks up the question of query. On a hit, writes the reply to out with
 * the query's ID, RD bit and name spelling and aged TTLs, and returns its
 * length; returns 0 on a miss.
 */
size_t cache_lookup(struct cache *c, const struct dns_msg *query,
		    uint64_t now_ms, uint8_t *out, size_t cap);

#endif /* DNSD_CACHE_H */
