/*
 * options.h - rad's settings, from the command line or, with -C, from
 * keel.conf (from_config.c), one process per LAN interface, started by
 * init.
 */
#ifndef RAD_OPTIONS_H
#define RAD_OPTIONS_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "ra_wire.h"

#define RAD_LAN_DEFAULT	"lan"
#define RAD_LEASE_PATH_MAX	256

struct rad_options {
	const char *config_path;	/* -C: keel.conf; NULL: flags only */
	const char *lan;		/* -S: the [lan NAME] served with -C */
	const char *ifname;
	const char *lease_path;		/* -L: wan6's lease (lease6.h) */
	struct ra_config ra;		/* what every RA carries */
	uint32_t router_lifetime;	/* seconds; 0: not a default router */
	uint32_t min_interval, max_interval;	/* unsolicited RAs, seconds */
	const char *user;
	int user_set;			/* -u given: the config does not decide */
	int dhcp6;			/* stateless DHCPv6 server, O flag */
	int check_only;
	int kmsg;
	int verbose;
};

/* rad's built-in settings, before any flag or config. */
void options_defaults(struct rad_options *cfg);

/* Fills cfg from argv (defaults first). Returns 0, 1 for -h (usage
 * printed to out), or -1 with one line in err. With -C the flags keel.conf
 * owns (-i -p -r -d -D) are refused, and the combination is checked by
 * options_from_config() once the file is in. */
int options_parse(int argc, char *const argv[], struct rad_options *cfg,
		  char *err, size_t errlen, FILE *out);

/* Checks the combination once every setting is in (lifetimes against each
 * other, something for DHCPv6 to hand out, no prefix twice) and fills the
 * derived values (O flag, MinRtrAdvInterval, DNS lifetime). Returns 0 or
 * -1 with err. */
int options_finish(struct rad_options *cfg, char *err, size_t errlen);

/* Pure checks the flags and the config share. A prefix SLAAC can use is
 * global or unique local, not multicast or link-local: NULL, or why not. */
const char *prefix_unusable(const uint8_t addr[16]);
/* An address hosts cannot use as a DNS server: ::, ::1, multicast. */
int bad_unicast(const uint8_t addr[16]);
/* A DNS search domain rad can send: letters, digits, '-', '.', and valid
 * wire form. */
int domain_ok(const char *s);
/* Prints the effective settings, one "key value" a line. */
void options_print(const struct rad_options *cfg, FILE *out);

#endif /* RAD_OPTIONS_H */
