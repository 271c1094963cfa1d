/* Unit tests for netsim's DNS message builders and parsers. */
#include <string.h>

#include "check.h"
#include "dns_msg.h"

static struct dns_reply rep; /* large: not on the stack */

static void test_names(void)
{
	uint8_t w[300];
	char long_label[70], long_name[300];

	CHECK_EQ_INT(dns_name_encode("www.Example.test", w, sizeof(w)), 18);
	CHECK_MEM(w, 18, "\3www\7Example\4test\0", 18);
	CHECK_EQ_INT(dns_name_encode("www.example.test.", w, sizeof(w)), 18);
	CHECK_EQ_INT(dns_name_encode(".", w, sizeof(w)), 1);
	CHECK_EQ_INT(dns_name_encode("a\\.b\\032c", w, sizeof(w)), 7);
	CHECK_MEM(w, 7, "\5a.b c\0", 7);
	CHECK_EQ_INT(dns_name_encode("", w, sizeof(w)), -1);
	CHECK_EQ_INT(dns_name_encode("a..b", w, sizeof(w)), -1);
	CHECK_EQ_INT(dns_name_encode(".a", w, sizeof(w)), -1);
	CHECK_EQ_INT(dns_name_encode("a\\", w, sizeof(w)), -1);
	CHECK_EQ_INT(dns_name_encode("a\\256", w, sizeof(w)), -1);
	CHECK_EQ_INT(dns_name_encode("www.example.test", w, 10), -1);
	memset(long_label, 'x', 64);
	long_label[64] = '\0';
	CHECK_EQ_INT(dns_name_encode(long_label, w, sizeof(w)), -1);
	long_label[63] = '\0';
	CHECK_EQ_INT(dns_name_encode(long_label, w, sizeof(w)), 65);
	/* 4 x 63-byte labels: 257 wire bytes, over the 255 limit */
	snprintf(long_name, sizeof(long_name), "%s.%s.%s.%s", long_label, long_label,
		 long_label, long_label);
	CHECK_EQ_INT(dns_name_encode(long_name, w, sizeof(w)), -1);
	CHECK(dns_name_equal("WWW.example.TEST.", "www.example.test"));
	CHECK(!dns_name_equal("www.example.test", "www.example.tes"));
	CHECK(!dns_name_equal("a..b", "a..b"));
}

static void test_ptr_name(void)
{
	static const uint8_t v4[4] = { 192, 0, 2, 10 };
	static const uint8_t v6[16] = { 0xfd, 0, [15] = 0x21 };
	char out[100];

	CHECK_EQ_INT(dns_ptr_name(v4, 4, out, sizeof(out)), 0);
	CHECK_STR(out, "10.2.0.192.in-addr.arpa");
	CHECK_EQ_INT(dns_ptr_name(v6, 16, out, sizeof(out)), 0);
	CHECK_STR(out, "1.2.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.d.f.ip6.arpa");
	CHECK_EQ_INT(dns_ptr_name(v6, 16, out, 40), -1);
	CHECK_EQ_INT(dns_ptr_name(v4, 4, out, 10), -1);
}

static void test_query(void)
{
	uint8_t buf[512];
	struct dns_question q;
	size_t n = dns_query_build(buf, sizeof(buf), 0x1234, "host.test", DNS_TYPE_AAAA);

	CHECK_EQ_UINT(n, 12 + 11 + 4);
	CHECK_MEM(buf, 6, "\x12\x34\x01\x00\x00\x01", 6);
	CHECK_EQ_INT(dns_query_parse(buf, n, &q), 0);
	CHECK_EQ_UINT(q.id, 0x1234);
	CHECK_STR(q.name, "host.test");
	CHECK_EQ_UINT(q.qtype, DNS_TYPE_AAAA);
	CHECK_EQ_UINT(q.qclass, DNS_CLASS_IN);
	for (size_t i = 0; i < n; i++)
		CHECK_EQ_INT(dns_query_parse(buf, i, &q), DNS_E_SHORT);
	buf[2] |= 0x80; /* a response is not a query */
	CHECK_EQ_INT(dns_query_parse(buf, n, &q), DNS_E_HEADER);
	buf[2] = 0x01;
	buf[5] = 2;
	CHECK_EQ_INT(dns_query_parse(buf, n, &q), DNS_E_QDCOUNT);
	CHECK_EQ_UINT(dns_query_build(buf, sizeof(buf), 1, "bad..name", DNS_TYPE_A), 0);
	CHECK_EQ_UINT(dns_query_build(buf, 20, 1, "host.test", DNS_TYPE_A), 0);
}

