/*
 * server.h - the RFC 2131 server state machine as a pure function:
 * (packet, interface config, lease db, now) -> reply or nothing.
 */
#ifndef DHCPD_SERVER_H
#define DHCPD_SERVER_H

#include <stddef.h>
#include <stdint.h>

#include "dhcp_wire.h"
#include "lease_db.h"

struct server_cfg {
	uint32_t server_ip;		/* our address: server id, source */
	uint32_t netmask;
	uint32_t router;		/* 0: none */
	uint32_t dns[DHCP_DNS_MAX];
	unsigned dns_count;
	char domain[DHCP_DOMAIN_MAX + 1];
	uint16_t mtu;			/* 0: not sent */
	struct dhcp_route routes[DHCP_ROUTES_MAX];
	unsigned route_count;
	uint32_t lease_secs;
	uint32_t offer_hold_secs;	/* how long an OFFER reserves */
	uint32_t decline_hold_secs;	/* how long a DECLINE bans */
};

/* Where the reply goes (RFC 2131 4.1). */
enum server_dest {
	DEST_NONE = 0,
	DEST_RELAY,		/* giaddr, port 67 */
	DEST_BROADCAST,		/* 255.255.255.255, port 68 */
	DEST_UNICAST,		/* ciaddr, port 68, normal routing */
	DEST_HWADDR,		/* yiaddr at chaddr, port 68: the client has no
				 * address yet, so no ARP; sent on a packet
				 * socket straight to its MAC */
};

struct server_result {
	uint8_t reply[DHCP_REPLY_MAX];
	size_t len;			/* 0: no reply */
	enum server_dest dest;
	uint32_t dest_ip;
	uint16_t dest_port;
	uint8_t dest_mac[6];
	/* What changed, for the caller's housekeeping. */
	unsigned leases_changed : 1;	/* checkpoint is due */
	unsigned hosts_changed : 1;	/* hosts file is due */
	unsigned counts_changed : 1;	/* offered, bound, freed: status file */
	unsigned exhausted : 1;		/* pool exhausted for this client */
	uint8_t msg_type;		/* the request's type, for the log */
	uint32_t addr;			/* address offered/bound/released */
	const char *note;		/* why nothing or a NAK was sent */
};

void server_handle(const struct server_cfg *cfg, struct lease_db *db,
		   const uint8_t *pkt, size_t n, int64_t now,
		   struct server_result *res);

/* Pure choice of destination for a reply to m (exposed for tests). */
enum server_dest server_dest_for(const struct dhcp_msg *m, uint8_t reply_type,
				 uint32_t yiaddr, uint32_t *ip,
				 uint16_t *port);

#endif /* DHCPD_SERVER_H */
