/*
 * from_config.c - keel.conf onto struct dnsd_config, with every limit
 * checked: what the config accepts, dnsd runs or refuses by name.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "keel/paths.h"

#include "from_config.h"
#include "local.h"

/* A config at every CONFIG_MAX_* must fit dnsd's tables. */
_Static_assert(DNSD_LISTEN_MAX >= CONFIG_MAX_LANS * CONFIG_MAX_ADDRS,
	       "every address of every LAN fits DNSD_LISTEN_MAX");
_Static_assert(DNSD_UPSTREAM_MAX >= CONFIG_MAX_SERVERS,
	       "[dns] upstream fits DNSD_UPSTREAM_MAX");
_Static_assert(DNSD_LEASES_MAX >= CONFIG_MAX_LANS,
	       "a lease file per DHCP pool fits DNSD_LEASES_MAX");
_Static_assert(DNSD_HOSTS_MAX >= CONFIG_MAX_DNS_HOSTS,
	       "[dns] host lines fit DNSD_HOSTS_MAX");
_Static_assert(DNSD_REBIND_ALLOW_MAX >= CONFIG_MAX_REBIND_ALLOW,
	       "[dns] rebind-allow fits DNSD_REBIND_ALLOW_MAX");
_Static_assert(LOCAL_NAME_MAX >= CONFIG_DOMAIN_MAX,
	       "a config domain is a valid local name");
_Static_assert(DNSD_PATH_MAX > sizeof(KEEL_DHCPD_HOSTS_FMT) + CONFIG_NAME_MAX,
	       "a pool's hosts file path fits DNSD_PATH_MAX");

__attribute__((format(printf, 3, 4)))
static int fail(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
	return -1;
}

/* An address as an endpoint on port 53, through the same parser as -l
 * and -u, so both print and behave alike. */
static int addr_endpoint(const struct config_addr *a, struct endpoint *out,
			 char *text, size_t size)
{
	char bracketed[CONFIG_ADDR_STRLEN + 2];

	config_addr_str(a, false, text, size);
	snprintf(bracketed, sizeof(bracketed),
		 a->family == CONFIG_AF_INET6 ? "[%s]" : "%s", text);
	return endpoint_parse(bracketed, 53, out);
}

static int map_listen(struct dnsd_config *o, const struct keel_config *cfg,
		      char *err, size_t errlen)
{
	char text[CONFIG_ADDR_STRLEN];

	o->nlisten = 0;
	for (unsigned i = 0; i < cfg->n_lans; i++) {
		const struct config_lan *lan = &cfg->lans[i];

		for (unsigned j = 0; j < lan->n_addrs; j++) {
			struct endpoint *e = &o->listen[o->nlisten];

			if (o->nlisten == DNSD_LISTEN_MAX)
				return fail(err, errlen, "[lan %s] address: "
					    "more than %d listen addresses "
					    "(DNSD_LISTEN_MAX)", lan->name,
					    DNSD_LISTEN_MAX);
			if (addr_endpoint(&lan->addrs[j], e, text,
					  sizeof(text)) ||
			    endpoint_is_wildcard(e))
				return fail(err, errlen, "[lan %s] address %s: "
					    "not an address to listen on",
					    lan->name, text);
			o->nlisten++;
		}
	}
	if (o->nlisten == 0)
		return fail(err, errlen, "no [lan] address to listen on");
	return 0;
}

static int map_upstreams(struct dnsd_config *o, const struct keel_config *cfg,
			 char *err, size_t errlen)
{
	char text[CONFIG_ADDR_STRLEN];

	o->nupstream = 0;
	for (unsigned i = 0; i < cfg->dns.n_upstreams; i++) {
		if (o->nupstream == DNSD_UPSTREAM_MAX)
			return fail(err, errlen, "[dns] upstream: more than %d "
				    "servers (DNSD_UPSTREAM_MAX)",
				    DNSD_UPSTREAM_MAX);
		if (addr_endpoint(&cfg->dns.upstreams[i],
				  &o->upstream[o->nupstream], text,
				  sizeof(text)))
			return fail(err, errlen, "[dns] upstream %s: not a "
				    "server address", text);
		o->nupstream++;
	}
	/* None configured: the servers the WAN learned, as init writes
	 * them (udhcpc hook, or [wan] dns for a static WAN). */
	o->upstream_file = o->nupstream ? NULL : KEEL_WAN_DNS;
	return 0;
}

