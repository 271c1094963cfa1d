/*
 * test_decode.c - pkt_decode() on each link type and protocol, and on the
 * cut and malformed frames a capture really delivers.
 */
#include "check.h"
#include "decode.h"
#include "test_frames.h"

static void test_ipv4_tcp(void)
{
	uint8_t f[256];
	struct pkt_info pi;
	size_t n = frame_v4(f, 1, 2, 40000, 80, 0x12, 100);

	CHECK_EQ_INT(pkt_decode(f, n, LINK_ETHERNET, &pi), DECODE_OK);
	CHECK_EQ_UINT(pi.family, 4);
	CHECK_EQ_UINT(pi.proto, 6);
	CHECK_EQ_UINT(pi.sport, 40000);
	CHECK_EQ_UINT(pi.dport, 80);
	CHECK_EQ_UINT(pi.tcp_flags, 0x12);
	CHECK_EQ_UINT(pi.tos, 0x10);
	CHECK_EQ_UINT(pi.ip_len, 140);
	CHECK_EQ_UINT(pi.src[3], 1);
	CHECK_EQ_UINT(pi.dst[3], 2);
	CHECK_EQ_UINT(pi.l4_missing, 0);

	/* Ethernet padding after a short datagram is not counted. */
	memset(f + n, 0, 20);
	CHECK_EQ_INT(pkt_decode(f, n + 20, LINK_ETHERNET, &pi), DECODE_OK);
	CHECK_EQ_UINT(pi.ip_len, 140);

	/* Cut inside TCP: counted, no ports. */
	CHECK_EQ_INT(pkt_decode(f, 14 + 20 + 10, LINK_ETHERNET, &pi),
		     DECODE_OK);
	CHECK_EQ_UINT(pi.l4_missing, 1);
	CHECK_EQ_UINT(pi.sport, 0);
	CHECK_EQ_UINT(pi.ip_len, 140);

	/* Cut inside the IP header: malformed. */
	CHECK_EQ_INT(pkt_decode(f, 14 + 19, LINK_ETHERNET, &pi), DECODE_BAD);
	CHECK_EQ_INT(pkt_decode(f, 10, LINK_ETHERNET, &pi), DECODE_BAD);
}

static void test_ipv4_bad_and_fragments(void)
{
	uint8_t f[256];
	struct pkt_info pi;
	size_t n = frame_v4(f, 1, 2, 1, 2, -1, 10);

	f[14] = 0x44;	/* IHL 4 */
	CHECK_EQ_INT(pkt_decode(f, n, LINK_ETHERNET, &pi), DECODE_BAD);
	f[14] = 0x4f;	/* IHL 15 > captured */
	CHECK_EQ_INT(pkt_decode(f, n, LINK_ETHERNET, &pi), DECODE_BAD);
	f[14] = 0x55;	/* version 5 */
	CHECK_EQ_INT(pkt_decode(f, n, LINK_ETHERNET, &pi), DECODE_BAD);
	f[14] = 0x45;
	put_be16(f + 16, 10);	/* total length < header */
	CHECK_EQ_INT(pkt_decode(f, n, LINK_ETHERNET, &pi), DECODE_BAD);
	put_be16(f + 16, 38);
	put_be16(f + 20, 0x0010);	/* fragment offset 16: no ports */
	CHECK_EQ_INT(pkt_decode(f, n, LINK_ETHERNET, &pi), DECODE_OK);
	CHECK_EQ_UINT(pi.proto, 17);
	CHECK_EQ_UINT(pi.sport, 0);
	CHECK_EQ_UINT(pi.l4_missing, 1);
	put_be16(f + 20, 0x2000);	/* first fragment (MF): ports */
	CHECK_EQ_INT(pkt_decode(f, n, LINK_ETHERNET, &pi), DECODE_OK);
	CHECK_EQ_UINT(pi.sport, 1);
}

static void test_vlan_icmp_other_links(void)
{
	uint8_t f[256];
	struct pkt_info pi;
	char s[4] = { 10, 0, 0, 1 }, d[4] = { 10, 0, 0, 2 };
	size_t n = frame_eth(f, 0x0800, 20);

	CHECK_EQ_UINT(n, 18);
	n += frame_ip4(f + n, s, d, 1, 8);
	f[n] = 8;	/* echo request */
	f[n + 1] = 0;
	memset(f + n + 2, 0, 6);
	n += 8;
	CHECK_EQ_INT(pkt_decode(f, n, LINK_ETHERNET, &pi), DECODE_OK);
	CHECK_EQ_UINT(pi.vlan, 20);
	CHECK_EQ_UINT(pi.proto, 1);
	CHECK_EQ_UINT(pi.sport, 0);
	CHECK_EQ_UINT(pi.dport, 8 << 8);

	/* QinQ: 802.1ad outer, 802.1Q inner; the outer id is kept. */
	{
		uint8_t q[256];
		size_t m = 12;

		memset(q, 2, 12);
		m += put_be16(q + m, 0x88a8);
		m += put_be16(q + m, 100);
		m += put_be16(q + m, 0x8100);
		m += put_be16(q + m, 200);
		m += put_be16(q + m, 0x0800);
		memcpy(q + m, f + 18, n - 18);
		CHECK_EQ_INT(pkt_decode(q, m + n - 18, LINK_ETHERNET, &pi),
			     DECODE_OK);
		CHECK_EQ_UINT(pi.vlan, 100);
		CHECK_EQ_UINT(pi.dport, 8 << 8);
		/* Five stacked tags are refused. */
		for (m = 12; m < 12 + 5 * 4; m += 4) {
			put_be16(q + m, 0x8100);
			put_be16(q + m + 2, 1);
		}
		CHECK_EQ_INT(pkt_decode(q, 64, LINK_ETHERNET, &pi),
			     DECODE_BAD);
	}

	/* Raw IP (no link header), both DLT numbers. */
	CHECK_EQ_INT(pkt_decode(f + 18, n - 18, LINK_RAW, &pi), DECODE_OK);
	CHECK_EQ_UINT(pi.dport, 8 << 8);
	CHECK_EQ_INT(pkt_decode(f + 18, n - 18, LINK_RAW_DLT, &pi), DECODE_OK);
	CHECK_EQ_INT(pkt_decode(f, 0, LINK_RAW, &pi), DECODE_BAD);

	/* Linux cooked: protocol at offset 14, IP at 16. */
	{
		uint8_t c[256];

		memset(c, 0, 16);
		put_be16(c + 14, 0x0800);
		memcpy(c + 16, f + 18, n - 18);
		CHECK_EQ_INT(pkt_decode(c, 16 + n - 18, LINK_LINUX_SLL, &pi),
			     DECODE_OK);
		CHECK_EQ_UINT(pi.proto, 1);
	}

	/* ARP and unknown link types are not IP. */
	n = frame_eth(f, 0x0806, 0);
	memset(f + n, 0, 28);
	CHECK_EQ_INT(pkt_decode(f, n + 28, LINK_ETHERNET, &pi), DECODE_NOT_IP);
	CHECK_EQ_INT(pkt_decode(f, n + 28, 105, &pi), DECODE_NOT_IP);
}

