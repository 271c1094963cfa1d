/*
 * ra_wire.h - Router Advertisements built and Router Solicitations parsed
 * (RFC 4861 section 4, RFC 8106 DNS options). Pure functions over byte
 * buffers: no I/O, no globals. The ICMPv6 checksum is left at zero; the
 * kernel fills it in for raw ICMPv6 sockets (RFC 3542 section 3.1).
 */
#ifndef RAD_RA_WIRE_H
#define RAD_RA_WIRE_H

#include <stddef.h>
#include <stdint.h>

#define ND_ROUTER_SOLICIT_TYPE	133
#define ND_ROUTER_ADVERT_TYPE	134

#define ND_OPT_SOURCE_LLADDR	1
#define ND_OPT_PREFIX_INFO	3
#define ND_OPT_MTU_TYPE		5
#define ND_OPT_RDNSS		25
#define ND_OPT_DNSSL		31

/* A LAN in keel.conf has at most 4 addresses (CONFIG_MAX_ADDRS), each a
 * prefix and, with dnsd, a DNS server: rad -C must hold them all. */
#define RA_PREFIX_MAX	4
/* Prefixes with lifetimes of their own: the ISP-delegated ones from
 * wan6's lease (lease6.h), current and deprecated. */
#define RA_TIMED_MAX	12
#define RA_RDNSS_MAX	4
#define RA_DOMAIN_MAX	253	/* text form, without a trailing dot */
/* Header 16 + SLLAO 8 + MTU 8 + prefixes (4+12)*32 + RDNSS 8+4*16 +
 * DNSSL 8+256. */
#define RA_MAX_LEN	880
/* Every RA fits the IPv6 minimum MTU (40 bytes of IPv6 header), so no
 * link and no prefix count can make one too big to send. */
_Static_assert(RA_MAX_LEN + 40 <= 1280, "an RA must fit 1280 bytes");

struct ra_prefix {
	uint8_t addr[16];	/* host bits zero */
	uint8_t len;		/* 64 for SLAAC */
};

/* A prefix whose lifetimes are the remaining ones at build time. */
struct ra_timed_prefix {
	struct ra_prefix prefix;
	uint32_t valid_secs, preferred_secs;
};

struct ra_config {
	uint8_t hop_limit;		/* advertised Cur Hop Limit */
	uint8_t flags;			/* M (0x80), O (0x40) */
	uint32_t reachable_ms, retrans_ms;	/* 0: unspecified */
	struct ra_prefix prefixes[RA_PREFIX_MAX];
	unsigned prefix_count;
	uint32_t valid_secs, preferred_secs;	/* of prefixes[] */
	struct ra_timed_prefix timed[RA_TIMED_MAX];	/* after prefixes[] */
	unsigned timed_count;
	uint8_t rdnss[RA_RDNSS_MAX][16];
	unsigned rdnss_count;
	char domain[RA_DOMAIN_MAX + 1];	/* "": no DNSSL option */
	uint32_t dns_lifetime_secs;	/* RDNSS and DNSSL */
	uint32_t mtu;			/* 0: no MTU option */
	uint8_t lladdr[6];
	int has_lladdr;			/* 0: no source link-layer option */
};

/*
 * Writes one RA with router lifetime router_lifetime_secs (0 on shutdown)
 * into buf. Returns its length, or 0 if size is too small or the domain is
 * not a valid name (options_parse() checks it first).
 */
size_t ra_build(const struct ra_config *cfg, uint16_t router_lifetime_secs,
		uint8_t *buf, size_t size);

/*
 * Writes name ("lan", "example.com", a trailing dot allowed) in DNS wire
 * form, uncompressed, ending with the root label (RFC 1035 section 3.1;
 * DHCPv6 option 24 carries it so). Returns the length, or 0 if it does
 * not fit or a label is empty or longer than 63 bytes.
 */
size_t dns_name_encode(const char *name, uint8_t *buf, size_t size);

/*
 * dns_name_encode(), zero-padded to a
 * multiple of 8 bytes as RFC 8106 section 5.2 asks. Returns the padded
 * length, or 0 if it does not fit or a label is empty or too long.
 */
size_t dnssl_encode(const char *name, uint8_t *buf, size_t size);

enum rs_error {
	RS_OK = 0,
	RS_SHORT,		/* under 8 bytes */
	RS_NOT_RS,		/* type is not 133 */
	RS_BAD_CODE,		/* code is not 0 */
	RS_BAD_HOPLIMIT,	/* known, and not 255: it came from off-link */
	RS_BAD_OPTION,		/* zero length or runs past the end */
	RS_SLLAO_UNSPEC,	/* link-layer option with source :: */
};

struct rs_msg {
	int has_sllao;
	uint8_t sllao[6];	/* first 6 bytes of the option's address */
};

/*
 * Validates a Router Solicitation as RFC 4861 section 6.1.1 asks.
 * hop_limit is the IPv6 hop limit it arrived with, or -1 if unknown;
 * src_unspecified says the IPv6 source was ::. Returns RS_OK or an error.
 */
enum rs_error rs_parse(const uint8_t *p, size_t n, int hop_limit,
		       int src_unspecified, struct rs_msg *out);
const char *rs_error_name(enum rs_error e);

/*
 * Walks the ND options from offset off: every one has a non-zero length
 * and ends inside n. Returns 0, or -1 at the first bad one.
 */
int nd_options_check(const uint8_t *p, size_t n, size_t off);

#endif /* RAD_RA_WIRE_H */
