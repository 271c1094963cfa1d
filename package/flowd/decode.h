/*
 * decode.h - one captured frame to the fields a flow is keyed and counted
 * by. Pure: no I/O, no pcap, bounds checked at every read.
 */
#ifndef FLOWD_DECODE_H
#define FLOWD_DECODE_H

#include <stddef.h>
#include <stdint.h>

/* Link types, as pcap numbers them (DLT_* on Linux and LINKTYPE_*). */
#define LINK_ETHERNET	1
#define LINK_RAW_DLT	12	/* DLT_RAW on Linux */
#define LINK_RAW	101	/* LINKTYPE_RAW in files */
#define LINK_LINUX_SLL	113	/* the "any" device */

enum decode_result {
	DECODE_OK = 0,
	DECODE_NOT_IP = -1,	/* ARP, LLDP...: not a flow */
	DECODE_BAD = -2,	/* malformed or cut before the IP header ends */
};

struct pkt_info {
	uint8_t family;		/* 4 or 6 */
	uint8_t proto;		/* upper layer, after IPv6 extension headers */
	uint8_t tos;		/* IPv4 TOS or IPv6 traffic class */
	uint8_t tcp_flags;
	uint16_t sport, dport;	/* ICMP: sport 0, dport type << 8 | code */
	uint16_t vlan;		/* outer 802.1Q VLAN id, 0 if untagged */
	uint8_t l4_missing;	/* a later fragment, or cut by the snaplen */
	uint8_t src[16], dst[16];	/* IPv4 uses the first 4 bytes */
	uint32_t ip_len;	/* bytes from the IP header on, as sent */
};

/*
 * Decodes caplen bytes of a frame of the given link type. Ports and flags
 * are best effort: a snaplen that cuts the L4 header leaves them 0 and
 * sets l4_missing, but the packet still counts. Returns DECODE_OK,
 * DECODE_NOT_IP or DECODE_BAD; out is fully written only on DECODE_OK.
 */
int pkt_decode(const uint8_t *p, size_t caplen, int linktype,
	       struct pkt_info *out);

#endif /* FLOWD_DECODE_H */
