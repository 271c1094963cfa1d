/*
 * dns_aaaa.h - the one DNS question wan6 asks: the AAAA of the AFTR that
 * DHCPv6 option 64 names (RFC 6334 section 3: the B4 resolves it with the
 * DNS servers of option 23). A query built and an answer parsed, pure
 * functions over byte buffers; main.c sends and receives.
 */
#ifndef WAN6_DNS_AAAA_H
#define WAN6_DNS_AAAA_H

#include <stddef.h>
#include <stdint.h>

#define DNS_PORT	53
#define DNS_TYPE_AAAA	28
#define DNS_TYPE_CNAME	5
#define DNS_CLASS_IN	1
#define DNS_MSG_MAX	512	/* plain UDP, no EDNS: an AAAA fits */
#define DNS_CNAME_MAX	8	/* CNAMEs followed before giving up */

enum dns_result {
	DNS_OK = 0,
	DNS_MALFORMED,		/* a field runs past the end, a bad name */
	DNS_NOT_ANSWER,		/* not a response, or another ID or question */
	DNS_TRUNCATED,		/* TC set: no address in what came */
	DNS_NXDOMAIN,		/* the name does not exist */
	DNS_SERVFAIL,		/* any other RCODE */
	DNS_NO_ADDRESS,		/* no AAAA for the name (NODATA) */
	DNS_NOT_GLOBAL,		/* the AAAA is not global unicast (2000::/3) */
};

/* A recursive AAAA query for the dotted name (no final dot needed) with
 * id. Returns its length, or 0 if the name is not a valid one (empty, a
 * label over 63, over 255 bytes) or size is too small. */
size_t dns_aaaa_query(const char *name, uint16_t id, uint8_t *buf,
		      size_t size);

/*
 * The answer to that query: only one with our id, QR set, opcode 0 and
 * exactly our question (names compared case-insensitively). The first
 * AAAA in the answer section whose owner is the name, or the target of a
 * CNAME chain from it, wins; its TTL goes to *ttl. Compression pointers
 * are followed backwards only, at most 64 per name.
 */
enum dns_result dns_aaaa_answer(const uint8_t *p, size_t n, uint16_t id,
				const char *name, uint8_t addr[16],
				uint32_t *ttl);

const char *dns_result_name(enum dns_result r);

#endif /* WAN6_DNS_AAAA_H */
