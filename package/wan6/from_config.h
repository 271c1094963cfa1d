/*
 * from_config.h - wan6's settings: the command line (-C FILE, -n, -u,
 * -l, -d) and keel.conf's [wan] (interfaces, dhcpv6, ipv4 dslite and
 * aftr, a static WAN's IPv6 address and dns) and [lan NAME]
 * (interface, subnet-id) mapped onto struct wan6_options.
 */
#ifndef WAN6_FROM_CONFIG_H
#define WAN6_FROM_CONFIG_H

#include <stddef.h>
#include <stdio.h>

#include "keel/config.h"

#include "dslite.h"
#include "engine.h"

#define WAN6_LEASE_PATH	"/run/wan6/lease"
#define WAN6_DATA_DIR	"/data/wan6"

struct wan6_lan {
	char name[CONFIG_NAME_MAX + 1];
	char ifname[CONFIG_IFNAME_MAX + 1];
	uint16_t subnet_id;
};

struct wan6_options {
	const char *config_path;
	int check_only;
	const char *user;
	int user_set;
	const char *lease_path;
	const char *data_dir;
	/* From keel.conf. */
	char ifname[CONFIG_IFNAME_MAX + 1];	/* the WAN's L3: ppp0, eth0.35 */
	char link[CONFIG_IFNAME_MAX + 1];	/* its Ethernet port: the DUID */
	enum engine_mode mode;
	unsigned n_lans;
	struct wan6_lan lans[CONFIG_MAX_LANS];
	struct dslite_cfg dslite;	/* [wan] ipv4 dslite, aftr */
};

/* Returns 0 to go on, 1 after printing help, -1 with err filled. Pure but
 * for the help text going to out. */
int options_parse(int argc, char **argv, struct wan6_options *o, char *err,
		  size_t errlen, FILE *out);

/* Pure. Fills o from cfg: a config without [wan] is an error. Returns 0,
 * or -1 with one line in err. */
int options_from_config(struct wan6_options *o, const struct keel_config *cfg,
			char *err, size_t errlen);

/* -n: every setting, one per line. */
void options_print(const struct wan6_options *o, FILE *out);

#endif /* WAN6_FROM_CONFIG_H */
