/* Router Advertisements seen on a segment (`ra-log`): a pure parser over an
 * Ethernet frame, no I/O. Only IPv6 whose next header is ICMPv6 directly is
 * looked at: extension headers are not walked (rad sends none), so an RA
 * behind one is "not an RA" here. */
#ifndef NETSIM_RA_MSG_H
#define NETSIM_RA_MSG_H

#include <stddef.h>
#include <stdint.h>

#define RA_MAX_PREFIXES 8 /* Prefix Information options kept per RA */
#define RA_MAX_RDNSS 4    /* RDNSS addresses kept per RA */

#define RA_FLAG_M 0x80 /* managed: addresses by DHCPv6 */
#define RA_FLAG_O 0x40 /* other configuration by DHCPv6 */
#define RA_PREFIX_FLAG_L 0x80 /* on-link */
#define RA_PREFIX_FLAG_A 0x40 /* autonomous: SLAAC */

struct ra_prefix {
	uint8_t prefix[16];
	uint8_t len;
	uint8_t flags;      /* RA_PREFIX_FLAG_* (other bits as sent) */
	uint32_t valid;     /* seconds; 0xffffffff is infinity */
	uint32_t preferred;
};

struct ra_msg {
	uint8_t src[16];           /* the router's link-local address */
	uint8_t hop_limit;         /* the RA's Cur Hop Limit field */
	uint8_t flags;             /* RA_FLAG_* (other bits as sent) */
	uint16_t router_lifetime;  /* seconds; 0: not a default router */
	unsigned nprefix;
	unsigned prefix_dropped;   /* PIOs beyond RA_MAX_PREFIXES */
	struct ra_prefix prefix[RA_MAX_PREFIXES];
	unsigned nrdnss;
	unsigned rdnss_dropped;    /* addresses beyond RA_MAX_RDNSS */
	uint8_t rdnss[RA_MAX_RDNSS][16];
	uint32_t rdnss_lifetime[RA_MAX_RDNSS];
};

enum {
	RA_OK = 0,
	RA_NOT_RA = 1, /* another frame: not IPv6, not ICMPv6, not type 134 */
	RA_BAD = -1,   /* an RA a host must drop (RFC 4861 6.1.2) or malformed */
};

/* FRAME (N bytes) is an Ethernet frame. An RA is taken only if a host would
 * take it: IPv6 hop limit 255, link-local source, ICMPv6 checksum right,
 * code 0, every option with a non-zero length inside the message, Prefix
 * Information with length 4 and a prefix length <= 128, RDNSS with length 3
 * + 2n. Returns RA_OK (OUT filled), RA_NOT_RA or RA_BAD. */
int ra_parse(const uint8_t *frame, size_t n, struct ra_msg *out);

#endif
