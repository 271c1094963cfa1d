/*
 * test_dns_wire.c - the message parser and builders: names with
 * compression, pointer loops, length limits, truncated and garbage input.
 */
#include <string.h>

#include "check.h"
#include "dns_wire.h"

/* www.example.com A IN, ID 0x1234, RD */
static const uint8_t query[] = {
	0x12, 0x34, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0,
	3, 'w', 'w', 'w', 7, 'e', 'x', 'a', 'm', 'p', 'l', 'e', 3, 'c', 'o',
	'm', 0, 0, 1, 0, 1,
};

/* Reply: CNAME www -> web (compressed), A 192.0.2.1, then OPT. */
static size_t make_reply(uint8_t *m)
{
	size_t n = sizeof(query);
	static const uint8_t rest[] = {
		/* www.example.com CNAME web.example.com, TTL 300 */
		0xc0, 0x0c, 0, 5, 0, 1, 0, 0, 1, 0x2c, 0, 6,
		3, 'w', 'e', 'b', 0xc0, 0x10,
		/* web.example.com A 192.0.2.1, TTL 60 */
		0xc0, 0x2d, 0, 1, 0, 1, 0, 0, 0, 60, 0, 4, 192, 0, 2, 1,
		/* OPT udp 1232 */
		0, 0, 41, 0x04, 0xd0, 0, 0, 0x80, 0, 0, 0,
	};

	memcpy(m, query, n);
	m[2] = 0x81;
	m[3] = 0x80;
	m[7] = 2;	/* ancount */
	m[11] = 1;	/* arcount */
	memcpy(m + n, rest, sizeof(rest));
	return n + sizeof(rest);
}

static void test_query(void)
{
	struct dns_msg m;

	CHECK_EQ_INT(dns_parse(query, sizeof(query), &m), DNS_OK);
	CHECK_EQ_UINT(m.id, 0x1234);
	CHECK_EQ_UINT(m.q.type, DNS_T_A);
	CHECK_EQ_UINT(m.q.klass, DNS_C_IN);
	CHECK_EQ_UINT(m.q.name_len, 17);
	CHECK_EQ_UINT(m.question_end, sizeof(query));
	CHECK(!m.has_edns);
	CHECK_EQ_UINT(m.max_ptr_reach, 0);
}

static void test_reply(void)
{
	uint8_t msg[512];
	size_t len = make_reply(msg), stripped;
	struct dns_msg m;
	char sum[128];

	CHECK_EQ_INT(dns_parse(msg, len, &m), DNS_OK);
	CHECK_EQ_UINT(m.rr_count, 2);
	CHECK_EQ_UINT(m.min_ttl, 60);
	CHECK_EQ_UINT(m.ttl_count, 2);
	CHECK(m.has_edns);
	CHECK_EQ_UINT(m.edns_udp_size, 1232);
	CHECK(m.edns_do);
	CHECK(m.opt_is_last);
	/* The A record's owner points at "web" in the CNAME's RDATA. */
	CHECK(m.max_ptr_reach >= m.question_end);
	dns_answer_summary(msg, len, &m, sum, sizeof(sum));
	CHECK_STR(sum, "CNAME web.example.com A 192.0.2.1");
	/* Every byte short of the end is an error, never a crash. */
	for (size_t cut = 0; cut < len; cut++)
		CHECK(dns_parse(msg, cut, &m) != DNS_OK);
	CHECK_EQ_INT(dns_parse(msg, len, &m), DNS_OK);
	stripped = dns_strip_opt(msg, len, &m);
	CHECK_EQ_UINT(stripped, len - 11);
	CHECK_EQ_INT(dns_parse(msg, stripped, &m), DNS_OK);
	CHECK(!m.has_edns);
	CHECK_EQ_UINT(m.arcount, 0);
}

static void test_trailing_and_counts(void)
{
	uint8_t msg[sizeof(query) + 1];
	struct dns_msg m;

	memcpy(msg, query, sizeof(query));
	msg[sizeof(query)] = 0;
	CHECK_EQ_INT(dns_parse(msg, sizeof(msg), &m), DNS_ETRAIL);
	memcpy(msg, query, sizeof(query));
	msg[5] = 2;
	CHECK_EQ_INT(dns_parse(msg, sizeof(query), &m), DNS_ECOUNT);
	msg[5] = 0;
	CHECK_EQ_INT(dns_parse(msg, sizeof(query), &m), DNS_ECOUNT);
	/* An answer count far beyond the data. */
	memcpy(msg, query, sizeof(query));
	msg[6] = 0xff;
	CHECK_EQ_INT(dns_parse(msg, sizeof(query), &m), DNS_ESHORT);
}

