/*
 * options.c - parse and check dhcpd's command line, print the result.
 */
#include <arpa/inet.h>
#include <stdlib.h>
#include <string.h>

#include "keel/args.h"
#include "keel/hex.h"

#include "options.h"
#include "hostnames.h"

static const char usage[] =
	"usage: dhcpd -C FILE [-S LAN] [-n] [-v] [-U USER] [-c SECONDS] [-L RATE]\n"
	"             [-W FILE]\n"
	"       dhcpd -i IFACE -r FIRST-LAST [options]\n"
	"  -C FILE          read the settings from keel.conf FILE (as init runs it)\n"
	"  -S LAN           serve the pool of [dhcp LAN] (default lan)\n"
	"  -n               check the settings, print them, exit\n"
	"  -v               log every packet\n"
	"  -U USER          user to run as (default dhcpd)\n"
	"  -c SECONDS       at most one checkpoint per SECONDS (default 600)\n"
	"  -L RATE          packets/s in total (default 1000, 0: no limit)\n"
	"  -W FILE          the pool's counts for keel status, rewritten every\n"
	"                   10 s and after changes ('' for none; default with\n"
	"                   -C /run/dhcpd/LAN.status, none without)\n"
	"Without -C, the settings come from these flags (with -C keel.conf\n"
	"holds them, and giving one is an error):\n"
	"  -i IFACE         interface to serve (required)\n"
	"  -r FIRST-LAST    address pool (required)\n"
	"  -a ADDR          server address (default: the interface's)\n"
	"  -m MASK|PREFIX   netmask, 255.255.255.0 or 24 (default: the interface's)\n"
	"  -g ROUTER        default gateway (option 3)\n"
	"  -D DNS           DNS server (option 6), up to 4 times\n"
	"  -d DOMAIN        domain name (option 15)\n"
	"  -t SECONDS       lease time (default 43200, at least 60)\n"
	"  -s MAC=IP[,NAME] static lease, repeatable\n"
	"  -R NET/LEN=GW    classless static route (option 121), repeatable\n"
	"  -M MTU           interface MTU (option 26)\n"
	"  -f FILE          lease checkpoint file ('' for none;\n"
	"                   default /var/lib/dhcpd/leases)\n"
	"  -H FILE          hosts file for the DNS daemon ('' for none;\n"
	"                   default /run/dhcpd/hosts)\n"
	"  -l RATE          requests answered per client MAC: N/s, N/m, N/h,\n"
	"                   N (per second) or off/0 (default 30/m)\n"
	"  -b RATE          addresses taken by new clients (no lease, no offer)\n"
	"                   per pool, as -l (default 30/m)\n"
	"  -N NAME          a name never published for a client (the router's,\n"
	"                   a [dns] host's), repeatable\n";

/* Flags for settings keel.conf holds: with -C they would be a second
 * source of truth, so they are refused. */
static const char config_flags[] = "iramgDdtsRMfHlbN";

static int parse_ip(const char *s, uint32_t *ip)
{
	struct in_addr a;

	if (inet_pton(AF_INET, s, &a) != 1)
		return -1;
	*ip = ntohl(a.s_addr);
	return 0;
}

static int parse_uint(const char *s, unsigned long max, unsigned long *out)
{
	char *end;

	if (!*s || *s == '-' || *s == '+')
		return -1;
	*out = strtoul(s, &end, 10);
	return *end || *out > max ? -1 : 0;
}


static int parse_mask(const char *s, uint32_t *mask)
{
	unsigned long prefix;

	if (parse_uint(s[0] == '/' ? s + 1 : s, 32, &prefix) == 0) {
		*mask = prefix ? ~0u << (32 - prefix) : 0;
		return 0;
	}
	if (parse_ip(s, mask) < 0)
		return -1;
	/* Contiguous ones, then zeros. */
	return (~*mask & (~*mask + 1)) ? -1 : 0;
}

