/* Unit tests for dhcp6_parse.c and dhcp6_reply.c: byte-exact Replies, the
 * RFC 8415 section 16.12 rules, every malformed shape, and the DNS name
 * encoder option 24 shares with the RA's DNSSL. */
#include <arpa/inet.h>
#include <string.h>

#include "check.h"
#include "dhcp6_wire.h"

static const uint8_t mac[6] = { 0x52, 0x54, 0x00, 0x12, 0x34, 0x56 };
static const uint8_t our_duid[10] = { 0, 3, 0, 1,
	0x52, 0x54, 0x00, 0x12, 0x34, 0x56 };

/* What dhclient -6 -S sends: Information-request, Client Identifier
 * (DUID-LLT), ORO asking for 23, 24 and 32, Elapsed Time. */
static const uint8_t inforeq[] = {
	11, 0xab, 0xcd, 0xef,
	0, 1, 0, 14, 0, 1, 0, 1, 0x2a, 0x3b, 0x4c, 0x5d,
		0x02, 0x00, 0x00, 0x00, 0x00, 0x01,
	0, 6, 0, 6, 0, 23, 0, 24, 0, 32,
	0, 8, 0, 2, 0, 0,
};

static struct dhcp6_server server(void)
{
	struct dhcp6_server s;
	uint8_t dns[2][16];

	inet_pton(AF_INET6, "fd00::1", dns[0]);
	inet_pton(AF_INET6, "fd00::53", dns[1]);
	CHECK_EQ_INT(dhcp6_server_setup(&s, mac, (const uint8_t (*)[16])dns,
					2, "home.lan", 1800), 0);
	return s;
}

static void test_dns_name_encode(void)
{
	uint8_t buf[300];
	char name[300];

	CHECK_EQ_UINT(dns_name_encode("home.lan", buf, sizeof(buf)), 10);
	CHECK_MEM(buf, 10, "\4home\3lan\0", 10);
	CHECK_EQ_UINT(dns_name_encode("lan.", buf, sizeof(buf)), 5);
	CHECK_EQ_UINT(dns_name_encode("lan", buf, 5), 5);
	CHECK_EQ_UINT(dns_name_encode("lan", buf, 4), 0);	/* no root */
	CHECK_EQ_UINT(dns_name_encode("lan", buf, 3), 0);
	CHECK_EQ_UINT(dns_name_encode("", buf, sizeof(buf)), 0);
	CHECK_EQ_UINT(dns_name_encode("a..b", buf, sizeof(buf)), 0);
	/* 253 characters is the longest name: 255 bytes on the wire. */
	memset(name, 'a', 253);
	for (int i = 63; i < 253; i += 64)
		name[i] = '.';
	name[253] = 0;
	CHECK_EQ_UINT(dns_name_encode(name, buf, sizeof(buf)), 255);
	name[253] = 'a';
	name[254] = 0;
	CHECK_EQ_UINT(dns_name_encode(name, buf, sizeof(buf)), 0);
}

static void test_parse(void)
{
	struct dhcp6_msg m;

	CHECK_EQ_INT(dhcp6_parse(inforeq, sizeof(inforeq), &m), DHCP6_ANSWER);
	CHECK_EQ_UINT(m.type, DHCP6_INFORMATION_REQUEST);
	CHECK_MEM(m.xid, 3, "\xab\xcd\xef", 3);
	CHECK(m.client_id == inforeq + 8);
	CHECK_EQ_UINT(m.client_id_len, 14);
	CHECK(m.server_id == NULL);
	CHECK(m.has_oro && m.want_dns && m.want_domains && m.want_refresh);
	CHECK_EQ_INT(m.has_ia, 0);

	/* The bare header is a legal message. */
	CHECK_EQ_INT(dhcp6_parse(inforeq, 4, &m), DHCP6_ANSWER);
	CHECK_EQ_INT(m.has_oro, 0);
	CHECK(m.client_id == NULL);
}