static void test_compression_loops(void)
{
	uint8_t msg[64] = { 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0 };
	uint8_t name[DNS_NAME_MAX];
	size_t name_len, next;
	struct dns_msg m;

	/* Pointer to itself. */
	msg[12] = 0xc0;
	msg[13] = 12;
	CHECK_EQ_INT(dns_name_read(msg, 18, 12, name, &name_len, &next),
		     DNS_ELOOP);
	CHECK_EQ_INT(dns_parse(msg, 18, &m), DNS_ELOOP);
	/* Forward pointer. */
	msg[13] = 20;
	CHECK_EQ_INT(dns_name_read(msg, 30, 12, name, &name_len, &next),
		     DNS_ELOOP);
	/* Two names pointing at each other: a at 20 -> 12, b at 12 -> 20. */
	msg[12] = 1; msg[13] = 'a'; msg[14] = 0xc0; msg[15] = 20;
	msg[20] = 1; msg[21] = 'b'; msg[22] = 0xc0; msg[23] = 12;
	CHECK_EQ_INT(dns_name_read(msg, 30, 20, name, &name_len, &next),
		     DNS_ELOOP);
	/* A valid backward pointer. */
	msg[12] = 1; msg[13] = 'a'; msg[14] = 0;
	msg[20] = 1; msg[21] = 'b'; msg[22] = 0xc0; msg[23] = 12;
	CHECK_EQ_INT(dns_name_read(msg, 30, 20, name, &name_len, &next),
		     DNS_OK);
	CHECK_EQ_UINT(name_len, 5);
	CHECK_EQ_UINT(next, 24);
	/* Pointer into the header. */
	msg[20] = 0xc0; msg[21] = 2;
	CHECK_EQ_INT(dns_name_read(msg, 30, 20, name, &name_len, &next),
		     DNS_ELABEL);
	msg[20] = 1; msg[21] = 'b';
	/* Pointer cut in half at the end of the message. */
	CHECK_EQ_INT(dns_name_read(msg, 23, 20, name, &name_len, &next),
		     DNS_ESHORT);
	/* Reserved label types 0x40 and 0x80. */
	msg[12] = 0x41;
	CHECK_EQ_INT(dns_name_read(msg, 30, 12, name, &name_len, &next),
		     DNS_ELABEL);
	msg[12] = 0x81;
	CHECK_EQ_INT(dns_name_read(msg, 30, 12, name, &name_len, &next),
		     DNS_ELABEL);
}

static void test_name_limits(void)
{
	uint8_t msg[600], name[DNS_NAME_MAX];
	size_t name_len, next, pos = 0;
	char text[300];
	int i;

	/* 4 labels of 63 = 256 bytes with the root: one too many. */
	for (i = 0; i < 4; i++) {
		msg[pos++] = 63;
		memset(msg + pos, 'a', 63);
		pos += 63;
	}
	msg[pos++] = 0;
	CHECK_EQ_INT(dns_name_read(msg, pos, 0, name, &name_len, &next),
		     DNS_ENAMELEN);
	/* 3 x 63 + 61 + root = 255: the longest legal name. */
	msg[192] = 61;
	msg[192 + 62] = 0;
	CHECK_EQ_INT(dns_name_read(msg, 255, 0, name, &name_len, &next),
		     DNS_OK);
	CHECK_EQ_UINT(name_len, 255);
	/* The same limits from text. */
	memset(text, 'a', sizeof(text));
	text[63] = '\0';
	CHECK_EQ_INT(dns_name_from_text(text, name, &name_len), DNS_OK);
	CHECK_EQ_UINT(name_len, 65);
	text[63] = 'a';
	text[64] = '\0';
	CHECK_EQ_INT(dns_name_from_text(text, name, &name_len), DNS_ELABEL);
	text[64] = 'a';
	for (i = 0; i < 3; i++)
		text[i * 64 + 63] = '.';
	text[253] = '\0';	/* 63.63.63.61 */
	CHECK_EQ_INT(dns_name_from_text(text, name, &name_len), DNS_OK);
	CHECK_EQ_UINT(name_len, 255);
	text[253] = 'a';
	text[254] = '\0';
	CHECK_EQ_INT(dns_name_from_text(text, name, &name_len), DNS_ENAMELEN);
	CHECK_EQ_INT(dns_name_from_text("a..b", name, &name_len), DNS_ELABEL);
	CHECK_EQ_INT(dns_name_from_text("", name, &name_len), DNS_ELABEL);
	CHECK_EQ_INT(dns_name_from_text("host.lan.", name, &name_len), DNS_OK);
	CHECK_EQ_UINT(name_len, 10);
}

