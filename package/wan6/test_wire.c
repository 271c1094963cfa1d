/* Unit tests for wire_parse.c and wire_build.c: Advertise/Reply with
 * IA_NA + IA_PD, IA_PD alone, the status codes, T1/T2 rules, lifetimes,
 * truncated and overlong options, and the messages the client sends. */
#include <arpa/inet.h>
#include <string.h>

#include "check.h"
#include "wire.h"

#define IAID 0x11223344u

struct msg {
	uint8_t b[1500];
	size_t n;
};

static void m_put(struct msg *m, const void *p, size_t n)
{
	memcpy(m->b + m->n, p, n);
	m->n += n;
}

static void m16(struct msg *m, uint16_t v)
{
	uint8_t b[2] = { (uint8_t)(v >> 8), (uint8_t)v };

	m_put(m, b, 2);
}

static void m32(struct msg *m, uint32_t v)
{
	m16(m, (uint16_t)(v >> 16));
	m16(m, (uint16_t)v);
}

static void m_start(struct msg *m, uint8_t type)
{
	static const uint8_t server[] = { 0, 3, 0, 1, 2, 0, 0, 0, 0, 0x53 };
	static const uint8_t client[] = { 0, 3, 0, 1, 2, 0, 0, 0, 0, 1 };

	m->n = 0;
	m_put(m, &type, 1);
	m_put(m, "\x01\x02\x03", 3);
	m16(m, DHCP6_OPT_SERVERID);
	m16(m, sizeof(server));
	m_put(m, server, sizeof(server));
	m16(m, DHCP6_OPT_CLIENTID);
	m16(m, sizeof(client));
	m_put(m, client, sizeof(client));
}

static void m_status(struct msg *m, uint16_t code)
{
	m16(m, DHCP6_OPT_STATUS_CODE);
	m16(m, 4);
	m16(m, code);
	m_put(m, "no", 2);
}

/* An IA_NA with one address (or none), and a status if status >= 0. */
static void m_ia_na(struct msg *m, uint32_t iaid, uint32_t t1, uint32_t t2,
		    const char *addr, uint32_t pref, uint32_t valid,
		    int status)
{
	uint8_t a[16];

	m16(m, DHCP6_OPT_IA_NA);
	m16(m, (uint16_t)(12 + (addr ? 28 : 0) + (status >= 0 ? 8 : 0)));
	m32(m, iaid);
	m32(m, t1);
	m32(m, t2);
	if (addr) {
		inet_pton(AF_INET6, addr, a);
		m16(m, DHCP6_OPT_IAADDR);
		m16(m, 24);
		m_put(m, a, 16);
		m32(m, pref);
		m32(m, valid);
	}
	if (status >= 0)
		m_status(m, (uint16_t)status);
}

static void m_ia_pd(struct msg *m, uint32_t iaid, uint32_t t1, uint32_t t2,
		    const char *prefix, uint8_t len, uint32_t pref,
		    uint32_t valid, int status)
{
	uint8_t a[16];

	m16(m, DHCP6_OPT_IA_PD);
	m16(m, (uint16_t)(12 + (prefix ? 29 : 0) + (status >= 0 ? 8 : 0)));
	m32(m, iaid);
	m32(m, t1);
	m32(m, t2);
	if (prefix) {
		inet_pton(AF_INET6, prefix, a);
		m16(m, DHCP6_OPT_IAPREFIX);
		m16(m, 25);
		m32(m, pref);
		m32(m, valid);
		m_put(m, &len, 1);
		m_put(m, a, 16);
	}
	if (status >= 0)
		m_status(m, (uint16_t)status);
}

