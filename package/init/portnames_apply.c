/*
 * portnames_apply.c - stable port names at boot (portnames_apply.h).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <net/if.h>

#include "keel/log.h"
#include "keel/rtnl.h"

#include "boot.h"
#include "init.h"
#include "portnames.h"
#include "portnames_apply.h"
#include "portnames_sysfs.h"

/* Twice the plan's table, so a plan can see (and count) what it drops. */
#define READ_MAX (2 * PORTNAMES_MAX)

static struct portnames_port ports[READ_MAX];
static struct portnames_plan plan;

/* One request; 0 when the kernel holds name on ifindex afterwards.
 * (rtnl_apply() takes EEXIST, "name in use", as success: check.) */
static int rename_link(int ifindex, const char *name, char *why, size_t size)
{
	uint8_t mem[256];
	struct nlbuf b;
	uint32_t failed = 0;
	char msg[96];
	int rc;

	nlb_init(&b, mem, sizeof(mem));
	rtnl_link_rename(&b, 1, ifindex, name);
	rc = rtnl_apply(&b, 1, 1, &failed, msg, sizeof(msg));
	if (rc == 0 && (int)if_nametoindex(name) == ifindex)
		return 0;
	snprintf(why, size, "%s%s%s", rc ? strerror(-rc) : "name already in use",
		 msg[0] ? ": " : "", msg);
	return -1;
}

static void link_down(int ifindex)
{
	uint8_t mem[128];
	struct nlbuf b;
	uint32_t failed = 0;
	char msg[64];

	nlb_init(&b, mem, sizeof(mem));
	rtnl_link_set(&b, 1, ifindex, 0, 0);
	/* A port that stays up fails its rename, which is logged there. */
	(void)rtnl_apply(&b, 1, 1, &failed, msg, sizeof(msg));
}

static void log_skipped(const struct keel_config *cfg)
{
	char mac[18];

	for (unsigned s = 0; s < plan.n_skipped; s++) {
		const struct config_port_name *e = &cfg->ports.names[plan.skipped[s].entry];

		logx_warn("ports: [ports] name %s %s: %s", e->name,
			  portnames_mac_str(e->mac, mac, sizeof(mac)),
			  plan.skipped[s].why == PORTNAMES_ABSENT ?
			  "no port has this MAC, ignored" :
			  "the name is held by a port past the table, ignored");
	}
}

unsigned portnames_rename(const struct portnames_port *list,
			  const struct portnames_plan *p, unsigned *renamed)
{
	/* Per phase-1 rename: 1 its phase 1 failed, 2 its phase 2 did. */
	uint8_t failed[PORTNAMES_MAX] = { 0 };
	unsigned bad = 0;
	char why[160], mac[18];

	*renamed = 0;
	for (unsigned r = 0; r < p->n_phase1; r++)
		link_down(list[p->renames[r].port].ifindex);
	for (unsigned r = 0; r < p->n_renames; r++) {
		const struct portnames_rename *rn = &p->renames[r];
		const struct portnames_port *port = &list[rn->port];
		unsigned first = r < p->n_phase1 ? r : r - p->n_phase1;

		if (failed[first])
			continue;	/* still under its old name */
		if (rename_link(port->ifindex, rn->to, why, sizeof(why)) == 0) {
			*renamed += r >= p->n_phase1;
			continue;
		}
		logx_err("ports: %s (%s, %s): rename %s -> %s: %s", port->name,
			 portnames_mac_str(port->mac, mac, sizeof(mac)), port->bus,
			 rn->from, rn->to, why);
		failed[first] = r < p->n_phase1 ? 1 : 2;
		bad++;
	}
	/* After phase 2, so the ports that made it keep their new names:
	 * one that did not goes back to its old name if that is free. */
	for (unsigned r = 0; r < p->n_phase1; r++) {
		const struct portnames_port *port = &list[p->renames[r].port];

		if (failed[r] == 2 &&
		    rename_link(port->ifindex, port->name, why, sizeof(why)) < 0)
			logx_err("ports: %s (%s) stays %s: %s", port->name,
				 portnames_mac_str(port->mac, mac, sizeof(mac)),
				 p->renames[r].to, why);
	}
	return bad;
}

void ports_step(struct init *init, struct step_report *report)
{
	const struct keel_config *cfg = &init->config;
	unsigned dropped = 0, done = 0, bad;
	int n = portnames_read("", ports, READ_MAX, &dropped);

	if (n < 0) {
		logx_warn("ports: /sys/class/net: %s", strerror(errno));
		report_add(report, "no /sys/class/net");
		report->failed = true;
		return;
	}
	portnames_plan(ports, (size_t)n, &cfg->ports, &plan);
	dropped += plan.dropped;
	if (dropped) {
		logx_warn("ports: %u ports past the table of %u keep the "
			  "kernel's names", dropped, PORTNAMES_MAX);
		report_add(report, "%u unnamed", dropped);
	}
	log_skipped(cfg);
	bad = portnames_rename(ports, &plan, &done);
	for (unsigned k = 0; k < plan.n_ports; k++)
		if (plan.by_mac[k])
			report_add(report, "%s", plan.final[k]);
	report_add(report, "%u ports, %u renamed", plan.n_ports, done);
	if (bad || plan.n_skipped)
		report->failed = true;
}

void ports_pending(const struct keel_config *old, const struct keel_config *cfg,
		   struct step_report *report)
{
	unsigned dropped = 0;
	int n;

	if (memcmp(&old->ports, &cfg->ports, sizeof(cfg->ports)) == 0)
		return;
	n = portnames_read("", ports, READ_MAX, &dropped);
	if (n < 0) {
		report_add(report, "ports: [ports] takes effect at the next boot");
		return;
	}
	portnames_plan(ports, (size_t)n, &cfg->ports, &plan);
	if (plan.n_phase1)
		report_add(report, "ports: %u renames at the next boot "
			   "(names change only at boot)", plan.n_phase1);
	else
		report_add(report, "ports: names already as [ports] says");
	if (plan.n_skipped)
		report_add(report, "ports: %u [ports] MACs match no port",
			   plan.n_skipped);
}
