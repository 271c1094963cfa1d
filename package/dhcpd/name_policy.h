/*
 * name_policy.h - which client-supplied names dhcpd may publish in the
 * hosts file the DNS daemon answers from.
 *
 * A DHCP client chooses its own name (option 12), so without a policy any
 * host on the LAN could claim `wpad` (browsers fetch their proxy settings
 * from it), the router's own name, a static host's name or another
 * client's, and the DNS daemon would answer with the claimant's address.
 * The lease is still given; only the name is not published.
 */
#ifndef DHCPD_NAME_POLICY_H
#define DHCPD_NAME_POLICY_H

#include <stdint.h>

#include "lease_db.h"

/* The router's name and one per [dns] host, with room to spare. */
#define NAME_RESERVED_MAX 72u

struct name_policy {
	/* Lower case, one label each: never published for a client. */
	char reserved[NAME_RESERVED_MAX][LEASE_NAME_MAX + 1];
	unsigned count;
};

enum name_verdict {
	NAME_OK = 0,
	NAME_EMPTY,		/* none given, or not one valid DNS label */
	NAME_DENIED,		/* a well-known hijack name (wpad, ...) */
	NAME_RESERVED,		/* the router's or a [dns] host's */
	NAME_STATIC,		/* another client's static lease name */
	NAME_TAKEN,		/* another client's current lease name */
};

/* Adds name (one label, any case) to the reserved names. Returns 0 (a name
 * already there is not added twice), or -1 if it is not one DNS label or
 * the table is full. */
int name_policy_reserve(struct name_policy *p, const char *name);

/*
 * Pure: may name (already through hostname_sanitize()) be published for
 * the client mac at now? Checks, in order: empty, the deny list, the
 * reserved names, static leases of other MACs, and bound, unexpired pool
 * leases of other MACs. The last is a scan of the pool; callers skip it
 * when the client already holds the name (renewals).
 */
enum name_verdict name_policy_check(const struct name_policy *p,
				    const struct lease_db *db,
				    const uint8_t mac[6], const char *name,
				    int64_t now);

/*
 * Clears the names of leases loaded from a checkpoint that the policy
 * refuses now (written by an older dhcpd, or before the router's name or
 * a [dns] host changed): the deny list, reserved and static names. Not
 * the one-holder rule, which would cost a scan of the pool per lease.
 * Returns how many names were cleared.
 */
unsigned name_policy_scrub(const struct name_policy *p, struct lease_db *db);

/* For the log: "reserved", "taken by another client", ... */
const char *name_verdict_str(enum name_verdict v);

#endif /* DHCPD_NAME_POLICY_H */
