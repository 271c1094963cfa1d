/*
 * lease6.h - the LAN's lines of wan6's lease file (/run/wan6/lease), the
 * prefixes the ISP delegated and wan6 assigned to each LAN. Format:
 *
 *   wan6 1                            first line: format version
 *   lan NAME PREFIX/64 PREF_UNTIL_MS VALID_UNTIL_MS
 *   deprecated NAME PREFIX/64 PREF_UNTIL_MS VALID_UNTIL_MS
 *   ...                               other kinds: ignored
 *
 * *_UNTIL_MS are absolute CLOCK_BOOTTIME milliseconds (clock_boot_ms()).
 * Pure: no I/O, no globals, bounds checked at every read.
 */
#ifndef RAD_LEASE6_H
#define RAD_LEASE6_H

#include <stddef.h>
#include <stdint.h>

#define LEASE6_DEFAULT_PATH	"/run/wan6/lease"
/* The format version rad reads; another major version is refused. */
#define LEASE6_VERSION		1
/* Prefixes kept for one LAN: with the LAN's own 4 they still fit an RA in
 * the IPv6 minimum MTU (ra_wire.h). More are counted in dropped. */
#define LEASE6_MAX		12
/* Malformed lines remembered for the log; more are only counted. */
#define LEASE6_ERRORS_MAX	4
/* RFC 7084 L-13: a deprecated prefix stays valid at most 2 hours. */
#define LEASE6_DEPRECATED_VALID_MAX	7200
/* The largest finite lifetime: 0xffffffff means infinite in an RA. */
#define LEASE6_LIFETIME_MAX	0xfffffffeu
/* Longest lease file read; a longer one is refused whole. */
#define LEASE6_FILE_MAX		8192

enum lease6_status {
	LEASE6_OK = 0,		/* lines parsed; some may be in errors[] */
	LEASE6_NO_HEADER,	/* first line is not "wan6 VERSION" */
	LEASE6_BAD_VERSION,	/* another major version: nothing used */
};

struct lease6_prefix {
	uint8_t addr[16];	/* host bits zero */
	uint8_t len;		/* always 64: SLAAC */
	int deprecated;		/* from a "deprecated" line */
	uint64_t pref_until_ms, valid_until_ms;	/* CLOCK_BOOTTIME */
	/* Remaining at now_ms, in seconds, as an RA carries them: a
	 * deprecated prefix has preferred 0 and valid at most 2 hours. */
	uint32_t preferred_secs, valid_secs;
};

struct lease6_error {
	unsigned line;		/* 1-based */
	const char *why;	/* static text */
};

struct lease6 {
	unsigned version;	/* major version of the header */
	struct lease6_prefix prefixes[LEASE6_MAX];
	unsigned count;
	unsigned dropped;	/* this LAN's good lines past LEASE6_MAX */
	unsigned expired;	/* this LAN's lines whose valid time ran out */
	unsigned duplicates;	/* a prefix given twice: the first kept, a
				 * "lan" line wins over "deprecated" */
	struct lease6_error errors[LEASE6_ERRORS_MAX];
	unsigned error_count;	/* all malformed lines, also past the max */
};

/*
 * Picks lan_name's "lan" and "deprecated" lines out of buf[n] (not NUL-
 * terminated), with lifetimes remaining at now_ms (CLOCK_BOOTTIME). A
 * malformed line of this LAN (or of a kind rad reads, when the LAN name
 * itself is missing) is recorded in errors[] and skipped; the other lines
 * are still used. Returns LEASE6_OK, or an error with nothing in out but
 * version.
 */
enum lease6_status lease6_parse(const char *buf, size_t n,
				const char *lan_name, uint64_t now_ms,
				struct lease6 *out);
const char *lease6_status_name(enum lease6_status s);

/* Seconds from now_ms to until_ms: 0 if past, at most LEASE6_LIFETIME_MAX. */
uint32_t lease6_remaining(uint64_t until_ms, uint64_t now_ms);

#endif /* RAD_LEASE6_H */
