/*
 * service_plan.c - from the parsed config to the list of services init
 * supervises (keel/service_plan.h).
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "keel/ppp_options.h"
#include "keel/service_plan.h"

static void def_init(struct service_def *d, const char *name)
{
	memset(d, 0, sizeof(*d));
	snprintf(d->name, sizeof(d->name), "%s", name);
}

static void def_arg(struct service_def *d, const char *arg)
{
	if (d->argc >= SERVICE_ARGV_MAX - 1 || strlen(arg) >= SERVICE_ARG_LEN) {
		d->overflow = true;
		return;
	}
	memcpy(d->args[d->argc++], arg, strlen(arg) + 1);
}

__attribute__((format(printf, 2, 3)))
static void def_argf(struct service_def *d, const char *fmt, ...)
{
	char buf[SERVICE_ARG_LEN + 1];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= SERVICE_ARG_LEN) {
		d->overflow = true;
		return;
	}
	def_arg(d, buf);
}

/* A Keel daemon: its program, the snapshot it reads, the LAN it serves. */
static void def_keel(struct service_def *d, const char *prog,
		     const char *config_path, const char *lan)
{
	d->keel_daemon = true;
	def_arg(d, prog);
	def_arg(d, "-C");
	def_arg(d, config_path);
	if (lan) {
		def_arg(d, "-S");
		def_arg(d, lan);
	}
}

/* One dhcpd per pool; it binds as root and drops to its own user itself.
 * Leases are checkpointed to /data, the names for dnsd go to /run. */
static void plan_dhcpd(const struct config_dhcp_pool *pool, unsigned n_pools,
		       const char *path, struct service_def *d)
{
	def_init(d, "dhcpd");
	if (n_pools > 1)
		snprintf(d->name, sizeof(d->name), "dhcpd-%.9s", pool->lan);
	snprintf(d->rundir, sizeof(d->rundir), "/run/dhcpd");
	snprintf(d->datadir, sizeof(d->datadir), "/data/dhcpd");
	snprintf(d->rundir_owner, sizeof(d->rundir_owner), "dhcpd");
	def_keel(d, "/usr/sbin/dhcpd", path, pool->lan);
}

/* dropbear in the foreground, logging to syslog (logd watches its failed
 * logins); `listen lan` binds the LAN addresses only. */
static void plan_sshd(const struct keel_config *cfg, struct service_def *d)
{
	char a[CONFIG_ADDR_STRLEN];

	def_init(d, "sshd");
	d->listen_port = cfg->ssh.port;
	def_arg(d, "/usr/sbin/dropbear");
	def_arg(d, "-F");
	def_arg(d, "-R");
	if (!cfg->ssh.password)
		def_arg(d, "-s");
	if (!cfg->ssh.lan_only) {
		def_arg(d, "-p");
		def_argf(d, "%u", cfg->ssh.port);
		return;
	}
	for (unsigned i = 0; i < cfg->n_lans; i++)
		for (unsigned j = 0; j < cfg->lans[i].n_addrs; j++) {
			const struct config_addr *la = &cfg->lans[i].addrs[j];

			def_arg(d, "-p");
			def_argf(d, la->family == CONFIG_AF_INET6 ? "[%s]:%u" : "%s:%u",
				 config_addr_str(la, false, a, sizeof(a)), cfg->ssh.port);
		}
}

/* WAN by DHCP: busybox udhcpc in the foreground, renewing for as long as
 * it runs; its hook applies each lease. Root: it configures the interface
 * and needs a raw socket. */
static void plan_wan_dhcp(const struct keel_config *cfg, struct service_def *d)
{
	def_init(d, "wan-dhcp");
	char link[CONFIG_IFNAME_MAX + 1];

	config_wan_link(&cfg->wan, link);
	def_arg(d, "/sbin/udhcpc");
	def_arg(d, "-f");
	def_arg(d, "-R");
	def_arg(d, "-i");
	def_arg(d, link);
	def_arg(d, "-s");
	def_arg(d, "/usr/share/keel/udhcpc.script");
	def_arg(d, "-x");
	def_argf(d, "hostname:%s", cfg->hostname);
}

/* WAN by PPPoE: pppd in the foreground (nodetach), its whole setup in the
 * root-only file init writes (keel/ppp_options.h): argv names only that
 * file, so ps never shows the account. Root: it opens /dev/ppp and a
 * PPPoE socket and sets routes. */
static void plan_wan_ppp(const struct keel_config *cfg, struct service_def *d)
{
	def_init(d, "wan-ppp");
	def_arg(d, "/usr/sbin/pppd");
	def_arg(d, "file");
	def_arg(d, KEEL_PPP_OPTIONS);
	d->stamp = ppp_options_stamp(cfg);
	d->restart_min_ms = PPP_HOLDOFF * 1000;
}

