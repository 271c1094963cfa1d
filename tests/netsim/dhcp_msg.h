/* DHCPv4 messages for netsim's ISP-side server: pure parse/build, no I/O.
 * Addresses are in network byte order throughout. */
#ifndef NETSIM_DHCP_MSG_H
#define NETSIM_DHCP_MSG_H

#include <stddef.h>
#include <stdint.h>

enum {
	DHCP_DISCOVER = 1, DHCP_OFFER, DHCP_REQUEST, DHCP_DECLINE,
	DHCP_ACK, DHCP_NAK, DHCP_RELEASE, DHCP_INFORM,
};

#define DHCP_MIN_LEN 240 /* fixed header and magic cookie */
#define DHCP_REPLY_MAX 300

struct dhcp_req {
	uint8_t type;
	uint32_t xid;
	uint16_t flags;
	uint32_t ciaddr, requested, server_id; /* 0 when absent */
	uint8_t chaddr[6];
	const uint8_t *hostname; /* option 12, inside the parsed buffer; NULL when absent */
	uint8_t hostname_len;
};

struct dhcp_reply {
	uint8_t type; /* DHCP_OFFER, DHCP_ACK or DHCP_NAK */
	uint32_t yiaddr, server, mask, router, dns, lease_secs;
};

/* A BOOTREQUEST from an Ethernet client: 0, or -1 if malformed or not one. */
int dhcp_req_parse(const uint8_t *p, size_t n, struct dhcp_req *out);
/* Writes the reply to REQ into BUF (at least DHCP_REPLY_MAX); returns its length. */
size_t dhcp_reply_build(uint8_t *buf, const struct dhcp_req *req, const struct dhcp_reply *r);

#endif
