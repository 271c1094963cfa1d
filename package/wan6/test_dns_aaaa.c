/* Unit tests for dns_aaaa.c: the query's bytes, answers matched by ID and
 * question, CNAME chains, compression pointers (backwards only), the error
 * RCODEs, truncation and malformed records. */
#include <string.h>

#include "check.h"
#include "dns_aaaa.h"

struct msg {
	uint8_t b[DNS_MSG_MAX];
	size_t n;
};

static void put(struct msg *m, const void *p, size_t n)
{
	memcpy(m->b + m->n, p, n);
	m->n += n;
}

static void put16(struct msg *m, uint16_t v)
{
	uint8_t b[2] = { (uint8_t)(v >> 8), (uint8_t)v };

	put(m, b, 2);
}

#define NAME "\x04" "aftr" "\x07" "example" "\x00"
#define NAME_LEN 14
static const uint8_t aftr[16] = { 0x20, 0x01, 0x0d, 0xb8, [15] = 0x0a };

/* A response header and our question (the name as qname, 14 bytes). */
static void answer_start(struct msg *m, uint16_t id, uint8_t flags3,
			 uint16_t ancount, const void *qname, size_t qlen)
{
	m->n = 0;
	put16(m, id);
	put16(m, (uint16_t)(0x8180 | flags3));	/* QR RD RA, rcode in flags3 */
	put16(m, 1);
	put16(m, ancount);
	put16(m, 0);
	put16(m, 0);
	put(m, qname, qlen);
	put16(m, DNS_TYPE_AAAA);
	put16(m, DNS_CLASS_IN);
}

/* A record: owner as given (bytes), type, TTL 300, rdata. */
static void rr(struct msg *m, const void *owner, size_t olen, uint16_t type,
	       const void *rdata, uint16_t rdlen)
{
	put(m, owner, olen);
	put16(m, type);
	put16(m, DNS_CLASS_IN);
	put16(m, 0);
	put16(m, 300);
	put16(m, rdlen);
	put(m, rdata, rdlen);
}

static const uint8_t ptr_q[2] = { 0xc0, 12 };	/* to the question's name */

static void test_query(void)
{
	uint8_t b[DNS_MSG_MAX], big[300];
	char long_name[300];
	size_t n = dns_aaaa_query("aftr.example", 0xbeef, b, sizeof(b));

	CHECK_EQ_UINT(n, 12 + NAME_LEN + 4);
	CHECK(b[0] == 0xbe && b[1] == 0xef && b[2] == 0x01 && b[3] == 0);
	CHECK(b[4] == 0 && b[5] == 1 && b[7] == 0 && b[9] == 0 && b[11] == 0);
	CHECK(memcmp(b + 12, NAME, NAME_LEN) == 0);
	CHECK(b[26] == 0 && b[27] == 28 && b[28] == 0 && b[29] == 1);
	/* The final dot is optional; upper case goes out lower. */
	CHECK_EQ_UINT(dns_aaaa_query("AFTR.example.", 1, big, sizeof(big)), n);
	CHECK(memcmp(big + 12, NAME, NAME_LEN) == 0);
	CHECK_EQ_UINT(dns_aaaa_query("", 1, b, sizeof(b)), 0);
	CHECK_EQ_UINT(dns_aaaa_query(".", 1, b, sizeof(b)), 0);
	CHECK_EQ_UINT(dns_aaaa_query("a..b", 1, b, sizeof(b)), 0);
	CHECK_EQ_UINT(dns_aaaa_query("aftr.example", 1, b, 20), 0);
	memset(long_name, 'a', 64);
	long_name[64] = '\0';
	CHECK_EQ_UINT(dns_aaaa_query(long_name, 1, b, sizeof(b)), 0);
	long_name[63] = '\0';
	CHECK(dns_aaaa_query(long_name, 1, b, sizeof(b)) > 0);
	/* 4 x 63 + dots = 255 dotted: 257 on the wire, too long. */
	memset(long_name, 'a', 255);
	for (int i = 63; i < 255; i += 64)
		long_name[i] = '.';
	long_name[255] = '\0';
	CHECK_EQ_UINT(dns_aaaa_query(long_name, 1, big, sizeof(big)), 0);
	long_name[253] = '\0';	/* 253 dotted: 255 on the wire */
	CHECK(dns_aaaa_query(long_name, 1, big, sizeof(big)) > 0);
}

