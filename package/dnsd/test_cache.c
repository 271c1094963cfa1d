/*
 * test_cache.c - TTL ageing, negative entries (RFC 2308), LRU eviction
 * at the byte budget, what is not cached.
 */
#include <stdio.h>
#include <string.h>

#include "cache.h"
#include "check.h"

/* A query for name/type with the given ID. */
static size_t make_query(uint8_t *buf, const char *name, uint16_t type,
			 uint16_t id, struct dns_msg *m)
{
	struct dns_question q = { .type = type, .klass = DNS_C_IN };
	size_t len;

	dns_name_from_text(name, q.name, &q.name_len);
	len = dns_build_query(buf, 512, id, &q, 0, false);
	dns_parse(buf, len, m);
	return len;
}

/* A reply with one A record (ttl), or rcode with an SOA (soa_ttl, min). */
static size_t make_reply(uint8_t *buf, const char *name, uint16_t type,
			 unsigned rcode, uint32_t ttl, uint32_t soa_ttl,
			 uint32_t soa_min, struct dns_msg *m)
{
	static const uint8_t a[4] = { 192, 0, 2, 1 };
	uint8_t qbuf[512];
	struct dns_msg q;
	struct dns_builder b;

	make_query(qbuf, name, type, 99, &q);
	dns_reply_start(&b, buf, 512, qbuf, &q, rcode);
	if (ttl)
		dns_add_answer(&b, DNS_T_A, ttl, a, 4);
	if (soa_ttl) {
		uint8_t soa[2 + 2 + 20] = { 0xc0, 0x0c, 0xc0, 0x0c };

		dns_put32(soa + 4 + 16, soa_min);
		/* An authority record: write it as an answer, then move
		 * the count from ANCOUNT to NSCOUNT. */
		dns_add_answer(&b, DNS_T_SOA, soa_ttl, soa, sizeof(soa));
		dns_put16(buf + 6, (uint16_t)(dns_get16(buf + 6) - 1));
		dns_put16(buf + 8, 1);
	}
	CHECK_EQ_INT(dns_parse(buf, b.len, m), DNS_OK);
	return b.len;
}

static uint32_t answer_ttl(const uint8_t *msg, size_t len)
{
	struct dns_msg m;

	if (dns_parse(msg, len, &m) != DNS_OK || m.ttl_count == 0)
		return 0xffffffff;
	return dns_get32(msg + m.ttl_off[0]);
}

static void test_ttl_decay(void)
{
	struct cache c;
	uint8_t reply[512], q[512], out[512];
	struct dns_msg rm, qm, om;
	size_t rlen, n;

	CHECK_EQ_INT(cache_init(&c, 64 * 1024, 300, 1), 0);
	rlen = make_reply(reply, "www.example.com", DNS_T_A, 0, 300, 0, 0, &rm);
	CHECK_EQ_INT(cache_store(&c, reply, rlen, &rm, 1000), 1);
	make_query(q, "WWW.example.COM", DNS_T_A, 0x4242, &qm);
	n = cache_lookup(&c, &qm, 1000 + 10500, out, sizeof(out));
	CHECK_EQ_UINT(n, rlen);
	CHECK_EQ_UINT(answer_ttl(out, n), 290);
	CHECK_EQ_INT(dns_parse(out, n, &om), DNS_OK);
	CHECK_EQ_UINT(om.id, 0x4242);
	/* The asker's spelling comes back. */
	CHECK(memcmp(om.q.name, qm.q.name, qm.q.name_len) == 0);
	/* Another type is another key. */
	make_query(q, "www.example.com", DNS_T_AAAA, 1, &qm);
	CHECK_EQ_UINT(cache_lookup(&c, &qm, 2000, out, sizeof(out)), 0);
	/* Expired after 300 s. */
	make_query(q, "www.example.com", DNS_T_A, 1, &qm);
	CHECK(cache_lookup(&c, &qm, 1000 + 299999, out, sizeof(out)) > 0);
	CHECK_EQ_UINT(answer_ttl(out, rlen), 1);
	CHECK_EQ_UINT(cache_lookup(&c, &qm, 1000 + 300000, out, sizeof(out)),
		      0);
	CHECK_EQ_UINT(c.stats.expired, 1);
	CHECK_EQ_UINT(c.used, 0);
	/* TTLs are capped at max_ttl. */
	rlen = make_reply(reply, "long.example", DNS_T_A, 0, 999999, 0, 0, &rm);
	cache_store(&c, reply, rlen, &rm, 0);
	make_query(q, "long.example", DNS_T_A, 1, &qm);
	CHECK_EQ_UINT(cache_lookup(&c, &qm, (uint64_t)c.max_ttl * 1000,
				   out, sizeof(out)), 0);
	cache_free(&c);
}