static void test_parse_malformed(void)
{
	uint8_t p[64];
	struct dhcp6_msg m;

	CHECK_EQ_INT(dhcp6_parse(inforeq, 3, &m), DHCP6_SHORT);
	CHECK_EQ_INT(dhcp6_parse(inforeq, 0, &m), DHCP6_SHORT);
	/* Cut inside an option header, inside an option body. */
	CHECK_EQ_INT(dhcp6_parse(inforeq, 7, &m), DHCP6_BAD_OPTION);
	CHECK_EQ_INT(dhcp6_parse(inforeq, 8, &m), DHCP6_BAD_OPTION);
	CHECK_EQ_INT(dhcp6_parse(inforeq, 21, &m), DHCP6_BAD_OPTION);
	CHECK_EQ_INT(dhcp6_parse(inforeq, sizeof(inforeq) - 1, &m),
		     DHCP6_BAD_OPTION);
	/* A length of 65535 must not wrap the bounds check. */
	memcpy(p, inforeq, 8);
	p[6] = p[7] = 0xff;
	CHECK_EQ_INT(dhcp6_parse(p, 8, &m), DHCP6_BAD_OPTION);
	CHECK_EQ_INT(dhcp6_parse(p, sizeof(p), &m), DHCP6_BAD_OPTION);

	/* Client id of 2 bytes, of 131 bytes, twice. */
	memcpy(p, "\x0b\0\0\1\0\1\0\2\0\1", 10);
	CHECK_EQ_INT(dhcp6_parse(p, 10, &m), DHCP6_BAD_DUID);
	memcpy(p, inforeq, 22);
	memcpy(p + 22, inforeq + 4, 18);
	CHECK_EQ_INT(dhcp6_parse(p, 22, &m), DHCP6_ANSWER);
	CHECK_EQ_INT(dhcp6_parse(p, 40, &m), DHCP6_BAD_DUID);
	p[22 + 1] = DHCP6_OPT_SERVERID;	/* a server id is fine once */
	CHECK_EQ_INT(dhcp6_parse(p, 40, &m), DHCP6_ANSWER);
	CHECK(m.server_id == p + 26);
	{
		uint8_t big[4 + 4 + 131] = { 11, 0, 0, 0, 0, 2, 0, 131 };

		CHECK_EQ_INT(dhcp6_parse(big, sizeof(big), &m),
			     DHCP6_BAD_DUID);
		big[7] = 130;
		CHECK_EQ_INT(dhcp6_parse(big, sizeof(big) - 1, &m),
			     DHCP6_ANSWER);
		CHECK_EQ_UINT(m.server_id_len, 130);
	}
	/* An ORO of odd length. */
	memcpy(p, "\x0b\0\0\1\0\6\0\3\0\x17\0", 11);
	CHECK_EQ_INT(dhcp6_parse(p, 11, &m), DHCP6_BAD_ORO);

	/* Relay messages have another header. */
	memcpy(p, inforeq, sizeof(inforeq));
	p[0] = DHCP6_RELAY_FORW;
	CHECK_EQ_INT(dhcp6_parse(p, sizeof(inforeq), &m), DHCP6_RELAYED);
	p[0] = DHCP6_RELAY_REPL;
	CHECK_EQ_INT(dhcp6_parse(p, 4, &m), DHCP6_RELAYED);
	CHECK_STR(dhcp6_result_name(DHCP6_BAD_ORO),
		  "option request of odd length");
	CHECK_STR(dhcp6_type_name(11), "information-request");
	CHECK_STR(dhcp6_type_name(1), "solicit");
	CHECK_STR(dhcp6_type_name(200), "unknown type");
}

