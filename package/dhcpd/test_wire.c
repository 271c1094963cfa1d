/*
 * test_wire.c - dhcp_parse and dhcp_build.
 */
#include "check.h"
#include "dhcp_wire.h"
#include "test_packet.h"

static void test_basic(void)
{
	struct tpkt t;
	struct dhcp_msg m;
	static const uint8_t params[] = { 1, 3, 6, 15, 121 };
	static const uint8_t cid[] = { 1, 0x52, 0x54, 0, 0x12, 0x34, 7 };
	size_t n;

	tpkt_start(&t, DHCPREQUEST, 7);
	tpkt_opt32(&t, OPT_REQUESTED_IP, IP4(10, 99, 0, 20));
	tpkt_opt32(&t, OPT_SERVER_ID, IP4(10, 99, 0, 1));
	tpkt_opt(&t, OPT_PARAM_LIST, params, sizeof(params));
	tpkt_opt(&t, OPT_CLIENT_ID, cid, sizeof(cid));
	tpkt_opt(&t, OPT_HOSTNAME, "laptop\0", 7);
	n = tpkt_end(&t);
	CHECK_EQ_INT(dhcp_parse(t.b, n, &m), DHCP_OK);
	CHECK_EQ_UINT(m.msg_type, DHCPREQUEST);
	CHECK_EQ_UINT(m.xid, 0xdeadbeef);
	CHECK_EQ_UINT(m.requested_ip, IP4(10, 99, 0, 20));
	CHECK_EQ_UINT(m.server_id, IP4(10, 99, 0, 1));
	CHECK_EQ_UINT(m.chaddr[5], 7);
	CHECK_EQ_UINT(m.client_id_len, sizeof(cid));
	CHECK_STR(m.hostname, "laptop");
	CHECK(dhcp_wants(&m, 121));
	CHECK(!dhcp_wants(&m, 26));
	CHECK(m.saw_end);
}

static void test_errors(void)
{
	struct tpkt t;
	struct dhcp_msg m;
	size_t n;

	tpkt_start(&t, DHCPDISCOVER, 1);
	n = tpkt_end(&t);
	/* Truncated anywhere inside header or cookie. */
	for (size_t cut = 0; cut < DHCP_MIN_LEN; cut += 7)
		CHECK_EQ_INT(dhcp_parse(t.b, cut, &m), DHCP_ERR_SHORT);
	CHECK_EQ_INT(dhcp_parse(NULL, 0, &m), DHCP_ERR_SHORT);
	/* Bad cookie, bad op, bad hlen. */
	t.b[236] = 0;
	CHECK_EQ_INT(dhcp_parse(t.b, n, &m), DHCP_ERR_COOKIE);
	t.b[236] = 99;
	t.b[0] = 7;
	CHECK_EQ_INT(dhcp_parse(t.b, n, &m), DHCP_ERR_OP);
	t.b[0] = 1;
	t.b[2] = 17;
	CHECK_EQ_INT(dhcp_parse(t.b, n, &m), DHCP_ERR_HLEN);
	t.b[2] = 6;
	CHECK_EQ_INT(dhcp_parse(t.b, n, &m), DHCP_OK);

	/* An option whose length runs past the packet. */
	tpkt_start(&t, DHCPDISCOVER, 1);
	t.b[t.n++] = OPT_HOSTNAME;
	t.b[t.n++] = 200;
	t.b[t.n++] = 'x';
	CHECK_EQ_INT(dhcp_parse(t.b, t.n, &m), DHCP_ERR_TRUNCATED);
	/* A code with no room for its length byte. */
	tpkt_start(&t, DHCPDISCOVER, 1);
	t.b[t.n++] = OPT_HOSTNAME;
	CHECK_EQ_INT(dhcp_parse(t.b, t.n, &m), DHCP_ERR_TRUNCATED);
	/* Fixed-size options with the wrong size. */
	tpkt_start(&t, DHCPDISCOVER, 1);
	tpkt_opt(&t, OPT_REQUESTED_IP, "abc", 3);
	CHECK_EQ_INT(dhcp_parse(t.b, tpkt_end(&t), &m), DHCP_ERR_BAD_OPTION);
	tpkt_start(&t, DHCPDISCOVER, 1);
	t.b[t.n - 2] = 2;	/* message type of length 2 */
	t.b[t.n++] = 0;
	CHECK_EQ_INT(dhcp_parse(t.b, tpkt_end(&t), &m), DHCP_ERR_BAD_OPTION);
	/* No message type: plain BOOTP. */
	tpkt_start(&t, DHCPDISCOVER, 1);
	t.n = 240;
	CHECK_EQ_INT(dhcp_parse(t.b, tpkt_end(&t), &m), DHCP_ERR_NO_TYPE);
	CHECK(dhcp_strerror(DHCP_ERR_TRUNCATED)[0]);
}

