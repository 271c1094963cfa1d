/*
 * ipv4_udp.c - parse the IPv4 and UDP headers in front of a DHCP request.
 */
#include "ipv4_udp.h"

static uint16_t get16(const uint8_t *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

static uint32_t get32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	       (uint32_t)p[2] << 8 | p[3];
}

enum ipv4_udp_err ipv4_udp_parse(const uint8_t *p, size_t n,
				 struct ipv4_udp *out)
{
	size_t ihl, total, udp_len;
	uint32_t sum = 0;

	if (n < 20)
		return IPV4_UDP_SHORT;
	ihl = (size_t)(p[0] & 0x0f) * 4;
	if (p[0] >> 4 != 4 || ihl < 20)
		return IPV4_UDP_NOT_IPV4;
	total = get16(p + 2);
	if (ihl > n || total < ihl || total > n)
		return IPV4_UDP_SHORT;
	if (p[9] != 17)
		return IPV4_UDP_NOT_UDP;
	/* More fragments, or not the first: flags MF and the offset. */
	if (get16(p + 6) & 0x3fff)
		return IPV4_UDP_FRAGMENT;
	for (size_t i = 0; i < ihl; i += 2)
		sum += get16(p + i);
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	if (sum != 0xffff)
		return IPV4_UDP_CHECKSUM;
	if (total - ihl < 8)
		return IPV4_UDP_SHORT;
	udp_len = get16(p + ihl + 4);
	if (udp_len < 8 || udp_len > total - ihl)
		return IPV4_UDP_SHORT;
	out->src = get32(p + 12);
	out->dst = get32(p + 16);
	out->src_port = get16(p + ihl);
	out->dst_port = get16(p + ihl + 2);
	out->payload = p + ihl + 8;
	out->len = udp_len - 8;
	return IPV4_UDP_OK;
}
