/*
 * decode.c - Ethernet (with 802.1Q/802.1ad tags), Linux cooked and raw IP
 * frames down to IPv4/IPv6 and TCP/UDP/SCTP/ICMP.
 */
#include <string.h>

#include "decode.h"

#define ETH_P_IP	0x0800
#define ETH_P_IPV6	0x86dd
#define ETH_P_8021Q	0x8100
#define ETH_P_8021AD	0x88a8

/* Stacked tags and IPv6 extension headers followed at most: enough for
 * QinQ and real traffic, and a bound on what a crafted frame costs. */
#define MAX_VLAN_TAGS	4
#define MAX_EXT_HDRS	8

static uint16_t get16(const uint8_t *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

static void decode_l4(const uint8_t *p, size_t len, struct pkt_info *out)
{
	switch (out->proto) {
	case 6:		/* TCP */
		if (len < 14)
			break;
		out->sport = get16(p);
		out->dport = get16(p + 2);
		out->tcp_flags = p[13];
		return;
	case 17:	/* UDP */
	case 132:	/* SCTP */
	case 136:	/* UDP-Lite */
		if (len < 4)
			break;
		out->sport = get16(p);
		out->dport = get16(p + 2);
		return;
	case 1:		/* ICMP */
	case 58:	/* ICMPv6 */
		if (len < 2)
			break;
		/* NetFlow's convention: type and code in the destination port. */
		out->dport = (uint16_t)(p[0] << 8 | p[1]);
		return;
	default:
		return;	/* no ports to read: not missing */
	}
	out->l4_missing = 1;
}

static int decode_ipv4(const uint8_t *p, size_t len, struct pkt_info *out)
{
	size_t ihl, total;
	uint16_t frag;

	if (len < 20 || (p[0] >> 4) != 4)
		return DECODE_BAD;
	ihl = (size_t)(p[0] & 0x0f) * 4;
	total = get16(p + 2);
	if (ihl < 20 || len < ihl || total < ihl)
		return DECODE_BAD;
	out->family = 4;
	out->tos = p[1];
	out->proto = p[9];
	out->ip_len = (uint32_t)total;
	memcpy(out->src, p + 12, 4);
	memcpy(out->dst, p + 16, 4);
	frag = get16(p + 6);
	if (frag & 0x1fff) {
		/* Later fragments carry no L4 header. */
		out->l4_missing = 1;
		return DECODE_OK;
	}
	/* The capture may hold Ethernet padding past the IP datagram. */
	if (len > total)
		len = total;
	decode_l4(p + ihl, len - ihl, out);
	return DECODE_OK;
}

static int decode_ipv6(const uint8_t *p, size_t len, struct pkt_info *out)
{
	uint8_t next;
	size_t off = 40, total;
	int n;

	if (len < 40 || (p[0] >> 4) != 6)
		return DECODE_BAD;
	out->family = 6;
	out->tos = (uint8_t)((p[0] & 0x0f) << 4 | p[1] >> 4);
	/* A payload length of 0 is a jumbogram or a lie: count the header. */
	total = 40 + (size_t)get16(p + 4);
	out->ip_len = (uint32_t)total;
	memcpy(out->src, p + 8, 16);
	memcpy(out->dst, p + 24, 16);
	if (len > total)
		len = total;
	next = p[6];
	for (n = 0; n < MAX_EXT_HDRS; n++) {
		size_t hlen;

		switch (next) {
		case 0:		/* hop-by-hop */
		case 43:	/* routing */
		case 60:	/* destination options */
		case 135:	/* mobility */
			if (len < off + 2)
				goto cut;
			hlen = ((size_t)p[off + 1] + 1) * 8;
			break;
		case 51:	/* AH: length in 4-byte units, minus 2 */
			if (len < off + 2)
				goto cut;
			hlen = ((size_t)p[off + 1] + 2) * 4;
			break;
		case 44:	/* fragment */
			if (len < off + 8)
				goto cut;
			if (get16(p + off + 2) & 0xfff8) {
				/* Not the first fragment: no L4 header. */
				out->proto = p[off];
				out->l4_missing = 1;
				return DECODE_OK;
			}
			hlen = 8;
			break;
		default:
			out->proto = next;
			if (off <= len)
				decode_l4(p + off, len - off, out);
			else
				out->l4_missing = 1;
			return DECODE_OK;
		}
		next = p[off];
		off += hlen;
	}
	/* Too many extension headers: keep the flow, without ports. */
	out->proto = next;
	out->l4_missing = 1;
	return DECODE_OK;
cut:
	out->proto = next;
	out->l4_missing = 1;
	return DECODE_OK;
}

int pkt_decode(const uint8_t *p, size_t caplen, int linktype,
	       struct pkt_info *out)
{
	size_t off;
	uint16_t type;
	int tags = 0;

	memset(out, 0, sizeof(*out));
	switch (linktype) {
	case LINK_ETHERNET:
		if (caplen < 14)
			return DECODE_BAD;
		type = get16(p + 12);
		off = 14;
		while (type == ETH_P_8021Q || type == ETH_P_8021AD) {
			if (caplen < off + 4 || ++tags > MAX_VLAN_TAGS)
				return DECODE_BAD;
			if (tags == 1)
				out->vlan = get16(p + off) & 0x0fff;
			type = get16(p + off + 2);
			off += 4;
		}
		break;
	case LINK_LINUX_SLL:
		if (caplen < 16)
			return DECODE_BAD;
		type = get16(p + 14);
		off = 16;
		break;
	case LINK_RAW:
	case LINK_RAW_DLT:
		if (caplen < 1)
			return DECODE_BAD;
		type = (p[0] >> 4) == 6 ? ETH_P_IPV6 : ETH_P_IP;
		off = 0;
		break;
	default:
		return DECODE_NOT_IP;
	}
	if (type == ETH_P_IP)
		return decode_ipv4(p + off, caplen - off, out);
	if (type == ETH_P_IPV6)
		return decode_ipv6(p + off, caplen - off, out);
	return DECODE_NOT_IP;
}
