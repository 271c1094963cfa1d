/*
 * portnames.h - stable names for the physical Ethernet ports, so "eth0"
 * is the same socket on every boot and with every kernel.
 *
 * The kernel numbers ethN in driver probe order, which is not the bus
 * order when two drivers are mixed (igb + r8169) and may change between
 * kernels. The rule init applies instead, before the network comes up:
 *
 *   1. a port whose MAC a [ports] "name IFNAME MAC" line gives gets IFNAME;
 *   2. every other port gets eth0, eth1, ... in order of its bus address
 *      (numbering skips only the names step 1 handed out, so with wan0
 *      named by MAC the rest are still eth0, eth1, ... without a gap).
 *
 * The bus address is the basename of the port's resolved sysfs `device`
 * link for PCI ("0000:02:00.0": domain, bus, device and function are
 * fixed-width lowercase hex, so comparing the strings compares the
 * tuples), and the whole resolved device path otherwise (ARM platform
 * devices such as /sys/devices/platform/fe300000.ethernet). Ports on one
 * bus address (a multi-port function) are ordered by MAC.
 *
 * portnames_plan() is pure: ports and config in, renames out. Applying
 * them (portnames_apply.c) is two phases, every renamed port to a
 * temporary name first, then each to its final name, so a swap of eth0
 * and eth1 never asks for a name that is still taken.
 */
#ifndef KEEL_INIT_PORTNAMES_H
#define KEEL_INIT_PORTNAMES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "keel/config.h"

#define PORTNAMES_MAX		32	/* ports one plan names */
#define PORTNAMES_BUS_MAX	128	/* bus address or device path */
/* Phase 1 names; [ports] refuses names that start so (config_validate). */
#define PORTNAMES_TEMP_PREFIX	"keeltmp"

/* One physical port as sysfs shows it. */
struct portnames_port {
	char name[CONFIG_IFNAME_MAX + 1];	/* the kernel's name now */
	char bus[PORTNAMES_BUS_MAX];
	uint8_t mac[6];
	int ifindex;				/* carried, not used by the plan */
};

struct portnames_rename {
	unsigned port;				/* index into the ports given */
	char from[CONFIG_IFNAME_MAX + 1];
	char to[CONFIG_IFNAME_MAX + 1];
};

/* A [ports] line the plan could not honour. */
enum portnames_skip_why {
	PORTNAMES_ABSENT,	/* no port among those planned has the MAC */
	PORTNAMES_NAME_HELD,	/* a port past the table holds the name */
};

struct portnames_skip {
	unsigned entry;		/* index into config_ports.names */
	enum portnames_skip_why why;
};

struct portnames_plan {
	unsigned n_ports;			/* planned, <= PORTNAMES_MAX */
	unsigned order[PORTNAMES_MAX];		/* port indexes, bus order */
	char final[PORTNAMES_MAX][CONFIG_IFNAME_MAX + 1]; /* of order[k] */
	bool by_mac[PORTNAMES_MAX];		/* final[k] came from [ports] */
	unsigned dropped;	/* ports past the table: left as named */
	/* renames[0..n_phase1) to temporary names, then to final ones. */
	unsigned n_renames, n_phase1;
	struct portnames_rename renames[2 * PORTNAMES_MAX];
	unsigned n_skipped;
	struct portnames_skip skipped[CONFIG_MAX_PORT_NAMES];
};

/* Plans the names of ports[0..n) (any n: past PORTNAMES_MAX, in bus
 * order, ports keep their names, which nothing else is then given). */
void portnames_plan(const struct portnames_port *ports, size_t n,
		    const struct config_ports *cfg, struct portnames_plan *out);

/* "00:0d:b9:4a:10:01" into buf (at least 18 bytes). Returns buf. */
const char *portnames_mac_str(const uint8_t mac[6], char *buf, size_t size);

#endif /* KEEL_INIT_PORTNAMES_H */
