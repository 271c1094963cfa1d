/*
 * wire.h - the DHCPv6 client's messages (RFC 8415): Solicit, Request,
 * Renew, Rebind and Information-request built, Advertise and Reply
 * parsed, with IA_NA (section 21.4), IA_PD (21.21), status codes (21.13),
 * DNS (RFC 3646) and the DS-Lite AFTR name (RFC 6334). Pure functions over
 * byte buffers: no I/O, no globals, every read bounds checked.
 */
#ifndef WAN6_WIRE_H
#define WAN6_WIRE_H

#include <stddef.h>
#include <stdint.h>

#define DHCP6_CLIENT_PORT	546
#define DHCP6_SERVER_PORT	547

/* Message types (RFC 8415 section 7.3). */
#define DHCP6_SOLICIT		1
#define DHCP6_ADVERTISE		2
#define DHCP6_REQUEST		3
#define DHCP6_RENEW		5
#define DHCP6_REBIND		6
#define DHCP6_REPLY		7
#define DHCP6_DECLINE		9
#define DHCP6_INFORMATION_REQUEST	11

/* Option codes (section 21, RFC 3646, RFC 6334). */
#define DHCP6_OPT_CLIENTID	1
#define DHCP6_OPT_SERVERID	2
#define DHCP6_OPT_IA_NA		3
#define DHCP6_OPT_IAADDR	5
#define DHCP6_OPT_ORO		6
#define DHCP6_OPT_PREFERENCE	7
#define DHCP6_OPT_ELAPSED_TIME	8
#define DHCP6_OPT_STATUS_CODE	13
#define DHCP6_OPT_DNS_SERVERS	23
#define DHCP6_OPT_DOMAIN_LIST	24
#define DHCP6_OPT_IA_PD		25
#define DHCP6_OPT_IAPREFIX	26
#define DHCP6_OPT_INFO_REFRESH_TIME	32
#define DHCP6_OPT_AFTR_NAME	64

/* Status codes (section 21.13). */
#define DHCP6_STATUS_SUCCESS		0
#define DHCP6_STATUS_UNSPEC_FAIL	1
#define DHCP6_STATUS_NO_ADDRS_AVAIL	2
#define DHCP6_STATUS_NO_BINDING		3
#define DHCP6_STATUS_NOT_ON_LINK	4
#define DHCP6_STATUS_USE_MULTICAST	5
#define DHCP6_STATUS_NO_PREFIX_AVAIL	6

#define DHCP6_DUID_MIN		3
#define DHCP6_DUID_MAX		130
#define DHCP6_DUID_LL_LEN	10	/* type 3, hardware type 1, a MAC */
#define DHCP6_INFINITY		0xffffffffu

/* What one message can carry into the client; more is counted, not kept. */
#define WIRE_IA_MAX		4	/* addresses or prefixes per IA */
#define WIRE_DNS_MAX		4
#define WIRE_NAME_MAX		253	/* a domain or AFTR name, dotted */
#define WIRE_MSG_MAX		1500	/* what the client builds at most */

enum wire_result {
	WIRE_OK = 0,
	WIRE_SHORT,		/* under 4 bytes */
	WIRE_BAD_OPTION,	/* an option header or length runs past its end */
	WIRE_BAD_DUID,		/* client or server id not 3-130 bytes, or twice */
	WIRE_BAD_IA,		/* IA_NA/IA_PD under 12 bytes */
	WIRE_BAD_IAADDR,	/* IAADDR under 24 or IAPREFIX under 25 bytes */
	WIRE_BAD_STATUS,	/* status code option under 2 bytes */
	WIRE_BAD_DNS,		/* DNS servers not a multiple of 16 bytes */
	WIRE_BAD_FIXED,		/* preference, refresh time of the wrong size */
	WIRE_NOT_FOR_CLIENT,	/* a type a client never accepts */
};

struct wire_addr {
	uint8_t addr[16];
	uint32_t preferred, valid;	/* seconds; DHCP6_INFINITY: forever */
};

struct wire_prefix {
	uint8_t prefix[16];
	uint8_t len;
	uint32_t preferred, valid;
};

