/*
 * test_frames.h - builds the frames the unit tests feed to pkt_decode()
 * and engine_packet(). Included by one test file each (static inline).
 */
#ifndef FLOWD_TEST_FRAMES_H
#define FLOWD_TEST_FRAMES_H

#include <stdint.h>
#include <string.h>

static inline size_t put_be16(uint8_t *p, unsigned v)
{
	p[0] = (uint8_t)(v >> 8);
	p[1] = (uint8_t)v;
	return 2;
}

/* Ethernet header with an optional 802.1Q tag (vlan 0: none). */
static inline size_t frame_eth(uint8_t *p, unsigned type, unsigned vlan)
{
	size_t n = 12;

	memset(p, 0x02, 12);
	if (vlan) {
		n += put_be16(p + n, 0x8100);
		n += put_be16(p + n, vlan);
	}
	n += put_be16(p + n, type);
	return n;
}

/* IPv4 header (20 bytes) for l4len bytes after it. */
static inline size_t frame_ip4(uint8_t *p, const char src[4],
			       const char dst[4], unsigned proto, size_t l4len)
{
	memset(p, 0, 20);
	p[0] = 0x45;
	p[1] = 0x10;
	put_be16(p + 2, (unsigned)(20 + l4len));
	p[8] = 64;
	p[9] = (uint8_t)proto;
	memcpy(p + 12, src, 4);
	memcpy(p + 16, dst, 4);
	return 20;
}

static inline size_t frame_ip6(uint8_t *p, uint8_t src_last, uint8_t dst_last,
			       unsigned next, size_t payload)
{
	memset(p, 0, 40);
	p[0] = 0x60;
	put_be16(p + 4, (unsigned)payload);
	p[6] = (uint8_t)next;
	p[7] = 64;
	p[8] = 0xfd;
	p[23] = src_last;
	p[24] = 0x20;
	p[25] = 0x01;
	p[39] = dst_last;
	return 40;
}

/* TCP header (20 bytes) with flags; or UDP (8 bytes) when flags < 0. */
static inline size_t frame_l4(uint8_t *p, unsigned sport, unsigned dport,
			      int tcp_flags)
{
	put_be16(p, sport);
	put_be16(p + 2, dport);
	if (tcp_flags < 0) {
		memset(p + 4, 0, 4);
		return 8;
	}
	memset(p + 4, 0, 16);
	p[12] = 0x50;
	p[13] = (uint8_t)tcp_flags;
	return 20;
}

/* A whole Ethernet/IPv4 TCP or UDP frame with payload bytes; returns its
 * length. src and dst are the last octet of 10.0.0.x. */
static inline size_t frame_v4(uint8_t *p, uint8_t src, uint8_t dst,
			      unsigned sport, unsigned dport, int tcp_flags,
			      size_t payload)
{
	char s[4] = { 10, 0, 0, (char)src }, d[4] = { 10, 0, 0, (char)dst };
	size_t l4 = tcp_flags < 0 ? 8 : 20;
	size_t n = frame_eth(p, 0x0800, 0);

	n += frame_ip4(p + n, s, d, tcp_flags < 0 ? 17 : 6, l4 + payload);
	n += frame_l4(p + n, sport, dport, tcp_flags);
	memset(p + n, 'x', payload);
	return n + payload;
}

#endif /* FLOWD_TEST_FRAMES_H */
