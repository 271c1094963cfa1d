/*
 * options.c - command line to struct dnsd_config, and its -n printout.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <limits.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "local.h"
#include "options.h"
#include "stats_file.h"

void options_defaults(struct dnsd_config *cfg)
{
	memset(cfg, 0, sizeof(*cfg));
	cfg->cache_bytes = 1u << 20;
	/* keel.conf's default. RFC 2308 suggests 1-3 hours; shorter suits
	 * a LAN where a name may appear any moment. */
	cfg->negative_ttl_max = 300;
	cfg->domain = "lan";
	cfg->block_mode = BLOCK_NXDOMAIN;
	cfg->leases_files[0] = "/run/dnsd/leases.hosts";
	cfg->nleases = 1;
	cfg->querylog_rate = (struct config_rate){ 20, 1 };
	cfg->client_rate = (struct config_rate){ 100, 1 };
	cfg->client_burst = 200;
	cfg->rebind_protection = true;
	cfg->user = "dnsd";
	cfg->pending_max = 256;
	cfg->upstream_timeout_ms = 1000;
	cfg->tcp_clients_max = 32;
}

static const char usage[] =
	"usage: dnsd -C FILE [-B MODE] [-U USER] [-P N] [-T MS] [-W FILE] [-k] [-n]\n"
	"       dnsd -l ADDR[:PORT]... {-u UPSTREAM[:PORT]... | -F FILE} [options]\n"
	"  -C FILE         read the settings from keel.conf FILE: listen on every\n"
	"                  [lan] address, [dns] for the rest, a lease names file\n"
	"                  per [dhcp] pool; the flags below marked * set the same\n"
	"                  things and are refused with -C\n"
	"  -l ADDR[:PORT]  * listen on this address, UDP and TCP (repeatable;\n"
	"                  never a wildcard: name the LAN addresses)\n"
	"  -u ADDR[:PORT]  * upstream server, in order of preference (repeatable)\n"
	"  -F FILE         * more upstreams, one address per line (the WAN's DHCP\n"
	"                  servers); re-read when it changes\n"
	"  -c BYTES        * cache budget, k/m suffixes, 0 = no cache (default 1m)\n"
	"  -m SECONDS      * cap on how long NXDOMAIN/NODATA answers are cached,\n"
	"                  0..86400, 0 = not cached (default 300)\n"
	"  -d DOMAIN       * local domain (default lan)\n"
	"  -N NAME         * router's own name (default: the hostname)\n"
	"  -b FILE         * blocklist: domains or hosts-format lines\n"
	"  -B MODE         answer blocked names with nxdomain or null\n"
	"  -H FILE         * static hosts file\n"
	"  -L FILE         * DHCP lease hosts file, re-read when it changes\n"
	"                  (repeatable, one per LAN)\n"
	"                  (default /run/dnsd/leases.hosts)\n"
	"  -q              * log every query (at most -Q lines)\n"
	"  -Q RATE         * query log lines: N/s, N/m, N/h (a bare N is per\n"
	"                  second) or off = every line (default 20/s)\n"
	"  -r RATE[/BURST] * per-client rate limit, RATE as for -Q, off or 0 =\n"
	"                  unlimited; BURST default twice the count (default\n"
	"                  100/s/200)\n"
	"  -R on|off       * drop upstream answers giving a name a private,\n"
	"                  loopback or link-local address (default on)\n"
	"  -A DOMAIN       * names under DOMAIN may have private answers\n"
	"                  (repeatable)\n"
	"  -U USER         drop privileges to USER (default dnsd)\n"
	"  -P N            pending upstream queries at most (default 256)\n"
	"  -p N            pending upstream queries per client address at\n"
	"                  most; over it, SERVFAIL (default a quarter of -P)\n"
	"  -T MS           upstream timeout before failover (default 1000)\n"
	"  -W FILE         write the counters keel status shows to FILE every\n"
	"                  10 s ('' for none; default " DNSD_STATS_FILE " with\n"
	"                  -C, none without)\n"
	"  -k              log to /dev/kmsg instead of stderr\n"
	"  -n              check settings, print them, exit\n";

/* Where keel.conf sets what each flag would: named when a flag is given
 * with -C, so the one source of a setting is never in doubt. */
static const struct {
	char flag;
	const char *key;
} config_keys[] = {
	{ 'l', "[lan] address" },
	{ 'u', "[dns] upstream" },
	{ 'F', "[dns] upstream, or the WAN's servers" },
	{ 'c', "[dns] cache-size" },
	{ 'm', "[dns] negative-ttl-max" },
	{ 'd', "[dns] domain" },
	{ 'N', "hostname" },
	{ 'b', "[dns] blocklist" },
	{ 'H', "[dns] host" },
	{ 'L', "[dhcp], one lease file per pool" },
	{ 'q', "[dns] query-log" },
	{ 'Q', "[dns] query-log-rate" },
	{ 'r', "[dns] client-rate-limit" },
	{ 'R', "[dns] rebind-protection" },
	{ 'A', "[dns] rebind-allow" },
};

