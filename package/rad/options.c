/*
 * options.c - parse and check rad's command line, print the result.
 */
#include <arpa/inet.h>
#include <stdlib.h>
#include <string.h>

#include "keel/args.h"
#include "lease6.h"
#include "options.h"

static const char usage[] =
	"usage: rad -i IFACE [options]\n"
	"       rad -C FILE [-S LAN] [options other than -i -p -r -d -D]\n"
	"  -C FILE      settings from keel.conf: the LAN's interface, a /64\n"
	"               prefix per IPv6 address, those addresses as DNS\n"
	"               servers when [services] dnsd is on, [dns] domain,\n"
	"               stateless DHCPv6, user rad; -i -p -r -d -D are then\n"
	"               refused\n"
	"  -S LAN       with -C: the [lan NAME] to serve (default lan)\n"
	"  -i IFACE     LAN interface to advertise on (required)\n"
	"  -p PREFIX/64 prefix for SLAAC (L and A set), up to 4 times\n"
	"  -r ADDR      recursive DNS server (RDNSS), up to 4 times\n"
	"  -d DOMAIN    DNS search domain (DNSSL)\n"
	"  -m MTU       link MTU option, 1280 to 65535\n"
	"  -l SECONDS   router lifetime (default 1800; 0: not a default\n"
	"               router; else at least the -a interval, at most 9000)\n"
	"  -a SECONDS   longest interval between unsolicited RAs, 4 to 1800\n"
	"               (default 600; the shortest is a third of it)\n"
	"  -V SECONDS   prefix valid lifetime (default 86400)\n"
	"  -P SECONDS   prefix preferred lifetime (default 14400)\n"
	"  -D           answer stateless DHCPv6 (Information-request) with\n"
	"               the -r servers and -d domain; sets O in RAs\n"
	"  -L FILE      wan6's lease file (default /run/wan6/lease): its\n"
	"               lan and deprecated lines for this LAN (-S, or lan)\n"
	"               add the ISP-delegated prefixes; for tests\n"
	"  -u USER      user to run as (default nobody; rad with -C)\n"
	"  -k           log to /dev/kmsg instead of stderr\n"
	"  -n           check the settings, print them, exit (0 if good; 1\n"
	"               for a bad -C file, 2 for bad flags)\n"
	"  -v           log every solicitation\n";

static int parse_uint(const char *s, unsigned long max, unsigned long *out)
{
	char *end;

	if (!*s || *s == '-' || *s == '+')
		return -1;
	*out = strtoul(s, &end, 10);
	return *end || *out > max ? -1 : 0;
}

const char *prefix_unusable(const uint8_t addr[16])
{
	if (addr[0] == 0xff || (addr[0] == 0xfe && (addr[1] & 0xc0) == 0x80))
		return "not a global or unique local prefix";
	return NULL;
}

static int parse_prefix(const char *arg, struct ra_prefix *p,
			const char **why)
{
	char buf[INET6_ADDRSTRLEN + 8], *slash;
	unsigned long len;

	*why = "want an IPv6 prefix like fd00::/64";
	if (strlen(arg) >= sizeof(buf))
		return -1;
	strcpy(buf, arg);
	slash = strchr(buf, '/');
	if (!slash)
		return -1;
	*slash = 0;
	if (inet_pton(AF_INET6, buf, p->addr) != 1 ||
	    parse_uint(slash + 1, 128, &len) < 0)
		return -1;
	/* SLAAC builds a 64-bit interface identifier (RFC 4862, 4291). */
	*why = "SLAAC needs a /64 prefix";
	if (len != 64)
		return -1;
	if ((*why = prefix_unusable(p->addr)))
		return -1;
	/* fd00::1/64 (an address of the LAN) names the prefix fd00::/64. */
	memset(p->addr + 8, 0, 8);
	p->len = 64;
	return 0;
}

int bad_unicast(const uint8_t a[16])
{
	static const uint8_t zero[16], loop[16] = { [15] = 1 };

	return a[0] == 0xff || !memcmp(a, zero, 16) || !memcmp(a, loop, 16);
}

int domain_ok(const char *s)
{
	uint8_t wire[RA_DOMAIN_MAX + 8];

	return strspn(s, "abcdefghijklmnopqrstuvwxyz"
		      "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.") == strlen(s) &&
	       dnssl_encode(s, wire, sizeof(wire)) > 0;
}

void options_defaults(struct rad_options *cfg)
{
	memset(cfg, 0, sizeof(*cfg));
	cfg->ra.hop_limit = 64;
	cfg->ra.flags = 0;		/* M=0 O=0: SLAAC, no DHCPv6 */
	cfg->ra.valid_secs = 86400;
	cfg->ra.preferred_secs = 14400;
	cfg->router_lifetime = 1800;
	cfg->max_interval = 600;
	cfg->user = "nobody";
	cfg->lan = RAD_LAN_DEFAULT;
	cfg->lease_path = LEASE6_DEFAULT_PATH;
}

