/*
 * portnames_apply.h - the boot step that gives the physical ports their
 * stable names (portnames.h), before the network step uses them.
 */
#ifndef KEEL_INIT_PORTNAMES_APPLY_H
#define KEEL_INIT_PORTNAMES_APPLY_H

#include "portnames.h"

struct init;
struct keel_config;
struct step_report;

/* Carries out plan on list (what it was made from): renamed ports down,
 * phase 1, phase 2, each request checked by name afterwards. A port whose
 * phase 1 fails keeps its name; one whose phase 2 fails goes back to its
 * old name once phase 2 is over, or stays on its temporary name if that
 * is taken. Returns the failures (each logged with the port's name, MAC
 * and bus address); *renamed counts the ports renamed. */
unsigned portnames_rename(const struct portnames_port *list,
			  const struct portnames_plan *plan, unsigned *renamed);

/* Reads /sys/class/net, plans with init's config and renames over
 * rtnetlink: each renamed port down, then to a temporary name, then to
 * its final one. A failure is logged with the port's name and MAC, and
 * boot goes on with the names as they are. */
void ports_step(struct init *init, struct step_report *report);

/*
 * Live apply: ports are renamed only at boot (a live rename would leave
 * the DHCP client, daemons and sockets that hold the old names behind),
 * so when [ports] changes this says what the next boot will rename.
 */
void ports_pending(const struct keel_config *old, const struct keel_config *cfg,
		   struct step_report *report);

#endif /* KEEL_INIT_PORTNAMES_APPLY_H */