static const char *config_key_of(int flag)
{
	for (size_t i = 0; i < sizeof(config_keys) / sizeof(config_keys[0]); i++)
		if (config_keys[i].flag == flag)
			return config_keys[i].key;
	return NULL;
}

int options_parse_rate(const char *text, struct config_rate *out)
{
	char count[16];
	const char *slash = strchr(text, '/');
	size_t len = slash ? (size_t)(slash - text) : strlen(text);

	if (strcmp(text, "off") == 0) {
		*out = (struct config_rate){ 0, 0 };
		return 0;
	}
	if (len == 0 || len >= sizeof(count))
		return -1;
	memcpy(count, text, len);
	count[len] = '\0';
	if (parse_u32(count, 1000000, &out->count))
		return -1;
	if (!slash)
		out->per_seconds = 1;
	else if (strcmp(slash, "/s") == 0)
		out->per_seconds = 1;
	else if (strcmp(slash, "/m") == 0)
		out->per_seconds = 60;
	else if (strcmp(slash, "/h") == 0)
		out->per_seconds = 3600;
	else
		return -1;
	if (out->count == 0)
		out->per_seconds = 0;
	return 0;
}

const char *options_rate_str(const struct config_rate *rate, char *buf,
			     size_t size)
{
	if (rate->count == 0)
		snprintf(buf, size, "off");
	else if (rate->per_seconds == 3600)
		snprintf(buf, size, "%u/h", rate->count);
	else if (rate->per_seconds == 60)
		snprintf(buf, size, "%u/m", rate->count);
	else if (rate->per_seconds <= 1)
		snprintf(buf, size, "%u/s", rate->count);
	else
		snprintf(buf, size, "%u/%us", rate->count, rate->per_seconds);
	return buf;
}

/* -r RATE[/BURST]: "50", "50/100", "30/m", "30/m/60", "off". A burst is
 * a plain number, a period one letter, so "5/5" stays 5/s burst 5. */
static int parse_client_rate(const char *text, struct dnsd_config *cfg)
{
	char buf[40], *burst = NULL, *slash;

	if ((size_t)snprintf(buf, sizeof(buf), "%s", text) >= sizeof(buf))
		return -1;
	slash = strchr(buf, '/');
	if (slash && slash[1] >= '0' && slash[1] <= '9') {
		burst = slash + 1;
		*slash = '\0';
	} else if (slash && (slash = strchr(slash + 1, '/'))) {
		burst = slash + 1;
		*slash = '\0';
	}
	if (options_parse_rate(buf, &cfg->client_rate))
		return -1;
	if (burst) {
		if (parse_u32(burst, 2000000, &cfg->client_burst))
			return -1;
	} else {
		cfg->client_burst = cfg->client_rate.count * 2;
	}
	if (cfg->client_burst < cfg->client_rate.count)
		cfg->client_burst = cfg->client_rate.count;
	return 0;
}