static bool lan_has_ipv6(const struct config_lan *lan)
{
	for (unsigned j = 0; j < lan->n_addrs; j++)
		if (lan->addrs[j].family == CONFIG_AF_INET6)
			return true;
	return false;
}

int service_config_arg(const struct service_def *d)
{
	if (!d->keel_daemon)
		return -1;
	for (unsigned i = 1; i + 1 < d->argc; i++)
		if (strcmp(d->args[i], "-C") == 0)
			return (int)i + 1;
	return -1;
}

int services_plan(const struct keel_config *cfg, const char *path,
		  struct service_def *out, size_t max, char *err, size_t errlen)
{
	struct service_def scratch = { .overflow = false };
	size_t n = 0;

/* Entries past max are still planned (into scratch) so the count is true. */
#define NEXT() (n < max ? &out[n++] : (n++, &scratch))
	if (cfg->services.logd) {
		/* First, so every later service's syslog lines land in the
		 * ring. Root: it binds /dev/log and reads /dev/kmsg, then
		 * drops to logd keeping CAP_NET_ADMIN for the SSH ban set. */
		struct service_def *d = NEXT();

		def_init(d, "logd");
		def_keel(d, "/usr/sbin/logd", path, NULL);
	}
	/* DS-Lite: no DHCPv4 on the WAN, IPv4 rides the tunnel. */
	if (cfg->wan.present && cfg->wan.mode == CONFIG_WAN_DHCP &&
	    cfg->wan.ipv4 != CONFIG_WAN_IPV4_DSLITE)
		plan_wan_dhcp(cfg, NEXT());
	if (cfg->wan.present && cfg->wan.mode == CONFIG_WAN_PPPOE)
		plan_wan_ppp(cfg, NEXT());
	if (config_wan_runs_wan6(&cfg->wan)) {
		/* DHCPv6 with prefix delegation on the WAN. Binds port 546
		 * and its raw socket as root, then drops to wan6 keeping
		 * CAP_NET_ADMIN for the LAN addresses; the lease goes to
		 * /run/wan6, the last prefix to /data/wan6. Under DS-Lite it
		 * also sets the tunnel's ends, even with dhcpv6 off. */
		struct service_def *d = NEXT();

		def_init(d, "wan6");
		snprintf(d->rundir, sizeof(d->rundir), "/run/wan6");
		snprintf(d->datadir, sizeof(d->datadir), "/data/wan6");
		snprintf(d->rundir_owner, sizeof(d->rundir_owner), "wan6");
		def_keel(d, "/usr/sbin/wan6", path, NULL);
	}
	if (cfg->services.dhcpd)
		for (unsigned i = 0; i < cfg->n_dhcp; i++)
			plan_dhcpd(&cfg->dhcp[i], cfg->n_dhcp, path, NEXT());
	if (cfg->services.dnsd) {
		/* Binds port 53 as root, then drops to dnsd itself. */
		struct service_def *d = NEXT();

		def_init(d, "dnsd");
		def_keel(d, "/usr/sbin/dnsd", path, NULL);
	}
	if (cfg->services.sshd)
		plan_sshd(cfg, NEXT());
	for (unsigned i = 0; i < cfg->n_lans; i++) {
		struct service_def *d;

		if (!lan_has_ipv6(&cfg->lans[i]))
			continue;
		d = NEXT();
		def_init(d, "rad");
		if (cfg->n_lans > 1)
			snprintf(d->name, sizeof(d->name), "rad-%.11s", cfg->lans[i].name);
		def_keel(d, "/usr/sbin/rad", path, cfg->lans[i].name);
	}
	if (cfg->services.flowd && cfg->flow.present) {
		/* Captures as root, then drops to flowd. */
		struct service_def *d = NEXT();

		def_init(d, "flowd");
		snprintf(d->rundir, sizeof(d->rundir), "/run/flowd");
		snprintf(d->rundir_owner, sizeof(d->rundir_owner), "flowd");
		def_keel(d, "/usr/sbin/flowd", path, NULL);
	}
#undef NEXT
	for (size_t i = 0; i < n && i < max; i++)
		if (out[i].overflow) {
			snprintf(err, errlen, "service %s: its command line does not fit "
				 "(%d arguments of %d bytes)", out[i].name,
				 SERVICE_ARGV_MAX - 1, SERVICE_ARG_LEN - 1);
			return -1;
		}
	if (scratch.overflow && n > max) {
		snprintf(err, errlen, "service %s: its command line does not fit",
			 scratch.name);
		return -1;
	}
	return (int)n;
}
