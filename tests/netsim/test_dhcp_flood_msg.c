/* Unit tests for dhcp-flood's raw frames: requests checked with the ISP
 * server's own parser (dhcp_msg.c), replies built with its builder. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <string.h>

#include "check.h"
#include "dhcp_flood_msg.h"

static const uint8_t mac[6] = { 0x06, 1, 0, 2, 0, 7 };

static uint16_t sum16(const uint8_t *p, size_t n)
{
	uint32_t s = 0;

	for (size_t i = 0; i + 1 < n; i += 2)
		s += (uint32_t)(p[i] << 8 | p[i + 1]);
	while (s >> 16)
		s = (s & 0xffff) + (s >> 16);
	return (uint16_t)s;
}

/* After editing an IP header field, make its checksum right again. */
static void fix_ipsum(uint8_t *f)
{
	uint16_t s;

	f[14 + 10] = f[14 + 11] = 0;
	s = (uint16_t)~sum16(f + 14, 20);
	f[14 + 10] = (uint8_t)(s >> 8);
	f[14 + 11] = (uint8_t)s;
}

static void test_discover(void)
{
	static const uint8_t bcast[6] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
	static const uint8_t client_id[] = { 61, 7, 1, 0x06, 1, 0, 2, 0, 7 };
	uint8_t f[FLOOD_FRAME_MAX];
	struct flood_req r = { .type = DHCP_DISCOVER, .xid = 0x01020304 };
	struct dhcp_req req;
	size_t n;

	memcpy(r.mac, mac, 6);
	n = flood_req_build(f, sizeof(f), &r);
	CHECK_EQ_UINT(n, UDP4_FRAME_HDR + 300); /* padded to BOOTP's minimum */
	CHECK_MEM(f, 6, bcast, 6);
	CHECK_MEM(f + 6, 6, mac, 6);
	CHECK_EQ_UINT(f[12] << 8 | f[13], 0x0800);
	CHECK_EQ_UINT(f[14], 0x45);
	CHECK_EQ_UINT(f[16] << 8 | f[17], n - 14);
	CHECK_EQ_UINT(f[23], 17);
	CHECK_EQ_UINT(sum16(f + 14, 20), 0xffff); /* header checksum holds */
	CHECK_EQ_UINT(f[34] << 8 | f[35], 68);
	CHECK_EQ_UINT(f[36] << 8 | f[37], 67);
	CHECK_EQ_UINT(f[38] << 8 | f[39], n - 34);
	CHECK_EQ_INT(dhcp_req_parse(f + UDP4_FRAME_HDR, n - UDP4_FRAME_HDR, &req), 0);
	CHECK_EQ_INT(req.type, DHCP_DISCOVER);
	CHECK_EQ_UINT(req.xid, htonl(0x01020304));
	CHECK_MEM(req.chaddr, 6, mac, 6);
	CHECK_EQ_UINT(req.requested, 0);
	CHECK_EQ_UINT(req.server_id, 0);
	CHECK(req.hostname == NULL);
	CHECK(memmem(f, n, client_id, sizeof(client_id)) != NULL);
}