/* The flags whose settings keel.conf holds: with -C they are refused, so
 * a setting has one source. */
static const char config_flags[] = "iprdD";

int options_parse(int argc, char *const argv[], struct rad_options *cfg,
		  char *err, size_t errlen, FILE *out)
{
	const char *why;
	size_t dlen;

	struct args a;
	const char *arg;
	int c, config_flag = 0, lan_set = 0;

	options_defaults(cfg);
	args_init(&a, argc, argv, "nkvDh", "CSiprdmlaVPuL");
	while ((c = args_next(&a, &arg, err, errlen)) > 0) {
		const char opt[3] = { '-', (char)c, 0 };
		unsigned long v;

		if (strchr(config_flags, c) && !config_flag)
			config_flag = c;
		switch (c) {
		case 'C':
			if (!*arg)
				return args_fail(err, errlen, "-C needs a file");
			cfg->config_path = arg;
			break;
		case 'S':
			if (!*arg)
				return args_fail(err, errlen, "-S needs a LAN "
					    "name");
			cfg->lan = arg;
			lan_set = 1;
			break;
		case 'n': cfg->check_only = 1; break;
		case 'k': cfg->kmsg = 1; break;
		case 'v': cfg->verbose = 1; break;
		case 'D': cfg->dhcp6 = 1; break;
		case 'h': fputs(usage, out); return 1;
		case 'i':
			if (!*arg || strlen(arg) >= 16 || strchr(arg, '/') ||
			    strchr(arg, ' '))
				return args_fail(err, errlen, "-i %s: bad "
					    "interface name", arg);
			cfg->ifname = arg;
			break;
		case 'p':
			if (cfg->ra.prefix_count >= RA_PREFIX_MAX)
				return args_fail(err, errlen, "-p %s: at most %d "
					    "prefixes", arg, RA_PREFIX_MAX);
			if (parse_prefix(arg, &cfg->ra.prefixes
					 [cfg->ra.prefix_count], &why) < 0)
				return args_fail(err, errlen, "-p %s: %s", arg,
					    why);
			cfg->ra.prefix_count++;
			break;
		case 'r':
			if (cfg->ra.rdnss_count >= RA_RDNSS_MAX)
				return args_fail(err, errlen, "-r %s: at most %d "
					    "DNS servers", arg, RA_RDNSS_MAX);
			if (inet_pton(AF_INET6, arg,
				      cfg->ra.rdnss[cfg->ra.rdnss_count]) != 1 ||
			    bad_unicast(cfg->ra.rdnss[cfg->ra.rdnss_count]))
				return args_fail(err, errlen, "-r %s: not a unicast "
					    "IPv6 address", arg);
			cfg->ra.rdnss_count++;
			break;
		case 'd':
			dlen = strlen(arg);
			if (dlen > RA_DOMAIN_MAX || !domain_ok(arg))
				return args_fail(err, errlen, "-d %s: not a domain "
					    "name", arg);
			memcpy(cfg->ra.domain, arg, dlen + 1);
			break;
		case 'm':
			if (parse_uint(arg, 65535, &v) || v < 1280)
				return args_fail(err, errlen, "-m %s: want 1280 to "
					    "65535 (the IPv6 minimum is 1280)",
					    arg);
			cfg->ra.mtu = (uint32_t)v;
			break;
		case 'l':
			if (parse_uint(arg, 9000, &v))
				return args_fail(err, errlen, "-l %s: want 0 to "
					    "9000 seconds", arg);
			cfg->router_lifetime = (uint32_t)v;
			break;
		case 'a':
			if (parse_uint(arg, 1800, &v) || v < 4)
				return args_fail(err, errlen, "-a %s: want 4 to "
					    "1800 seconds", arg);
			cfg->max_interval = (uint32_t)v;
			break;
		case 'V':
		case 'P':
			if (parse_uint(arg, 0xfffffffful, &v))
				return args_fail(err, errlen, "%s %s: want seconds "
					    "(4294967295: infinite)", opt, arg);
			*(opt[1] == 'V' ? &cfg->ra.valid_secs :
			  &cfg->ra.preferred_secs) = (uint32_t)v;
			break;
		case 'L':
			/* rad watches the directory: the file is replaced by
			 * rename, so it needs a name inside one. */
			if (!*arg || strlen(arg) >= RAD_LEASE_PATH_MAX ||
			    arg[strlen(arg) - 1] == '/')
				return args_fail(err, errlen, "-L %s: want a file "
					    "path shorter than %d", arg,
					    RAD_LEASE_PATH_MAX);
			cfg->lease_path = arg;
			break;
		case 'u':
			if (!*arg)
				return args_fail(err, errlen, "-u needs a user");
			cfg->user = arg;
			cfg->user_set = 1;
			break;
		}
	}
	if (c < 0)
		return -1;
	if (cfg->config_path) {
		if (config_flag)
			return args_fail(err, errlen, "-%c and -C exclude each "
				    "other: with -C, keel.conf holds that "
				    "setting", config_flag);
		/* The LAN's settings are not in yet. */
		return 0;
	}
	if (lan_set)
		return args_fail(err, errlen, "-S names a LAN of the -C file; "
			    "without -C give -i");
	if (!cfg->ifname)
		return args_fail(err, errlen, "-i IFACE is required");
	return options_finish(cfg, err, errlen);
}