static void test_na_and_pd(void)
{
	struct msg m;
	struct wire_msg w;
	uint8_t want[16];
	static const uint8_t domains[] = { 7, 'e', 'x', 'a', 'm', 'p', 'l', 'e',
		3, 'c', 'o', 'm', 0, 3, 'l', 'a', 'n', 0 };
	static const uint8_t aftr[] = { 2, 'g', 'w', 7, 't', 'r', 'a', 'n',
		's', 'i', 'x', 2, 'j', 'p', 0 };

	m_start(&m, DHCP6_REPLY);
	m_ia_na(&m, IAID, 60, 90, "2001:db8:0:1::1000", 120, 180, -1);
	m_ia_pd(&m, IAID, 60, 90, "2001:db8:100::", 56, 120, 180, -1);
	m16(&m, DHCP6_OPT_DNS_SERVERS);
	m16(&m, 16);
	inet_pton(AF_INET6, "2001:db8:0:1::53", want);
	m_put(&m, want, 16);
	m16(&m, DHCP6_OPT_DOMAIN_LIST);
	m16(&m, sizeof(domains));
	m_put(&m, domains, sizeof(domains));
	m16(&m, DHCP6_OPT_AFTR_NAME);
	m16(&m, sizeof(aftr));
	m_put(&m, aftr, sizeof(aftr));
	CHECK_EQ_INT(wire_parse(m.b, m.n, IAID, &w), WIRE_OK);
	CHECK_EQ_INT(w.type, DHCP6_REPLY);
	CHECK(!memcmp(w.xid, "\x01\x02\x03", 3));
	CHECK_EQ_INT(w.server_id_len, 10);
	CHECK_EQ_INT(w.client_id_len, 10);
	CHECK(w.na.present && w.pd.present);
	CHECK_EQ_INT(w.na.n, 1);
	CHECK_EQ_INT(w.na.status, DHCP6_STATUS_SUCCESS);
	CHECK_EQ_UINT(w.na.t1, 60);
	CHECK_EQ_UINT(w.na.t2, 90);
	CHECK_EQ_UINT(w.na.addrs[0].preferred, 120);
	CHECK_EQ_UINT(w.na.addrs[0].valid, 180);
	CHECK_EQ_INT(w.pd.n, 1);
	CHECK_EQ_INT(w.pd.prefixes[0].len, 56);
	inet_pton(AF_INET6, "2001:db8:100::", want);
	CHECK(!memcmp(w.pd.prefixes[0].prefix, want, 16));
	CHECK_EQ_INT(w.n_dns, 1);
	CHECK_STR(w.domain, "example.com");
	CHECK_STR(w.aftr, "gw.transix.jp");
	CHECK_EQ_INT(w.dropped, 0);
}

/* WPD-6 (systemd#29151): NoAddrsAvail for IA_NA beside a good IA_PD. */
static void test_pd_only(void)
{
	struct msg m;
	struct wire_msg w;

	m_start(&m, DHCP6_ADVERTISE);
	m_ia_na(&m, IAID, 0, 0, NULL, 0, 0, DHCP6_STATUS_NO_ADDRS_AVAIL);
	m_ia_pd(&m, IAID, 0, 0, "2001:db8:100::", 56, 120, 180, -1);
	m16(&m, DHCP6_OPT_PREFERENCE);
	m16(&m, 1);
	m_put(&m, "\xff", 1);
	CHECK_EQ_INT(wire_parse(m.b, m.n, IAID, &w), WIRE_OK);
	CHECK(w.na.present);
	CHECK_EQ_INT(w.na.status, DHCP6_STATUS_NO_ADDRS_AVAIL);
	CHECK_EQ_INT(w.na.n, 0);
	CHECK_EQ_INT(w.pd.status, DHCP6_STATUS_SUCCESS);
	CHECK_EQ_INT(w.pd.n, 1);
	CHECK_EQ_INT(w.preference, 255);
	/* No IA_NA at all is as good. */
	m_start(&m, DHCP6_REPLY);
	m_ia_pd(&m, IAID, 0, 0, "2001:db8:100::", 56, 120, 180, -1);
	CHECK_EQ_INT(wire_parse(m.b, m.n, IAID, &w), WIRE_OK);
	CHECK(!w.na.present && w.pd.present);
}

