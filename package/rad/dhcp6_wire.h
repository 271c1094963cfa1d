/*
 * dhcp6_wire.h - stateless DHCPv6 (RFC 8415 sections 6.1, 16.12, 18.3.6):
 * an Information-request parsed, and the Reply that carries the DNS
 * servers (option 23, RFC 3646) and search domain (option 24) rad also
 * puts in its RAs. Pure functions over byte buffers: no I/O, no globals.
 * Nothing stateful is served: no addresses, no prefixes, no leases.
 */
#ifndef RAD_DHCP6_WIRE_H
#define RAD_DHCP6_WIRE_H

#include <stddef.h>
#include <stdint.h>

#include "ra_wire.h"

#define DHCP6_CLIENT_PORT	546
#define DHCP6_SERVER_PORT	547

/* Message types (RFC 8415 section 7.3). */
#define DHCP6_SOLICIT		1
#define DHCP6_REPLY		7
#define DHCP6_INFORMATION_REQUEST	11
#define DHCP6_RELAY_FORW	12
#define DHCP6_RELAY_REPL	13

/* Option codes (RFC 8415 section 21, RFC 3646). */
#define DHCP6_OPT_CLIENTID	1
#define DHCP6_OPT_SERVERID	2
#define DHCP6_OPT_IA_NA		3
#define DHCP6_OPT_IA_TA		4
#define DHCP6_OPT_ORO		6
#define DHCP6_OPT_DNS_SERVERS	23
#define DHCP6_OPT_DOMAIN_LIST	24
#define DHCP6_OPT_IA_PD		25
#define DHCP6_OPT_INFO_REFRESH_TIME	32

/* A DUID is a 2-byte type and 1 to 128 bytes more (section 11.1). */
#define DHCP6_DUID_MIN		3
#define DHCP6_DUID_MAX		130
#define DHCP6_DUID_LL_LEN	10	/* type 3, hardware type 1, a MAC */
/* RFC 8415 section 7.6 IRT_MINIMUM: a client refreshes no sooner. */
#define DHCP6_IRT_MINIMUM	600

/* Header 4 + server id 4+130 + client id 4+130 + DNS 4+3*16 + domain
 * 4+255 + refresh 8, rounded up. */
#define DHCP6_REPLY_MAX		640

enum dhcp6_result {
	DHCP6_ANSWER = 0,	/* an Information-request we reply to */
	/* Malformed: counted as bad. */
	DHCP6_SHORT,		/* under 4 bytes */
	DHCP6_BAD_OPTION,	/* option header or length runs past the end */
	DHCP6_BAD_DUID,		/* client or server id not 3-130 bytes, or twice */
	DHCP6_BAD_ORO,		/* option request of odd length */
	/* Well-formed but not ours to answer: counted as ignored. */
	DHCP6_RELAYED,		/* relay-forward/-reply: rad serves its link only */
	DHCP6_OTHER_TYPE,	/* Solicit, Request, Renew...: no leases here */
	DHCP6_HAS_IA,		/* Information-request with an IA (16.12) */
	DHCP6_OTHER_SERVER,	/* Server Identifier that is not ours (16.12) */
};

struct dhcp6_msg {
	uint8_t type;
	uint8_t xid[3];
	/* Point into the parsed buffer; NULL when absent. */
	const uint8_t *client_id, *server_id;
	uint16_t client_id_len, server_id_len;
	int has_ia;
	int has_oro;		/* 0: no ORO, send every option we have */
	int want_dns, want_domains, want_refresh;	/* named in the ORO */
};

/* What the server hands out: filled once at startup, read per packet. */
struct dhcp6_server {
	uint8_t duid[DHCP6_DUID_LL_LEN];
	uint8_t dns[RA_RDNSS_MAX][16];
	unsigned dns_count;
	uint8_t domains[RA_DOMAIN_MAX + 2];	/* wire form; see dns_name_encode */
	size_t domains_len;			/* 0: no domain */
	uint32_t refresh_secs;		/* sent when the client asks for it */
};

/*
 * Parses the client/server message format (RFC 8415 section 8) of any
 * type; the option walk stops at nothing less than the end. Returns
 * DHCP6_ANSWER if well formed (out filled; its pointers into p), else a
 * malformed result or DHCP6_RELAYED.
 */
enum dhcp6_result dhcp6_parse(const uint8_t *p, size_t n,
			      struct dhcp6_msg *out);

/*
 * Decides whether a parsed message gets a Reply from srv: only an
 * Information-request without IA options whose Server Identifier, if
 * any, is srv's (RFC 8415 section 16.12).
 */
enum dhcp6_result dhcp6_verdict(const struct dhcp6_msg *m,
				const struct dhcp6_server *srv);

/*
 * Writes the Reply to m into buf: same transaction id, our Server
 * Identifier, the client's echoed, then options 23, 24 and 32 as the ORO
 * asks (23 and 24 also without an ORO; none that srv has no value for).
 * Returns the length, or 0 if size is too small.
 */
size_t dhcp6_reply_build(const struct dhcp6_msg *m,
			 const struct dhcp6_server *srv,
			 uint8_t *buf, size_t size);

/*
 * Fills srv from what rad advertises: a DUID-LL from mac (RFC 8415
 * section 11.4), the DNS servers, the domain ("" for none) and the
 * refresh time (raised to DHCP6_IRT_MINIMUM). Returns 0, or -1 if the
 * domain is not a valid name or there are too many servers.
 */
int dhcp6_server_setup(struct dhcp6_server *srv, const uint8_t mac[6],
		       const uint8_t (*dns)[16], unsigned dns_count,
		       const char *domain, uint32_t refresh_secs);

const char *dhcp6_result_name(enum dhcp6_result r);
/* Short message-type name for logs: "information-request", "solicit"... */
const char *dhcp6_type_name(uint8_t type);

#endif /* RAD_DHCP6_WIRE_H */
