/*
 * network.c - apply the network plan (netplan.c) to the kernel: sysctls
 * through /proc/sys, the rest over rtnetlink, never by running `ip`.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <net/if.h>

#include "keel/config.h"
#include "keel/log.h"
#include "keel/paths.h"
#include "keel/rtnl.h"

#include "apply.h"
#include "boot.h"
#include "init.h"
#include "netplan.h"
#include "network.h"
#include "services.h"

#define CONFIG_PATH_DATA "/data/keel.conf"

void config_step(struct init *init, struct step_report *report)
{
	const char *path = access(CONFIG_PATH_DATA, F_OK) == 0 ?
		CONFIG_PATH_DATA : CONFIG_PATH_DEFAULT;

	apply_boot_cleanup(report);
	init->config_path = path;

	if (config_load_or_default(path, &init->config) == 0) {
		report_add(report, "%s", path);
	} else {
		/* config_load_or_default() logged the parse error itself. */
		report->failed = true;
		report_add(report, "%s unusable: safe default (LAN up, WAN closed)", path);
	}
	/* What keel-fw and every daemon read: exactly what init runs. */
	if (services_write_snapshot(&init->config) < 0)
		report->failed = true;
	else
		report_add(report, "-> %s", KEEL_RUN_CONFIG);
}

static int kernel_ifindex(const char *name, void *ctx)
{
	(void)ctx;
	return (int)if_nametoindex(name);
}

static int sysctl_write(const char *path, const char *value)
{
	char full[128];
	size_t len = strlen(value);
	int fd, ok;

	if ((size_t)snprintf(full, sizeof(full), "/proc/sys/%s", path) >= sizeof(full)) {
		errno = ENAMETOOLONG;
		return -1;
	}
	fd = open(full, O_WRONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	ok = write(fd, value, len) == (ssize_t)len;
	close(fd);
	return ok ? 0 : -1;
}

/* Sends one phase; logs the refused request's place in the plan. */
static int apply(struct nlbuf *b, uint32_t first, uint32_t next, const char *phase)
{
	uint32_t failed = 0;
	char msg[128];
	int rc;

	if (next == first)
		return 0;
	rc = rtnl_apply(b, first, next - 1, &failed, msg, sizeof(msg));
	if (rc != 0)
		logx_err("network: %s: request %u of %u refused: %s%s%s", phase,
			 failed - first + 1, next - first, strerror(-rc),
			 msg[0] ? ": " : "", msg);
	return rc;
}

void network_step(struct init *init, struct step_report *report)
{
	static uint8_t mem[16384];	/* the maximal config needs ~6 KiB */
	const struct keel_config *cfg = &init->config;
	struct netplan_sysctl sysctls[16];
	struct netplan_missing missing;
	struct nlbuf b;
	uint32_t seq = 1, first;
	size_t n = netplan_sysctls(cfg, sysctls, 16);
	unsigned bad = 0, requests;
	bool forwarding_off = false;

	for (size_t i = 0; i < n && i < 16; i++) {
		/* Fail closed: forwarding only behind the full ruleset. */
		if (netplan_sysctl_is_forwarding(&sysctls[i]) &&
		    !firewall_allows_forwarding(&init->firewall)) {
			snprintf(sysctls[i].value, sizeof(sysctls[i].value), "0");
			forwarding_off = true;
		}
		if (sysctl_write(sysctls[i].path, sysctls[i].value) < 0) {
			logx_warn("network: sysctl %s=%s: %s", sysctls[i].path,
				  sysctls[i].value, strerror(errno));
			bad++;
		}
	}
	if (forwarding_off)
		report_add(report, "forwarding OFF (firewall %s)",
			   firewall_state_name(init->firewall.state));
	report_add(report, "sysctls %zu/%zu", n - bad, n);

	nlb_init(&b, mem, sizeof(mem));
	first = seq;
	requests = netplan_bridges(cfg, &b, &seq, kernel_ifindex, NULL);
	if (apply(&b, first, seq, "bridges") != 0)
		report->failed = true;

	/* The DS-Lite tunnel, once the WAN's VLAN (made above) has an index. */
	nlb_init(&b, mem, sizeof(mem));
	first = seq;
	requests += netplan_tunnels(cfg, &b, &seq, kernel_ifindex, NULL);
	if (apply(&b, first, seq, "tunnels") != 0)
		report->failed = true;

	nlb_init(&b, mem, sizeof(mem));
	first = seq;
	requests += netplan_links(cfg, &b, &seq, kernel_ifindex, NULL, &missing);
	if (apply(&b, first, seq, "links") != 0)
		report->failed = true;
	report_add(report, "%u requests", requests);

	for (unsigned i = 0; i < missing.count && i < NETPLAN_MAX_MISSING; i++) {
		logx_warn("network: interface %s does not exist", missing.names[i]);
		report_add(report, "missing %s", missing.names[i]);
		report->failed = true;
	}
	for (unsigned i = 0; i < missing.absent && i < NETPLAN_MAX_MISSING; i++) {
		logx("network: bridge port %s is not on this box",
			  missing.absent_names[i]);
		report_add(report, "no port %s", missing.absent_names[i]);
	}
	for (unsigned i = 0; i < cfg->n_lans; i++)
		report_add(report, "lan %s", cfg->lans[i].interface);
	if (cfg->wan.present) {
		char link[CONFIG_IFNAME_MAX + 1];

		config_wan_link(&cfg->wan, link);
		report_add(report, "wan %s %s%s", link,
			   cfg->wan.mode == CONFIG_WAN_DHCP ? "dhcp" :
			   cfg->wan.mode == CONFIG_WAN_PPPOE ? "pppoe" : "static",
			   cfg->wan.ipv4 == CONFIG_WAN_IPV4_DSLITE ? " ipv4 dslite" : "");
	}
	else
		report_add(report, "wan off");
}

void network_reconcile(struct init *init, const struct keel_config *old,
		       struct step_report *report)
{
	static uint8_t mem[16384];	/* the maximal config needs ~6 KiB */
	struct nlbuf b;
	uint32_t seq = 1;
	unsigned n;

	nlb_init(&b, mem, sizeof(mem));
	n = netplan_removals(old, &init->config, &b, &seq, kernel_ifindex, NULL);
	if (n) {
		if (apply(&b, 1, seq, "address removals") != 0)
			report->failed = true;
		report_add(report, "%u addresses/links removed", n);
	}
	network_step(init, report);
}
