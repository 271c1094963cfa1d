/*
 * test_client_quota.c - the per-client count of pending queries: the cap,
 * and the hash table staying right through many takes and puts (deletion
 * in an open-addressed table is where such tables break).
 */
#include <string.h>

#include "check.h"
#include "client_quota.h"

static void addr_of(unsigned n, uint8_t addr[16])
{
	memset(addr, 0, 16);
	addr[10] = addr[11] = 0xff;
	addr[12] = 10;
	addr[13] = (uint8_t)(n >> 16);
	addr[14] = (uint8_t)(n >> 8);
	addr[15] = (uint8_t)n;
}

static void test_cap(void)
{
	struct client_quota q;
	uint8_t a[16], b[16];

	CHECK_EQ_INT(client_quota_init(&q, 64, 3, 1), 0);
	addr_of(1, a);
	addr_of(2, b);
	CHECK(client_quota_take(&q, a));
	CHECK(client_quota_take(&q, a));
	CHECK(client_quota_take(&q, a));
	CHECK(!client_quota_take(&q, a));
	CHECK_EQ_UINT(q.refused, 1);
	CHECK(client_quota_take(&q, b));
	CHECK_EQ_UINT(q.clients, 2);
	client_quota_put(&q, a);
	CHECK(client_quota_take(&q, a));
	/* A put for a client with nothing pending changes nothing. */
	client_quota_put(&q, b);
	client_quota_put(&q, b);
	CHECK_EQ_UINT(client_quota_pending(&q, b), 0);
	CHECK_EQ_UINT(q.clients, 1);
	client_quota_free(&q);

	/* No cap: counted, never refused. */
	CHECK_EQ_INT(client_quota_init(&q, 64, 0, 1), 0);
	for (int i = 0; i < 100; i++)
		CHECK(client_quota_take(&q, a));
	CHECK_EQ_UINT(client_quota_pending(&q, a), 100);
	client_quota_free(&q);
}

/* Many clients in a small table, taken and put in a scrambled order:
 * every count must stay exact (backward-shift deletion). */
static void test_churn(void)
{
	enum { N = 200 };
	static unsigned want[N];
	struct client_quota q;
	uint8_t a[16];
	unsigned x = 12345, i, bad = 0;

	CHECK_EQ_INT(client_quota_init(&q, N, 0, 99), 0);
	CHECK(q.size >= 2 * N);
	for (i = 0; i < 20000; i++) {
		unsigned c;

		x = x * 1103515245u + 12345u;
		c = (x >> 8) % N;
		addr_of(c, a);
		if ((x >> 20) & 1 && want[c]) {
			client_quota_put(&q, a);
			want[c]--;
		} else if (client_quota_take(&q, a)) {
			want[c]++;
		}
	}
	for (i = 0; i < N; i++) {
		addr_of(i, a);
		if (client_quota_pending(&q, a) != want[i])
			bad++;
	}
	CHECK_EQ_UINT(bad, 0);
	for (i = 0; i < N; i++) {
		addr_of(i, a);
		while (want[i]--)
			client_quota_put(&q, a);
	}
	CHECK_EQ_UINT(q.clients, 0);
	for (i = 0; i < q.size; i++)
		if (q.slots[i].pending)
			bad++;
	CHECK_EQ_UINT(bad, 0);
	CHECK_EQ_UINT(q.table_full, 0);
	client_quota_free(&q);
}

int main(void)
{
	test_cap();
	test_churn();
	return check_done();
}