static void test_answer(void)
{
	struct msg m;
	uint8_t a[16];
	uint32_t ttl = 0;
	static const uint8_t other[16] = { 0x20, 0x01, 0x0d, 0xb8, [15] = 0x0b };
	static const uint8_t ll[16] = { 0xfe, 0x80, [15] = 1 };

	/* The usual: one AAAA, owner compressed to the question. */
	answer_start(&m, 7, 0, 1, NAME, NAME_LEN);
	rr(&m, ptr_q, 2, DNS_TYPE_AAAA, aftr, 16);
	CHECK_EQ_INT(dns_aaaa_answer(m.b, m.n, 7, "aftr.example", a, &ttl), DNS_OK);
	CHECK(memcmp(a, aftr, 16) == 0);
	CHECK_EQ_UINT(ttl, 300);
	/* Case does not matter; ID and question do. */
	CHECK_EQ_INT(dns_aaaa_answer(m.b, m.n, 7, "AFTR.Example.", a, &ttl), DNS_OK);
	CHECK_EQ_INT(dns_aaaa_answer(m.b, m.n, 8, "aftr.example", a, &ttl),
		     DNS_NOT_ANSWER);
	CHECK_EQ_INT(dns_aaaa_answer(m.b, m.n, 7, "aftr.example.net", a, &ttl),
		     DNS_NOT_ANSWER);
	/* A query (QR clear) is no answer. */
	m.b[2] &= 0x7f;
	CHECK_EQ_INT(dns_aaaa_answer(m.b, m.n, 7, "aftr.example", a, &ttl),
		     DNS_NOT_ANSWER);
	/* Truncated anywhere: malformed, never read past the end. */
	answer_start(&m, 7, 0, 1, NAME, NAME_LEN);
	rr(&m, ptr_q, 2, DNS_TYPE_AAAA, aftr, 16);
	for (size_t n = 12; n < m.n; n++)
		CHECK(dns_aaaa_answer(m.b, n, 7, "aftr.example", a, &ttl) != DNS_OK);
	CHECK_EQ_INT(dns_aaaa_answer(m.b, 5, 7, "aftr.example", a, &ttl),
		     DNS_MALFORMED);

	/* First AAAA wins; another owner's record is skipped. */
	answer_start(&m, 7, 0, 3, NAME, NAME_LEN);
	rr(&m, "\x05" "other" "\x00", 7, DNS_TYPE_AAAA, other, 16);
	rr(&m, ptr_q, 2, DNS_TYPE_AAAA, aftr, 16);
	rr(&m, ptr_q, 2, DNS_TYPE_AAAA, other, 16);
	CHECK_EQ_INT(dns_aaaa_answer(m.b, m.n, 7, "aftr.example", a, &ttl), DNS_OK);
	CHECK(memcmp(a, aftr, 16) == 0);

	/* A CNAME chain: aftr.example -> gw.isp (written out) -> AAAA. */
	answer_start(&m, 7, 0, 2, NAME, NAME_LEN);
	rr(&m, ptr_q, 2, DNS_TYPE_CNAME, "\x02" "gw" "\x03" "isp" "\x00", 8);
	{
		uint8_t to_target[2] = { 0xc0, (uint8_t)(m.n - 8) };

		rr(&m, to_target, 2, DNS_TYPE_AAAA, aftr, 16);
	}
	CHECK_EQ_INT(dns_aaaa_answer(m.b, m.n, 7, "aftr.example", a, &ttl), DNS_OK);
	CHECK(memcmp(a, aftr, 16) == 0);
	/* ...but an AAAA of the old name after the CNAME is not used. */
	answer_start(&m, 7, 0, 2, NAME, NAME_LEN);
	rr(&m, ptr_q, 2, DNS_TYPE_CNAME, "\x02" "gw" "\x03" "isp" "\x00", 8);
	rr(&m, ptr_q, 2, DNS_TYPE_AAAA, other, 16);
	CHECK_EQ_INT(dns_aaaa_answer(m.b, m.n, 7, "aftr.example", a, &ttl),
		     DNS_NO_ADDRESS);

	/* The RCODEs, TC, NODATA, an address that is not global. */
	answer_start(&m, 7, 3, 0, NAME, NAME_LEN);
	CHECK_EQ_INT(dns_aaaa_answer(m.b, m.n, 7, "aftr.example", a, &ttl),
		     DNS_NXDOMAIN);
	answer_start(&m, 7, 2, 0, NAME, NAME_LEN);
	CHECK_EQ_INT(dns_aaaa_answer(m.b, m.n, 7, "aftr.example", a, &ttl),
		     DNS_SERVFAIL);
	answer_start(&m, 7, 0, 0, NAME, NAME_LEN);
	m.b[2] |= 0x02;
	CHECK_EQ_INT(dns_aaaa_answer(m.b, m.n, 7, "aftr.example", a, &ttl),
		     DNS_TRUNCATED);
	answer_start(&m, 7, 0, 0, NAME, NAME_LEN);
	CHECK_EQ_INT(dns_aaaa_answer(m.b, m.n, 7, "aftr.example", a, &ttl),
		     DNS_NO_ADDRESS);
	answer_start(&m, 7, 0, 1, NAME, NAME_LEN);
	rr(&m, ptr_q, 2, DNS_TYPE_AAAA, ll, 16);
	CHECK_EQ_INT(dns_aaaa_answer(m.b, m.n, 7, "aftr.example", a, &ttl),
		     DNS_NOT_GLOBAL);
	/* An AAAA of the wrong size. */
	answer_start(&m, 7, 0, 1, NAME, NAME_LEN);
	rr(&m, ptr_q, 2, DNS_TYPE_AAAA, aftr, 4);
	CHECK_EQ_INT(dns_aaaa_answer(m.b, m.n, 7, "aftr.example", a, &ttl),
		     DNS_MALFORMED);
}