int options_parse(struct dnsd_config *cfg, int argc, char **argv,
		  char *err, size_t errlen)
{
	int opt, config_flag = 0;

	optind = 1;
	opterr = 0;
	while ((opt = getopt(argc, argv,
			     ":C:l:u:F:c:m:d:N:b:B:H:L:qQ:r:R:A:U:P:p:T:W:knh")) != -1) {
		if (!config_flag && config_key_of(opt))
			config_flag = opt;
		switch (opt) {
		case 'C': cfg->config_path = optarg; break;
		case 'l':
			if (cfg->nlisten == DNSD_LISTEN_MAX) {
				snprintf(err, errlen, "more than %d -l",
					 DNSD_LISTEN_MAX);
				return -1;
			}
			if (endpoint_parse(optarg, 53,
					   &cfg->listen[cfg->nlisten])) {
				snprintf(err, errlen, "-l %s: not ADDR[:PORT]",
					 optarg);
				return -1;
			}
			cfg->nlisten++;
			break;
		case 'u':
			if (cfg->nupstream == DNSD_UPSTREAM_MAX) {
				snprintf(err, errlen, "more than %d -u",
					 DNSD_UPSTREAM_MAX);
				return -1;
			}
			if (endpoint_parse(optarg, 53,
					   &cfg->upstream[cfg->nupstream])) {
				snprintf(err, errlen, "-u %s: not ADDR[:PORT]",
					 optarg);
				return -1;
			}
			cfg->nupstream++;
			break;
		case 'c':
			if (parse_size(optarg, &cfg->cache_bytes)) {
				snprintf(err, errlen, "-c %s: not a size",
					 optarg);
				return -1;
			}
			break;
		case 'm':
			if (parse_u32(optarg, DNSD_NEGATIVE_TTL_MAX,
				      &cfg->negative_ttl_max)) {
				snprintf(err, errlen, "-m %s: want 0..%d seconds",
					 optarg, DNSD_NEGATIVE_TTL_MAX);
				return -1;
			}
			break;
		case 'd': cfg->domain = optarg; break;
		case 'N': cfg->router_name = optarg; break;
		case 'b': cfg->blocklist = optarg; break;
		case 'B':
			if (strcmp(optarg, "nxdomain") == 0)
				cfg->block_mode = BLOCK_NXDOMAIN;
			else if (strcmp(optarg, "null") == 0)
				cfg->block_mode = BLOCK_NULL;
			else {
				snprintf(err, errlen,
					 "-B %s: want nxdomain or null", optarg);
				return -1;
			}
			break;
		case 'H': cfg->hosts_file = optarg; break;
		case 'L':
			if (!cfg->leases_given) {
				cfg->nleases = 0;
				cfg->leases_given = true;
			}
			if (cfg->nleases == DNSD_LEASES_MAX) {
				snprintf(err, errlen, "more than %d -L",
					 DNSD_LEASES_MAX);
				return -1;
			}
			cfg->leases_files[cfg->nleases++] = optarg;
			break;
		case 'F': cfg->upstream_file = optarg; break;
		case 'q': cfg->querylog = true; break;
		case 'Q':
			if (options_parse_rate(optarg, &cfg->querylog_rate)) {
				snprintf(err, errlen, "-Q %s: want N/s, N/m, "
					 "N/h (N 1..1000000) or off", optarg);
				return -1;
			}
			break;
		case 'r':
			if (parse_client_rate(optarg, cfg)) {
				snprintf(err, errlen, "-r %s: want RATE[/BURST]"
					 " (RATE N/s, N/m, N/h or off)", optarg);
				return -1;
			}
			break;
		case 'R':
			if (strcmp(optarg, "on") == 0)
				cfg->rebind_protection = true;
			else if (strcmp(optarg, "off") == 0)
				cfg->rebind_protection = false;
			else {
				snprintf(err, errlen, "-R %s: want on or off",
					 optarg);
				return -1;
			}
			break;
		case 'A':
			if (cfg->nrebind_allow == DNSD_REBIND_ALLOW_MAX) {
				snprintf(err, errlen, "more than %d -A",
					 DNSD_REBIND_ALLOW_MAX);
				return -1;
			}
			if (!optarg[0] || strlen(optarg) > LOCAL_NAME_MAX) {
				snprintf(err, errlen, "-A '%s': not a domain",
					 optarg);
				return -1;
			}
			cfg->rebind_allow[cfg->nrebind_allow++] = optarg;
			break;
		case 'U': cfg->user = optarg; break;
		case 'P':
			if (parse_u32(optarg, 65536, &cfg->pending_max) ||
			    cfg->pending_max == 0) {
				snprintf(err, errlen, "-P %s: want 1..65536",
					 optarg);
				return -1;
			}
			break;
		case 'p':
			if (parse_u32(optarg, 65536, &cfg->pending_per_client) ||
			    cfg->pending_per_client == 0) {
				snprintf(err, errlen, "-p %s: want 1..65536",
					 optarg);
				return -1;
			}
			break;
		case 'T':
			if (parse_u32(optarg, 60000, &cfg->upstream_timeout_ms) ||
			    cfg->upstream_timeout_ms < 50) {
				snprintf(err, errlen, "-T %s: want 50..60000",
					 optarg);
				return -1;
			}
			break;
		case 'W': cfg->stats_file = optarg; break;
		case 'k': cfg->log_kmsg = true; break;
		case 'n': cfg->check_only = true; break;
		case 'h':
			fputs(usage, stdout);
			return 1;
		case ':':
			snprintf(err, errlen, "-%c needs an argument", optopt);
			return -1;
		default:
			snprintf(err, errlen, "unknown option -%c (-h for help)",
				 optopt);
			return -1;
		}
	}
	if (optind < argc) {
		snprintf(err, errlen, "unexpected argument '%s'", argv[optind]);
		return -1;
	}
	if (!cfg->pending_per_client)
		cfg->pending_per_client = cfg->pending_max / 4 ?
						  cfg->pending_max / 4 : 1;
	if (cfg->pending_per_client > cfg->pending_max) {
		snprintf(err, errlen, "-p %u: more than -P %u",
			 cfg->pending_per_client, cfg->pending_max);
		return -1;
	}
	if (cfg->config_path) {
		if (config_flag) {
			snprintf(err, errlen, "-%c: set in the config (%s), "
				 "not with -C", config_flag,
				 config_key_of(config_flag));
			return -1;
		}
		if (!cfg->stats_file)
			cfg->stats_file = DNSD_STATS_FILE;
		return 0;
	}
	for (size_t i = 0; i < cfg->nlisten; i++) {
		if (endpoint_is_wildcard(&cfg->listen[i])) {
			/* A wildcard would answer on the WAN side too. */
			snprintf(err, errlen, "-l %s: wildcard address "
				 "refused, name the LAN address",
				 cfg->listen[i].text);
			return -1;
		}
	}
	if (cfg->nlisten == 0) {
		snprintf(err, errlen, "no -l listen address given");
		return -1;
	}
	if (cfg->nupstream == 0 && !cfg->upstream_file) {
		snprintf(err, errlen, "no -u upstream server or -F file given");
		return -1;
	}
	return 0;
}