static void test_reply_roundtrip(void)
{
	uint8_t qbuf[512], buf[2048];
	struct dns_question q;
	struct dns_rr an[3];
	size_t n, qn = dns_query_build(qbuf, sizeof(qbuf), 7, "Host.test", DNS_TYPE_A);

	CHECK_EQ_INT(dns_query_parse(qbuf, qn, &q), 0);
	memset(an, 0, sizeof(an));
	an[0].type = DNS_TYPE_CNAME;
	an[0].ttl = 60;
	strcpy(an[0].target, "real.test");
	an[1].type = DNS_TYPE_A;
	an[1].ttl = 300;
	an[1].rdlen = 4;
	memcpy(an[1].rdata, "\xc0\x00\x02\x0a", 4);
	an[2].type = DNS_TYPE_TXT;
	an[2].ttl = 5;
	an[2].rdlen = 6;
	memcpy(an[2].rdata, "\5hello", 6);
	n = dns_reply_build(buf, sizeof(buf), &q, DNS_RCODE_NOERROR, an, 3, 60);
	CHECK(n > qn);
	CHECK_EQ_INT(dns_reply_parse(buf, n, &rep), 0);
	CHECK_EQ_UINT(rep.q.id, 7);
	CHECK_EQ_UINT(rep.q.flags & (DNS_FLAG_QR | DNS_FLAG_AA | DNS_FLAG_RD | DNS_FLAG_TC),
		      DNS_FLAG_QR | DNS_FLAG_AA | DNS_FLAG_RD);
	CHECK(dns_question_match(&q, &rep.q));
	CHECK_EQ_UINT(rep.rcode, DNS_RCODE_NOERROR);
	CHECK_EQ_UINT(rep.ancount, 3);
	CHECK_EQ_UINT(rep.nan, 3);
	CHECK_EQ_UINT(rep.an[0].type, DNS_TYPE_CNAME);
	CHECK_STR(rep.an[0].target, "real.test");
	CHECK_EQ_UINT(rep.an[1].ttl, 300);
	CHECK_MEM(rep.an[1].rdata, rep.an[1].rdlen, "\xc0\x00\x02\x0a", 4);
	CHECK_MEM(rep.an[2].rdata, rep.an[2].rdlen, "\5hello", 6);
	/* every shorter prefix fails cleanly */
	for (size_t i = 0; i < n; i++)
		CHECK(dns_reply_parse(buf, i, &rep) < 0);
	/* a different question does not match */
	q.qtype = DNS_TYPE_AAAA;
	CHECK(!dns_question_match(&q, &rep.q));
	/* a query is not a reply */
	CHECK_EQ_INT(dns_reply_parse(qbuf, qn, &rep), DNS_E_HEADER);
	CHECK_EQ_INT(buf[9], 0); /* answers: no SOA */
	/* NXDOMAIN without answers; with neg_ttl an SOA for "test" */
	n = dns_reply_build(buf, sizeof(buf), &q, DNS_RCODE_NXDOMAIN, NULL, 0, 0);
	CHECK_EQ_UINT(n, qn);
	CHECK_EQ_INT(dns_reply_parse(buf, n, &rep), 0);
	CHECK_EQ_UINT(rep.rcode, DNS_RCODE_NXDOMAIN);
	CHECK_EQ_UINT(rep.ancount, 0);
	n = dns_reply_build(buf, sizeof(buf), &q, DNS_RCODE_NXDOMAIN, NULL, 0, 30);
	CHECK_EQ_UINT(n, qn + 36);
	CHECK_EQ_INT(buf[9], 1);
	CHECK_MEM(buf + qn, 12, "\xc0\x11\0\6\0\1\0\0\0\x1e\0\x18", 12);
	CHECK_MEM(buf + qn + 32, 4, "\0\0\0\x1e", 4);
	CHECK_EQ_INT(dns_reply_parse(buf, n, &rep), 0);
	n = dns_reply_build(buf, sizeof(buf), &q, DNS_RCODE_SERVFAIL, NULL, 0, 30);
	CHECK_EQ_UINT(n, qn);
}