/* Pointers that loop or point forwards are refused. */
static void test_pointers(void)
{
	struct msg m;
	uint8_t a[16];
	uint32_t ttl;
	static const uint8_t self[2] = { 0xc0, 12 };

	/* The question's name is a pointer to itself. */
	answer_start(&m, 7, 0, 0, self, 2);
	CHECK_EQ_INT(dns_aaaa_answer(m.b, m.n, 7, "aftr.example", a, &ttl),
		     DNS_MALFORMED);
	/* An owner pointing forwards (to the record's own rdata). */
	answer_start(&m, 7, 0, 1, NAME, NAME_LEN);
	{
		uint8_t fwd[2] = { 0xc0, (uint8_t)(m.n + 12) };

		rr(&m, fwd, 2, DNS_TYPE_AAAA, aftr, 16);
	}
	CHECK_EQ_INT(dns_aaaa_answer(m.b, m.n, 7, "aftr.example", a, &ttl),
		     DNS_MALFORMED);
	/* A label type 0x40 (obsolete extended labels). */
	answer_start(&m, 7, 0, 1, NAME, NAME_LEN);
	rr(&m, "\x40", 1, DNS_TYPE_AAAA, aftr, 16);
	CHECK_EQ_INT(dns_aaaa_answer(m.b, m.n, 7, "aftr.example", a, &ttl),
		     DNS_MALFORMED);
}

int main(void)
{
	test_query();
	test_answer();
	test_pointers();
	return check_done();
}
