/*
 * test_rebind.c - which answers count as rebinding: every private range
 * and its edges, IPv4 inside IPv6, records beside the addresses, and the
 * allow-list's label boundaries.
 */
#include <arpa/inet.h>
#include <string.h>

#include "check.h"
#include "dns_wire.h"
#include "rebind.h"

static bool v4(const char *text)
{
	uint8_t a[4];

	CHECK_EQ_INT(inet_pton(AF_INET, text, a), 1);
	return rebind_private_v4(a);
}

static bool v6(const char *text)
{
	uint8_t a[16];

	CHECK_EQ_INT(inet_pton(AF_INET6, text, a), 1);
	return rebind_private_v6(a);
}

static void test_ranges(void)
{
	static const char *const private4[] = {
		"0.0.0.0", "0.255.255.255", "10.0.0.1", "10.255.255.255",
		"100.64.0.0", "100.127.255.255", "127.0.0.1", "127.255.0.1",
		"169.254.0.1", "169.254.255.255", "172.16.0.1",
		"172.31.255.255", "192.168.0.0", "192.168.1.1",
	};
	static const char *const public4[] = {
		"1.1.1.1", "9.255.255.255", "11.0.0.0", "100.63.255.255",
		"100.128.0.0", "126.255.255.255", "128.0.0.0", "169.253.1.1",
		"169.255.0.0", "172.15.255.255", "172.32.0.0", "192.167.1.1",
		"192.169.0.0", "192.0.2.1", "198.51.100.1", "203.0.113.1",
		"8.8.8.8", "224.0.0.1",
	};
	static const char *const private6[] = {
		"::", "::1", "fc00::1", "fd00::1", "fdff:ffff::1", "fe80::1",
		"febf::1", "fec0::1", "::ffff:192.168.1.1", "::ffff:127.0.0.1",
		"::ffff:10.1.2.3", "::ffff:0.0.0.0", "::192.168.1.1",
		"64:ff9b::192.168.1.1", "64:ff9b::a9fe:1",
	};
	static const char *const public6[] = {
		"2001:db8::1", "2606:4700::1111", "fbff::1", "ff02::1",
		"::ffff:8.8.8.8", "64:ff9b::8.8.8.8", "::2:0:0:1",
		"64:ff9b:1::192.168.1.1",
	};
	size_t i;

	for (i = 0; i < sizeof(private4) / sizeof(private4[0]); i++)
		if (!v4(private4[i]))
			CHECK_STR("public", private4[i]);
	for (i = 0; i < sizeof(public4) / sizeof(public4[0]); i++)
		if (v4(public4[i]))
			CHECK_STR("private", public4[i]);
	for (i = 0; i < sizeof(private6) / sizeof(private6[0]); i++)
		if (!v6(private6[i]))
			CHECK_STR("public", private6[i]);
	for (i = 0; i < sizeof(public6) / sizeof(public6[0]); i++)
		if (v6(public6[i]))
			CHECK_STR("private", public6[i]);
}

/* A reply to "name A" with the given answer records. */
struct rr {
	uint16_t type;
	const char *data;	/* address text, or a name for CNAME */
};

static size_t reply(uint8_t *buf, size_t cap, const char *name,
		    const struct rr *rrs, size_t n, struct dns_msg *m)
{
	uint8_t q[512];
	struct dns_question question = { .type = DNS_T_A, .klass = DNS_C_IN };
	struct dns_msg qm;
	struct dns_builder b;
	size_t qlen, i;

	CHECK_EQ_INT(dns_name_from_text(name, question.name,
					&question.name_len), 0);
	qlen = dns_build_query(q, sizeof(q), 1, &question, 0, false);
	CHECK_EQ_INT(dns_parse(q, qlen, &qm), DNS_OK);
	dns_reply_start(&b, buf, cap, q, &qm, DNS_R_NOERROR);
	for (i = 0; i < n; i++) {
		uint8_t rd[DNS_NAME_MAX];
		size_t rdlen = 0;

		if (rrs[i].type == DNS_T_A) {
			inet_pton(AF_INET, rrs[i].data, rd);
			rdlen = 4;
		} else if (rrs[i].type == DNS_T_AAAA) {
			inet_pton(AF_INET6, rrs[i].data, rd);
			rdlen = 16;
		} else {
			dns_name_from_text(rrs[i].data, rd, &rdlen);
		}
		dns_add_answer(&b, rrs[i].type, 60, rd, rdlen);
	}
	CHECK(!b.overflow);
	CHECK_EQ_INT(dns_parse(buf, b.len, m), DNS_OK);
	return b.len;
}

