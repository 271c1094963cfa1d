/*
 * name_policy.c - which client names may go into the hosts file.
 */
#include <string.h>

#include "hostnames.h"
#include "name_policy.h"

/*
 * Names that software looks up to find a service or itself, never a
 * client's to claim: WPAD and ISATAP (proxy and tunnel autodiscovery,
 * the classic DNS hijacks), the loopback and broadcast names of hosts
 * files, and mDNS's and DNS-SD's domains. Labels starting with `_` (SRV
 * and DNS-SD) cannot get this far: hostname_sanitize() refuses them.
 */
static const char *const deny[] = {
	"wpad", "isatap", "localhost", "localhost4", "localhost6",
	"localdomain", "local", "broadcasthost", "ip6-localhost",
	"ip6-loopback", "ip6-localnet", "ip6-allnodes", "ip6-allrouters",
	"ip6-mcastprefix", "ip6-allhosts",
};

int name_policy_reserve(struct name_policy *p, const char *name)
{
	char label[LEASE_NAME_MAX + 1];

	if (!name[0] ||
	    hostname_sanitize(name, label, sizeof(label)) != strlen(name))
		return -1;
	for (unsigned i = 0; i < p->count; i++)
		if (strcmp(p->reserved[i], label) == 0)
			return 0;
	if (p->count >= NAME_RESERVED_MAX)
		return -1;
	strcpy(p->reserved[p->count++], label);
	return 0;
}

static int denied(const char *name)
{
	for (size_t i = 0; i < sizeof(deny) / sizeof(deny[0]); i++)
		if (strcmp(name, deny[i]) == 0)
			return 1;
	/* wpad-*, isatap-*: variants some resolvers and proxies try. */
	return strncmp(name, "wpad-", 5) == 0 ||
	       strncmp(name, "isatap-", 7) == 0;
}

/* One label: what hostname_sanitize() lets through, nothing else. */
static int one_label(const char *name)
{
	char copy[LEASE_NAME_MAX + 1];
	size_t len = strlen(name);

	return len && len <= LEASE_NAME_MAX &&
	       hostname_sanitize(name, copy, sizeof(copy)) == len;
}

/* Everything but the scan of the pool's leases. */
static enum name_verdict check_config(const struct name_policy *p,
				      const struct lease_db *db,
				      const uint8_t mac[6], const char *name)
{
	if (!name[0] || !one_label(name))
		return NAME_EMPTY;
	if (denied(name))
		return NAME_DENIED;
	for (unsigned i = 0; i < p->count; i++)
		if (strcmp(name, p->reserved[i]) == 0)
			return NAME_RESERVED;
	for (unsigned i = 0; i < db->static_count; i++) {
		const struct static_lease *s = &db->statics[i];

		if (strcmp(name, s->name) == 0 && memcmp(s->mac, mac, 6) != 0)
			return NAME_STATIC;
	}
	return NAME_OK;
}

enum name_verdict name_policy_check(const struct name_policy *p,
				    const struct lease_db *db,
				    const uint8_t mac[6], const char *name,
				    int64_t now)
{
	enum name_verdict v = check_config(p, db, mac, name);

	if (v != NAME_OK)
		return v;
	/* First come, first served: the name stays with its holder until
	 * that lease runs out or is released. */
	for (uint32_t i = 0; i < db->count; i++) {
		const struct lease *l = &db->slots[i];

		if (!l->named || l->state != LEASE_BOUND || l->expires <= now ||
		    !l->has_mac || memcmp(l->mac, mac, 6) == 0)
			continue;
		if (strcmp(db->names[i], name) == 0)
			return NAME_TAKEN;
	}
	return NAME_OK;
}

unsigned name_policy_scrub(const struct name_policy *p, struct lease_db *db)
{
	unsigned cleared = 0;

	for (uint32_t i = 0; i < db->count; i++) {
		struct lease *l = &db->slots[i];

		if (l->named &&
		    check_config(p, db, l->mac, db->names[i]) != NAME_OK) {
			l->named = 0;
			cleared++;
		}
	}
	return cleared;
}

const char *name_verdict_str(enum name_verdict v)
{
	switch (v) {
	case NAME_OK: return "published";
	case NAME_EMPTY: return "not one DNS label";
	case NAME_DENIED: return "a well-known service name";
	case NAME_RESERVED: return "the router's or a [dns] host's";
	case NAME_STATIC: return "a static lease's";
	case NAME_TAKEN: return "another client's";
	}
	return "?";
}