static void test_request(void)
{
	uint8_t f[FLOOD_FRAME_MAX];
	char name[FLOOD_HOSTNAME_MAX + 1];
	struct flood_req r = {
		.type = DHCP_REQUEST, .xid = 7, .requested = inet_addr("10.0.0.100"),
		.server_id = inet_addr("10.0.0.1"), .hostname = "keel", .hostname_len = 4,
	};
	struct dhcp_req req;
	size_t n;

	memcpy(r.mac, mac, 6);
	n = flood_req_build(f, sizeof(f), &r);
	CHECK_EQ_INT(dhcp_req_parse(f + UDP4_FRAME_HDR, n - UDP4_FRAME_HDR, &req), 0);
	CHECK_EQ_INT(req.type, DHCP_REQUEST);
	CHECK_EQ_UINT(req.requested, inet_addr("10.0.0.100"));
	CHECK_EQ_UINT(req.server_id, inet_addr("10.0.0.1"));
	CHECK_EQ_INT(req.hostname_len, 4);
	CHECK(req.hostname && memcmp(req.hostname, "keel", 4) == 0);
	/* The longest name fits the frame; one byte more, a short buffer or
	 * another message type build nothing. */
	memset(name, 'x', sizeof(name));
	r.hostname = name;
	r.hostname_len = FLOOD_HOSTNAME_MAX;
	n = flood_req_build(f, sizeof(f), &r);
	CHECK(n > UDP4_FRAME_HDR + 300 && n <= FLOOD_FRAME_MAX);
	CHECK_EQ_INT(dhcp_req_parse(f + UDP4_FRAME_HDR, n - UDP4_FRAME_HDR, &req), 0);
	CHECK_EQ_INT(req.hostname_len, FLOOD_HOSTNAME_MAX);
	r.hostname_len = FLOOD_HOSTNAME_MAX + 1;
	CHECK_EQ_UINT(flood_req_build(f, sizeof(f), &r), 0);
	r.hostname_len = 0;
	CHECK_EQ_UINT(flood_req_build(f, FLOOD_FRAME_MAX - 1, &r), 0);
	r.type = DHCP_RELEASE;
	CHECK_EQ_UINT(flood_req_build(f, sizeof(f), &r), 0);
}

/* The ISP server's answer to a DISCOVER from MAC, unicast to MAC. */
static size_t make_reply(uint8_t *f, uint8_t type, int with_server_id)
{
	uint8_t req_frame[FLOOD_FRAME_MAX];
	struct flood_req r = { .type = DHCP_DISCOVER, .xid = 0xa1b2c3d4 };
	struct dhcp_req req;
	struct dhcp_reply rep = {
		.type = type, .yiaddr = inet_addr("10.0.0.100"),
		.server = inet_addr("10.0.0.1"), .mask = inet_addr("255.255.255.0"),
		.lease_secs = 600,
	};
	struct udp4_frame uf = {
		.ip_src = inet_addr("10.0.0.1"), .ip_dst = inet_addr("10.0.0.100"),
		.sport = 67, .dport = 68,
	};
	size_t n, len;

	memcpy(r.mac, mac, 6);
	n = flood_req_build(req_frame, sizeof(req_frame), &r);
	CHECK_EQ_INT(dhcp_req_parse(req_frame + UDP4_FRAME_HDR, n - UDP4_FRAME_HDR, &req), 0);
	memset(f, 0, 1024);
	len = dhcp_reply_build(f + UDP4_FRAME_HDR, &req, &rep);
	if (!with_server_id) /* drop option 54, right after option 53 */
		memmove(f + UDP4_FRAME_HDR + 243, f + UDP4_FRAME_HDR + 249, len - 249);
	memcpy(uf.eth_dst, mac, 6);
	memcpy(uf.eth_src, "\x02\0\0\0\0\x01", 6);
	return udp4_frame_finish(f, &uf, len);
}

static void test_reply(void)
{
	uint8_t f[1024];
	struct flood_reply rep;
	size_t n = make_reply(f, DHCP_OFFER, 1);

	CHECK_EQ_INT(flood_reply_parse(f, n, &rep), 0);
	CHECK_EQ_INT(rep.type, DHCP_OFFER);
	CHECK_EQ_UINT(rep.xid, 0xa1b2c3d4);
	CHECK_MEM(rep.chaddr, 6, mac, 6);
	CHECK_MEM(rep.eth_dst, 6, mac, 6);
	CHECK_EQ_UINT(rep.yiaddr, inet_addr("10.0.0.100"));
	CHECK_EQ_UINT(rep.server_id, inet_addr("10.0.0.1"));
	CHECK_EQ_UINT(rep.ip_src, inet_addr("10.0.0.1"));
	n = make_reply(f, DHCP_NAK, 1);
	CHECK_EQ_INT(flood_reply_parse(f, n, &rep), 0);
	CHECK_EQ_INT(rep.type, DHCP_NAK);
	CHECK_EQ_UINT(rep.yiaddr, 0);
	/* Without option 54 the IP source stands in for the server id. */
	n = make_reply(f, DHCP_ACK, 0);
	f[14 + 15] = 9; /* source 10.0.0.9 */
	fix_ipsum(f);
	CHECK_EQ_INT(flood_reply_parse(f, n, &rep), 0);
	CHECK_EQ_INT(rep.type, DHCP_ACK);
	CHECK_EQ_UINT(rep.server_id, inet_addr("10.0.0.9"));
}