static void test_scan(void)
{
	static const struct rr public_only[] = {
		{ DNS_T_CNAME, "cdn.example.net" }, { DNS_T_A, "192.0.2.1" },
		{ DNS_T_AAAA, "2001:db8::1" },
	};
	static const struct rr mixed[] = {
		{ DNS_T_A, "192.0.2.1" }, { DNS_T_A, "192.168.1.1" },
		{ DNS_T_AAAA, "fd00::1" },
	};
	static const struct rr v6_mapped[] = {
		{ DNS_T_CNAME, "x.example.net" },
		{ DNS_T_AAAA, "::ffff:127.0.0.1" },
	};
	uint8_t buf[1024], first[16];
	struct dns_msg m;
	size_t len;
	int family = 0;

	len = reply(buf, sizeof(buf), "www.example.com", public_only, 3, &m);
	CHECK_EQ_UINT(rebind_scan(buf, len, &m, first, &family), 0);
	CHECK_EQ_INT(family, 0);

	/* One private address among public ones spoils the answer. */
	len = reply(buf, sizeof(buf), "evil.example.com", mixed, 3, &m);
	CHECK_EQ_UINT(rebind_scan(buf, len, &m, first, &family), 2);
	CHECK_EQ_INT(family, 4);
	CHECK(memcmp(first, "\xc0\xa8\x01\x01", 4) == 0);

	len = reply(buf, sizeof(buf), "evil.example.com", v6_mapped, 2, &m);
	CHECK_EQ_UINT(rebind_scan(buf, len, &m, first, &family), 1);
	CHECK_EQ_INT(family, 6);
	CHECK_EQ_UINT(first[15], 1);

	/* No answers (NXDOMAIN, NODATA). */
	len = reply(buf, sizeof(buf), "none.example.com", NULL, 0, &m);
	CHECK_EQ_UINT(rebind_scan(buf, len, &m, first, &family), 0);

	/* A record of another class is not an address. */
	len = reply(buf, sizeof(buf), "chaos.example.com", mixed + 1, 1, &m);
	buf[len - 4 - 2 - 4 - 2] = 0;	/* CLASS of the only answer: 3 */
	buf[len - 4 - 2 - 4 - 1] = 3;
	CHECK_EQ_INT(dns_parse(buf, len, &m), DNS_OK);
	CHECK_EQ_UINT(rebind_scan(buf, len, &m, first, &family), 0);

	/* A count that claims more answers than there are: the walk stops
	 * at the end (dns_parse would refuse it; the scan still must not
	 * read past len). */
	len = reply(buf, sizeof(buf), "short.example.com", mixed, 2, &m);
	m.ancount = 40;
	CHECK_EQ_UINT(rebind_scan(buf, len, &m, first, &family), 1);
	m.question_end = len + 10;
	CHECK_EQ_UINT(rebind_scan(buf, len, &m, first, &family), 0);
}

static void test_allowed(void)
{
	static const char *const allow[] = { "corp.example", "Home.Arpa" };

	CHECK(rebind_name_allowed("corp.example", allow, 2));
	CHECK(rebind_name_allowed("wiki.corp.example", allow, 2));
	CHECK(rebind_name_allowed("A.B.CORP.EXAMPLE", allow, 2));
	CHECK(rebind_name_allowed("nas.home.arpa", allow, 2));
	CHECK(!rebind_name_allowed("xcorp.example", allow, 2));
	CHECK(!rebind_name_allowed("corp.example.evil.com", allow, 2));
	CHECK(!rebind_name_allowed("example", allow, 2));
	CHECK(!rebind_name_allowed("wiki.corp.example", allow, 0));
	CHECK(!rebind_name_allowed("", allow, 2));
}

int main(void)
{
	test_ranges();
	test_allowed();
	test_scan();
	return check_done();
}