int options_finish(struct rad_options *cfg, char *err, size_t errlen)
{
	if (cfg->ra.preferred_secs > cfg->ra.valid_secs)
		return args_fail(err, errlen, "preferred lifetime %u is longer "
			    "than valid lifetime %u", cfg->ra.preferred_secs,
			    cfg->ra.valid_secs);
	/* RFC 4861 section 6.2.1: a lifetime shorter than the interval
	 * would let hosts drop the router between two RAs. */
	if (cfg->router_lifetime && cfg->router_lifetime < cfg->max_interval)
		return args_fail(err, errlen, "router lifetime %u is shorter than "
			    "the RA interval %u (-a)", cfg->router_lifetime,
			    cfg->max_interval);
	if (cfg->dhcp6 && !cfg->ra.rdnss_count && !cfg->ra.domain[0])
		return args_fail(err, errlen, "-D: nothing to hand out (give -r "
			    "or -d)");
	/* O: "other configuration" (RFC 4861 section 4.2) is what a host
	 * asks DHCPv6 for with an Information-request. */
	if (cfg->dhcp6)
		cfg->ra.flags |= 0x40;
	for (unsigned i = 0; i < cfg->ra.prefix_count; i++)
		for (unsigned j = 0; j < i; j++)
			if (!memcmp(cfg->ra.prefixes[i].addr,
				    cfg->ra.prefixes[j].addr, 16))
				return args_fail(err, errlen, "prefix %u given "
					    "twice", i + 1);
	/* RFC 4861 section 6.2.1 default: MinRtrAdvInterval 0.33 * Max. */
	cfg->min_interval = cfg->max_interval >= 9 ? cfg->max_interval / 3 :
			    cfg->max_interval * 3 / 4;
	/* RFC 8106 section 5.1: at least 3 * MaxRtrAdvInterval. */
	cfg->ra.dns_lifetime_secs = 3 * cfg->max_interval;
	return 0;
}

void options_print(const struct rad_options *cfg, FILE *out)
{
	char a[INET6_ADDRSTRLEN];

	if (cfg->config_path)
		fprintf(out, "lan %s\n", cfg->lan);
	fprintf(out, "interface %s\n", cfg->ifname);
	for (unsigned i = 0; i < cfg->ra.prefix_count; i++)
		fprintf(out, "prefix %s/%u valid %u preferred %u\n",
			inet_ntop(AF_INET6, cfg->ra.prefixes[i].addr, a,
				  sizeof(a)),
			cfg->ra.prefixes[i].len, cfg->ra.valid_secs,
			cfg->ra.preferred_secs);
	if (!cfg->ra.prefix_count)
		fprintf(out, "prefix none\n");
	fprintf(out, "rdnss");
	for (unsigned i = 0; i < cfg->ra.rdnss_count; i++)
		fprintf(out, " %s", inet_ntop(AF_INET6, cfg->ra.rdnss[i], a,
					      sizeof(a)));
	fprintf(out, "%s\n", cfg->ra.rdnss_count ? "" : " none");
	fprintf(out, "dnssl %s\n", cfg->ra.domain[0] ? cfg->ra.domain : "none");
	if (cfg->ra.rdnss_count || cfg->ra.domain[0])
		fprintf(out, "dns-lifetime %u\n", cfg->ra.dns_lifetime_secs);
	if (cfg->ra.mtu)
		fprintf(out, "mtu %u\n", cfg->ra.mtu);
	else
		fprintf(out, "mtu none\n");
	fprintf(out, "router-lifetime %u%s\n", cfg->router_lifetime,
		cfg->router_lifetime ? "" : " (not a default router)");
	fprintf(out, "interval %u-%u\n", cfg->min_interval, cfg->max_interval);
	fprintf(out, "hop-limit %u\n", cfg->ra.hop_limit);
	fprintf(out, "managed %u other %u\n", !!(cfg->ra.flags & 0x80),
		!!(cfg->ra.flags & 0x40));
	fprintf(out, "dhcpv6 %s\n", cfg->dhcp6 ? "stateless" : "off");
	fprintf(out, "lease %s (lines for lan %s)\n", cfg->lease_path,
		cfg->lan);
	fprintf(out, "user %s\n", cfg->user);
}