void options_print(const struct dnsd_config *cfg, FILE *f)
{
	char rate[32], addr[CONFIG_ADDR_STRLEN];
	size_t i;

	if (cfg->config_path)
		fprintf(f, "config %s\n", cfg->config_path);
	for (i = 0; i < cfg->nlisten; i++)
		fprintf(f, "listen %s udp tcp\n", cfg->listen[i].text);
	for (i = 0; i < cfg->nupstream; i++)
		fprintf(f, "upstream %s\n", cfg->upstream[i].text);
	fprintf(f, "upstream-file %s\n",
		cfg->upstream_file ? cfg->upstream_file : "(none)");
	fprintf(f, "upstream-timeout-ms %u\n", cfg->upstream_timeout_ms);
	fprintf(f, "pending-max %u\n", cfg->pending_max);
	fprintf(f, "pending-per-client %u\n", cfg->pending_per_client);
	fprintf(f, "cache-size %zu%s\n", cfg->cache_bytes,
		cfg->cache_bytes ? "" : " (no cache)");
	fprintf(f, "negative-ttl-max %u%s\n", cfg->negative_ttl_max,
		cfg->negative_ttl_max ? "" : " (negative answers not cached)");
	fprintf(f, "domain %s\n", cfg->domain[0] ? cfg->domain : "(none)");
	fprintf(f, "router-name %s%s\n",
		cfg->router_name ? cfg->router_name : "(hostname)",
		cfg->router_name && !strchr(cfg->router_name, '.') &&
		cfg->domain[0] && strlen(cfg->router_name) + 1 +
		strlen(cfg->domain) > LOCAL_NAME_MAX ?
		" (not answered: with the domain, longer than a DNS name)" : "");
	fprintf(f, "hosts %zu\n", cfg->nhosts);
	for (i = 0; i < cfg->nhosts; i++)
		fprintf(f, "host %s %s\n", cfg->hosts[i].name,
			config_addr_str(&cfg->hosts[i].addr, false, addr,
					sizeof(addr)));
	fprintf(f, "hosts-file %s\n",
		cfg->hosts_file ? cfg->hosts_file : "(none)");
	for (i = 0; i < cfg->nleases; i++)
		fprintf(f, "leases %s\n", cfg->leases_files[i]);
	fprintf(f, "blocklist %s\n", cfg->blocklist ? cfg->blocklist : "(none)");
	fprintf(f, "block-mode %s\n",
		cfg->block_mode == BLOCK_NULL ? "null" : "nxdomain");
	fprintf(f, "query-log %s\n", cfg->querylog ? "on" : "off");
	fprintf(f, "query-log-rate %s\n",
		options_rate_str(&cfg->querylog_rate, rate, sizeof(rate)));
	fprintf(f, "client-rate-limit %s", options_rate_str(&cfg->client_rate,
							     rate, sizeof(rate)));
	if (cfg->client_rate.count)
		fprintf(f, " burst %u", cfg->client_burst);
	fputc('\n', f);
	fprintf(f, "rebind-protection %s\n",
		cfg->rebind_protection ? "on" : "off");
	fputs("rebind-allow", f);
	for (i = 0; i < cfg->nrebind_allow; i++)
		fprintf(f, " %s", cfg->rebind_allow[i]);
	fputs(cfg->nrebind_allow ? "\n" : " (none)\n", f);
	fprintf(f, "tcp-clients-max %u\n", cfg->tcp_clients_max);
	fprintf(f, "stats-file %s\n", cfg->stats_file && cfg->stats_file[0] ?
		cfg->stats_file : "(none)");
	fprintf(f, "user %s\n", cfg->user);
}
