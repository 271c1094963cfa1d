/*
 * options.h - rad's settings, from the command line (one process per LAN
 * interface, started by init). All option handling is here.
 */
#ifndef RAD_OPTIONS_H
#define RAD_OPTIONS_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "ra_wire.h"

struct rad_options {
	const char *ifname;
	struct ra_config ra;		/* what every RA carries */
	uint32_t router_lifetime;	/* seconds; 0: not a default router */
	uint32_t min_interval, max_interval;	/* unsolicited RAs, seconds */
	const char *user;
	int dhcp6;			/* stateless DHCPv6 server, O flag */
	int check_only;
	int kmsg;
	int verbose;
};

/* Fills cfg from argv (defaults first). Returns 0, 1 for -h (usage
 * printed to out), or -1 with one line in err. */
int options_parse(int argc, char *const argv[], struct rad_options *cfg,
		  char *err, size_t errlen, FILE *out);
/* Prints the effective settings, one "key value" a line. */
void options_print(const struct rad_options *cfg, FILE *out);

#endif /* RAD_OPTIONS_H */