static int parse_static(const char *arg, struct dhcpd_options *cfg)
{
	char buf[128], *eq, *comma;
	struct static_lease *s;

	if (cfg->static_count >= LEASE_STATIC_MAX || strlen(arg) >= sizeof(buf))
		return -1;
	strcpy(buf, arg);
	eq = strchr(buf, '=');
	if (!eq)
		return -1;
	*eq = 0;
	comma = strchr(eq + 1, ',');
	if (comma)
		*comma = 0;
	s = &cfg->statics[cfg->static_count];
	memset(s, 0, sizeof(*s));
	if (mac_parse(buf, strlen(buf), s->mac) < 0 || parse_ip(eq + 1, &s->ip) < 0)
		return -1;
	if (comma && (!comma[1] ||
		      hostname_sanitize(comma + 1, s->name, sizeof(s->name)) !=
		      strlen(comma + 1)))
		return -1;
	cfg->static_count++;
	return 0;
}

static int parse_route(const char *arg, struct dhcpd_options *cfg)
{
	char buf[64], *slash, *eq;
	struct dhcp_route *r;
	unsigned long prefix;

	if (cfg->route_count >= DHCP_ROUTES_MAX - 1 ||
	    strlen(arg) >= sizeof(buf))
		return -1;
	strcpy(buf, arg);
	slash = strchr(buf, '/');
	eq = strchr(buf, '=');
	if (!slash || !eq || eq < slash)
		return -1;
	*slash = *eq = 0;
	r = &cfg->routes[cfg->route_count];
	if (parse_ip(buf, &r->dest) < 0 || parse_uint(slash + 1, 32, &prefix) ||
	    parse_ip(eq + 1, &r->gateway) < 0)
		return -1;
	r->prefix = (uint8_t)prefix;
	if (prefix < 32)
		r->dest &= prefix ? ~0u << (32 - prefix) : 0;
	cfg->route_count++;
	return 0;
}

/* "N/s", "N/m", "N/h", "N" (per second), "off" or "0" (no limit). */
static int parse_rate(const char *s, uint32_t *count, uint32_t *secs)
{
	char buf[16], *slash;
	unsigned long v;

	if (strcmp(s, "off") == 0) {
		*count = 0;
		*secs = 1;
		return 0;
	}
	if (strlen(s) >= sizeof(buf))
		return -1;
	strcpy(buf, s);
	*secs = 1;
	slash = strchr(buf, '/');
	if (slash) {
		if (strcmp(slash + 1, "s") == 0)
			*secs = 1;
		else if (strcmp(slash + 1, "m") == 0)
			*secs = 60;
		else if (strcmp(slash + 1, "h") == 0)
			*secs = 3600;
		else
			return -1;
		*slash = 0;
	}
	if (parse_uint(buf, 1000000, &v) || (slash && v == 0))
		return -1;
	*count = (uint32_t)v;
	return 0;
}

static void defaults(struct dhcpd_options *cfg)
{
	memset(cfg, 0, sizeof(*cfg));
	cfg->lease_secs = 43200;
	cfg->lease_file = "/var/lib/dhcpd/leases";
	cfg->hosts_file = "/run/dhcpd/hosts";
	cfg->user = "dhcpd";
	cfg->checkpoint_secs = 600;
	/* keel.conf's documented default for [dhcp] rate-limit. */
	cfg->per_mac_count = 30;
	cfg->per_mac_secs = 60;
	cfg->total_rate = 1000;
	/* keel.conf's documented default for [dhcp] new-lease-rate. */
	cfg->new_count = 30;
	cfg->new_secs = 60;
}

