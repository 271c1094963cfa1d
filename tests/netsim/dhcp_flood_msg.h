/* Raw Ethernet/IPv4/UDP DHCP frames for `dhcp-flood`, which plays many
 * clients with made-up MACs and so cannot use lwIP's stack: pure builders and
 * a parser over byte buffers, no I/O. Addresses in network byte order, xid in
 * host order. */
#ifndef NETSIM_DHCP_FLOOD_MSG_H
#define NETSIM_DHCP_FLOOD_MSG_H

#include <stddef.h>
#include <stdint.h>

#include "dhcp_msg.h"

#define UDP4_FRAME_HDR 42 /* Ethernet 14 + IPv4 20 + UDP 8: the payload's offset */
#define FLOOD_HOSTNAME_MAX 255
#define FLOOD_FRAME_MAX 640 /* a request with the longest hostname fits */

struct udp4_frame {
	uint8_t eth_dst[6], eth_src[6];
	uint32_t ip_src, ip_dst;
	uint16_t sport, dport;
	uint16_t ip_id;
};

/* The payload of LEN bytes already sits at BUF + UDP4_FRAME_HDR: writes the
 * headers in front (UDP checksum 0, "none", as IPv4 allows). Returns the
 * frame length, or 0 if it would not fit 65535 bytes of IP. */
size_t udp4_frame_finish(uint8_t *buf, const struct udp4_frame *f, size_t len);

struct flood_req {
	uint8_t type;                  /* DHCP_DISCOVER or DHCP_REQUEST */
	uint8_t mac[6];                /* Ethernet source, chaddr and client id */
	uint32_t xid;
	uint32_t requested, server_id; /* options 50 and 54 when not 0 */
	const char *hostname;          /* option 12 when hostname_len > 0 */
	size_t hostname_len;
};

/* A client's broadcast request, 0.0.0.0:68 -> 255.255.255.255:67, into BUF
 * (CAP bytes; FLOOD_FRAME_MAX is always enough). Returns the frame length, or
 * 0 for a bad type, a hostname over FLOOD_HOSTNAME_MAX or a short buffer. */
size_t flood_req_build(uint8_t *buf, size_t cap, const struct flood_req *r);

struct flood_reply {
	uint8_t eth_dst[6];
	uint32_t ip_src;
	uint8_t type;       /* DHCP_OFFER, DHCP_ACK, DHCP_NAK, ... (option 53) */
	uint32_t xid;
	uint8_t chaddr[6];
	uint32_t yiaddr;
	uint32_t server_id; /* option 54, or the IP source when it is absent */
};

/* A server's reply as an Ethernet frame: IPv4 (header checksum checked, no
 * fragments), UDP 67 -> 68, a BOOTREPLY for Ethernet with option 53.
 * 0, or -1 for anything else or malformed. */
int flood_reply_parse(const uint8_t *frame, size_t n, struct flood_reply *out);

#endif