static void test_negative(void)
{
	struct cache c;
	uint8_t reply[512], q[512], out[512];
	struct dns_msg rm, qm, om;
	size_t rlen, n;

	CHECK_EQ_INT(cache_init(&c, 64 * 1024, 900, 2), 0);
	/* NXDOMAIN: TTL is min(SOA TTL, SOA minimum) = 60. */
	rlen = make_reply(reply, "nx.example", DNS_T_A, DNS_R_NXDOMAIN, 0,
			  3600, 60, &rm);
	CHECK_EQ_INT(cache_store(&c, reply, rlen, &rm, 0), 1);
	make_query(q, "nx.example", DNS_T_A, 5, &qm);
	n = cache_lookup(&c, &qm, 59999, out, sizeof(out));
	CHECK(n > 0);
	CHECK_EQ_INT(dns_parse(out, n, &om), DNS_OK);
	CHECK_EQ_UINT(om.flags & DNS_F_RCODE, DNS_R_NXDOMAIN);
	CHECK_EQ_UINT(cache_lookup(&c, &qm, 60000, out, sizeof(out)), 0);
	/* NODATA with a huge SOA minimum: capped at neg_max_ttl. */
	rlen = make_reply(reply, "nodata.example", DNS_T_AAAA, 0, 0, 86400,
			  86400, &rm);
	CHECK_EQ_INT(cache_store(&c, reply, rlen, &rm, 0), 1);
	make_query(q, "nodata.example", DNS_T_AAAA, 5, &qm);
	CHECK(cache_lookup(&c, &qm, c.neg_max_ttl * 1000ull - 1, out,
			   sizeof(out)) > 0);
	CHECK_EQ_UINT(cache_lookup(&c, &qm, c.neg_max_ttl * 1000ull, out,
				   sizeof(out)), 0);
	/* No SOA: not cached (RFC 2308 5). */
	rlen = make_reply(reply, "nosoa.example", DNS_T_A, DNS_R_NXDOMAIN, 0, 0,
			  0, &rm);
	CHECK_EQ_INT(cache_store(&c, reply, rlen, &rm, 0), 0);
	/* SERVFAIL, TTL 0, truncated: not cached. */
	rlen = make_reply(reply, "sf.example", DNS_T_A, DNS_R_SERVFAIL, 300, 0,
			  0, &rm);
	CHECK_EQ_INT(cache_store(&c, reply, rlen, &rm, 0), 0);
	rlen = make_reply(reply, "zero.example", DNS_T_A, 0, 0, 0, 0, &rm);
	CHECK_EQ_INT(cache_store(&c, reply, rlen, &rm, 0), 0);
	rlen = make_reply(reply, "tc.example", DNS_T_A, 0, 300, 0, 0, &rm);
	reply[2] |= DNS_F_TC >> 8;
	dns_parse(reply, rlen, &rm);
	CHECK_EQ_INT(cache_store(&c, reply, rlen, &rm, 0), 0);
	cache_free(&c);
}

