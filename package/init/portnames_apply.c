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

void ports_step(struct init *init, struct step_report *report)
{
	const struct keel_config *cfg = &init->config;
	bool failed_phase1[2 * PORTNAMES_MAX] = { false };
	unsigned dropped = 0, done = 0, bad = 0;
	char why[160], mac[18];
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
	for (unsigned r = 0; r < plan.n_phase1; r++)
		link_down(ports[plan.renames[r].port].ifindex);
	for (unsigned r = 0; r < plan.n_renames; r++) {
		const struct portnames_rename *rn = &plan.renames[r];
		const struct portnames_port *p = &ports[rn->port];
		unsigned first = r < plan.n_phase1 ? r : r - plan.n_phase1;

		if (r >= plan.n_phase1 && failed_phase1[first])
			continue;	/* still under its old name */
		if (rename_link(p->ifindex, rn->to, why, sizeof(why)) == 0) {
			done += r >= plan.n_phase1;
			continue;
		}
		logx_err("ports: %s (%s, %s): rename %s -> %s: %s", p->name,
			 portnames_mac_str(p->mac, mac, sizeof(mac)), p->bus,
			 rn->from, rn->to, why);
		bad++;
		if (r < plan.n_phase1) {
			failed_phase1[r] = true;
		} else if (rename_link(p->ifindex, p->name, why, sizeof(why)) < 0) {
			/* Left on its temporary name: say which. */
			logx_err("ports: %s (%s) stays %s: %s", p->name, mac,
				 rn->from, why);
		}
	}
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