static void test_truncation(void)
{
	uint8_t qbuf[512], buf[2048];
	struct dns_question q;
	static struct dns_rr big;
	size_t n, qn = dns_query_build(qbuf, sizeof(qbuf), 9, "big.test", DNS_TYPE_TXT);

	CHECK_EQ_INT(dns_query_parse(qbuf, qn, &q), 0);
	big.type = DNS_TYPE_TXT;
	big.rdlen = 3 * 201;
	for (int i = 0; i < 3; i++) {
		big.rdata[i * 201] = 200;
		memset(big.rdata + i * 201 + 1, 'x', 200);
	}
	n = dns_reply_build(buf, DNS_UDP_MAX, &q, 0, &big, 1, 60);
	CHECK_EQ_UINT(n, qn);
	CHECK_EQ_INT(dns_reply_parse(buf, n, &rep), 0);
	CHECK(rep.q.flags & DNS_FLAG_TC);
	CHECK_EQ_UINT(rep.ancount, 0);
	n = dns_reply_build(buf, sizeof(buf), &q, 0, &big, 1, 60);
	CHECK_EQ_UINT(n, qn + 12 + 603);
	CHECK_EQ_INT(dns_reply_parse(buf, n, &rep), 0);
	CHECK(!(rep.q.flags & DNS_FLAG_TC));
	CHECK_EQ_UINT(rep.an[0].rdlen, 603);
	CHECK_EQ_UINT(dns_reply_build(buf, 20, &q, 0, NULL, 0, 60), 0);
}

/* A reply whose second answer's owner is a chain of DEPTH pointers, each
 * one back, kept in the rdata of an answer of unknown type before it. */
static int pointer_chain(int depth)
{
	static const uint8_t hdr[12] = { 0, 1, 0x81, 0x80, 0, 1, 0, 2, 0, 0, 0, 0 };
	static uint8_t m[12 + 5 + 11 + 2 * 64 + 12];
	size_t o = 12;

	memcpy(m, hdr, 12);
	memcpy(m + o, "\0\0\1\0\1", 5); /* question: root A IN */
	o += 5;
	memcpy(m + o, "\0\0\x63\0\1\0\0\0\0", 9); /* root TYPE99 IN ttl 0 */
	o += 9;
	m[o++] = 0;
	m[o++] = (uint8_t)(2 * depth);
	for (int i = 0; i < depth; i++, o += 2) {
		m[o] = 0xc0;
		m[o + 1] = (uint8_t)(i == 0 ? 12 : o - 2);
	}
	m[o] = 0xc0;
	m[o + 1] = (uint8_t)(o - 2);
	o += 2;
	memcpy(m + o, "\0\x63\0\1\0\0\0\0\0\0", 10);
	o += 10;
	return dns_reply_parse(m, o, &rep);
}