static void test_eviction(void)
{
	struct cache c;
	uint8_t reply[512], q[512], out[512];
	struct dns_msg rm, qm;
	char name[32];
	size_t budget = 16 * cache_entry_cost(), rlen;
	unsigned i;

	CHECK_EQ_INT(cache_init(&c, budget - 1, 300, 3), 0);
	CHECK_EQ_UINT(c.capacity, 15);
	cache_free(&c);
	CHECK_EQ_INT(cache_init(&c, budget, 300, 3), 0);
	CHECK_EQ_UINT(c.capacity, 16);
	for (i = 0; i < 20; i++) {
		snprintf(name, sizeof(name), "host%u.example", i);
		rlen = make_reply(reply, name, DNS_T_A, 0, 300, 0, 0, &rm);
		CHECK_EQ_INT(cache_store(&c, reply, rlen, &rm, i), 1);
		if (i == 10) {
			/* Touch host0: it becomes most recently used. */
			make_query(q, "host0.example", DNS_T_A, 1, &qm);
			CHECK(cache_lookup(&c, &qm, i, out, sizeof(out)) > 0);
		}
	}
	CHECK_EQ_UINT(c.used, 16);
	CHECK_EQ_UINT(c.stats.evictions, 4);
	/* host1..host4 were the least recently used; host0 survived. */
	make_query(q, "host0.example", DNS_T_A, 1, &qm);
	CHECK(cache_lookup(&c, &qm, 30, out, sizeof(out)) > 0);
	for (i = 1; i <= 4; i++) {
		snprintf(name, sizeof(name), "host%u.example", i);
		make_query(q, name, DNS_T_A, 1, &qm);
		CHECK_EQ_UINT(cache_lookup(&c, &qm, 30, out, sizeof(out)), 0);
	}
	make_query(q, "host5.example", DNS_T_A, 1, &qm);
	CHECK(cache_lookup(&c, &qm, 30, out, sizeof(out)) > 0);
	/* Storing the same key again replaces, never duplicates. */
	rlen = make_reply(reply, "host5.example", DNS_T_A, 0, 100, 0, 0, &rm);
	cache_store(&c, reply, rlen, &rm, 40);
	CHECK_EQ_UINT(c.used, 16);
	CHECK_EQ_UINT(c.stats.replaced, 1);
	cache_free(&c);
}

static void test_too_big(void)
{
	struct cache c;
	uint8_t reply[2048], qbuf[512];
	static const uint8_t a[4] = { 1, 2, 3, 4 };
	struct dns_builder b;
	struct dns_msg qm, rm;
	int i;

	CHECK_EQ_INT(cache_init(&c, 64 * 1024, 300, 4), 0);
	make_query(qbuf, "big.example", DNS_T_A, 1, &qm);
	dns_reply_start(&b, reply, sizeof(reply), qbuf, &qm, 0);
	for (i = 0; i < 40; i++)
		dns_add_answer(&b, DNS_T_A, 60, a, 4);
	CHECK_EQ_INT(dns_parse(reply, b.len, &rm), DNS_OK);
	CHECK_EQ_INT(cache_store(&c, reply, b.len, &rm, 0), 0);
	CHECK_EQ_UINT(c.stats.too_big, 1);
	cache_free(&c);
}

/* [dns] negative-ttl-max: a long SOA minimum is cut to the cap, and 0
 * keeps negative answers out of the cache. */
static void test_negative_cap(void)
{
	struct cache c;
	uint8_t reply[512], q[512], out[512];
	struct dns_msg rm, qm;
	size_t rlen;

	CHECK_EQ_INT(cache_init(&c, 64 * 1024, 300, 5), 0);
	rlen = make_reply(reply, "nx.example", DNS_T_A, DNS_R_NXDOMAIN, 0,
			  3600, 3600, &rm);
	CHECK_EQ_INT(cache_store(&c, reply, rlen, &rm, 1000), 1);
	make_query(q, "nx.example", DNS_T_A, 5, &qm);
	CHECK(cache_lookup(&c, &qm, 1000 + 299999, out, sizeof(out)) > 0);
	CHECK_EQ_UINT(cache_lookup(&c, &qm, 1000 + 300000, out, sizeof(out)),
		      0);
	/* Positive answers are not affected by the negative cap. */
	rlen = make_reply(reply, "pos.example", DNS_T_A, 0, 3600, 0, 0, &rm);
	CHECK_EQ_INT(cache_store(&c, reply, rlen, &rm, 0), 1);
	make_query(q, "pos.example", DNS_T_A, 5, &qm);
	CHECK(cache_lookup(&c, &qm, 3599999, out, sizeof(out)) > 0);
	cache_free(&c);

	CHECK_EQ_INT(cache_init(&c, 64 * 1024, 0, 6), 0);
	rlen = make_reply(reply, "nx.example", DNS_T_A, DNS_R_NXDOMAIN, 0,
			  3600, 3600, &rm);
	CHECK_EQ_INT(cache_store(&c, reply, rlen, &rm, 0), 0);
	rlen = make_reply(reply, "nodata.example", DNS_T_AAAA, 0, 0, 60, 60,
			  &rm);
	CHECK_EQ_INT(cache_store(&c, reply, rlen, &rm, 0), 0);
	CHECK_EQ_UINT(c.used, 0);
	make_query(q, "nx.example", DNS_T_A, 5, &qm);
	CHECK_EQ_UINT(cache_lookup(&c, &qm, 1, out, sizeof(out)), 0);
	/* ... while positive answers still are. */
	rlen = make_reply(reply, "pos.example", DNS_T_A, 0, 60, 0, 0, &rm);
	CHECK_EQ_INT(cache_store(&c, reply, rlen, &rm, 0), 1);
	cache_free(&c);
}