static void test_text(void)
{
	static const uint8_t odd[] = { 3, 'a', '.', 'B', 2, 0x01, 'x', 0 };
	uint8_t wire[DNS_NAME_MAX];
	size_t len;
	char text[DNS_TEXT_MAX];

	dns_name_to_text(odd, sizeof(odd), text, sizeof(text));
	CHECK_STR(text, "a\\046B.\\001x");
	dns_name_to_text((const uint8_t *)"", 1, text, sizeof(text));
	CHECK_STR(text, ".");
	CHECK_EQ_INT(dns_name_from_text("Mixed.Case", wire, &len), DNS_OK);
	CHECK(dns_name_equal(wire, len,
			     (const uint8_t *)"\5mixed\4CASE", 12));
	CHECK(!dns_name_equal(wire, len, (const uint8_t *)"\5mixed\4casx", 12));
}

static void test_build(void)
{
	uint8_t out[512];
	static const uint8_t a[4] = { 192, 0, 2, 9 };
	struct dns_builder b;
	struct dns_msg m, r;
	size_t len;

	CHECK_EQ_INT(dns_parse(query, sizeof(query), &m), DNS_OK);
	dns_reply_start(&b, out, sizeof(out), query, &m, DNS_R_NOERROR);
	dns_add_answer(&b, DNS_T_A, 60, a, 4);
	CHECK(!b.overflow);
	CHECK_EQ_INT(dns_parse(out, b.len, &r), DNS_OK);
	CHECK_EQ_UINT(r.id, 0x1234);
	CHECK(r.flags & DNS_F_QR);
	CHECK(r.flags & DNS_F_RD);
	CHECK_EQ_UINT(r.ancount, 1);
	CHECK_EQ_UINT(r.min_ttl, 60);
	/* Overflow is sticky and leaves the builder's length intact. */
	dns_reply_start(&b, out, 40, query, &m, DNS_R_NOERROR);
	len = b.len;
	dns_add_answer(&b, DNS_T_A, 60, a, 4);
	CHECK(b.overflow);
	CHECK_EQ_UINT(b.len, len);

	len = dns_build_query(out, sizeof(out), 7, &m.q, DNS_EDNS_SIZE, false);
	CHECK_EQ_UINT(len, sizeof(query) + 11);
	CHECK_EQ_INT(dns_parse(out, len, &r), DNS_OK);
	CHECK(r.has_edns);
	CHECK_EQ_UINT(r.edns_udp_size, DNS_EDNS_SIZE);
	CHECK_EQ_UINT(dns_build_query(out, 20, 7, &m.q, 0, false), 0);
}

static void test_fit(void)
{
	uint8_t msg[2048];
	static const uint8_t a[4] = { 198, 51, 100, 1 };
	struct dns_builder b;
	struct dns_msg m, r;
	size_t len;
	int i;

	CHECK_EQ_INT(dns_parse(query, sizeof(query), &m), DNS_OK);
	dns_reply_start(&b, msg, sizeof(msg), query, &m, DNS_R_NOERROR);
	for (i = 0; i < 40; i++)
		dns_add_answer(&b, DNS_T_A, 60, a, 4);
	/* 673 bytes: too big for a plain UDP client. */
	len = dns_fit_reply(msg, b.len, sizeof(msg), m.question_end, false, 0,
			    false);
	CHECK_EQ_UINT(len, m.question_end);
	CHECK_EQ_INT(dns_parse(msg, len, &r), DNS_OK);
	CHECK(r.flags & DNS_F_TC);
	CHECK_EQ_UINT(r.ancount, 0);
	/* Fits an EDNS0 client, which also gets an OPT record. */
	dns_reply_start(&b, msg, sizeof(msg), query, &m, DNS_R_NOERROR);
	for (i = 0; i < 40; i++)
		dns_add_answer(&b, DNS_T_A, 60, a, 4);
	len = dns_fit_reply(msg, b.len, sizeof(msg), m.question_end, true,
			    4096, false);
	CHECK_EQ_UINT(len, b.len + 11);
	CHECK_EQ_INT(dns_parse(msg, len, &r), DNS_OK);
	CHECK(!(r.flags & DNS_F_TC));
	CHECK(r.has_edns);
	CHECK_EQ_UINT(r.ancount, 40);
	/* Over TCP only the 16-bit length limits. */
	dns_reply_start(&b, msg, sizeof(msg), query, &m, DNS_R_NOERROR);
	for (i = 0; i < 40; i++)
		dns_add_answer(&b, DNS_T_A, 60, a, 4);
	len = dns_fit_reply(msg, b.len, sizeof(msg), m.question_end, false, 0,
			    true);
	CHECK_EQ_UINT(len, b.len);
}

int main(void)
{
	test_query();
	test_reply();
	test_trailing_and_counts();
	test_compression_loops();
	test_name_limits();
	test_text();
	test_build();
	test_fit();
	return check_done();
}
