/*
 * portnames.c - which physical port gets which name (portnames.h). No I/O.
 */
#include <stdio.h>
#include <string.h>

#include "portnames.h"

const char *portnames_mac_str(const uint8_t mac[6], char *buf, size_t size)
{
	snprintf(buf, size, "%02x:%02x:%02x:%02x:%02x:%02x", mac[0], mac[1],
		 mac[2], mac[3], mac[4], mac[5]);
	return buf;
}

/* Bus order, then MAC, then position: a total order, so every port has
 * exactly one place even when two share a bus address. */
static int cmp_port(const struct portnames_port *ports, size_t a, size_t b)
{
	int c = strcmp(ports[a].bus, ports[b].bus);

	if (c == 0)
		c = memcmp(ports[a].mac, ports[b].mac, 6);
	if (c == 0)
		c = a < b ? -1 : a > b ? 1 : 0;
	return c;
}

/* Is ports[i] past the table (after the last planned port)? */
static bool surplus(const struct portnames_port *ports, size_t i,
		    const struct portnames_plan *plan)
{
	return plan->dropped &&
	       cmp_port(ports, i, plan->order[plan->n_ports - 1]) > 0;
}

/* Does a port past the table hold name? */
static bool held_by_surplus(const struct portnames_port *ports, size_t n,
			    const struct portnames_plan *plan, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (surplus(ports, i, plan) && strcmp(ports[i].name, name) == 0)
			return true;
	return false;
}

static bool given_by_mac(const struct portnames_plan *plan, const char *name)
{
	for (unsigned k = 0; k < plan->n_ports; k++)
		if (plan->by_mac[k] && strcmp(plan->final[k], name) == 0)
			return true;
	return false;
}

static void skip(struct portnames_plan *plan, unsigned entry,
		 enum portnames_skip_why why)
{
	if (plan->n_skipped < CONFIG_MAX_PORT_NAMES)
		plan->skipped[plan->n_skipped++] =
			(struct portnames_skip){ entry, why };
}

static void add_rename(struct portnames_plan *plan, unsigned port,
		       const char *from, const char *to)
{
	struct portnames_rename *r = &plan->renames[plan->n_renames++];

	r->port = port;
	snprintf(r->from, sizeof(r->from), "%s", from);
	snprintf(r->to, sizeof(r->to), "%s", to);
}

void portnames_plan(const struct portnames_port *ports, size_t n,
		    const struct config_ports *cfg, struct portnames_plan *out)
{
	unsigned next_eth = 0;

	memset(out, 0, sizeof(*out));
	/* Selection by "smallest above the previous": no scratch space, and
	 * n is a handful. */
	for (unsigned k = 0; k < PORTNAMES_MAX && k < n; k++) {
		size_t best = n;

		for (size_t i = 0; i < n; i++) {
			if (k > 0 && cmp_port(ports, i, out->order[k - 1]) <= 0)
				continue;
			if (best == n || cmp_port(ports, i, best) < 0)
				best = i;
		}
		out->order[out->n_ports++] = (unsigned)best;
	}
	out->dropped = n > PORTNAMES_MAX ? (unsigned)(n - PORTNAMES_MAX) : 0;

	for (unsigned e = 0; e < cfg->n_names; e++) {
		const struct config_port_name *want = &cfg->names[e];
		unsigned k;

		for (k = 0; k < out->n_ports; k++)
			if (!out->by_mac[k] &&
			    memcmp(ports[out->order[k]].mac, want->mac, 6) == 0)
				break;
		if (k == out->n_ports) {
			skip(out, e, PORTNAMES_ABSENT);
			continue;
		}
		if (held_by_surplus(ports, n, out, want->name)) {
			skip(out, e, PORTNAMES_NAME_HELD);
			continue;
		}
		snprintf(out->final[k], sizeof(out->final[k]), "%s", want->name);
		out->by_mac[k] = true;
	}

	for (unsigned k = 0; k < out->n_ports; k++) {
		if (out->by_mac[k])
			continue;
		do
			snprintf(out->final[k], sizeof(out->final[k]), "eth%u",
				 next_eth++);
		while (given_by_mac(out, out->final[k]) ||
		       held_by_surplus(ports, n, out, out->final[k]));
	}

	/* Phase 1, then phase 2; a port already right is left alone. */
	for (unsigned k = 0; k < out->n_ports; k++) {
		char temp[CONFIG_IFNAME_MAX + 1];
		unsigned i = out->order[k];

		if (strcmp(ports[i].name, out->final[k]) == 0)
			continue;
		/* k < PORTNAMES_MAX: "keeltmp31" at most. */
		snprintf(temp, sizeof(temp), PORTNAMES_TEMP_PREFIX "%u",
			 (unsigned)(uint8_t)k);
		add_rename(out, i, ports[i].name, temp);
	}
	out->n_phase1 = out->n_renames;
	for (unsigned r = 0; r < out->n_phase1; r++) {
		unsigned i = out->renames[r].port;
		char temp[CONFIG_IFNAME_MAX + 1], final[CONFIG_IFNAME_MAX + 1];
		unsigned k = 0;

		while (out->order[k] != i)
			k++;
		/* Copies: add_rename() writes into *out too. */
		memcpy(temp, out->renames[r].to, sizeof(temp));
		memcpy(final, out->final[k], sizeof(final));
		add_rename(out, i, temp, final);
	}
}
