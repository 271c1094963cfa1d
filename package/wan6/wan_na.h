/*
 * wan_na.h - the lease's IA_NA addresses on the WAN interface. wan6 puts
 * each one there as a /128 with the lease's preferred and valid lifetimes
 * (the kernel removes it by itself if wan6 dies), DAD left on (RFC 8415
 * 18.2.10.1) and IFA_F_NOPREFIXROUTE (the on-link prefix comes from RAs).
 * Without it the router does not answer on its DHCPv6 address, and
 * DS-Lite's ip6tnl cannot send from it.
 *
 * Pure: wan_na_plan() compares the lease with what was last asked of the
 * kernel and says what to add (new, or lifetimes changed: NLM_F_REPLACE)
 * and what to delete (changed, withdrawn, expired, failed DAD). Only
 * addresses wan6 itself added are ever deleted.
 */
#ifndef WAN6_WAN_NA_H
#define WAN6_WAN_NA_H

#include <stdint.h>

#include "engine.h"

#define WAN_NA_MAX	WIRE_IA_MAX		/* e->addrs[] */
#define WAN_NA_REQ_MAX	(2 * WAN_NA_MAX)	/* every delete and add */

struct wan_na_entry {
	uint8_t addr[16];
	uint64_t pref_until, valid_until;	/* as given to the kernel */
};

struct wan_na {
	int ifindex;		/* where held[] went; 0: nowhere */
	unsigned n;
	struct wan_na_entry held[WAN_NA_MAX];
	/* DAD failed: not put back while the lease still has them. */
	unsigned n_failed;
	uint8_t failed[WAN_NA_MAX][16];
};

enum wan_na_op {
	WAN_NA_ADD = 1,
	WAN_NA_DEL,
};

struct wan_na_req {
	enum wan_na_op op;
	uint8_t addr[16];		/* a /128 */
	uint32_t preferred_secs, valid_secs;	/* ADD; 0xffffffff: forever */
	int renewal;		/* ADD of one already there: new lifetimes */
};

/*
 * What to ask the kernel for now, adds first, and t updated as if it was
 * done. ifindex: the WAN's L3 interface while it is up, else 0; a link
 * that went down or was made anew lost its addresses, so they are
 * forgotten without a delete and added again when it is back. Returns the
 * number of requests in out.
 */
unsigned wan_na_plan(struct wan_na *t, const struct engine *e, int ifindex,
		     uint64_t now, struct wan_na_req out[WAN_NA_REQ_MAX]);

/* The kernel reported IFA_F_DADFAILED for addr on the WAN. Returns 1 if
 * it is one wan6 put there (the first report): it is then deleted by the
 * next plan and not added again while the lease holds it. */
int wan_na_dad_failed(struct wan_na *t, const uint8_t addr[16]);

/* Seconds from now until until_ms, rounded up; ENGINE_NEVER: 0xffffffff. */
uint32_t wan_na_secs_left(uint64_t until_ms, uint64_t now);

#endif /* WAN6_WAN_NA_H */
