/* Unit tests for aftr_resolve.c: a query to the first server, its answer
 * taken only from that server with our ID, the next server after a
 * timeout or an error, the backoff after a failed round, the TTL refresh
 * and a new name starting over. */
#include <string.h>

#include "aftr_resolve.h"
#include "check.h"

static const uint8_t dns[2][16] = {
	{ 0x20, 0x01, 0x0d, 0xb8, [15] = 0x53 },
	{ 0x20, 0x01, 0x0d, 0xb8, [15] = 0x54 },
};
static const uint8_t aftr[16] = { 0x20, 0x01, 0x0d, 0xb8, [15] = 0x0a };

/* The answer to r's query in flight: one AAAA with ttl, or rcode. */
static size_t reply(const struct aftr_resolve *r, uint8_t rcode, uint32_t ttl,
		    uint8_t *b)
{
	size_t n = r->out_len;

	memcpy(b, r->out, n);
	b[2] |= 0x80;
	b[3] = (uint8_t)(0x80 | rcode);
	if (rcode)
		return n;
	b[7] = 1;
	memcpy(b + n, "\xc0\x0c\x00\x1c\x00\x01", 6);
	n += 6;
	b[n++] = (uint8_t)(ttl >> 24);
	b[n++] = (uint8_t)(ttl >> 16);
	b[n++] = (uint8_t)(ttl >> 8);
	b[n++] = (uint8_t)ttl;
	b[n++] = 0;
	b[n++] = 16;
	memcpy(b + n, aftr, 16);
	return n + 16;
}

int main(void)
{
	static struct aftr_resolve r;
	uint8_t b[DNS_MSG_MAX];
	size_t n;
	uint64_t t = 1000;

	aftr_init(&r, 42);
	CHECK_EQ_UINT(aftr_next_wakeup(&r), ENGINE_NEVER);
	/* No servers: the round fails at once, and says so. */
	aftr_set(&r, t, "aftr.example", dns, 0);
	aftr_timer(&r, t);
	CHECK(r.round_failed && r.out_len == 0);
	CHECK_EQ_UINT(aftr_next_wakeup(&r), t + 5000);
	r.round_failed = 0;
	/* Servers arrive: ask the first now. */
	aftr_set(&r, t, "aftr.example", dns, 2);
	CHECK_EQ_UINT(aftr_next_wakeup(&r), t);
	aftr_timer(&r, t);
	CHECK(r.out_len > 12 && r.waiting && r.server == 0);
	CHECK_EQ_UINT(aftr_next_wakeup(&r), t + AFTR_TIMEOUT_MS);
	n = reply(&r, 0, 300, b);
	/* From the other server, or with another ID: ignored. */
	CHECK_EQ_INT(aftr_answer(&r, t, dns[1], b, n), 0);
	b[0] ^= 0xff;
	CHECK_EQ_INT(aftr_answer(&r, t, dns[0], b, n), 0);
	b[0] ^= 0xff;
	CHECK_EQ_UINT(r.ignored, 2);
	CHECK(!r.has_addr);
	/* No answer in 2 s: the second server, with a new ID. */
	r.out_len = 0;
	{
		uint16_t first = r.id;

		aftr_timer(&r, t + AFTR_TIMEOUT_MS);
		CHECK(r.out_len > 0 && r.server == 1 && r.id != first);
	}
	/* NXDOMAIN from it: the round ends with the error kept. */
	n = reply(&r, 3, 0, b);
	CHECK_EQ_INT(aftr_answer(&r, t + 2100, dns[1], b, n), 1);
	CHECK_EQ_INT(r.last_error, DNS_NXDOMAIN);
	r.out_len = 0;
	aftr_timer(&r, t + 2100);
	CHECK(r.round_failed && r.out_len == 0);
	CHECK_EQ_UINT(r.failures, 2);
	CHECK_EQ_UINT(aftr_next_wakeup(&r), t + 2100 + 10000);
	r.round_failed = 0;
	/* The next round: the first server answers with TTL 10 s, which
	 * counts as 60. */
	t += 12100;
	aftr_timer(&r, t);
	CHECK(r.out_len > 0 && r.server == 0);
	n = reply(&r, 0, 10, b);
	CHECK_EQ_INT(aftr_answer(&r, t, dns[0], b, n), 1);
	CHECK(r.has_addr && r.changed && memcmp(r.addr, aftr, 16) == 0);
	CHECK_EQ_UINT(r.failures, 0);
	CHECK_EQ_UINT(aftr_next_wakeup(&r), t + 60000);
	/* A late duplicate is ignored. */
	CHECK_EQ_INT(aftr_answer(&r, t, dns[0], b, n), 0);
	/* The same lease again changes nothing; a new name starts over and
	 * keeps the old address meanwhile. */
	r.changed = 0;
	aftr_set(&r, t + 5, "aftr.example", dns, 2);
	CHECK_EQ_UINT(aftr_next_wakeup(&r), t + 60000);
	aftr_set(&r, t + 5, "gw.example", dns, 2);
	CHECK_EQ_UINT(aftr_next_wakeup(&r), t + 5);
	CHECK(r.has_addr && !r.changed);
	/* No name: idle. */
	aftr_set(&r, t + 6, "", dns, 2);
	CHECK_EQ_UINT(aftr_next_wakeup(&r), ENGINE_NEVER);
	/* Backoff is capped. */
	aftr_init(&r, 1);
	aftr_set(&r, 0, "aftr.example", dns, 0);
	for (int i = 0; i < 20; i++)
		aftr_timer(&r, r.next_at);
	CHECK_EQ_UINT(r.failures, 20);
	{
		uint64_t before = r.next_at;

		aftr_timer(&r, before);
		CHECK_EQ_UINT(r.next_at - before, AFTR_BACKOFF_MAX_MS);
	}
	return check_done();
}