static void test_missing_end_and_pad(void)
{
	struct tpkt t;
	struct dhcp_msg m;

	/* No END: the field simply ends; tolerated. */
	tpkt_start(&t, DHCPDISCOVER, 1);
	t.b[t.n++] = OPT_PAD;
	t.b[t.n++] = OPT_PAD;
	tpkt_opt32(&t, OPT_REQUESTED_IP, IP4(10, 99, 0, 9));
	CHECK_EQ_INT(dhcp_parse(t.b, t.n, &m), DHCP_OK);
	CHECK_EQ_UINT(m.requested_ip, IP4(10, 99, 0, 9));
	CHECK(!m.saw_end);
	/* Anything after END is ignored, garbage included. */
	tpkt_start(&t, DHCPDISCOVER, 1);
	tpkt_end(&t);
	memset(t.b + t.n, 0xab, 50);
	CHECK_EQ_INT(dhcp_parse(t.b, t.n + 50, &m), DHCP_OK);
}

static void test_duplicate_first_wins(void)
{
	struct tpkt t;
	struct dhcp_msg m;

	tpkt_start(&t, DHCPDISCOVER, 1);
	tpkt_opt32(&t, OPT_REQUESTED_IP, IP4(10, 99, 0, 9));
	tpkt_opt32(&t, OPT_REQUESTED_IP, IP4(10, 99, 0, 10));
	tpkt_opt(&t, OPT_MSG_TYPE, "\x07", 1);
	CHECK_EQ_INT(dhcp_parse(t.b, tpkt_end(&t), &m), DHCP_OK);
	CHECK_EQ_UINT(m.requested_ip, IP4(10, 99, 0, 9));
	CHECK_EQ_UINT(m.msg_type, DHCPDISCOVER);
}

static void test_overload(void)
{
	struct tpkt t;
	struct dhcp_msg m;
	size_t n;

	/* Option 52 = 3: file (108) then sname (44) carry options. */
	tpkt_start(&t, DHCPREQUEST, 1);
	tpkt_opt(&t, OPT_OVERLOAD, "\x03", 1);
	n = tpkt_end(&t);
	t.b[108] = OPT_REQUESTED_IP;
	t.b[109] = 4;
	tpkt_put32(t.b + 110, IP4(10, 99, 0, 33));
	t.b[114] = OPT_END;
	t.b[44] = OPT_HOSTNAME;
	t.b[45] = 3;
	memcpy(t.b + 46, "box", 3);
	t.b[49] = OPT_END;
	CHECK_EQ_INT(dhcp_parse(t.b, n, &m), DHCP_OK);
	CHECK_EQ_UINT(m.requested_ip, IP4(10, 99, 0, 33));
	CHECK_STR(m.hostname, "box");
	/* Without 52 the same bytes are only a file name. */
	tpkt_start(&t, DHCPREQUEST, 1);
	n = tpkt_end(&t);
	t.b[108] = OPT_REQUESTED_IP;
	t.b[109] = 4;
	CHECK_EQ_INT(dhcp_parse(t.b, n, &m), DHCP_OK);
	CHECK_EQ_UINT(m.requested_ip, 0);
	/* An option in sname must not run into file. */
	tpkt_start(&t, DHCPREQUEST, 1);
	tpkt_opt(&t, OPT_OVERLOAD, "\x02", 1);
	n = tpkt_end(&t);
	t.b[44 + 60] = OPT_HOSTNAME;
	t.b[44 + 61] = 10;
	CHECK_EQ_INT(dhcp_parse(t.b, n, &m), DHCP_ERR_TRUNCATED);
	/* An impossible overload value. */
	tpkt_start(&t, DHCPREQUEST, 1);
	tpkt_opt(&t, OPT_OVERLOAD, "\x04", 1);
	CHECK_EQ_INT(dhcp_parse(t.b, tpkt_end(&t), &m), DHCP_ERR_BAD_OPTION);
}