static void test_verdict(void)
{
	struct dhcp6_server s = server();
	struct dhcp6_msg m;
	uint8_t p[64];

	CHECK_EQ_INT(dhcp6_parse(inforeq, sizeof(inforeq), &m), DHCP6_ANSWER);
	CHECK_EQ_INT(dhcp6_verdict(&m, &s), DHCP6_ANSWER);

	/* A stateful client gets nothing: no Advertise to a Solicit. */
	memcpy(p, inforeq, sizeof(inforeq));
	p[0] = DHCP6_SOLICIT;
	CHECK_EQ_INT(dhcp6_parse(p, sizeof(inforeq), &m), DHCP6_ANSWER);
	CHECK_EQ_INT(dhcp6_verdict(&m, &s), DHCP6_OTHER_TYPE);
	p[0] = DHCP6_REPLY;
	dhcp6_parse(p, sizeof(inforeq), &m);
	CHECK_EQ_INT(dhcp6_verdict(&m, &s), DHCP6_OTHER_TYPE);

	/* Section 16.12: an IA option, a Server Identifier not ours. */
	for (int i = 0; i < 3; i++) {
		static const uint8_t ia[3] = { DHCP6_OPT_IA_NA,
			DHCP6_OPT_IA_TA, DHCP6_OPT_IA_PD };
		uint8_t q[4 + 4 + 12] = { 11, 1, 2, 3, 0, ia[i], 0, 12 };

		CHECK_EQ_INT(dhcp6_parse(q, sizeof(q), &m), DHCP6_ANSWER);
		CHECK_EQ_INT(dhcp6_verdict(&m, &s), DHCP6_HAS_IA);
	}
	memcpy(p, "\x0b\1\2\3\0\2\0\x0a", 8);
	memcpy(p + 8, our_duid, 10);
	CHECK_EQ_INT(dhcp6_parse(p, 18, &m), DHCP6_ANSWER);
	CHECK_EQ_INT(dhcp6_verdict(&m, &s), DHCP6_ANSWER);
	p[17] ^= 1;
	dhcp6_parse(p, 18, &m);
	CHECK_EQ_INT(dhcp6_verdict(&m, &s), DHCP6_OTHER_SERVER);
	/* Ours as a prefix of a longer DUID is still not ours. */
	p[17] ^= 1;
	p[7] = 11;
	p[18] = 0;
	dhcp6_parse(p, 19, &m);
	CHECK_EQ_INT(dhcp6_verdict(&m, &s), DHCP6_OTHER_SERVER);
}

static void test_reply(void)
{
	static const uint8_t want[] = {
		7, 0xab, 0xcd, 0xef,
		0, 2, 0, 10, 0, 3, 0, 1, 0x52, 0x54, 0x00, 0x12, 0x34, 0x56,
		0, 1, 0, 14, 0, 1, 0, 1, 0x2a, 0x3b, 0x4c, 0x5d,
			0x02, 0x00, 0x00, 0x00, 0x00, 0x01,
		0, 23, 0, 32,
			0xfd, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1,
			0xfd, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x53,
		0, 24, 0, 10, 4, 'h', 'o', 'm', 'e', 3, 'l', 'a', 'n', 0,
		0, 32, 0, 4, 0, 0, 0x07, 0x08,
	};
	struct dhcp6_server s = server();
	struct dhcp6_msg m;
	uint8_t buf[DHCP6_REPLY_MAX], p[64];
	size_t n;

	dhcp6_parse(inforeq, sizeof(inforeq), &m);
	n = dhcp6_reply_build(&m, &s, buf, sizeof(buf));
	CHECK_MEM(buf, n, want, sizeof(want));
	/* One byte short: nothing rather than a cut option. */
	CHECK_EQ_UINT(dhcp6_reply_build(&m, &s, buf, sizeof(want) - 1), 0);
	CHECK_EQ_UINT(dhcp6_reply_build(&m, &s, buf, sizeof(want)),
		      sizeof(want));

	/* No ORO, no client id: server id, 23 and 24, no refresh time. */
	memcpy(p, "\x0b\x11\x22\x33", 4);
	dhcp6_parse(p, 4, &m);
	n = dhcp6_reply_build(&m, &s, buf, sizeof(buf));
	CHECK_EQ_UINT(n, 4 + 14 + 36 + 14);
	CHECK_MEM(buf, 4, "\x07\x11\x22\x33", 4);
	CHECK_MEM(buf + 18, 2, "\0\x17", 2);
	CHECK_MEM(buf + 54, 2, "\0\x18", 2);

	/* An ORO asking only for the domain gets only the domain. */
	memcpy(p, "\x0b\1\1\1\0\6\0\2\0\x18", 10);
	dhcp6_parse(p, 10, &m);
	n = dhcp6_reply_build(&m, &s, buf, sizeof(buf));
	CHECK_EQ_UINT(n, 4 + 14 + 14);
	CHECK_MEM(buf + 18, 4, "\0\x18\0\x0a", 4);
	/* An ORO for something else: the bare Reply (it still tells the
	 * client a server is here). */
	memcpy(p, "\x0b\1\1\1\0\6\0\2\0\x1f", 10);
	dhcp6_parse(p, 10, &m);
	CHECK_EQ_UINT(dhcp6_reply_build(&m, &s, buf, sizeof(buf)), 18);
}