int options_parse(int argc, char *const argv[], struct dhcpd_options *cfg,
		 char *err, size_t errlen, FILE *out)
{
	static const char flags[] = "nvh", valued[] = "iramgDdtsRMfHcULlCSWbN";
	struct args a;
	const char *arg, *config_path = NULL;
	int c, setting_flag = 0;

	defaults(cfg);
	/* First pass: -C with a setting's flag is refused whatever the
	 * order and before any value is judged. */
	args_init(&a, argc, argv, flags, valued);
	while ((c = args_next(&a, &arg, err, errlen)) > 0) {
		if (c == 'C')
			config_path = arg;
		else if (!setting_flag && strchr(config_flags, c))
			setting_flag = c;
	}
	if (config_path && setting_flag)
		return args_fail(err, errlen, "-%c cannot be used with -C: %s "
			    "holds that setting", setting_flag, config_path);

	args_init(&a, argc, argv, flags, valued);
	while ((c = args_next(&a, &arg, err, errlen)) > 0) {
		unsigned long v;
		char *dash;
		char range[40];

		switch (c) {
		case 'C':
			if (!*arg)
				return args_fail(err, errlen, "-C needs a file");
			cfg->config_path = arg;
			break;
		case 'S':
			if (!*arg)
				return args_fail(err, errlen, "-S needs a LAN name");
			cfg->config_lan = arg;
			break;
		case 'n': cfg->check_only = 1; break;
		case 'v': cfg->verbose = 1; break;
		case 'h': fputs(usage, out); return 1;
		case 'i':
			if (!*arg || strlen(arg) >= 16)
				return args_fail(err, errlen, "-i %s: bad "
					    "interface name", arg);
			cfg->ifname = arg;
			break;
		case 'a':
			if (parse_ip(arg, &cfg->server_ip) < 0)
				return args_fail(err, errlen, "-a %s: not an IPv4 "
					    "address", arg);
			break;
		case 'r':
			if (strlen(arg) >= sizeof(range) ||
			    !(dash = strchr(strcpy(range, arg), '-')))
				return args_fail(err, errlen, "-r %s: want "
					    "FIRST-LAST", arg);
			*dash = 0;
			if (parse_ip(range, &cfg->pool_first) < 0 ||
			    parse_ip(dash + 1, &cfg->pool_last) < 0 ||
			    cfg->pool_last < cfg->pool_first ||
			    cfg->pool_last - cfg->pool_first >= LEASE_POOL_MAX)
				return args_fail(err, errlen, "-r %s: want "
					    "FIRST-LAST, at most %u addresses",
					    arg,
					    LEASE_POOL_MAX);
			break;
		case 'm':
			if (parse_mask(arg, &cfg->netmask) < 0 ||
			    cfg->netmask == 0)
				return args_fail(err, errlen, "-m %s: not a netmask",
					    arg);
			break;
		case 'g':
			if (parse_ip(arg, &cfg->router) < 0)
				return args_fail(err, errlen, "-g %s: not an IPv4 "
					    "address", arg);
			break;
		case 'D':
			if (cfg->dns_count >= DHCP_DNS_MAX ||
			    parse_ip(arg, &cfg->dns[cfg->dns_count]) < 0)
				return args_fail(err, errlen, "-D %s: not an IPv4 "
					    "address, or more than %d", arg,
					    DHCP_DNS_MAX);
			cfg->dns_count++;
			break;
		case 'd':
			if (strlen(arg) > DHCP_DOMAIN_MAX ||
			    strspn(arg, "abcdefghijklmnopqrstuvwxyz"
				   "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.") !=
			    strlen(arg))
				return args_fail(err, errlen, "-d %s: not a domain "
					    "name", arg);
			strcpy(cfg->domain, arg);
			break;
		case 't':
			if (parse_uint(arg, 0xfffffffful, &v) || v < 60)
				return args_fail(err, errlen, "-t %s: want seconds, "
					    "at least 60", arg);
			cfg->lease_secs = (uint32_t)v;
			break;
		case 's':
			if (parse_static(arg, cfg) < 0)
				return args_fail(err, errlen, "-s %s: want "
					    "MAC=IP[,NAME] (at most %u)", arg,
					    LEASE_STATIC_MAX);
			break;
		case 'R':
			if (parse_route(arg, cfg) < 0)
				return args_fail(err, errlen, "-R %s: want "
					    "NET/LEN=GATEWAY (at most %d)", arg,
					    DHCP_ROUTES_MAX - 1);
			break;
		case 'M':
			if (parse_uint(arg, 65535, &v) || v < 576)
				return args_fail(err, errlen, "-M %s: want 576 to "
					    "65535", arg);
			cfg->mtu = (uint16_t)v;
			break;
		case 'f':
			cfg->lease_file = arg;
			break;
		case 'H':
			cfg->hosts_file = arg;
			break;
		case 'W':
			cfg->status_file = arg;
			break;
		case 'c':
			if (parse_uint(arg, 86400, &v))
				return args_fail(err, errlen, "-c %s: want seconds",
					    arg);
			cfg->checkpoint_secs = (uint32_t)v;
			break;
		case 'U':
			cfg->user = arg;
			break;
		case 'l':
			if (parse_rate(arg, &cfg->per_mac_count,
				       &cfg->per_mac_secs) < 0)
				return args_fail(err, errlen, "-l %s: want N/s, "
					    "N/m, N/h (N 1-1000000), N or "
					    "off", arg);
			break;
		case 'b':
			if (parse_rate(arg, &cfg->new_count, &cfg->new_secs) < 0)
				return args_fail(err, errlen, "-b %s: want N/s, "
					    "N/m, N/h (N 1-1000000), N or "
					    "off", arg);
			break;
		case 'N':
			if (name_policy_reserve(&cfg->names, arg) < 0)
				return args_fail(err, errlen, "-N %s: not one "
					    "DNS label of at most %u, or more "
					    "than %u names", arg, LEASE_NAME_MAX,
					    NAME_RESERVED_MAX);
			break;
		case 'L':
			if (parse_uint(arg, 1000000, &v))
				return args_fail(err, errlen, "-L %s: want packets "
					    "per second", arg);
			cfg->total_rate = (uint32_t)v;
			break;
		}
	}
	if (c < 0)
		return -1;
	if (cfg->config_path) {
		if (!cfg->config_lan)
			cfg->config_lan = "lan";
		return 0;
	}
	if (cfg->config_lan)
		return args_fail(err, errlen, "-S %s needs -C FILE",
			    cfg->config_lan);
	if (!cfg->status_file)
		cfg->status_file = "";
	if (!cfg->ifname)
		return args_fail(err, errlen, "-i IFACE is required");
	if (!cfg->pool_first)
		return args_fail(err, errlen, "-r FIRST-LAST is required");
	if (strlen(cfg->lease_file) >= 200 || strlen(cfg->hosts_file) >= 200 ||
	    strlen(cfg->status_file) >= 200)
		return args_fail(err, errlen, "file names are limited to 200 bytes");
	return 0;
}

