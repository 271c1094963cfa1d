/*
 * netplan.h - from the parsed config to rtnetlink requests and sysctl
 * writes. Pure: interface indexes come from a caller-supplied lookup, so
 * the plan is unit-tested without a kernel; network.c applies it.
 */
#ifndef KEEL_INIT_NETPLAN_H
#define KEEL_INIT_NETPLAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "keel/config.h"
#include "keel/nlmsg.h"
#include "keel/rtnl.h"

/* Returns the interface's index, or 0 if there is no such interface. */
typedef int (*netplan_ifindex_fn)(const char *name, void *ctx);

#define NETPLAN_MAX_MISSING 8
struct netplan_missing {
	/* Interfaces the plan needs: a LAN, the WAN, or every port of a
	 * bridge. The network step fails on any of these. */
	unsigned count;		/* may exceed NETPLAN_MAX_MISSING */
	char names[NETPLAN_MAX_MISSING][CONFIG_IFNAME_MAX + 1];
	/* Bridge ports that are not there while others of the bridge are:
	 * one default config serves 2- and 4-port boxes, so a port the box
	 * lacks is a note, not a failure. */
	unsigned absent;	/* may exceed NETPLAN_MAX_MISSING */
	char absent_names[NETPLAN_MAX_MISSING][CONFIG_IFNAME_MAX + 1];
};

/* Converts a config address to an rtnetlink prefix. */
void netplan_prefix(const struct config_addr *in, struct rtnl_prefix *out);

/* Phase 1: one request per LAN bridge that does not exist yet. *seq is the
 * next sequence number, advanced per request. Returns the request count. */
unsigned netplan_bridges(const struct keel_config *cfg, struct nlbuf *b,
			 uint32_t *seq, netplan_ifindex_fn ifindex, void *ctx);

/*
 * Phase 1b (after the WAN's VLAN exists): DS-Lite's tunnel (ipv4 dslite)
 * over the WAN's IP interface, if it does not exist yet. Its remote end is
 * aftr, else :: ; its local end the WAN's static IPv6 address, else unset.
 * wan6 sets what is unset once it knows it (DHCPv6, SLAAC, option 64).
 * Returns the request count (0 when the WAN's interface is missing: phase
 * 2 says so).
 */
unsigned netplan_tunnels(const struct keel_config *cfg, struct nlbuf *b,
			 uint32_t *seq, netplan_ifindex_fn ifindex, void *ctx);

/* Does cfg ask init for the DS-Lite tunnel (ipv4 dslite)? */
bool netplan_wants_dslite(const struct keel_config *cfg);

/*
 * Phase 2 (after the bridges exist): loopback up; each LAN's ports into its
 * bridge and up, the LAN interface up with its addresses; the WAN up, and
 * for a static WAN its addresses and default routes. Interfaces that do not
 * exist are skipped and named in *missing (a bridge's absent ports apart,
 * unless none of its ports exists). Returns the request count.
 */
unsigned netplan_links(const struct keel_config *cfg, struct nlbuf *b,
		       uint32_t *seq, netplan_ifindex_fn ifindex, void *ctx,
		       struct netplan_missing *missing);

/*
 * Live apply: one RTM_DELADDR per address that old put on an interface and
 * new no longer does (LAN addresses, a static WAN's), and the DS-Lite
 * tunnel's removal when new does not want it or wants it otherwise (AFTR,
 * WAN interface or local address): the tunnels phase makes it anew, and
 * its address and route go with it. Interfaces that are gone are skipped.
 * Returns the request count.
 */
unsigned netplan_removals(const struct keel_config *old,
			  const struct keel_config *new, struct nlbuf *b,
			  uint32_t *seq, netplan_ifindex_fn ifindex, void *ctx);

/* One write under /proc/sys. */
struct netplan_sysctl {
	char path[96];		/* relative to /proc/sys, e.g. net/ipv4/ip_forward */
	char value[8];
};

/* A router's kernel settings: forwarding on, strict reverse-path filter,
 * SYN cookies, no ICMP redirects accepted, router advertisements accepted
 * on the WAN only when the config asks (accept_ra=2: forwarding is on).
 * Fills at most max entries; returns how many it needed. */
/* The entry turns on IPv4 or IPv6 forwarding. */
bool netplan_sysctl_is_forwarding(const struct netplan_sysctl *s);

size_t netplan_sysctls(const struct keel_config *cfg,
		       struct netplan_sysctl *out, size_t max);

#endif /* KEEL_INIT_NETPLAN_H */