static void test_setup(void)
{
	struct dhcp6_server s;
	uint8_t dns[4][16] = { { 0 } };
	struct dhcp6_msg m;
	uint8_t buf[DHCP6_REPLY_MAX];

	/* No DNS servers, no domain: only what is configured is sent. */
	CHECK_EQ_INT(dhcp6_server_setup(&s, mac, NULL, 0, "", 60), 0);
	CHECK_MEM(s.duid, 10, our_duid, 10);
	CHECK_EQ_UINT(s.domains_len, 0);
	CHECK_EQ_UINT(s.refresh_secs, DHCP6_IRT_MINIMUM);
	dhcp6_parse(inforeq, sizeof(inforeq), &m);
	CHECK_EQ_UINT(dhcp6_reply_build(&m, &s, buf, sizeof(buf)),
		      4 + 14 + 18 + 8);
	CHECK_EQ_INT(dhcp6_server_setup(&s, mac, (const uint8_t (*)[16])dns,
					RA_RDNSS_MAX + 1, "lan", 0), -1);
	CHECK_EQ_INT(dhcp6_server_setup(&s, mac, NULL, 0, "a..b", 0), -1);
	CHECK_EQ_INT(dhcp6_server_setup(&s, mac, NULL, 0, "lan", 86400), 0);
	CHECK_EQ_UINT(s.refresh_secs, 86400);
	CHECK_MEM(s.domains, s.domains_len, "\3lan\0", 5);
}

/* The largest Reply: longest client id, 4 servers, a 253-byte domain. */
static void test_longest(void)
{
	uint8_t req[4 + 4 + 130 + 4 + 6] = { 11, 0, 0, 0, 0, 1, 0, 130 };
	uint8_t dns[RA_RDNSS_MAX][16] = { { 0 } };
	struct dhcp6_server s;
	struct dhcp6_msg m;
	uint8_t buf[DHCP6_REPLY_MAX];
	char name[254];

	memcpy(req + 138, "\0\6\0\2\0\x20", 6);
	memset(name, 'a', 253);
	for (int i = 63; i < 253; i += 64)
		name[i] = '.';
	name[253] = 0;
	CHECK_EQ_INT(dhcp6_server_setup(&s, mac, (const uint8_t (*)[16])dns,
					RA_RDNSS_MAX, name, 0), 0);
	CHECK_EQ_INT(dhcp6_parse(req, sizeof(req), &m), DHCP6_ANSWER);
	m.has_oro = 0;	/* every option */
	m.want_refresh = 1;
	CHECK_EQ_UINT(dhcp6_reply_build(&m, &s, buf, sizeof(buf)),
		      4 + 14 + 134 + 4 + 16 * RA_RDNSS_MAX + 259 + 8);
	CHECK(4 + 14 + 134 + 4 + 16 * RA_RDNSS_MAX + 259 + 8 <=
	      DHCP6_REPLY_MAX);
}

int main(void)
{
	test_dns_name_encode();
	test_parse();
	test_parse_malformed();
	test_verdict();
	test_reply();
	test_setup();
	test_longest();
	return check_done();
}
