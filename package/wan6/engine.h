/*
 * engine.h - the DHCPv6 client as a pure state machine (RFC 8415 section
 * 18, RFC 7084 WPD-4..6 and L-13). Events go in with the time
 * (CLOCK_BOOTTIME ms): link up/down, a Router Advertisement's M/O flags, a
 * parsed message, a timer. What comes out is left in the struct: a packet
 * to multicast (out/out_len), the next time it wants to run, and a flag
 * when the lease (addresses, prefixes, LAN /64s, deprecated /64s, DNS)
 * changed. No I/O, no clock, no randomness but its own seeded generator.
 */
#ifndef WAN6_ENGINE_H
#define WAN6_ENGINE_H

#include <stdint.h>

#include "wire.h"

#define ENGINE_LAN_MAX		4	/* CONFIG_MAX_LANS */
#define ENGINE_LAN_NAME_MAX	31
#define ENGINE_LAN_PREFIX_MAX	(WIRE_IA_MAX * ENGINE_LAN_MAX)
#define ENGINE_DEPRECATED_MAX	16
#define ENGINE_NEVER		UINT64_MAX
/* RFC 7084 L-13 / RFC 9096: an old LAN prefix stays valid at most 2 h. */
#define ENGINE_DEPRECATED_VALID_MS	(2ull * 3600 * 1000)

enum engine_mode {
	ENGINE_AUTO = 0,	/* DHCPv6 when an RA has M or O */
	ENGINE_ON,		/* Solicit at link up, whatever the RAs say */
	ENGINE_OFF,
};

enum engine_state {
	ENGINE_NONE = 0,	/* waiting for the link or an RA */
	ENGINE_SOLICITING,
	ENGINE_REQUESTING,
	ENGINE_BOUND,
	ENGINE_RENEWING,
	ENGINE_REBINDING,
	ENGINE_INFO,		/* stateless: Information-request / its data */
	ENGINE_DECLINING,	/* an address failed DAD: Decline (18.2.8) */
};

struct engine_lan_cfg {
	char name[ENGINE_LAN_NAME_MAX + 1];
	uint16_t subnet_id;
};

struct engine_addr {
	uint8_t addr[16];
	uint64_t pref_until, valid_until;	/* ENGINE_NEVER: infinite */
};

struct engine_prefix {
	uint8_t prefix[16];
	uint8_t len;
	uint64_t pref_until, valid_until;
};

/* A LAN's /64 out of a delegated prefix; lan indexes lans[]. */
struct engine_lan_prefix {
	unsigned lan;
	uint8_t prefix[16];
	uint64_t pref_until, valid_until;
};

struct engine {
	/* Set by engine_init(). */
	enum engine_mode mode;
	uint32_t iaid;
	uint8_t duid[DHCP6_DUID_LL_LEN];
	unsigned n_lans;
	struct engine_lan_cfg lans[ENGINE_LAN_MAX];
	uint64_t rng;

	int link_up;
	enum engine_state state;

	/* The exchange in flight (section 15). */
	int transmitting;
	uint8_t xid[3];
	uint64_t tx_start, tx_next, mrd_until;
	uint64_t rt, irt, mrt;	/* ms */
	unsigned mrc, count;
	unsigned failures;	/* exchanges that ended with nothing bound */
	uint8_t server_id[DHCP6_DUID_MAX];
	uint16_t server_id_len;
	/* What the chosen Advertise offered, asked for in the Request. */
	unsigned n_offer_addrs, n_offer_prefixes;
	struct wire_addr offer_addrs[WIRE_IA_MAX];
	struct wire_prefix offer_prefixes[WIRE_IA_MAX];

	/* Addresses that failed DAD, in the Decline in flight. */
	unsigned n_declined;
	uint8_t declined[WIRE_IA_MAX][16];

	/* The lease. */
	unsigned n_addrs, n_prefixes;
	struct engine_addr addrs[WIRE_IA_MAX];
	struct engine_prefix prefixes[WIRE_IA_MAX];
	uint64_t t1_at, t2_at, refresh_at;
	unsigned n_dns;
	uint8_t dns[WIRE_DNS_MAX][16];
	char domain[WIRE_NAME_MAX + 1], aftr[WIRE_NAME_MAX + 1];
	unsigned n_lan_prefixes;
	struct engine_lan_prefix lan_prefixes[ENGINE_LAN_PREFIX_MAX];
	unsigned lan_skipped;	/* LANs whose subnet-id did not fit, last time */
	unsigned n_deprecated;
	struct engine_lan_prefix deprecated[ENGINE_DEPRECATED_MAX];
	unsigned deprecated_dropped;	/* past ENGINE_DEPRECATED_MAX */
	/* The prefix delegated before a reboot (/data), until the first
	 * binding: if that one differs, the old LAN /64s are deprecated. */
	int has_remembered;
	struct engine_prefix remembered;

	/* Outputs, cleared by whoever consumes them. */
	uint8_t out[WIRE_MSG_MAX];
	size_t out_len;
	int lease_changed;
	/* Counters for the log. */
	uint64_t ignored;
};

void engine_init(struct engine *e, enum engine_mode mode, const char *ifname,
		 const uint8_t mac[6], const struct engine_lan_cfg *lans,
		 unsigned n_lans, uint64_t seed);
void engine_remember(struct engine *e, const uint8_t prefix[16], uint8_t len);

void engine_link(struct engine *e, uint64_t now, int up);
void engine_ra(struct engine *e, uint64_t now, int managed, int other);
/* A message that wire_parse() accepted with e->iaid. Returns 1 if it moved
 * the exchange on, 0 if it was ignored (wrong xid, client id, type...). */
int engine_receive(struct engine *e, uint64_t now, const struct wire_msg *m);
void engine_timer(struct engine *e, uint64_t now);
/* addr failed DAD on the WAN (RFC 8415 18.2.10.1): it leaves the lease
 * and, while bound, a Decline tells the server (up to 4 tries, section
 * 18.2.8); then bound again with what is left, or a Solicit if nothing
 * is. Returns 1 if addr was in the lease. */
int engine_decline(struct engine *e, uint64_t now, const uint8_t addr[16]);
/* When engine_timer() next has something to do; ENGINE_NEVER if nothing. */
uint64_t engine_next_wakeup(const struct engine *e);

/* The LAN's /64: prefix + subnet_id in the bits after len. Pure. Returns
 * 0, or -1 if len > 64 or subnet_id does not fit in 64 - len bits. */
int engine_lan_prefix(const uint8_t prefix[16], uint8_t len,
		      uint16_t subnet_id, uint8_t out[16]);

const char *engine_state_name(enum engine_state s);

#endif /* WAN6_ENGINE_H */