int options_check(const struct dhcpd_options *cfg, uint32_t server_ip,
		 uint32_t netmask, char *err, size_t errlen)
{
	uint32_t net = server_ip & netmask;

	if (!server_ip || !netmask)
		return args_fail(err, errlen, "no server address or netmask");
	if ((cfg->pool_first & netmask) != net ||
	    (cfg->pool_last & netmask) != net)
		return args_fail(err, errlen, "pool is not inside the server's "
			    "subnet");
	if (server_ip >= cfg->pool_first && server_ip <= cfg->pool_last)
		return args_fail(err, errlen, "pool contains the server's own "
			    "address");
	if (cfg->pool_first == net || cfg->pool_last == (net | ~netmask))
		return args_fail(err, errlen, "pool contains the network or "
			    "broadcast address");
	for (unsigned i = 0; i < cfg->static_count; i++)
		if ((cfg->statics[i].ip & netmask) != net ||
		    cfg->statics[i].ip == server_ip)
			return args_fail(err, errlen, "static lease %u is not a "
				    "usable address of the subnet", i + 1);
	return 0;
}

static const char *ip_str(uint32_t ip, char *buf)
{
	struct in_addr a = { htonl(ip) };

	return inet_ntop(AF_INET, &a, buf, INET_ADDRSTRLEN);
}

