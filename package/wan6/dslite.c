/*
 * dslite.c - which addresses DS-Lite's tunnel should use (dslite.h).
 */
#include <linux/if_addr.h>
#include <string.h>

#include "dslite.h"

static int global_unicast(const uint8_t a[16])
{
	return (a[0] & 0xe0) == 0x20;
}

int dslite_addr_event(struct dslite_addrs *t, const uint8_t addr[16],
		      uint32_t flags, int gone)
{
	unsigned i;

	if (!global_unicast(addr))
		return 0;
	for (i = 0; i < t->n; i++)
		if (!memcmp(t->a[i].addr, addr, 16))
			break;
	if (gone) {
		if (i == t->n)
			return 0;
		t->a[i] = t->a[--t->n];
		return 1;
	}
	if (i < t->n) {
		if (t->a[i].flags == flags)
			return 0;
		t->a[i].flags = flags;
		return 1;
	}
	if (t->n >= DSLITE_WAN_ADDR_MAX) {
		t->dropped++;
		return 0;
	}
	memcpy(t->a[t->n].addr, addr, 16);
	t->a[t->n++].flags = flags;
	return 1;
}

/* Lower is better; -1: not usable. */
static int wan_rank(uint32_t flags)
{
	if (flags & (IFA_F_TENTATIVE | IFA_F_DADFAILED))
		return -1;
	return (flags & IFA_F_DEPRECATED ? 2 : 0) +
	       (flags & IFA_F_TEMPORARY ? 1 : 0);
}

static int on_wan(const struct dslite_addrs *wan, const uint8_t a[16])
{
	for (unsigned i = 0; i < wan->n; i++)
		if (!memcmp(wan->a[i].addr, a, 16))
			return wan_rank(wan->a[i].flags) >= 0;
	return 0;
}

/* Only once it is on the WAN: the kernel's ip6tnl sends nothing from an
 * address it does not have (ip6_tnl_xmit_ctl). */
static int pick_ia_na(const struct engine *e, uint64_t now,
		      const struct dslite_addrs *wan, uint8_t out[16])
{
	int found = 0;

	for (unsigned i = 0; i < e->n_addrs; i++) {
		const struct engine_addr *a = &e->addrs[i];

		if (a->valid_until <= now || !on_wan(wan, a->addr))
			continue;
		if (!found || a->pref_until > now) {
			memcpy(out, a->addr, 16);
			if (a->pref_until > now)
				return 1;
			found = 1;
		}
	}
	return found;
}

static int pick_wan(const struct dslite_addrs *wan, const uint8_t *current,
		    uint8_t out[16])
{
	int best = -1;
	unsigned at = wan->n;

	for (unsigned i = 0; i < wan->n; i++) {
		int r = wan_rank(wan->a[i].flags);

		if (r >= 0 && (best < 0 || r < best)) {
			best = r;
			at = i;
		}
	}
	if (best < 0)
		return 0;
	/* The address in use stays while it is among the best: no
	 * flapping between equals (every change drops the flows). */
	for (unsigned i = 0; current && i < wan->n; i++)
		if (wan_rank(wan->a[i].flags) == best &&
		    !memcmp(wan->a[i].addr, current, 16))
			at = i;
	memcpy(out, wan->a[at].addr, 16);
	return 1;
}

/* The LAN with the lowest index that has a /64 now: its ::1, the address
 * wan6 itself puts there. */
static int pick_lan(const struct engine *e, uint64_t now, uint8_t out[16])
{
	const struct engine_lan_prefix *best = NULL;

	for (unsigned i = 0; i < e->n_lan_prefixes; i++) {
		const struct engine_lan_prefix *l = &e->lan_prefixes[i];

		if (l->valid_until <= now)
			continue;
		if (!best || l->lan < best->lan)
			best = l;
	}
	if (!best)
		return 0;
	memcpy(out, best->prefix, 16);
	out[15] = 1;
	return 1;
}

int dslite_decide(const struct dslite_cfg *cfg, const struct engine *e,
		  uint64_t now, const struct dslite_addrs *wan,
		  const uint8_t *resolved, const uint8_t *current_local,
		  struct dslite_want *out)
{
	memset(out, 0, sizeof(*out));
	if (!cfg->on)
		return 0;
	if (cfg->has_remote) {
		memcpy(out->remote, cfg->remote, 16);
		out->remote_from = DSLITE_FROM_CONFIG;
	} else if (resolved) {
		memcpy(out->remote, resolved, 16);
		out->remote_from = cfg->name[0] ? DSLITE_FROM_NAME :
			DSLITE_FROM_OPTION64;
	} else {
		return 0;
	}
	if (cfg->has_local) {
		memcpy(out->local, cfg->local, 16);
		out->local_from = DSLITE_FROM_STATIC;
	} else if (pick_ia_na(e, now, wan, out->local)) {
		out->local_from = DSLITE_FROM_IA_NA;
	} else if (pick_wan(wan, current_local, out->local)) {
		out->local_from = DSLITE_FROM_SLAAC;
	} else if (pick_lan(e, now, out->local)) {
		out->local_from = DSLITE_FROM_LAN;
	} else {
		return 0;
	}
	return 1;
}

const char *dslite_from_name(enum dslite_from f)
{
	switch (f) {
	case DSLITE_FROM_NONE: return "none";
	case DSLITE_FROM_STATIC: return "static";
	case DSLITE_FROM_IA_NA: return "dhcpv6";
	case DSLITE_FROM_SLAAC: return "slaac";
	case DSLITE_FROM_LAN: return "lan";
	case DSLITE_FROM_CONFIG: return "config";
	case DSLITE_FROM_OPTION64: return "option-64";
	case DSLITE_FROM_NAME: return "aftr-name";
	}
	return "?";
}

const char *dslite_resolve_input(const struct dslite_cfg *cfg,
				 const struct engine *e,
				 const uint8_t (**servers)[16], unsigned *n)
{
	if (e->n_dns) {
		*servers = (const uint8_t (*)[16])e->dns;
		*n = e->n_dns;
	} else {
		*servers = (const uint8_t (*)[16])cfg->dns;
		*n = cfg->n_dns;
	}
	if (!cfg->on || cfg->has_remote)
		return "";
	return cfg->name[0] ? cfg->name : e->aftr;
}
