/*
 * test_forward.c - reply matching (address, port, ID, question), pending
 * coalescing and bounds, upstream choice and failover.
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <string.h>

#include "check.h"
#include "forward.h"

static struct dns_question question(const char *name, uint16_t type)
{
	struct dns_question q = { .type = type, .klass = DNS_C_IN };

	dns_name_from_text(name, q.name, &q.name_len);
	return q;
}

/* A reply as an upstream would send it. */
static size_t reply(uint8_t *buf, uint16_t id, const char *name,
		    uint16_t type, struct dns_msg *m)
{
	struct dns_question q = question(name, type);
	size_t len = dns_build_query(buf, 512, id, &q, 0, false);

	dns_put16(buf + 2, DNS_F_QR | DNS_F_RD | DNS_F_RA);
	CHECK_EQ_INT(dns_parse(buf, len, m), DNS_OK);
	return len;
}

static void test_matching(void)
{
	struct endpoint ups[1];
	struct fwd_table t;
	struct fwd_pending *p;
	struct dns_question q = question("www.Example.com", DNS_T_A);
	struct sockaddr_in from;
	uint8_t buf[512];
	struct dns_msg m;
	const struct sockaddr *sa = (const struct sockaddr *)&from;

	CHECK_EQ_INT(endpoint_parse("192.0.2.53:53", 53, &ups[0]), 0);
	CHECK_EQ_INT(fwd_init(&t, 4, 0, 1, ups, 1), 0);
	p = fwd_alloc(&t, &q);
	CHECK(p != NULL);
	p->id = 0xbeef;
	p->upstream = 0;
	memcpy(&from, &ups[0].sa, sizeof(from));

	reply(buf, 0xbeef, "www.example.com", DNS_T_A, &m);
	CHECK(fwd_reply_matches(p, &t.upstreams[0], sa, sizeof(from), &m));
	/* Case may differ (no 0x20 randomisation yet). */
	reply(buf, 0xbeef, "WWW.EXAMPLE.COM", DNS_T_A, &m);
	CHECK(fwd_reply_matches(p, &t.upstreams[0], sa, sizeof(from), &m));
	/* Wrong ID. */
	reply(buf, 0xbeee, "www.example.com", DNS_T_A, &m);
	CHECK(!fwd_reply_matches(p, &t.upstreams[0], sa, sizeof(from), &m));
	/* Wrong question: name, type. */
	reply(buf, 0xbeef, "www.example.net", DNS_T_A, &m);
	CHECK(!fwd_reply_matches(p, &t.upstreams[0], sa, sizeof(from), &m));
	reply(buf, 0xbeef, "www.example.com", DNS_T_AAAA, &m);
	CHECK(!fwd_reply_matches(p, &t.upstreams[0], sa, sizeof(from), &m));
	/* Wrong source port, then wrong source address. */
	reply(buf, 0xbeef, "www.example.com", DNS_T_A, &m);
	from.sin_port = htons(5353);
	CHECK(!fwd_reply_matches(p, &t.upstreams[0], sa, sizeof(from), &m));
	from.sin_port = htons(53);
	from.sin_addr.s_addr = htonl(0xc0000236);	/* .54 */
	CHECK(!fwd_reply_matches(p, &t.upstreams[0], sa, sizeof(from), &m));
	from.sin_addr.s_addr = htonl(0xc0000235);	/* .53 */
	CHECK(fwd_reply_matches(p, &t.upstreams[0], sa, sizeof(from), &m));
	/* A query (QR clear) is not a reply. */
	buf[2] &= 0x7f;
	dns_parse(buf, 33, &m);
	CHECK(!fwd_reply_matches(p, &t.upstreams[0], sa, sizeof(from), &m));
	fwd_free(&t);
}

static void test_table(void)
{
	struct endpoint ups[1];
	struct fwd_table t;
	struct dns_question a = question("a.example", DNS_T_A);
	struct dns_question a_upper = question("A.EXAMPLE", DNS_T_A);
	struct dns_question a6 = question("a.example", DNS_T_AAAA);
	struct dns_question b = question("b.example", DNS_T_A);
	struct fwd_pending *pa, *pa6;

	endpoint_parse("192.0.2.53", 53, &ups[0]);
	CHECK_EQ_INT(fwd_init(&t, 2, 0, 1, ups, 1), 0);
	CHECK(fwd_find(&t, &a) == NULL);
	pa = fwd_alloc(&t, &a_upper);
	CHECK(pa != NULL);
	/* Stored lowercased, found whatever the case: clients coalesce. */
	CHECK(fwd_find(&t, &a) == pa);
	CHECK(pa->q.name[1] == 'a');
	CHECK(fwd_find(&t, &a6) == NULL);
	pa6 = fwd_alloc(&t, &a6);
	CHECK(pa6 != NULL && pa6 != pa);
	/* Table full: counted. */
	CHECK(fwd_alloc(&t, &b) == NULL);
	CHECK_EQ_UINT(t.stats.table_full, 1);
	fwd_release(&t, pa);
	CHECK(fwd_find(&t, &a) == NULL);
	CHECK(fwd_alloc(&t, &b) != NULL);
	CHECK_EQ_UINT(t.used, 2);
	fwd_free(&t);
}

