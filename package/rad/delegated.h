/*
 * delegated.h - the ISP-delegated prefixes rad announces on its LAN, with
 * absolute deadlines so every RA carries the lifetimes remaining when it
 * is sent, never the ones first read.
 *
 * A prefix leaves the LAN by deprecation, never by vanishing (RFC 7084
 * L-13, RFC 9096): one that the lease lists as "deprecated", drops from
 * the lease, or was announced when the lease file disappeared is announced
 * with preferred lifetime 0 and a valid lifetime counting down from at
 * most 2 hours, until it runs out. Pure: the time is an argument.
 */
#ifndef RAD_DELEGATED_H
#define RAD_DELEGATED_H

#include <stdint.h>

#include "lease6.h"
#include "ra_wire.h"

#define DELEGATED_MAX	RA_TIMED_MAX

struct delegated_prefix {
	uint8_t addr[16];
	int deprecated;
	uint64_t pref_until_ms, valid_until_ms;	/* CLOCK_BOOTTIME */
};

struct delegated {
	struct delegated_prefix p[DELEGATED_MAX];
	unsigned count;
};

/*
 * Replaces the table with lease's prefixes (lease NULL: the file is gone)
 * at now_ms; what was announced before and is not in the lease stays as
 * deprecated. A deprecated prefix keeps the earlier of its deadline and
 * 2 hours after it was first deprecated. Returns how many prefixes did
 * not fit DELEGATED_MAX (lease ones first, then carried-over ones).
 */
unsigned delegated_update(struct delegated *t, const struct lease6 *lease,
			  uint64_t now_ms);

/*
 * Writes the prefixes into ra->timed with the lifetimes remaining at
 * now_ms, after removing those whose valid lifetime ran out, and skipping
 * any that ra->prefixes (the LAN's configured ones) already holds.
 */
void delegated_to_ra(struct delegated *t, struct ra_config *ra,
		     uint64_t now_ms);

#endif /* RAD_DELEGATED_H */