static void test_status_codes(void)
{
	struct msg m;
	struct wire_msg w;

	m_start(&m, DHCP6_REPLY);
	m_ia_pd(&m, IAID, 0, 0, NULL, 0, 0, 0, DHCP6_STATUS_NO_PREFIX_AVAIL);
	CHECK_EQ_INT(wire_parse(m.b, m.n, IAID, &w), WIRE_OK);
	CHECK_EQ_INT(w.pd.status, DHCP6_STATUS_NO_PREFIX_AVAIL);
	CHECK_STR(wire_status_name(w.pd.status), "NoPrefixAvail");
	m_start(&m, DHCP6_REPLY);
	m_ia_pd(&m, IAID, 0, 0, NULL, 0, 0, 0, DHCP6_STATUS_NO_BINDING);
	m_ia_na(&m, IAID, 0, 0, NULL, 0, 0, DHCP6_STATUS_NO_BINDING);
	CHECK_EQ_INT(wire_parse(m.b, m.n, IAID, &w), WIRE_OK);
	CHECK_EQ_INT(w.pd.status, DHCP6_STATUS_NO_BINDING);
	CHECK_EQ_INT(w.na.status, DHCP6_STATUS_NO_BINDING);
	/* A message-level status. */
	m_start(&m, DHCP6_REPLY);
	m_status(&m, DHCP6_STATUS_USE_MULTICAST);
	CHECK_EQ_INT(wire_parse(m.b, m.n, IAID, &w), WIRE_OK);
	CHECK(w.has_status);
	CHECK_EQ_INT(w.status, DHCP6_STATUS_USE_MULTICAST);
	/* A status option under 2 bytes. */
	m_start(&m, DHCP6_REPLY);
	m16(&m, DHCP6_OPT_STATUS_CODE);
	m16(&m, 1);
	m_put(&m, "\0", 1);
	CHECK_EQ_INT(wire_parse(m.b, m.n, IAID, &w), WIRE_BAD_STATUS);
}

static void test_timers_and_lifetimes(void)
{
	struct msg m;
	struct wire_msg w;

	/* T1 = T2 = 0: kept, the client chooses (section 14.2). */
	m_start(&m, DHCP6_REPLY);
	m_ia_pd(&m, IAID, 0, 0, "2001:db8:100::", 56, 120, 180, -1);
	CHECK_EQ_INT(wire_parse(m.b, m.n, IAID, &w), WIRE_OK);
	CHECK(w.pd.present);
	CHECK_EQ_UINT(w.pd.t1, 0);
	CHECK_EQ_UINT(w.pd.t2, 0);
	/* T1 > T2 > 0: the IA is discarded (section 21.21). */
	m_start(&m, DHCP6_REPLY);
	m_ia_pd(&m, IAID, 100, 50, "2001:db8:100::", 56, 120, 180, -1);
	CHECK_EQ_INT(wire_parse(m.b, m.n, IAID, &w), WIRE_OK);
	CHECK(!w.pd.present);
	/* Lifetimes 0: a withdrawal, carried as such. */
	m_start(&m, DHCP6_REPLY);
	m_ia_pd(&m, IAID, 10, 20, "2001:db8:100::", 56, 0, 0, -1);
	CHECK_EQ_INT(wire_parse(m.b, m.n, IAID, &w), WIRE_OK);
	CHECK_EQ_INT(w.pd.n, 1);
	CHECK_EQ_UINT(w.pd.prefixes[0].valid, 0);
	/* Preferred above valid: that prefix is dropped, counted. */
	m_start(&m, DHCP6_REPLY);
	m_ia_pd(&m, IAID, 10, 20, "2001:db8:100::", 56, 200, 100, -1);
	CHECK_EQ_INT(wire_parse(m.b, m.n, IAID, &w), WIRE_OK);
	CHECK_EQ_INT(w.pd.n, 0);
	CHECK_EQ_INT(w.pd.dropped, 1);
	/* Another IAID is not ours. */
	m_start(&m, DHCP6_REPLY);
	m_ia_pd(&m, IAID + 1, 10, 20, "2001:db8:100::", 56, 20, 100, -1);
	CHECK_EQ_INT(wire_parse(m.b, m.n, IAID, &w), WIRE_OK);
	CHECK(!w.pd.present);
}