static void test_ipv6(void)
{
	uint8_t f[256];
	struct pkt_info pi;
	size_t n = frame_eth(f, 0x86dd, 0), ip = n;

	/* hop-by-hop (8) + destination options (16) + fragment (8) + UDP */
	n += frame_ip6(f + n, 2, 3, 0, 8 + 16 + 8 + 8 + 4);
	f[n] = 60;	/* next: dest opts */
	f[n + 1] = 0;
	memset(f + n + 2, 0, 6);
	n += 8;
	f[n] = 44;	/* next: fragment */
	f[n + 1] = 1;	/* 16 bytes */
	memset(f + n + 2, 0, 14);
	n += 16;
	f[n] = 17;	/* next: UDP */
	memset(f + n + 1, 0, 7);	/* offset 0: first fragment */
	n += 8;
	n += frame_l4(f + n, 5353, 53, -1);
	memset(f + n, 'q', 4);
	n += 4;
	CHECK_EQ_INT(pkt_decode(f, n, LINK_ETHERNET, &pi), DECODE_OK);
	CHECK_EQ_UINT(pi.family, 6);
	CHECK_EQ_UINT(pi.proto, 17);
	CHECK_EQ_UINT(pi.sport, 5353);
	CHECK_EQ_UINT(pi.dport, 53);
	CHECK_EQ_UINT(pi.ip_len, 40 + 44);
	CHECK_EQ_UINT(pi.src[0], 0xfd);
	CHECK_EQ_UINT(pi.src[15], 2);
	CHECK_EQ_UINT(pi.dst[15], 3);

	/* Cut anywhere in the chain: still a packet, no ports. */
	for (size_t cut = ip + 40; cut < n - 4; cut++) {
		CHECK_EQ_INT(pkt_decode(f, cut, LINK_ETHERNET, &pi), DECODE_OK);
		CHECK(pi.l4_missing || cut >= ip + 40 + 32 + 4);
	}

	/* A later fragment: proto from the fragment header, no ports. */
	put_be16(f + ip + 40 + 24 + 2, 0x0100);
	CHECK_EQ_INT(pkt_decode(f, n, LINK_ETHERNET, &pi), DECODE_OK);
	CHECK_EQ_UINT(pi.proto, 17);
	CHECK_EQ_UINT(pi.l4_missing, 1);

	/* Too short for the fixed header, or not version 6. */
	CHECK_EQ_INT(pkt_decode(f, ip + 39, LINK_ETHERNET, &pi), DECODE_BAD);
	f[ip] = 0x40;
	CHECK_EQ_INT(pkt_decode(f, n, LINK_ETHERNET, &pi), DECODE_BAD);
}

static void test_ipv6_ext_loop(void)
{
	uint8_t f[512];
	struct pkt_info pi;
	size_t n = frame_eth(f, 0x86dd, 0);
	int i;

	/* Twelve hop-by-hop headers: past the bound, kept without ports. */
	n += frame_ip6(f + n, 1, 1, 0, 12 * 8 + 8);
	for (i = 0; i < 12; i++) {
		f[n] = 0;
		f[n + 1] = 0;
		memset(f + n + 2, 0, 6);
		n += 8;
	}
	memset(f + n, 0, 8);
	n += 8;
	CHECK_EQ_INT(pkt_decode(f, n, LINK_ETHERNET, &pi), DECODE_OK);
	CHECK_EQ_UINT(pi.l4_missing, 1);
	CHECK_EQ_UINT(pi.sport, 0);

	/* ICMPv6 echo reply, type 129. */
	n = frame_eth(f, 0x86dd, 0);
	n += frame_ip6(f + n, 1, 2, 58, 8);
	f[n] = 129;
	f[n + 1] = 0;
	memset(f + n + 2, 0, 6);
	n += 8;
	CHECK_EQ_INT(pkt_decode(f, n, LINK_ETHERNET, &pi), DECODE_OK);
	CHECK_EQ_UINT(pi.proto, 58);
	CHECK_EQ_UINT(pi.dport, 129 << 8);
}

int main(void)
{
	test_ipv4_tcp();
	test_ipv4_bad_and_fragments();
	test_vlan_icmp_other_links();
	test_ipv6();
	test_ipv6_ext_loop();
	return check_done();
}