/* Hand-made replies: compression loops, forward pointers, bad rdata. */
static void test_bad_replies(void)
{
	/* header: id 1, QR RD RA, qd 1, an 1 */
	static const uint8_t hdr[12] = { 0, 1, 0x81, 0x80, 0, 1, 0, 1, 0, 0, 0, 0 };
	uint8_t m[128];
	size_t n;

	/* question "a.test" A IN; answer via pointer, A 1.2.3.4 */
	memcpy(m, hdr, 12);
	memcpy(m + 12, "\1a\4test\0\0\1\0\1", 12);
	memcpy(m + 24, "\xc0\x0c\0\1\0\1\0\0\0\x3c\0\4\1\2\3\4", 16);
	n = 40;
	CHECK_EQ_INT(dns_reply_parse(m, n, &rep), 0);
	CHECK_EQ_UINT(rep.an[0].ttl, 60);
	CHECK_STR(rep.q.name, "a.test");
	/* pointer to itself, and a forward pointer */
	m[24] = 0xc0, m[25] = 24;
	CHECK_EQ_INT(dns_reply_parse(m, n, &rep), DNS_E_NAME);
	m[25] = 30;
	CHECK_EQ_INT(dns_reply_parse(m, n, &rep), DNS_E_NAME);
	/* pointers into the header: its bytes read as labels (0x81: bad type) */
	m[25] = 0;
	CHECK_EQ_INT(dns_reply_parse(m, n, &rep), 0);
	m[25] = 2;
	CHECK_EQ_INT(dns_reply_parse(m, n, &rep), DNS_E_NAME);
	m[25] = 12;
	/* A with 5 bytes of rdata */
	m[35] = 5;
	m[40] = 5;
	CHECK_EQ_INT(dns_reply_parse(m, 41, &rep), DNS_E_RDATA);
	m[35] = 4;
	/* extended label type */
	m[12] = 0x41;
	CHECK_EQ_INT(dns_reply_parse(m, n, &rep), DNS_E_NAME);
	m[12] = 1;
	/* TXT whose string runs past its rdata */
	m[27] = DNS_TYPE_TXT;
	m[36] = 4;
	CHECK_EQ_INT(dns_reply_parse(m, n, &rep), DNS_E_RDATA);
	m[36] = 3;
	CHECK_EQ_INT(dns_reply_parse(m, n, &rep), 0);
	/* CNAME whose name ends before its rdata does */
	m[27] = DNS_TYPE_CNAME;
	memcpy(m + 36, "\xc0\x0c\0\0", 4);
	CHECK_EQ_INT(dns_reply_parse(m, n, &rep), DNS_E_RDATA);
	m[35] = 2;
	CHECK_EQ_INT(dns_reply_parse(m, 38, &rep), 0);
	CHECK_STR(rep.an[0].target, "a.test");
	CHECK_EQ_INT(pointer_chain(DNS_MAX_POINTERS - 1), 0);
	CHECK_EQ_INT(pointer_chain(DNS_MAX_POINTERS + 1), DNS_E_NAME);
	/* escapes in names come back as text that encodes to the same bytes */
	memcpy(m + 12, "\1.\4t st\0\0\1\0\1", 12);
	m[7] = 0;
	CHECK_EQ_INT(dns_reply_parse(m, 24, &rep), 0);
	CHECK_STR(rep.q.name, "\\..t\\032st");
}

static void test_names_of_things(void)
{
	CHECK_STR(dns_rcode_name(3), "NXDOMAIN");
	CHECK(dns_rcode_name(9) == NULL);
	CHECK_EQ_UINT(dns_type_parse("AAAA"), DNS_TYPE_AAAA);
	CHECK_EQ_UINT(dns_type_parse("mx"), 0);
	CHECK_STR(dns_type_name(DNS_TYPE_PTR), "ptr");
	CHECK_STR(dns_err_str(DNS_E_NAME), "bad name");
}

int main(void)
{
	test_names();
	test_ptr_name();
	test_query();
	test_reply_roundtrip();
	test_truncation();
	test_bad_replies();
	test_names_of_things();
	return check_done();
}