static void test_malformed(void)
{
	struct msg m;
	struct wire_msg w;
	size_t full;

	CHECK_EQ_INT(wire_parse((const uint8_t *)"\x07\x01", 2, IAID, &w),
		     WIRE_SHORT);
	m_start(&m, DHCP6_SOLICIT);
	CHECK_EQ_INT(wire_parse(m.b, m.n, IAID, &w), WIRE_NOT_FOR_CLIENT);
	/* Every truncation of a good Reply is refused, never read past. */
	m_start(&m, DHCP6_REPLY);
	m_ia_na(&m, IAID, 60, 90, "2001:db8:0:1::1000", 120, 180, -1);
	m_ia_pd(&m, IAID, 60, 90, "2001:db8:100::", 56, 120, 180, -1);
	full = m.n;
	for (size_t cut = 5; cut < full; cut++) {
		enum wire_result r = wire_parse(m.b, cut, IAID, &w);

		/* Cuts at an option boundary are shorter messages. */
		if (r == WIRE_OK && cut != 18 && cut != 32 && cut != 76)
			CHECK_EQ_INT(cut, -1);
	}
	/* Overlong: an IA_PD claiming more than the message holds. */
	m_start(&m, DHCP6_REPLY);
	m_ia_pd(&m, IAID, 60, 90, "2001:db8:100::", 56, 120, 180, -1);
	m.b[m.n - 45 + 3] = 200;
	CHECK_EQ_INT(wire_parse(m.b, m.n, IAID, &w), WIRE_BAD_OPTION);
	/* An IAPREFIX that overruns its IA_PD but not the message. */
	m_start(&m, DHCP6_REPLY);
	m_ia_pd(&m, IAID, 60, 90, "2001:db8:100::", 56, 120, 180, -1);
	m16(&m, 0);
	m16(&m, 0);
	m.b[m.n - 4 - 29 + 3] = 29;	/* IAPREFIX length 25 -> 29 */
	CHECK_EQ_INT(wire_parse(m.b, m.n, IAID, &w), WIRE_BAD_OPTION);
	/* Short IA, short IAPREFIX, bad DNS length, doubled server id. */
	m_start(&m, DHCP6_REPLY);
	m16(&m, DHCP6_OPT_IA_PD);
	m16(&m, 8);
	m32(&m, IAID);
	m32(&m, 0);
	CHECK_EQ_INT(wire_parse(m.b, m.n, IAID, &w), WIRE_BAD_IA);
	m_start(&m, DHCP6_REPLY);
	m16(&m, DHCP6_OPT_IA_PD);
	m16(&m, 12 + 4 + 8);
	m32(&m, IAID);
	m32(&m, 0);
	m32(&m, 0);
	m16(&m, DHCP6_OPT_IAPREFIX);
	m16(&m, 8);
	m32(&m, 1);
	m32(&m, 2);
	CHECK_EQ_INT(wire_parse(m.b, m.n, IAID, &w), WIRE_BAD_IAADDR);
	m_start(&m, DHCP6_REPLY);
	m16(&m, DHCP6_OPT_DNS_SERVERS);
	m16(&m, 15);
	m_put(&m, "0123456789abcde", 15);
	CHECK_EQ_INT(wire_parse(m.b, m.n, IAID, &w), WIRE_BAD_DNS);
	m_start(&m, DHCP6_REPLY);
	m16(&m, DHCP6_OPT_SERVERID);
	m16(&m, 3);
	m_put(&m, "abc", 3);
	CHECK_EQ_INT(wire_parse(m.b, m.n, IAID, &w), WIRE_BAD_DUID);
	/* A domain with a space or newline would forge lease-file fields. */
	m_start(&m, DHCP6_REPLY);
	m16(&m, DHCP6_OPT_DOMAIN_LIST);
	m16(&m, 6);
	m_put(&m, "\x04" "a\nb \x00", 6);
	CHECK_EQ_INT(wire_parse(m.b, m.n, IAID, &w), WIRE_OK);
	CHECK_STR(w.domain, "");
	CHECK_EQ_INT(w.dropped, 1);
}

