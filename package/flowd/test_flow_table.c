/*
 * test_flow_table.c - counting, every kind of expiry, eviction when full,
 * and the table staying consistent through churn.
 */
#include <stdlib.h>

#include "check.h"
#include "flow_table.h"

struct seen {
	unsigned n;
	unsigned by_reason[FT_NREASONS];
	uint64_t packets, bytes;
	struct flow last;
};

static void on_expire(void *arg, const struct flow *f, enum ft_reason why)
{
	struct seen *s = arg;

	s->n++;
	s->by_reason[why]++;
	s->packets += f->packets;
	s->bytes += f->bytes;
	s->last = *f;
}

static struct flow_key key(unsigned i, uint8_t proto)
{
	struct flow_key k;

	memset(&k, 0, sizeof(k));
	k.family = 4;
	k.src[0] = 10;
	k.src[2] = (uint8_t)(i >> 8);
	k.src[3] = (uint8_t)i;
	k.dst[0] = 192;
	k.sport = (uint16_t)(1024 + i);
	k.dport = 80;
	k.proto = proto;
	return k;
}

static void test_count_and_idle(void)
{
	struct flow_table t;
	struct seen s = { 0 };
	struct flow_key a = key(1, 17), b = key(2, 17);

	CHECK_EQ_INT(ft_init(&t, 16, 42, on_expire, &s), 0);
	ft_count(&t, &a, 1000, 100, 0, 0x10);
	ft_count(&t, &a, 2000, 50, 0, 0);
	ft_count(&t, &b, 3000, 10, 0, 0);
	CHECK_EQ_UINT(t.count, 2);
	CHECK_EQ_UINT(t.created, 2);
	ft_expire(&t, 16999);	/* a idle since 2000: 14999 ms */
	CHECK_EQ_UINT(s.n, 0);
	ft_expire(&t, 17000);
	CHECK_EQ_UINT(s.n, 1);
	CHECK_EQ_UINT(s.by_reason[FT_IDLE], 1);
	CHECK_EQ_UINT(s.last.packets, 2);
	CHECK_EQ_UINT(s.last.bytes, 150);
	CHECK_EQ_UINT(s.last.first_ms, 1000);
	CHECK_EQ_UINT(s.last.last_ms, 2000);
	CHECK_EQ_UINT(s.last.tos, 0x10);
	CHECK_EQ_UINT(s.last.key.sport, a.sport);
	/* a again: a new flow. */
	ft_count(&t, &a, 17500, 1, 0, 0);
	CHECK_EQ_UINT(t.created, 3);
	ft_flush(&t);
	CHECK_EQ_UINT(s.n, 3);
	CHECK_EQ_UINT(s.by_reason[FT_FLUSH], 2);
	CHECK_EQ_UINT(t.count, 0);
	ft_free(&t);
}

static void test_active_and_tcp_end(void)
{
	struct flow_table t;
	struct seen s = { 0 };
	struct flow_key a = key(1, 6), b = key(2, 6);
	uint64_t now;

	CHECK_EQ_INT(ft_init(&t, 16, 1, on_expire, &s), 0);
	t.active_ms = 60000;
	/* a packet every 10 s: never idle, but active timeout at 60 s. */
	for (now = 0; now <= 70000; now += 10000) {
		ft_count(&t, &a, now, 1, 0x10, 0);
		ft_expire(&t, now);
	}
	CHECK_EQ_UINT(s.by_reason[FT_ACTIVE], 1);
	CHECK_EQ_UINT(s.last.packets, 7);	/* 0..60 s */
	CHECK_EQ_UINT(t.count, 1);		/* restarted at 70 s */

	/* FIN: the last ACK within the linger joins; then it goes. */
	ft_count(&t, &b, 71000, 1, 0x02, 0);
	ft_count(&t, &b, 72000, 1, 0x11, 0);
	ft_count(&t, &b, 72100, 1, 0x10, 0);
	ft_expire(&t, 72100 + 4999);
	CHECK_EQ_UINT(s.by_reason[FT_TCP_END], 0);
	ft_expire(&t, 72100 + 5000);
	CHECK_EQ_UINT(s.by_reason[FT_TCP_END], 1);
	CHECK_EQ_UINT(s.last.packets, 3);
	CHECK_EQ_UINT(s.last.tcp_flags, 0x13);
	/* RST on a UDP flow means nothing: only TCP ends early. */
	{
		struct flow_key u = key(3, 17);

		ft_count(&t, &u, 80000, 1, 0x04, 0);
		ft_expire(&t, 86000);
		CHECK_EQ_UINT(s.by_reason[FT_TCP_END], 1);
	}
	ft_free(&t);
}