static void test_overlong_values(void)
{
	struct tpkt t;
	struct dhcp_msg m;
	uint8_t big[255];

	memset(big, 'a', sizeof(big));
	tpkt_start(&t, DHCPDISCOVER, 1);
	tpkt_opt(&t, OPT_HOSTNAME, big, 255);
	tpkt_opt(&t, OPT_CLIENT_ID, big, 255);
	tpkt_opt(&t, OPT_PARAM_LIST, big, 255);
	CHECK_EQ_INT(dhcp_parse(t.b, tpkt_end(&t), &m), DHCP_OK);
	CHECK_EQ_UINT(m.hostname_len, DHCP_HOSTNAME_MAX);
	CHECK_EQ_UINT(m.client_id_len, DHCP_CLIENT_ID_MAX);
	CHECK_EQ_UINT(m.params_len, DHCP_PARAMS_MAX);
}

static void test_fqdn(void)
{
	struct tpkt t;
	struct dhcp_msg m;

	tpkt_start(&t, DHCPREQUEST, 1);
	tpkt_opt(&t, OPT_FQDN, "\x05\0\0\x05phone\x03lan\0", 14);
	CHECK_EQ_INT(dhcp_parse(t.b, tpkt_end(&t), &m), DHCP_OK);
	CHECK_STR(m.hostname, "phone");
	tpkt_start(&t, DHCPREQUEST, 1);
	tpkt_opt(&t, OPT_FQDN, "\x01\0\0tv.home", 10);
	CHECK_EQ_INT(dhcp_parse(t.b, tpkt_end(&t), &m), DHCP_OK);
	CHECK_STR(m.hostname, "tv");
	/* Option 12 wins over 81. */
	tpkt_start(&t, DHCPREQUEST, 1);
	tpkt_opt(&t, OPT_HOSTNAME, "pc", 2);
	tpkt_opt(&t, OPT_FQDN, "\x01\0\0tv.home", 10);
	CHECK_EQ_INT(dhcp_parse(t.b, tpkt_end(&t), &m), DHCP_OK);
	CHECK_STR(m.hostname, "pc");
	/* A label length past the option. */
	tpkt_start(&t, DHCPREQUEST, 1);
	tpkt_opt(&t, OPT_FQDN, "\x05\0\0\x30pc", 6);
	CHECK_EQ_INT(dhcp_parse(t.b, tpkt_end(&t), &m), DHCP_OK);
	CHECK_EQ_UINT(m.hostname_len, 0);
}

static void test_routes(void)
{
	struct dhcp_route r[3] = {
		{ IP4(10, 100, 0, 0), 16, IP4(10, 99, 0, 254) },
		{ IP4(192, 168, 5, 128), 25, IP4(10, 99, 0, 253) },
		{ 0, 0, IP4(10, 99, 0, 1) },
	};
	static const uint8_t want[] = {
		16, 10, 100, 10, 99, 0, 254,
		25, 192, 168, 5, 128, 10, 99, 0, 253,
		0, 10, 99, 0, 1,
	};
	uint8_t out[64];
	size_t n = dhcp_encode_routes(r, 3, out, sizeof(out));

	CHECK_MEM(out, n, want, sizeof(want));
	CHECK_EQ_UINT(dhcp_encode_routes(r, 3, out, 10), 0);
}