static int map_hosts(struct dnsd_config *o, const struct keel_config *cfg,
		     char *err, size_t errlen)
{
	size_t domain_len = strlen(cfg->dns.domain);

	if (cfg->dns.n_hosts > DNSD_HOSTS_MAX)
		return fail(err, errlen, "[dns] host: more than %d hosts "
			    "(DNSD_HOSTS_MAX)", DNSD_HOSTS_MAX);
	/* A bare name is answered under the domain (as in a hosts file):
	 * the whole name must still be a DNS name. */
	for (unsigned i = 0; i < cfg->dns.n_hosts; i++) {
		const char *name = cfg->dns.hosts[i].name;

		if (!strchr(name, '.') && domain_len &&
		    strlen(name) + 1 + domain_len > LOCAL_NAME_MAX)
			return fail(err, errlen, "[dns] host %s: %s.<domain> "
				    "is longer than %d characters (a DNS name)",
				    name, name, LOCAL_NAME_MAX);
	}
	o->hosts = cfg->dns.hosts;
	o->nhosts = cfg->dns.n_hosts;
	o->hosts_file = NULL;
	return 0;
}

static int map_leases(struct dnsd_config *o, const struct keel_config *cfg,
		      char *err, size_t errlen)
{
	o->nleases = 0;
	o->leases_given = true;
	if (!cfg->services.dhcpd)
		return 0;
	for (unsigned i = 0; i < cfg->n_dhcp; i++) {
		char *path = o->leases_path[o->nleases];
		int n;

		if (o->nleases == DNSD_LEASES_MAX)
			return fail(err, errlen, "[dhcp %s]: more than %d "
				    "lease files (DNSD_LEASES_MAX)",
				    cfg->dhcp[i].lan, DNSD_LEASES_MAX);
		n = snprintf(path, DNSD_PATH_MAX, KEEL_DHCPD_HOSTS_FMT,
			     cfg->dhcp[i].lan);
		if (n < 0 || n >= DNSD_PATH_MAX)
			return fail(err, errlen, "[dhcp %s]: lease file path "
				    "longer than %d bytes (DNSD_PATH_MAX)",
				    cfg->dhcp[i].lan, DNSD_PATH_MAX - 1);
		o->leases_files[o->nleases++] = path;
	}
	return 0;
}

int options_from_config(struct dnsd_config *o, const struct keel_config *cfg,
			char *err, size_t errlen)
{
	if (map_listen(o, cfg, err, errlen) ||
	    map_upstreams(o, cfg, err, errlen) ||
	    map_hosts(o, cfg, err, errlen) ||
	    map_leases(o, cfg, err, errlen))
		return -1;
	o->domain = cfg->dns.domain;
	o->router_name = cfg->hostname;
	o->cache_bytes = cfg->dns.cache_bytes;
	o->negative_ttl_max = cfg->dns.negative_ttl_max;
	if (o->negative_ttl_max > DNSD_NEGATIVE_TTL_MAX)
		return fail(err, errlen, "[dns] negative-ttl-max %u: more than "
			    "%d seconds", o->negative_ttl_max,
			    DNSD_NEGATIVE_TTL_MAX);
	o->blocklist = cfg->dns.blocklist[0] ? cfg->dns.blocklist : NULL;
	o->querylog = cfg->dns.query_log;
	o->querylog_rate = cfg->dns.query_log_rate;
	o->client_rate = cfg->dns.client_rate_limit;
	/* As -r without a burst: a page load's lookups come at once. */
	o->client_burst = o->client_rate.count * 2;
	o->rebind_protection = cfg->dns.rebind_protection;
	o->nrebind_allow = cfg->dns.n_rebind_allow;
	for (size_t i = 0; i < o->nrebind_allow; i++)
		o->rebind_allow[i] = cfg->dns.rebind_allow[i];
	return 0;
}