/* What the client sends parses with a server-side walk: options in order,
 * lengths right, the IAs holding what was asked for. */
static void test_build(void)
{
	static const uint8_t mac[6] = { 2, 0, 0, 0, 0, 1 };
	uint8_t duid[DHCP6_DUID_LL_LEN], buf[600], server[10] = { 0, 3, 0, 1 };
	struct wire_prefix px = { .len = 56 };
	struct wire_addr ad;
	struct wire_request r;
	size_t n;

	wire_duid_ll(mac, duid);
	CHECK(!memcmp(duid, "\x00\x03\x00\x01\x02\x00\x00\x00\x00\x01", 10));
	memset(&r, 0, sizeof(r));
	r.type = DHCP6_SOLICIT;
	memcpy(r.xid, "\xaa\xbb\xcc", 3);
	r.duid = duid;
	r.duid_len = sizeof(duid);
	r.iaid = IAID;
	r.want_na = r.want_pd = 1;
	n = wire_build(&r, buf, sizeof(buf));
	/* 4 + client id 14 + elapsed 6 + ORO 10 + IA_NA 16 + IA_PD 16 */
	CHECK_EQ_INT(n, 66);
	CHECK_EQ_INT(buf[0], DHCP6_SOLICIT);
	CHECK_EQ_INT(buf[4 + 14 + 6 + 10 + 1], DHCP6_OPT_IA_NA);
	CHECK_EQ_INT(buf[4 + 14 + 6 + 10 + 16 + 1], DHCP6_OPT_IA_PD);
	CHECK_EQ_INT(wire_build(&r, buf, 65), 0);
	/* Renew: server id and the bindings held. */
	memset(&ad, 0, sizeof(ad));
	inet_pton(AF_INET6, "2001:db8:100::", px.prefix);
	r.type = DHCP6_RENEW;
	r.server_id = server;
	r.server_id_len = sizeof(server);
	r.n_addrs = r.n_prefixes = 1;
	r.addrs = &ad;
	r.prefixes = &px;
	n = wire_build(&r, buf, sizeof(buf));
	CHECK_EQ_INT(n, 66 + 14 + 28 + 29);
	CHECK_EQ_INT(buf[n - 29 + 1], DHCP6_OPT_IAPREFIX);
	CHECK_EQ_INT(buf[n - 17], 56);
	CHECK(!memcmp(buf + n - 16, px.prefix, 16));
	/* Information-request: no IA, the refresh time asked for. */
	r.type = DHCP6_INFORMATION_REQUEST;
	r.server_id = NULL;
	n = wire_build(&r, buf, sizeof(buf));
	CHECK_EQ_INT(n, 4 + 14 + 6 + 12);
	CHECK_EQ_INT(buf[n - 1], DHCP6_OPT_INFO_REFRESH_TIME);
	/* The IAID is a function of the name alone. */
	CHECK_EQ_UINT(wire_iaid("ppp0"), wire_iaid("ppp0"));
	CHECK(wire_iaid("ppp0") != wire_iaid("eth0"));
}