static void test_evict_oldest(void)
{
	struct flow_table t;
	struct seen s = { 0 };
	unsigned i;

	CHECK_EQ_INT(ft_init(&t, 16, 7, on_expire, &s), 0);
	for (i = 0; i < 16; i++) {
		struct flow_key k = key(i, 17);

		ft_count(&t, &k, 1000 + i, 10, 0, 0);
	}
	/* Touch flow 0: flow 1 is now the least recently seen. */
	{
		struct flow_key k = key(0, 17);

		ft_count(&t, &k, 2000, 10, 0, 0);
	}
	{
		struct flow_key k = key(100, 17);

		ft_count(&t, &k, 2001, 10, 0, 0);
	}
	CHECK_EQ_UINT(s.by_reason[FT_EVICTED], 1);
	CHECK_EQ_UINT(s.last.key.sport, 1024 + 1);
	CHECK_EQ_UINT(t.count, 16);
	/* A flow on the closing list goes first. */
	{
		struct flow_key k = key(5, 6), n = key(101, 17);

		/* key 5 as TCP is a new flow: evicts the oldest (2). */
		ft_count(&t, &k, 2002, 10, 0x01, 0);
		CHECK_EQ_UINT(s.last.key.sport, 1024 + 2);
		ft_count(&t, &n, 2003, 10, 0, 0);
		CHECK_EQ_UINT(s.last.key.proto, 6);
	}
	CHECK_EQ_UINT(s.by_reason[FT_EVICTED], 3);
	ft_free(&t);
}

/* Random churn against a reference count: nothing lost, nothing twice. */
static void test_churn(void)
{
	struct flow_table t;
	struct seen s = { 0 };
	uint64_t now = 0, packets = 0, bytes = 0;
	unsigned i, over = 0;

	srand(3);
	CHECK_EQ_INT(ft_init(&t, 170, 99, on_expire, &s), 0);
	t.idle_ms = 500;
	t.active_ms = 3000;
	t.linger_ms = 100;
	for (i = 0; i < 200000; i++) {
		/* A window of 90 keys sliding by 40 every 20000 packets:
		 * old keys go idle, the live ones outgrow the table. */
		struct flow_key k = key((i / 20000) * 40 +
					(unsigned)rand() % 90,
					rand() % 2 ? 6 : 17);
		uint32_t len = (uint32_t)(rand() % 1500);

		now += (uint64_t)(rand() % 3);
		ft_count(&t, &k, now, len, rand() % 50 == 0 ? 0x01 : 0, 0);
		packets++;
		bytes += len;
		if (i % 100 == 0)
			ft_expire(&t, now);
		over += t.count > 170;
	}
	CHECK_EQ_UINT(over, 0);
	ft_flush(&t);
	CHECK_EQ_UINT(s.packets, packets);
	CHECK_EQ_UINT(s.bytes, bytes);
	CHECK_EQ_UINT(s.n, t.created);
	printf("churn: evicted %u idle %u active %u tcp-end %u\n",
	       s.by_reason[FT_EVICTED], s.by_reason[FT_IDLE],
	       s.by_reason[FT_ACTIVE], s.by_reason[FT_TCP_END]);
	CHECK(s.by_reason[FT_EVICTED] > 0);
	CHECK(s.by_reason[FT_IDLE] > 0);
	CHECK(s.by_reason[FT_ACTIVE] > 0);
	CHECK(s.by_reason[FT_TCP_END] > 0);
	CHECK_EQ_UINT(t.count, 0);
	CHECK_EQ_UINT(t.open.head, FT_NIL);
	CHECK_EQ_UINT(t.age.head, FT_NIL);
	ft_free(&t);
}

static void test_init_limits_and_hash(void)
{
	struct flow_table t;
	struct flow_key a = key(1, 6), b = key(1, 6);

	CHECK_EQ_INT(ft_init(&t, 0, 0, NULL, NULL), -1);
	CHECK_EQ_INT(ft_init(&t, (1u << 24) + 1, 0, NULL, NULL), -1);
	CHECK_EQ_UINT(ft_hash(&a, 5), ft_hash(&b, 5));
	CHECK(ft_hash(&a, 5) != ft_hash(&a, 6));
	b.dport = 81;
	CHECK(ft_hash(&a, 5) != ft_hash(&b, 5));
}

int main(void)
{
	test_count_and_idle();
	test_active_and_tcp_end();
	test_evict_oldest();
	test_churn();
	test_init_limits_and_hash();
	return check_done();
}