void options_print(const struct dhcpd_options *cfg, uint32_t server_ip,
		  uint32_t netmask, FILE *out)
{
	char a[INET_ADDRSTRLEN], b[INET_ADDRSTRLEN];

	fprintf(out, "interface %s\n", cfg->ifname);
	fprintf(out, "server %s\n", server_ip ? ip_str(server_ip, a) :
		"(interface address, at start)");
	fprintf(out, "netmask %s\n", netmask ? ip_str(netmask, a) :
		"(interface netmask, at start)");
	fprintf(out, "pool %s-%s (%u addresses)\n", ip_str(cfg->pool_first, a),
		ip_str(cfg->pool_last, b),
		cfg->pool_last - cfg->pool_first + 1);
	fprintf(out, "router %s\n", cfg->router ? ip_str(cfg->router, a) :
		"none");
	fprintf(out, "dns");
	for (unsigned i = 0; i < cfg->dns_count; i++)
		fprintf(out, " %s", ip_str(cfg->dns[i], a));
	fprintf(out, "%s\n", cfg->dns_count ? "" : " none");
	fprintf(out, "domain %s\n", cfg->domain[0] ? cfg->domain : "none");
	fprintf(out, "lease-time %u\n", cfg->lease_secs);
	if (cfg->mtu)
		fprintf(out, "mtu %u\n", cfg->mtu);
	else
		fprintf(out, "mtu none\n");
	for (unsigned i = 0; i < cfg->route_count; i++)
		fprintf(out, "route %s/%u via %s\n",
			ip_str(cfg->routes[i].dest, a), cfg->routes[i].prefix,
			ip_str(cfg->routes[i].gateway, b));
	for (unsigned i = 0; i < cfg->static_count; i++) {
		const struct static_lease *s = &cfg->statics[i];

		fprintf(out, "static %02x:%02x:%02x:%02x:%02x:%02x %s %s\n",
			s->mac[0], s->mac[1], s->mac[2], s->mac[3], s->mac[4],
			s->mac[5], ip_str(s->ip, a),
			s->name[0] ? s->name : "-");
	}
	fprintf(out, "lease-file %s\n", cfg->lease_file[0] ? cfg->lease_file :
		"none");
	fprintf(out, "checkpoint-interval %u\n", cfg->checkpoint_secs);
	fprintf(out, "hosts-file %s\n", cfg->hosts_file[0] ? cfg->hosts_file :
		"none");
	fprintf(out, "status-file %s\n", cfg->status_file &&
		cfg->status_file[0] ? cfg->status_file : "none");
	fprintf(out, "user %s\n", cfg->user);
	if (cfg->per_mac_count)
		fprintf(out, "rate-limit %u/%s\n", cfg->per_mac_count,
			cfg->per_mac_secs == 3600 ? "h" :
			cfg->per_mac_secs == 60 ? "m" : "s");
	else
		fprintf(out, "rate-limit off\n");
	if (cfg->total_rate)
		fprintf(out, "total-rate-limit %u/s\n", cfg->total_rate);
	else
		fprintf(out, "total-rate-limit off\n");
	if (cfg->new_count)
		fprintf(out, "new-lease-rate %u/%s\n", cfg->new_count,
			cfg->new_secs == 3600 ? "h" :
			cfg->new_secs == 60 ? "m" : "s");
	else
		fprintf(out, "new-lease-rate off\n");
	fprintf(out, "reserved-names");
	for (unsigned i = 0; i < cfg->names.count; i++)
		fprintf(out, " %s", cfg->names.reserved[i]);
	fprintf(out, "%s\n", cfg->names.count ? "" : " none");
}
