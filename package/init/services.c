/*
 * services.c - start the configured daemons, restart them with backoff,
 * and keep /run/keel/services current for `keel status`.
 */
#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "keel/atomic_file.h"
#include "keel/clock.h"
#include "keel/log.h"
#include "keel/privdrop.h"

#include "boot.h"
#include "childio.h"
#include "init.h"
#include "run_bounded.h"
#include "services.h"

static void def_init(struct service_def *d, const char *name, const char *user)
{
	memset(d, 0, sizeof(*d));
	snprintf(d->name, sizeof(d->name), "%s", name);
	snprintf(d->user, sizeof(d->user), "%s", user);
}

static void def_arg(struct service_def *d, const char *arg)
{
	if (d->argc < SERVICE_ARGV_MAX - 1)
		snprintf(d->args[d->argc++], sizeof(d->args[0]), "%s", arg);
}

__attribute__((format(printf, 2, 3)))
static void def_argf(struct service_def *d, const char *fmt, ...)
{
	char buf[sizeof(d->args[0])];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	def_arg(d, buf);
}

/* One dhcpd per pool: it serves one interface and subnet, binds as root
 * and drops to its own user itself. Leases live in /run until the data
 * partition exists. */
static void plan_dhcpd(const struct keel_config *cfg,
		       const struct config_dhcp_pool *pool, struct service_def *d)
{
	const struct config_lan *lan = &cfg->lans[pool->lan_index];
	char a[CONFIG_ADDR_STRLEN], b[CONFIG_ADDR_STRLEN];

	def_init(d, "dhcpd", "");
	if (cfg->n_dhcp > 1)
		snprintf(d->name, sizeof(d->name), "dhcpd-%.9s", pool->lan);
	snprintf(d->rundir, sizeof(d->rundir), "/run/dhcpd");
	snprintf(d->rundir_owner, sizeof(d->rundir_owner), "dhcpd");
	def_arg(d, "/usr/sbin/dhcpd");
	def_arg(d, "-i");
	def_arg(d, lan->interface);
	def_arg(d, "-r");
	def_argf(d, "%s-%s", config_addr_str(&pool->range_start, false, a, sizeof(a)),
		 config_addr_str(&pool->range_end, false, b, sizeof(b)));
	if (pool->router.family) {
		def_arg(d, "-g");
		def_arg(d, config_addr_str(&pool->router, false, a, sizeof(a)));
	}
	for (unsigned i = 0; i < pool->n_dns; i++) {
		def_arg(d, "-D");
		def_arg(d, config_addr_str(&pool->dns[i], false, a, sizeof(a)));
	}
	if (pool->domain[0]) {
		def_arg(d, "-d");
		def_arg(d, pool->domain);
	}
	def_arg(d, "-t");
	def_argf(d, "%u", pool->lease_seconds);
	if (pool->mtu) {
		def_arg(d, "-M");
		def_argf(d, "%u", pool->mtu);
	}
	for (unsigned i = 0; i < pool->n_routes; i++) {
		def_arg(d, "-R");
		def_argf(d, "%s=%s", config_addr_str(&pool->routes[i].dest, true, a, sizeof(a)),
			 config_addr_str(&pool->routes[i].gateway, false, b, sizeof(b)));
	}
	for (unsigned i = 0; i < cfg->n_dhcp_static; i++) {
		const struct config_dhcp_static *s = &cfg->dhcp_static[i];

		if (&cfg->dhcp[s->pool] != pool)
			continue;
		def_arg(d, "-s");
		def_argf(d, "%02x:%02x:%02x:%02x:%02x:%02x=%s%s%s", s->mac[0], s->mac[1],
			 s->mac[2], s->mac[3], s->mac[4], s->mac[5],
			 config_addr_str(&s->addr, false, a, sizeof(a)),
			 s->hostname[0] ? "," : "", s->hostname);
	}
	/* Leases live in RAM; dhcpd checkpoints them to the data partition
	 * at most every 10 minutes and at shutdown, and reads them at start. */
	snprintf(d->datadir, sizeof(d->datadir), "/data/dhcpd");
	def_arg(d, "-f");
	def_argf(d, "/data/dhcpd/%s.leases", pool->lan);
	def_arg(d, "-H");
	def_argf(d, "/run/dhcpd/%s.hosts", pool->lan);
}

