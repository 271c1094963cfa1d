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
#include "name_policy.h"
#include "ratelimit.h"

/* How long an OFFER reserves its address: a client REQUESTs within
 * milliseconds of the OFFER, and a flood of DISCOVERs must not hold the
 * pool for long. A REQUEST after that still binds if nobody took it. */
#define SERVER_OFFER_HOLD_SECS 10

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
	struct name_policy names;	/* names never published */
};

/*
 * What the server keeps between packets besides the leases: the bound on
 * addresses taken by clients it has no record of (per pool, whatever
 * chaddr they use: a flood of made-up MACs takes at most this many), and
 * counts of what each defence refused.
 */
struct server_guard {
	struct ratelimit_limit new_limit;	/* count 0: no bound */
	struct ratelimit_bucket new_bucket;
	uint64_t new_refused;		/* new clients over the bound */
	uint64_t unknown_silent;	/* INIT-REBOOT with no record */
	uint64_t chaddr_mismatch;	/* chaddr is not the frame's source */
	uint64_t names_refused;		/* names not published */
};

/* count new clients per period_secs, bursts of count; count 0: no bound. */
void server_guard_init(struct server_guard *g, uint32_t count,
		       uint32_t period_secs);

/* One received request and when. */
struct server_rx {
	const uint8_t *pkt;
	size_t len;
	const uint8_t *src_mac;	/* the frame's Ethernet source; NULL: not
				 * known (the check is skipped) */
	int64_t now;		/* wall seconds: lease times */
	uint64_t now_ms;	/* monotonic: the bound on new clients */
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
	unsigned new_refused : 1;	/* over the bound on new clients */
	unsigned name_refused : 1;	/* name is the refused one */
	uint8_t name_verdict;		/* enum name_verdict, when refused */
	char name[LEASE_NAME_MAX + 1];
	uint8_t msg_type;		/* the request's type, for the log */
	uint32_t addr;			/* address offered/bound/released */
	const char *note;		/* why nothing or a NAK was sent */
};

void server_handle(const struct server_cfg *cfg, struct lease_db *db,
		   struct server_guard *guard, const struct server_rx *rx,
		   struct server_result *res);

/* 1 if a request came straight from a client (giaddr 0) in a frame whose
 * source is not its chaddr: the MAC is made up. 0 when src_mac is NULL
 * or n is too short to tell (the parser judges that). */
int server_chaddr_spoofed(const uint8_t *pkt, size_t n,
			  const uint8_t *src_mac);

/* Pure choice of destination for a reply to m (exposed for tests). */
enum server_dest server_dest_for(const struct dhcp_msg *m, uint8_t reply_type,
				 uint32_t yiaddr, uint32_t *ip,
				 uint16_t *port);

#endif /* DHCPD_SERVER_H */
