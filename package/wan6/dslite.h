/*
 * dslite.h - DS-Lite's tunnel ends as wan6 sees them (RFC 6333, RFC 6334).
 * init makes dslite0 (remote from [wan] aftr or ::, local from a static
 * WAN or unset); wan6 decides what its ends should be from the config,
 * the lease, the WAN's addresses and the resolved AFTR name, and sends
 * rtnl_ip6tnl_change when that differs from what it set last. Pure.
 */
#ifndef WAN6_DSLITE_H
#define WAN6_DSLITE_H

#include <stdint.h>

#include "engine.h"
#include "wire.h"

#define DSLITE_WAN_ADDR_MAX	8

struct dslite_cfg {
	int on;			/* [wan] ipv4 dslite */
	int has_remote;		/* [wan] aftr ADDRESS */
	uint8_t remote[16];
	char name[WIRE_NAME_MAX + 1];	/* [wan] aftr NAME, or "" */
	int has_local;		/* a static WAN's IPv6 address */
	uint8_t local[16];
	/* A static WAN's IPv6 [wan] dns servers: the AFTR name's resolvers
	 * when DHCPv6 gives none (option 23). */
	unsigned n_dns;
	uint8_t dns[WIRE_DNS_MAX][16];
};

/* The WAN interface's IPv6 addresses, from rtnetlink (RTM_NEWADDR). */
struct dslite_wan_addr {
	uint8_t addr[16];
	uint32_t flags;		/* IFA_F_* */
};

struct dslite_addrs {
	unsigned n;
	struct dslite_wan_addr a[DSLITE_WAN_ADDR_MAX];
	uint64_t dropped;	/* past DSLITE_WAN_ADDR_MAX */
};

/* An address added or changed (gone 0) or removed (gone 1). Returns 1 if
 * the table changed. Only global unicast addresses (2000::/3) are kept:
 * link-local and ULA ones cannot reach an AFTR. */
int dslite_addr_event(struct dslite_addrs *t, const uint8_t addr[16],
		      uint32_t flags, int gone);

enum dslite_from {
	DSLITE_FROM_NONE = 0,
	DSLITE_FROM_STATIC,	/* local: the static WAN's address */
	DSLITE_FROM_IA_NA,	/* local: DHCPv6's address */
	DSLITE_FROM_SLAAC,	/* local: a global address on the WAN */
	DSLITE_FROM_LAN,	/* local: the first LAN's ::1 from the prefix */
	DSLITE_FROM_CONFIG,	/* remote: [wan] aftr */
	DSLITE_FROM_OPTION64,	/* remote: option 64's name, resolved */
	DSLITE_FROM_NAME,	/* remote: [wan] aftr NAME, resolved */
};

struct dslite_want {
	uint8_t local[16], remote[16];
	enum dslite_from local_from, remote_from;
};

/*
 * The tunnel's ends. Local: the static address, else the lease's IA_NA
 * address (valid, preferred first) once it is on the WAN, else a global address on the WAN
 * (not tentative or failed DAD; stable before temporary, preferred before
 * deprecated; current, if it is among the best, stays), else the first
 * LAN's ::1 out of the delegated prefix (OpenWrt's fallback). Remote: the
 * config's aftr address, else resolved (the config's aftr name, else
 * option 64's; NULL: not known). Returns 1 with out
 * filled, or 0 when DS-Lite is off or either end is unknown (the tunnel
 * is then left as it is).
 */
int dslite_decide(const struct dslite_cfg *cfg, const struct engine *e,
		  uint64_t now, const struct dslite_addrs *wan,
		  const uint8_t *resolved, const uint8_t *current_local,
		  struct dslite_want *out);

const char *dslite_from_name(enum dslite_from f);

/*
 * What the AFTR resolver asks (aftr_set): the config's name before
 * option 64's ("" when there is neither, or DS-Lite is off), with option
 * 23's servers, else the static WAN's IPv6 [wan] dns (*servers, *n).
 */
const char *dslite_resolve_input(const struct dslite_cfg *cfg,
				 const struct engine *e,
				 const uint8_t (**servers)[16], unsigned *n);

#endif /* WAN6_DSLITE_H */