/* The log daemon first, so every later service's syslog lines land in the
 * ring. Root: it binds /dev/log and reads /dev/kmsg, then drops to logd
 * keeping only CAP_NET_ADMIN (for the SSH ban set). */
static void plan_logd(const struct keel_config *cfg, struct service_def *d)
{
	char a[CONFIG_ADDR_STRLEN];

	def_init(d, "logd", "");
	def_arg(d, "/usr/sbin/logd");
	def_arg(d, "-s");
	def_argf(d, "%u", cfg->log.ring_bytes);
	/* The SSH brute-force ban watches dropbear's lines. */
	def_arg(d, "-f");
	def_argf(d, "%u", cfg->services.sshd ? cfg->ssh.ban_after : 0);
	def_arg(d, "-b");
	def_argf(d, "%u", cfg->ssh.ban_seconds);
	if (cfg->log.remote_set) {
		const struct config_addr *ra = &cfg->log.remote.addr;

		def_arg(d, "-r");
		def_argf(d, ra->family == CONFIG_AF_INET6 ? "[%s]:%u" : "%s:%u",
			 config_addr_str(ra, false, a, sizeof(a)), cfg->log.remote.port);
		def_arg(d, "-t");
		def_arg(d, cfg->log.remote_proto == CONFIG_PROTO_TCP ? "tcp" : "udp");
	}
}

/* A per-second rate from the config's N/s, N/m or N/h (at least 1). */
static uint32_t per_second(const struct config_rate *r)
{
	uint32_t v = r->per_seconds ? r->count / r->per_seconds : r->count;

	return r->count && v == 0 ? 1 : v;
}

/* dnsd on every LAN address (never the WAN); upstreams from the config or
 * else from the file the WAN's DHCP script (or init, for a static WAN)
 * writes; lease names from each pool's hosts file. Root: it binds port 53,
 * then drops to dnsd itself. */
static void plan_dnsd(const struct keel_config *cfg, struct service_def *d)
{
	char a[CONFIG_ADDR_STRLEN];

	def_init(d, "dnsd", "");
	def_arg(d, "/usr/sbin/dnsd");
	for (unsigned i = 0; i < cfg->n_lans; i++)
		for (unsigned j = 0; j < cfg->lans[i].n_addrs; j++) {
			const struct config_addr *la = &cfg->lans[i].addrs[j];

			def_arg(d, "-l");
			def_argf(d, la->family == CONFIG_AF_INET6 ? "[%s]" : "%s",
				 config_addr_str(la, false, a, sizeof(a)));
		}
	for (unsigned i = 0; i < cfg->dns.n_upstreams; i++) {
		def_arg(d, "-u");
		def_argf(d, cfg->dns.upstreams[i].family == CONFIG_AF_INET6 ? "[%s]" : "%s",
			 config_addr_str(&cfg->dns.upstreams[i], false, a, sizeof(a)));
	}
	if (cfg->dns.n_upstreams == 0) {
		def_arg(d, "-F");
		def_arg(d, SERVICES_WAN_DNS_PATH);
	}
	def_arg(d, "-d");
	def_arg(d, cfg->dns.domain);
	def_arg(d, "-N");
	def_arg(d, cfg->hostname);
	if (cfg->dns.cache_bytes) {
		def_arg(d, "-c");
		def_argf(d, "%u", cfg->dns.cache_bytes);
	}
	for (unsigned i = 0; i < cfg->n_dhcp; i++) {
		def_arg(d, "-L");
		def_argf(d, "/run/dhcpd/%s.hosts", cfg->dhcp[i].lan);
	}
	if (cfg->dns.n_hosts) {
		def_arg(d, "-H");
		def_arg(d, SERVICES_DNS_HOSTS_PATH);
	}
	if (cfg->dns.blocklist[0]) {
		def_arg(d, "-b");
		def_arg(d, cfg->dns.blocklist);
	}
	if (cfg->dns.query_log) {
		def_arg(d, "-q");
		def_arg(d, "-Q");
		def_argf(d, "%u", per_second(&cfg->dns.query_log_rate));
	}
	def_arg(d, "-r");
	def_argf(d, "%u", per_second(&cfg->dns.client_rate_limit));
}