static void test_build_roundtrip(void)
{
	struct dhcp_reply r;
	uint8_t buf[DHCP_REPLY_MAX];
	struct dhcp_msg m;
	size_t n;

	memset(&r, 0, sizeof(r));
	r.msg_type = DHCPACK;
	r.xid = 42;
	r.htype = 1;
	r.hlen = 6;
	r.yiaddr = IP4(10, 99, 0, 20);
	r.server_id = IP4(10, 99, 0, 1);
	r.lease_time = 3600;
	r.subnet_mask = IP4(255, 255, 255, 0);
	r.router = IP4(10, 99, 0, 1);
	r.dns[0] = IP4(10, 99, 0, 1);
	r.dns_count = 1;
	strcpy(r.domain, "lan");
	r.mtu = 1400;
	n = dhcp_build(&r, buf, sizeof(buf));
	CHECK_EQ_UINT(n, DHCP_BOOTP_MIN_LEN);
	CHECK_EQ_UINT(buf[0], 2);
	/* Our parser reads what we build (as a BOOTREPLY). */
	CHECK_EQ_INT(dhcp_parse(buf, n, &m), DHCP_OK);
	CHECK_EQ_UINT(m.msg_type, DHCPACK);
	CHECK_EQ_UINT(m.server_id, IP4(10, 99, 0, 1));
	CHECK_EQ_UINT(m.lease_time, 3600);
	CHECK_EQ_UINT(m.yiaddr, IP4(10, 99, 0, 20));
	CHECK_EQ_UINT(buf[240], OPT_MSG_TYPE);
	CHECK_EQ_UINT(dhcp_build(&r, buf, 100), 0);
}

/* The value of option code in one field [p, p+n) of a reply, or NULL. */
static const uint8_t *field_opt(const uint8_t *p, size_t n, uint8_t code)
{
	size_t off = 0;

	while (off + 1 < n && p[off] != OPT_END) {
		if (p[off] == OPT_PAD) {
			off++;
			continue;
		}
		if (p[off] == code)
			return p + off;
		off += 2 + p[off + 1];
	}
	return NULL;
}

/* Option code anywhere option 52 says options are. */
static const uint8_t *reply_opt(const uint8_t *buf, size_t n, uint8_t code)
{
	const uint8_t *o = field_opt(buf + 240, n - 240, code);
	const uint8_t *ov = field_opt(buf + 240, n - 240, OPT_OVERLOAD);

	if (!o && ov && (ov[2] & 1))
		o = field_opt(buf + 108, 128, code);
	if (!o && ov && (ov[2] & 2))
		o = field_opt(buf + 44, 64, code);
	return o;
}

/* keel.conf's largest pool (253-character domain, 4 DNS, 8 routes of /32
 * and the default route, MTU) does not fit the options field of a
 * 576-byte datagram: the builder spills into file and sname (option 52)
 * instead of sending nothing. */