/* RFC 1035 wire names as options 24 and 64 carry them (RFC 6334). */
static void test_name_decode(void)
{
	static const uint8_t normal[] = "\x04" "aftr" "\x07" "example" "\x00";
	static const uint8_t root[] = { 0 };
	static const uint8_t ptr[] = { 4, 'a', 'f', 't', 'r', 0xc0, 0x0c };
	static const uint8_t space[] = { 3, 'a', ' ', 'b', 0 };
	uint8_t buf[300];
	char out[WIRE_NAME_MAX + 1];
	size_t n;

	CHECK_EQ_UINT(wire_name_decode(normal, 14, out), 14);
	CHECK_STR(out, "aftr.example");
	/* Trailing bytes are not used (option 64 wants exactly one name). */
	CHECK_EQ_UINT(wire_name_decode(normal, sizeof(normal), out), 14);
	CHECK_EQ_UINT(wire_name_decode(root, 1, out), 0);
	CHECK_EQ_UINT(wire_name_decode(ptr, sizeof(ptr), out), 0);
	CHECK_EQ_UINT(wire_name_decode(space, sizeof(space), out), 0);
	/* Truncated: inside a label, or no root label. */
	CHECK_EQ_UINT(wire_name_decode(normal, 8, out), 0);
	CHECK_EQ_UINT(wire_name_decode(normal, 13, out), 0);
	CHECK_EQ_UINT(wire_name_decode(normal, 0, out), 0);
	/* A 63-byte label is fine, 64 is not. */
	memset(buf, 'a', sizeof(buf));
	buf[0] = 63;
	buf[64] = 0;
	CHECK_EQ_UINT(wire_name_decode(buf, 65, out), 65);
	CHECK_EQ_UINT(strlen(out), 63);
	buf[0] = 64;
	buf[65] = 0;
	CHECK_EQ_UINT(wire_name_decode(buf, 66, out), 0);
	/* 255 bytes on the wire (253 dotted) fit; 256 do not. */
	memset(buf, 'b', sizeof(buf));
	for (n = 0; n < 192; n += 64)
		buf[n] = 63;
	buf[192] = 61;
	buf[254] = 0;
	CHECK_EQ_UINT(wire_name_decode(buf, 255, out), 255);
	CHECK_EQ_UINT(strlen(out), 253);
	buf[192] = 62;
	buf[254] = 'b';
	buf[255] = 0;
	CHECK_EQ_UINT(wire_name_decode(buf, 256, out), 0);
}

/* Option 64 in a Reply: kept when it is exactly one good name, dropped
 * (and counted) otherwise, the message still parsed. */
static void test_aftr_option(void)
{
	struct msg m;
	struct wire_msg w;

	m_start(&m, DHCP6_REPLY);
	m16(&m, DHCP6_OPT_AFTR_NAME);
	m16(&m, 14);
	m_put(&m, "\x04" "aftr" "\x07" "example" "\x00", 14);
	CHECK_EQ_INT(wire_parse(m.b, m.n, IAID, &w), WIRE_OK);
	CHECK_STR(w.aftr, "aftr.example");
	CHECK_EQ_UINT(w.dropped, 0);
	/* A compression pointer: no AFTR name, the rest still parses. */
	m_start(&m, DHCP6_REPLY);
	m16(&m, DHCP6_OPT_AFTR_NAME);
	m16(&m, 7);
	m_put(&m, "\x04" "aftr" "\xc0\x0c", 7);
	CHECK_EQ_INT(wire_parse(m.b, m.n, IAID, &w), WIRE_OK);
	CHECK_STR(w.aftr, "");
	CHECK_EQ_UINT(w.dropped, 1);
	/* A name followed by junk inside the option. */
	m_start(&m, DHCP6_REPLY);
	m16(&m, DHCP6_OPT_AFTR_NAME);
	m16(&m, 15);
	m_put(&m, "\x04" "aftr" "\x07" "example" "\x00" "x", 15);
	CHECK_EQ_INT(wire_parse(m.b, m.n, IAID, &w), WIRE_OK);
	CHECK_STR(w.aftr, "");
	CHECK_EQ_UINT(w.dropped, 1);
}

int main(void)
{
	test_na_and_pd();
	test_pd_only();
	test_status_codes();
	test_timers_and_lifetimes();
	test_malformed();
	test_build();
	test_name_decode();
	test_aftr_option();
	return check_done();
}