static void test_failover(void)
{
	struct endpoint ups[3];
	struct fwd_table t;

	endpoint_parse("192.0.2.1", 53, &ups[0]);
	endpoint_parse("192.0.2.2", 53, &ups[1]);
	endpoint_parse("[2001:db8::3]:5353", 53, &ups[2]);
	CHECK_EQ_INT(fwd_init(&t, 4, 0, 1, ups, 3), 0);
	CHECK_EQ_INT(fwd_pick_upstream(&t, 0, 1000), 0);
	CHECK_EQ_INT(fwd_pick_upstream(&t, 1, 1000), 1);
	CHECK_EQ_INT(fwd_pick_upstream(&t, 3, 1000), 2);
	CHECK_EQ_INT(fwd_pick_upstream(&t, 7, 1000), -1);
	/* Two failures: still preferred. The third marks it dead. */
	fwd_upstream_failed(&t.upstreams[0], 1000);
	fwd_upstream_failed(&t.upstreams[0], 1000);
	CHECK_EQ_INT(fwd_pick_upstream(&t, 0, 1000), 0);
	fwd_upstream_failed(&t.upstreams[0], 1000);
	CHECK_EQ_INT(fwd_pick_upstream(&t, 0, 1000), 1);
	/* Retried once its dead time is over. */
	CHECK_EQ_INT(fwd_pick_upstream(&t, 0, 1000 + FWD_DEAD_MS), 0);
	/* All dead: the one that comes back first. */
	fwd_upstream_failed(&t.upstreams[1], 900);
	fwd_upstream_failed(&t.upstreams[1], 900);
	fwd_upstream_failed(&t.upstreams[1], 900);
	CHECK_EQ_INT(fwd_pick_upstream(&t, 4, 1000), 1);
	fwd_upstream_ok(&t.upstreams[0]);
	CHECK_EQ_INT(fwd_pick_upstream(&t, 0, 1000), 0);
	fwd_free(&t);
}

static struct sockaddr_storage client_addr(const char *text)
{
	struct sockaddr_storage ss;
	struct sockaddr_in *s4 = (struct sockaddr_in *)&ss;
	struct sockaddr_in6 *s6 = (struct sockaddr_in6 *)&ss;

	memset(&ss, 0, sizeof(ss));
	if (inet_pton(AF_INET, text, &s4->sin_addr) == 1) {
		s4->sin_family = AF_INET;
		s4->sin_port = htons(40000);
	} else {
		CHECK_EQ_INT(inet_pton(AF_INET6, text, &s6->sin6_addr), 1);
		s6->sin6_family = AF_INET6;
	}
	return ss;
}

/* Issue #14: one client asking for names that never resolve must not
 * hold the whole pending table. Each waiter counts against its client
 * until the entry is released, whoever else shares it. */
static void test_client_cap(void)
{
	struct sockaddr_storage flood = client_addr("192.0.2.2"),
				other = client_addr("192.0.2.3"),
				v6 = client_addr("2001:db8::2"),
				v6_next = client_addr("2001:db8::3");
	const struct sockaddr *fl = (const struct sockaddr *)&flood,
			      *ot = (const struct sockaddr *)&other;
	struct fwd_pending *held[4], *p;
	struct endpoint ups[1];
	struct fwd_table t;
	uint8_t key[16];
	char name[32];
	int i;

	endpoint_parse("192.0.2.53", 53, &ups[0]);
	CHECK_EQ_INT(fwd_init(&t, 16, 4, 7, ups, 1), 0);
	for (i = 0; i < 4; i++) {
		struct dns_question q;

		snprintf(name, sizeof(name), "r%d.blackhole.example", i);
		q = question(name, DNS_T_A);
		held[i] = fwd_alloc(&t, &q);
		CHECK(held[i] != NULL);
		CHECK(fwd_add_waiter(&t, held[i], fl, sizeof(flood)) != NULL);
	}
	client_quota_key(fl, key);
	CHECK_EQ_UINT(client_quota_pending(&t.quota, key), 4);
	/* The fifth is refused, counted; another client is not. */
	{
		struct dns_question q = question("r9.blackhole.example",
						 DNS_T_A);

		p = fwd_alloc(&t, &q);
		CHECK(fwd_add_waiter(&t, p, fl, sizeof(flood)) == NULL);
		CHECK_EQ_UINT(t.stats.client_full, 1);
		CHECK_EQ_UINT(t.quota.refused, 1);
		CHECK(fwd_add_waiter(&t, p, ot, sizeof(other)) != NULL);
		/* Joining someone else's query counts too. */
		CHECK(fwd_add_waiter(&t, p, fl, sizeof(flood)) == NULL);
		fwd_release(&t, p);
	}
	client_quota_key(ot, key);
	CHECK_EQ_UINT(client_quota_pending(&t.quota, key), 0);
	/* An answer (or a timeout) gives the client its slot back. */
	fwd_release(&t, held[0]);
	client_quota_key(fl, key);
	CHECK_EQ_UINT(client_quota_pending(&t.quota, key), 3);
	CHECK(fwd_add_waiter(&t, held[1], fl, sizeof(flood)) != NULL);
	CHECK(fwd_add_waiter(&t, held[1], fl, sizeof(flood)) == NULL);
	for (i = 1; i < 4; i++)
		fwd_release(&t, held[i]);
	CHECK_EQ_UINT(client_quota_pending(&t.quota, key), 0);
	CHECK_EQ_UINT(t.quota.clients, 0);
	/* IPv6 clients are told apart by their whole address. */
	{
		struct dns_question q = question("v6.example", DNS_T_A);
		uint8_t k1[16], k2[16];

		p = fwd_alloc(&t, &q);
		CHECK(fwd_add_waiter(&t, p, (struct sockaddr *)&v6,
				     sizeof(v6)) != NULL);
		client_quota_key((struct sockaddr *)&v6, k1);
		client_quota_key((struct sockaddr *)&v6_next, k2);
		CHECK_EQ_UINT(client_quota_pending(&t.quota, k1), 1);
		CHECK_EQ_UINT(client_quota_pending(&t.quota, k2), 0);
		fwd_release(&t, p);
	}
	fwd_free(&t);
}

int main(void)
{
	test_client_cap();
	test_matching();
	test_table();
	test_failover();
	return check_done();
}