/* dropbear in the foreground, logging to syslog (logd watches its failed
 * logins). Host keys are made on first use under /data (kept across
 * upgrades); `listen lan` binds the LAN addresses only. */
static void plan_sshd(const struct keel_config *cfg, struct service_def *d)
{
	char a[CONFIG_ADDR_STRLEN];

	def_init(d, "sshd", "");
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

/* One rad per LAN with IPv6 addresses: SLAAC prefixes (the /64 of each
 * address), the router as DNS server (RDNSS) when dnsd runs, the domain. */
static void plan_rad(const struct keel_config *cfg, const struct config_lan *lan,
		     struct service_def *d)
{
	char a[CONFIG_ADDR_STRLEN];

	def_init(d, "rad", "");
	if (cfg->n_lans > 1)
		snprintf(d->name, sizeof(d->name), "rad-%.11s", lan->name);
	def_arg(d, "/usr/sbin/rad");
	def_arg(d, "-i");
	def_arg(d, lan->interface);
	def_arg(d, "-u");
	def_arg(d, "rad");
	def_arg(d, "-D");	/* stateless DHCPv6: DNS and domain, O flag in RAs */
	for (unsigned j = 0; j < lan->n_addrs; j++) {
		struct config_addr net = lan->addrs[j];

		if (net.family != CONFIG_AF_INET6)
			continue;
		memset(net.bytes + 8, 0, 8);
		net.prefix = 64;
		def_arg(d, "-p");
		def_arg(d, config_addr_str(&net, true, a, sizeof(a)));
		if (cfg->services.dnsd) {
			def_arg(d, "-r");
			def_arg(d, config_addr_str(&lan->addrs[j], false, a, sizeof(a)));
		}
	}
	def_arg(d, "-d");
	def_arg(d, cfg->dns.domain);
}

static bool lan_has_ipv6(const struct config_lan *lan)
{
	for (unsigned j = 0; j < lan->n_addrs; j++)
		if (lan->addrs[j].family == CONFIG_AF_INET6)
			return true;
	return false;
}

/* flowd captures on the [flow] interfaces as root, then drops to flowd. */
static void plan_flowd(const struct keel_config *cfg, struct service_def *d)
{
	char a[CONFIG_ADDR_STRLEN];

	def_init(d, "flowd", "");
	snprintf(d->rundir, sizeof(d->rundir), "/run/flowd");
	snprintf(d->rundir_owner, sizeof(d->rundir_owner), "flowd");
	def_arg(d, "/usr/sbin/flowd");
	for (unsigned i = 0; i < cfg->flow.n_interfaces; i++) {
		def_arg(d, "-i");
		def_arg(d, cfg->flow.interfaces[i]);
	}
	for (unsigned i = 0; i < cfg->flow.n_collectors; i++) {
		const struct config_endpoint *c = &cfg->flow.collectors[i];

		def_arg(d, "-c");
		def_argf(d, c->addr.family == CONFIG_AF_INET6 ? "[%s]:%u" : "%s:%u",
			 config_addr_str(&c->addr, false, a, sizeof(a)), c->port);
	}
	def_arg(d, "-v");
	def_argf(d, "%u", cfg->flow.version);
}

size_t services_plan(const struct keel_config *cfg, struct service_def *out,
		     size_t max)
{
	size_t n = 0;

	if (cfg->services.logd) {
		if (n < max)
			plan_logd(cfg, &out[n]);
		n++;
	}

	/* WAN by DHCP: busybox udhcpc in the foreground, renewing for as
	 * long as it runs; its hook applies each lease. Root: it configures
	 * the interface and needs a raw socket. */
	if (cfg->wan.present && cfg->wan.mode == CONFIG_WAN_DHCP) {
		if (n < max) {
			struct service_def *d = &out[n];

			def_init(d, "wan-dhcp", "");
			def_arg(d, "/sbin/udhcpc");
			def_arg(d, "-f");
			def_arg(d, "-R");
			def_arg(d, "-i");
			def_arg(d, cfg->wan.interface);
			def_arg(d, "-s");
			def_arg(d, "/usr/share/keel/udhcpc.script");
			def_arg(d, "-x");
			{
				char opt[80];

				snprintf(opt, sizeof(opt), "hostname:%s", cfg->hostname);
				def_arg(d, opt);
			}
		}
		n++;
	}
	if (cfg->services.dhcpd) {
		for (unsigned i = 0; i < cfg->n_dhcp; i++, n++)
			if (n < max)
				plan_dhcpd(cfg, &cfg->dhcp[i], &out[n]);
	}
	if (cfg->services.dnsd) {
		if (n < max)
			plan_dnsd(cfg, &out[n]);
		n++;
	}
	if (cfg->services.sshd) {
		if (n < max)
			plan_sshd(cfg, &out[n]);
		n++;
	}
	for (unsigned i = 0; i < cfg->n_lans; i++) {
		if (!lan_has_ipv6(&cfg->lans[i]))
			continue;
		if (n < max)
			plan_rad(cfg, &cfg->lans[i], &out[n]);
		n++;
	}
	if (cfg->services.flowd && cfg->flow.present) {
		if (n < max)
			plan_flowd(cfg, &out[n]);
		n++;
	}
	return n;
}

/* Appends printf output to buf at *len; -1 once it no longer fits. */
__attribute__((format(printf, 4, 5)))
static int put(char *buf, size_t size, size_t *len, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (*len >= size)
		return -1;
	va_start(ap, fmt);
	n = vsnprintf(buf + *len, size - *len, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= size - *len)
		return -1;
	*len += (size_t)n;
	return 0;
}

int services_dns_hosts(const struct keel_config *cfg, char *buf, size_t size)
{
	char a[CONFIG_ADDR_STRLEN];
	size_t len = 0;

	if (put(buf, size, &len, "# [dns] host lines of keel.conf, written by init\n"))
		return -1;
	for (unsigned i = 0; i < cfg->dns.n_hosts; i++)
		if (put(buf, size, &len, "%s %s\n",
			config_addr_str(&cfg->dns.hosts[i].addr, false, a, sizeof(a)),
			cfg->dns.hosts[i].name))
			return -1;
	return (int)len;
}

int services_wan_dns(const struct keel_config *cfg, char *buf, size_t size)
{
	char a[CONFIG_ADDR_STRLEN];
	size_t len = 0;

	for (unsigned i = 0; i < cfg->wan.n_dns; i++)
		if (put(buf, size, &len, cfg->wan.dns[i].family == CONFIG_AF_INET6 ?
			"[%s]\n" : "%s\n",
			config_addr_str(&cfg->wan.dns[i], false, a, sizeof(a))))
			return -1;
	if (size)
		buf[len < size ? len : size - 1] = '\0';
	return (int)len;
}

int services_authorized_keys(const struct keel_config *cfg, char *buf,
			     size_t size)
{
	size_t len = 0;

	if (size)
		buf[0] = '\0';
	for (unsigned i = 0; i < cfg->ssh.n_keys; i++)
		if (put(buf, size, &len, "%s\n", cfg->ssh.keys[i]))
			return -1;
	return (int)len;
}

int services_format(const struct services *svcs, uint64_t now_ms,
		    char *buf, size_t size)
{
	size_t len = 0;

	for (size_t i = 0; i < svcs->count; i++) {
		const struct service *s = &svcs->list[i];
		char last[48] = "-";
		int n;

		if (s->restarts)
			child_status_str(s->last_status, last, sizeof(last));
		if (s->child.pid > 0)
			n = snprintf(buf + len, size - len,
				     "%-10s running  %6ld %8u %7llus  %s\n",
				     s->def.name, (long)s->child.pid, s->restarts,
				     (unsigned long long)((now_ms - s->started_ms) / 1000),
				     last);
		else
			n = snprintf(buf + len, size - len,
				     "%-10s waiting  %6s %8u %7s  %s, restart in %llu ms\n",
				     s->def.name, "-", s->restarts, "-", last,
				     (unsigned long long)(s->restart_at_ms > now_ms ?
							  s->restart_at_ms - now_ms : 0));
		if (n < 0 || (size_t)n >= size - len)
			return -1;
		len += (size_t)n;
	}
	return (int)len;
}

/* Atomically, so `keel status` never reads half a file. */
static void write_status(const struct services *svcs)
{
	char buf[2048];
	int len = services_format(svcs, clock_mono_ms(), buf, sizeof(buf));
	int fd;

	if (len < 0)
		return;
	fd = open(SERVICES_STATUS_PATH ".tmp", O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (fd < 0)
		return;
	if (write(fd, buf, (size_t)len) != len || close(fd) < 0 ||
	    rename(SERVICES_STATUS_PATH ".tmp", SERVICES_STATUS_PATH) < 0)
		logx_warn("services: %s: %s", SERVICES_STATUS_PATH, strerror(errno));
}

/* In the child: quiet stdio (output goes to the kernel log), own session,
 * own user, then exec. */
static void service_exec(void *arg)
{
	const struct service *s = arg;
	char *argv[SERVICE_ARGV_MAX];
	const char *why;

	if (childio_to_kmsg() < 0)
		_exit(126);
	setsid();
	if (s->def.user[0] && privdrop(s->def.user, &why) < 0) {
		logx_err("services: %s: cannot run as %s: %s", s->def.name,
			 s->def.user, why);
		_exit(126);
	}
	for (unsigned i = 0; i < s->def.argc; i++)
		argv[i] = (char *)s->def.args[i];
	argv[s->def.argc] = NULL;
	execv(argv[0], argv);
	logx_err("services: %s: exec %s: %s", s->def.name, argv[0], strerror(errno));
	_exit(127);
}

/* Its /run directory, owned by its user: daemons write there after they
 * have dropped root. */
static void make_owned_dir(const struct service_def *d, const char *dir)
{
	struct passwd *pw;

	if (!dir[0])
		return;
	if (mkdir(dir, 0755) < 0 && errno != EEXIST) {
		logx_warn("services: %s: mkdir %s: %s", d->name, dir, strerror(errno));
		return;
	}
	pw = d->rundir_owner[0] ? getpwnam(d->rundir_owner) : NULL;
	if (d->rundir_owner[0] && (!pw || chown(dir, pw->pw_uid, pw->pw_gid) < 0))
		logx_warn("services: %s: %s not given to %s", d->name, dir,
			  d->rundir_owner);
}

static void make_rundir(const struct service_def *d)
{
	make_owned_dir(d, d->rundir);
	make_owned_dir(d, d->datadir);
}

static void service_start(struct services *svcs, struct service *s)
{
	make_rundir(&s->def);
	s->started_ms = clock_mono_ms();
	if (children_spawn(svcs->kids, &s->child, service_exec, s) < 0) {
		logx_err("services: %s: fork: %s", s->def.name, strerror(errno));
		s->restart_at_ms = s->started_ms + BACKOFF_MAX_MS;
		evloop_timer_set(svcs->loop, &s->restart, BACKOFF_MAX_MS);
	}
	write_status(svcs);
}

static void restart_due(struct evloop *loop, struct evloop_timer *timer)
{
	struct service *s = timer->arg;
	struct services *svcs = s->child.arg;

	(void)loop;
	if (!svcs->stopping)
		service_start(svcs, s);
}

static struct service *find(struct services *svcs, struct child *child)
{
	for (size_t i = 0; i < svcs->count; i++)
		if (&svcs->list[i].child == child)
			return &svcs->list[i];
	return NULL;
}

static void service_exited(struct child *child, int status)
{
	struct services *svcs = child->arg;
	struct service *s = find(svcs, child);
	uint64_t now = clock_mono_ms(), delay;
	char how[48];

	if (!s || svcs->stopping)
		return;
	s->restarts++;
	s->last_status = status;
	delay = backoff_after_exit(&s->backoff, now - s->started_ms);
	s->restart_at_ms = now + delay;
	logx_warn("services: %s %s after %llu ms, restart %u in %llu ms",
		  s->def.name, child_status_str(status, how, sizeof(how)),
		  (unsigned long long)(now - s->started_ms), s->restarts,
		  (unsigned long long)delay);
	evloop_timer_set(svcs->loop, &s->restart, delay);
	write_status(svcs);
}

static void write_file(const char *path, const char *data, int len,
		       unsigned mode)
{
	struct atomic_file f;

	if (len < 0) {
		logx_err("services: %s: too long, not written", path);
		return;
	}
	if (atomic_open(&f, path, mode) < 0) {
		logx_warn("services: %s: %s", path, strerror(errno));
		return;
	}
	atomic_write(&f, data, (size_t)len);
	if (atomic_commit(&f) < 0)
		logx_warn("services: %s: %s", path, strerror(errno));
}

static void make_dir(const char *path, unsigned mode)
{
	if (mkdir(path, mode) < 0 && errno != EEXIST)
		logx_warn("services: mkdir %s: %s", path, strerror(errno));
}

/* The SSH host key, made on the first boot and kept on /data, so clients
 * see the same key across reboots and upgrades (dropbear -R would make
 * any other type on first use). */
#define SSH_HOST_KEY "/data/dropbear/dropbear_ed25519_host_key"
static void make_host_key(void)
{
	char *argv[] = { "/usr/bin/dropbearkey", "-t", "ed25519", "-f", SSH_HOST_KEY, NULL };
	char how[48];
	int status;

	if (access(SSH_HOST_KEY, F_OK) == 0)
		return;
	status = run_bounded(argv, 20000);
	if (status < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
		logx_err("services: dropbearkey: %s", status < 0 ? strerror(errno) :
			 child_status_str(status, how, sizeof(how)));
	else
		logx("services: made the SSH host key %s", SSH_HOST_KEY);
}

/* What the services read from init rather than from keel.conf itself:
 * static DNS names, a static WAN's DNS servers, SSH keys (root's home is
 * in RAM: the image is read-only and keys come from the config). */
static void write_service_files(const struct keel_config *cfg)
{
	static char buf[CONFIG_MAX_SSH_KEYS * (CONFIG_SSH_KEY_MAX + 2) + 64];

	if (cfg->services.dnsd && cfg->dns.n_hosts) {
		make_dir("/run/dnsd", 0755);
		write_file(SERVICES_DNS_HOSTS_PATH, buf,
			   services_dns_hosts(cfg, buf, sizeof(buf)), 0644);
	}
	if (cfg->wan.present && cfg->wan.mode == CONFIG_WAN_STATIC && cfg->wan.n_dns)
		write_file(SERVICES_WAN_DNS_PATH, buf,
			   services_wan_dns(cfg, buf, sizeof(buf)), 0644);
	if (cfg->services.sshd) {
		make_dir(SERVICES_ROOT_HOME, 0700);
		make_dir(SERVICES_ROOT_HOME "/.ssh", 0700);
		write_file(SERVICES_ROOT_HOME "/.ssh/authorized_keys", buf,
			   services_authorized_keys(cfg, buf, sizeof(buf)), 0600);
		make_dir("/data/dropbear", 0700);
		make_host_key();
	}
}

void services_step(struct init *init, struct step_report *report)
{
	struct services *svcs = &init->services;
	struct service_def defs[SERVICES_MAX];
	size_t wanted = services_plan(&init->config, defs, SERVICES_MAX);

	svcs->kids = &init->kids;
	svcs->loop = &init->loop;
	svcs->stopping = false;
	svcs->count = 0;
	make_dir("/run/keel", 0755);
	write_service_files(&init->config);
	if (wanted > SERVICES_MAX) {
		logx_err("services: %zu configured, only %d supervised", wanted,
			 SERVICES_MAX);
		report->failed = true;
		wanted = SERVICES_MAX;
	}
	for (size_t i = 0; i < wanted; i++) {
		struct service *s = &svcs->list[svcs->count++];

		memset(s, 0, sizeof(*s));
		s->def = defs[i];
		s->child.on_exit = service_exited;
		s->child.arg = svcs;
		s->restart.cb = restart_due;
		s->restart.arg = s;
		if (access(s->def.args[0], X_OK) < 0) {
			logx_err("services: %s: %s: %s", s->def.name,
				 s->def.args[0], strerror(errno));
			report->failed = true;
			svcs->count--;
			continue;
		}
		service_start(svcs, s);
		report_add(report, "%s(%ld)", s->def.name, (long)s->child.pid);
	}
	if (svcs->count == 0)
		report_add(report, "none");
	write_status(svcs);
}

void services_stop(struct services *svcs)
{
	svcs->stopping = true;
	for (size_t i = 0; i < svcs->count; i++)
		if (svcs->loop)
			evloop_timer_cancel(svcs->loop, &svcs->list[i].restart);
}