static void test_reply_bad(void)
{
	uint8_t f[1024], g[1024], req_frame[FLOOD_FRAME_MAX];
	struct flood_req r = { .type = DHCP_DISCOVER, .xid = 1 };
	struct flood_reply rep;
	size_t n = make_reply(f, DHCP_OFFER, 1);

	/* Every field that must hold, broken one at a time (IP header fields
	 * with a right checksum, so each check is on its own). */
	static const struct { size_t off; uint8_t val, fix; } breaks[] = {
		{ 12, 0x86, 0 },      /* EtherType IPv6 */
		{ 14, 0x65, 1 },      /* IP version 6 */
		{ 14, 0x44, 1 },      /* IHL 4 */
		{ 14 + 9, 6, 1 },     /* TCP */
		{ 14 + 6, 0x20, 1 },  /* more fragments */
		{ 14 + 7, 1, 1 },     /* fragment offset */
		{ 14 + 8, 63, 0 },    /* TTL changed, checksum not */
		{ 34 + 1, 68, 0 },    /* from port 68 */
		{ 34 + 3, 67, 0 },    /* to port 67 */
		{ 42 + 0, 1, 0 },     /* BOOTREQUEST */
		{ 42 + 2, 16, 0 },    /* hlen 16 */
		{ 42 + 236, 0, 0 },   /* magic cookie */
		{ 42 + 242, 0, 0 },   /* option 53 says type 0 */
	};

	CHECK_EQ_INT(flood_reply_parse(f, n, &rep), 0);
	for (size_t i = 0; i < sizeof(breaks) / sizeof(breaks[0]); i++) {
		memcpy(g, f, n);
		g[breaks[i].off] = breaks[i].val;
		if (breaks[i].fix)
			fix_ipsum(g);
		check_report(flood_reply_parse(g, n, &rep) == -1, __FILE__, __LINE__,
			     "byte %zu = %u still parses", breaks[i].off, breaks[i].val);
	}
	/* Truncated anywhere: the Ethernet, IP or UDP header, the BOOTP body,
	 * or inside an option (the IP and UDP lengths say more than there is). */
	for (size_t cut = 0; cut < n; cut += 7)
		check_report(flood_reply_parse(f, cut, &rep) == -1, __FILE__, __LINE__,
			     "cut at %zu of %zu parses", cut, n);
	/* UDP length past the IP datagram. */
	memcpy(g, f, n);
	g[38] = 0xff;
	CHECK_EQ_INT(flood_reply_parse(g, n, &rep), -1);
	/* An option running past the UDP length. */
	memcpy(g, f, n);
	g[42 + 243] = 54, g[42 + 244] = 255;
	CHECK_EQ_INT(flood_reply_parse(g, n, &rep), -1);
	/* Our own request is not a reply. */
	memcpy(r.mac, mac, 6);
	n = flood_req_build(req_frame, sizeof(req_frame), &r);
	CHECK_EQ_INT(flood_reply_parse(req_frame, n, &rep), -1);
}

int main(void)
{
	test_discover();
	test_request();
	test_reply();
	test_reply_bad();
	return check_done();
}