/* One IA_NA or IA_PD with our IAID, as the server sent it. */
struct wire_ia {
	int present;
	uint32_t t1, t2;
	int has_status;
	uint16_t status;	/* DHCP6_STATUS_*; SUCCESS when absent */
	unsigned n;		/* addresses (IA_NA) or prefixes (IA_PD) */
	struct wire_addr addrs[WIRE_IA_MAX];
	struct wire_prefix prefixes[WIRE_IA_MAX];
	/* Left out: past WIRE_IA_MAX, or preferred > valid (section
	 * 21.6/21.22 says to discard those), or a prefix longer than 128. */
	unsigned dropped;
};

struct wire_msg {
	uint8_t type;
	uint8_t xid[3];
	/* Point into the parsed buffer; NULL when absent. */
	const uint8_t *client_id, *server_id;
	uint16_t client_id_len, server_id_len;
	int has_status;
	uint16_t status;	/* the message's own status code option */
	uint8_t preference;
	/* IA_NA and IA_PD with the IAID asked for; others are ignored. An
	 * IA with T1 > T2 > 0 is discarded as section 21.4 says. */
	struct wire_ia na, pd;
	unsigned n_dns;
	uint8_t dns[WIRE_DNS_MAX][16];
	char domain[WIRE_NAME_MAX + 1];	/* the first search domain, or "" */
	char aftr[WIRE_NAME_MAX + 1];	/* option 64, or "" */
	uint32_t info_refresh;		/* 0: not given */
	unsigned dropped;		/* DNS servers past WIRE_DNS_MAX, bad names */
};

/*
 * Parses an Advertise or Reply (any client-bound type parses; others give
 * WIRE_NOT_FOR_CLIENT) keeping the IAs whose IAID is iaid. An option that
 * does not fit its message or its IA refuses the whole message. Returns
 * WIRE_OK with out filled (its pointers into p), or the first problem.
 */
enum wire_result wire_parse(const uint8_t *p, size_t n, uint32_t iaid,
			    struct wire_msg *out);

/*
 * A name in DNS wire form (RFC 1035 3.1) at p[0..n) to dotted text without
 * the final dot, as option 24 and 64 carry it (RFC 8415 section 10, RFC
 * 6334: no compression, so a pointer is refused like any label over 63).
 * Only letters, digits, '-' and '_': the name goes into a line-based lease
 * file and logs, where a space or newline would forge fields. The root
 * alone, a name over 255 bytes (253 dotted) or one without its root label
 * are refused. Returns the bytes used (up to and with the root label), or
 * 0 with out unspecified.
 */
size_t wire_name_decode(const uint8_t *p, size_t n,
			char out[WIRE_NAME_MAX + 1]);

/* What the client sends (section 18.2). */
struct wire_request {
	uint8_t type;		/* DHCP6_SOLICIT, _REQUEST, ... */
	uint8_t xid[3];
	const uint8_t *duid;
	size_t duid_len;
	const uint8_t *server_id;	/* Request and Renew only */
	size_t server_id_len;
	uint16_t elapsed_cs;	/* centiseconds since the first try, capped */
	uint32_t iaid;
	int want_na, want_pd;	/* include IA_NA / IA_PD */
	/* The bindings held or offered, sent inside the IAs (lifetimes 0:
	 * the server decides). */
	unsigned n_addrs, n_prefixes;
	const struct wire_addr *addrs;
	const struct wire_prefix *prefixes;
};

/*
 * Writes the message into buf: client id, server id if given, elapsed
 * time, the option request (DNS, domain, AFTR, and the refresh time for
 * an Information-request) and the IAs. Returns the length, or 0 if size
 * is too small.
 */
size_t wire_build(const struct wire_request *req, uint8_t *buf, size_t size);

/* A DUID-LL (RFC 8415 section 11.4) from an Ethernet address. */
void wire_duid_ll(const uint8_t mac[6], uint8_t out[DHCP6_DUID_LL_LEN]);

/* A stable IAID from the interface's name (FNV-1a): the same after a
 * reboot, so the server gives back the same bindings. */
uint32_t wire_iaid(const char *ifname);

const char *wire_result_name(enum wire_result r);
const char *wire_type_name(uint8_t type);
const char *wire_status_name(uint16_t status);

#endif /* WAN6_WIRE_H */