/* cache-size takes 0 to 256M: 0 stores nothing (every answer is
 * forwarded), a few KiB hold a few entries, the largest allocates. */
static void test_sizes(void)
{
	struct cache c;
	uint8_t reply[512], q[512], out[512];
	struct dns_msg rm, qm;
	char name[32];
	size_t rlen;
	unsigned i;

	CHECK_EQ_INT(cache_init(&c, 0, 300, 7), 0);
	CHECK_EQ_UINT(c.capacity, 0);
	CHECK(c.entries == NULL);
	rlen = make_reply(reply, "www.example", DNS_T_A, 0, 300, 0, 0, &rm);
	CHECK_EQ_INT(cache_store(&c, reply, rlen, &rm, 0), 0);
	make_query(q, "www.example", DNS_T_A, 1, &qm);
	CHECK_EQ_UINT(cache_lookup(&c, &qm, 1, out, sizeof(out)), 0);
	CHECK_EQ_UINT(c.stats.misses, 1);
	CHECK_EQ_UINT(c.used, 0);
	cache_free(&c);
	/* Less than one entry is no cache either. */
	CHECK_EQ_UINT(cache_entries_for(cache_entry_cost() - 1), 0);
	CHECK_EQ_INT(cache_init(&c, cache_entry_cost() - 1, 300, 7), 0);
	CHECK_EQ_INT(cache_store(&c, reply, rlen, &rm, 0), 0);
	cache_free(&c);

	/* 4K: once refused, now a handful of entries, evicted LRU. */
	CHECK_EQ_INT(cache_init(&c, 4096, 300, 8), 0);
	CHECK(c.capacity >= 1);
	CHECK_EQ_UINT(c.capacity, 4096 / cache_entry_cost());
	CHECK_EQ_UINT(c.capacity, cache_entries_for(4096));
	CHECK((size_t)c.capacity * sizeof(struct cache_entry) +
	      (size_t)c.nbuckets * sizeof(uint32_t) <= 4096);
	for (i = 0; i < c.capacity + 3; i++) {
		snprintf(name, sizeof(name), "h%u.example", i);
		rlen = make_reply(reply, name, DNS_T_A, 0, 300, 0, 0, &rm);
		CHECK_EQ_INT(cache_store(&c, reply, rlen, &rm, i), 1);
	}
	CHECK_EQ_UINT(c.used, c.capacity);
	CHECK_EQ_UINT(c.stats.evictions, 3);
	snprintf(name, sizeof(name), "h%u.example", c.capacity + 2);
	make_query(q, name, DNS_T_A, 1, &qm);
	CHECK(cache_lookup(&c, &qm, 100, out, sizeof(out)) > 0);
	cache_free(&c);

	/* One entry: buckets and entry still within the budget. */
	CHECK_EQ_INT(cache_init(&c, cache_entry_cost(), 300, 9), 0);
	CHECK_EQ_UINT(c.capacity, 1);
	CHECK(c.nbuckets >= 1);
	rlen = make_reply(reply, "a.example", DNS_T_A, 0, 300, 0, 0, &rm);
	CHECK_EQ_INT(cache_store(&c, reply, rlen, &rm, 0), 1);
	rlen = make_reply(reply, "b.example", DNS_T_A, 0, 300, 0, 0, &rm);
	CHECK_EQ_INT(cache_store(&c, reply, rlen, &rm, 0), 1);
	make_query(q, "b.example", DNS_T_A, 1, &qm);
	CHECK(cache_lookup(&c, &qm, 1, out, sizeof(out)) > 0);
	cache_free(&c);

	/* The config's largest, 256M: entries are touched only when used. */
	CHECK_EQ_INT(cache_init(&c, 256u << 20, 300, 10), 0);
	CHECK_EQ_UINT(c.capacity, (256u << 20) / cache_entry_cost());
	cache_free(&c);
}

int main(void)
{
	test_ttl_decay();
	test_negative();
	test_eviction();
	test_too_big();
	test_negative_cap();
	test_sizes();
	return check_done();
}