static void test_build_overload(void)
{
	struct dhcp_reply r;
	uint8_t buf[DHCP_REPLY_MAX];
	struct dhcp_msg m;
	const uint8_t *o;
	size_t n;

	memset(&r, 0, sizeof(r));
	r.msg_type = DHCPACK;
	r.htype = 1;
	r.hlen = 6;
	r.server_id = IP4(10, 99, 0, 1);
	r.lease_time = 3600;
	r.renewal_time = 1800;
	r.rebinding_time = 3150;
	r.subnet_mask = IP4(255, 255, 255, 0);
	r.router = IP4(10, 99, 0, 1);
	for (unsigned i = 0; i < DHCP_DNS_MAX; i++)
		r.dns[i] = IP4(10, 99, 0, 1 + i);
	r.dns_count = DHCP_DNS_MAX;
	memset(r.domain, 'd', DHCP_DOMAIN_MAX);
	for (int i = 63; i < DHCP_DOMAIN_MAX; i += 64)
		r.domain[i] = '.';
	r.domain[DHCP_DOMAIN_MAX] = 0;
	r.mtu = 1400;
	for (unsigned i = 0; i < DHCP_ROUTES_MAX - 1; i++) {
		r.routes[i].dest = IP4(10, 100, i, 1);
		r.routes[i].prefix = 32;
		r.routes[i].gateway = IP4(10, 99, 0, 254);
	}
	r.routes[DHCP_ROUTES_MAX - 1].gateway = r.router;
	r.route_count = DHCP_ROUTES_MAX;
	/* A typical client id: type 255, IAID, DUID-EN (RFC 4361). */
	r.client_id_len = 19;
	memset(r.client_id, 0xcc, 19);
	n = dhcp_build(&r, buf, sizeof(buf));
	CHECK(n > 0 && n <= DHCP_REPLY_MAX);
	if (!n)
		return;
	CHECK_EQ_INT(dhcp_parse(buf, n, &m), DHCP_OK);
	CHECK_EQ_UINT(m.msg_type, DHCPACK);
	CHECK_EQ_UINT(m.server_id, IP4(10, 99, 0, 1));
	CHECK_EQ_UINT(m.lease_time, 3600);
	CHECK(m.overload != 0);
	CHECK_EQ_UINT(buf[240], OPT_MSG_TYPE);
	o = reply_opt(buf, n, OPT_DOMAIN);
	CHECK(o && o[1] == DHCP_DOMAIN_MAX && memcmp(o + 2, r.domain,
						      DHCP_DOMAIN_MAX) == 0);
	o = reply_opt(buf, n, OPT_DNS);
	CHECK(o && o[1] == 4 * DHCP_DNS_MAX);
	o = reply_opt(buf, n, OPT_CLASSLESS_ROUTES);
	CHECK(o && o[1] == (DHCP_ROUTES_MAX - 1) * 9 + 5);
	CHECK(reply_opt(buf, n, OPT_MTU) != NULL);
	CHECK(reply_opt(buf, n, OPT_ROUTER) != NULL);
	CHECK(reply_opt(buf, n, OPT_SUBNET_MASK) != NULL);
	CHECK(reply_opt(buf, n, OPT_RENEWAL) != NULL);
	CHECK(reply_opt(buf, n, OPT_REBINDING) != NULL);
	o = reply_opt(buf, n, OPT_CLIENT_ID);
	CHECK(o && o[1] == 19);

	/* A short domain: everything in the options field, no option 52. */
	strcpy(r.domain, "lan");
	n = dhcp_build(&r, buf, sizeof(buf));
	CHECK(n > 0);
	CHECK(field_opt(buf + 240, n - 240, OPT_OVERLOAD) == NULL);
	CHECK(field_opt(buf + 240, n - 240, OPT_CLASSLESS_ROUTES) != NULL);
	CHECK_EQ_UINT(buf[108], 0);
	CHECK_EQ_UINT(buf[44], 0);

	/* More than all three fields hold: no reply rather than a cut one. */
	memset(r.domain, 'd', DHCP_DOMAIN_MAX);
	r.message = "an over-long message for a NAK, which is never this "
		    "long in practice but shows the builder refuses a reply "
		    "that fits nowhere rather than cutting it";
	r.client_id_len = DHCP_CLIENT_ID_MAX;
	CHECK_EQ_UINT(dhcp_build(&r, buf, sizeof(buf)), 0);
}

int main(void)
{
	test_basic();
	test_errors();
	test_missing_end_and_pad();
	test_duplicate_first_wins();
	test_overload();
	test_overlong_values();
	test_fqdn();
	test_routes();
	test_build_roundtrip();
	test_build_overload();
	return check_done();
}
