/*
 * options.c - command line to struct logd_options, and its -n printout.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "options.h"

void options_defaults(struct logd_options *cfg)
{
	memset(cfg, 0, sizeof(*cfg));
	cfg->syslog_path = "/dev/log";
	cfg->kmsg_path = "/dev/kmsg";
	cfg->read_path = "/run/logd/read.sock";
	cfg->ring_bytes = 256u << 10;
	cfg->ban.failures = 5;
	cfg->ban.window_s = 600;
	cfg->ban.ban_s = 600;
	cfg->ban.ban_max_s = 86400;
	cfg->ban.probes = 20;
	cfg->ban.probe_window_s = 60;
	cfg->ban.prefix6 = SSHBAN_PREFIX6_DEFAULT;
	cfg->user = "logd";
}


static const char usage[] =
	"usage: logd [options]\n"
	"       logd -C FILE [options other than -s -r -t -f -b -6 -p -a -L]\n"
	"  -C FILE         settings from keel.conf: [log] ring-size and remote,\n"
	"                  [ssh] ban-after (0 when [services] sshd is off),\n"
	"                  ban-time, ban-prefix6, probe-limit and ban-allow;\n"
	"                  the flags for those are then refused\n"
	"  -S PATH         syslog socket (default /dev/log)\n"
	"  -K PATH         kernel log device, - for none (default /dev/kmsg)\n"
	"  -U ADDR[:PORT]  also take syslog over UDP here (repeatable, at most\n"
	"                  4; never a wildcard: name the LAN addresses)\n"
	"  -R PATH         reader socket (default /run/logd/read.sock)\n"
	"  -s SIZE         RAM ring for the log, 16k..16m (default 256k)\n"
	"  -r ADDR[:PORT]  forward everything to this syslog collector\n"
	"  -t udp|tcp      how to forward (default udp; tcp is RFC 6587\n"
	"                  octet-counted and keeps a backlog while away)\n"
	"  -f N            SSH failures that ban an address, 0 = off (default 5)\n"
	"  -w SECS         ... within this window (default 600)\n"
	"  -b SECS         first ban; doubles per repeat (default 600)\n"
	"  -m SECS         longest ban (default 86400)\n"
	"  -6 LEN          count and ban IPv6 sources per /LEN, 48..128\n"
	"                  (default 64; link-local ones always per address)\n"
	"  -p N/SECS       SSH connections without authentication (port\n"
	"                  checks) that ban a source; 0 = never (default 20/60)\n"
	"  -a PREFIX       never ban this prefix (repeatable, at most 16)\n"
	"  -L PREFIX       a LAN's own IPv6 prefix: sources in it are banned\n"
	"                  per address (repeatable, at most 16; with -C: the\n"
	"                  [lan] sections' IPv6 addresses)\n"
	"  -u USER         drop privileges to USER (default logd)\n"
	"  -H NAME         host name in lines and forwards (default: kernel's)\n"
	"  -n              check settings, print them, exit\n"
	"                  (0 if good; 1 for a bad -C file, 2 for bad flags)\n";

#define FAIL(...) do { snprintf(err, errlen, __VA_ARGS__); return -1; } \
	while (0)

/* The flags whose settings keel.conf holds: with -C they are refused, so
 * a setting has one source. */
static const char config_flags[] = "srtfb6paL";

/* "N/SECS", or "0" for never. */
static int parse_probe_limit(const char *s, struct sshban_config *ban)
{
	char n[16];
	const char *slash = strchr(s, '/');
	uint32_t count, secs = 60;

	if (!slash) {
		if (parse_u32(s, 0, &count))
			return -1;
		ban->probes = 0;
		return 0;
	}
	if ((size_t)(slash - s) >= sizeof(n))
		return -1;
	memcpy(n, s, (size_t)(slash - s));
	n[slash - s] = '\0';
	if (parse_u32(n, LOGD_BAN_FAILURES_MAX, &count) ||
	    parse_u32(slash + 1, 86400, &secs) || !secs)
		return -1;
	ban->probes = count;
	ban->probe_window_s = secs;
	return 0;
}

int options_parse(struct logd_options *cfg, int argc, char **argv,
		  char *err, size_t errlen)
{
	int opt, config_flag = 0;

	optind = 1;
	opterr = 0;
	while ((opt = getopt(argc, argv, ":C:S:K:U:R:s:r:t:f:w:b:m:6:p:a:L:u:H:nh")) !=
	       -1) {
		if (strchr(config_flags, opt) && !config_flag)
			config_flag = opt;
		switch (opt) {
		case 'C':
			if (!optarg[0])
				FAIL("-C needs a file");
			cfg->config_path = optarg;
			break;
		case 'S':
			if (!optarg[0] || strlen(optarg) >= 108)
				FAIL("-S %s: not a socket path", optarg);
			cfg->syslog_path = optarg;
			break;
		case 'K':
			cfg->kmsg_path = strcmp(optarg, "-") ? optarg : NULL;
			break;
		case 'U':
			if (cfg->n_udp == LOGD_UDP_MAX)
				FAIL("more than %d -U", LOGD_UDP_MAX);
			if (endpoint_parse(optarg, 514, &cfg->udp[cfg->n_udp]))
				FAIL("-U %s: not ADDR[:PORT]", optarg);
			if (endpoint_is_wildcard(&cfg->udp[cfg->n_udp]))
				FAIL("-U %s: a wildcard would listen on the "
				     "WAN too; name a LAN address", optarg);
			cfg->n_udp++;
			break;
		case 'R':
			if (!optarg[0] || strlen(optarg) >= 108)
				FAIL("-R %s: not a socket path", optarg);
			cfg->read_path = optarg;
			break;
		case 's':
			if (parse_size(optarg, &cfg->ring_bytes) ||
			    cfg->ring_bytes < LOGD_RING_MIN ||
			    cfg->ring_bytes > LOGD_RING_MAX)
				FAIL("-s %s: not a size from 16k to 16m",
				     optarg);
			break;
		case 'r':
			if (endpoint_parse(optarg, 514, &cfg->remote))
				FAIL("-r %s: not ADDR[:PORT]", optarg);
			cfg->remote_set = true;
			break;
		case 't':
			if (strcmp(optarg, "udp") && strcmp(optarg, "tcp"))
				FAIL("-t %s: udp or tcp", optarg);
			cfg->remote_tcp = !strcmp(optarg, "tcp");
			break;
		case 'f':
			if (parse_u32(optarg, LOGD_BAN_FAILURES_MAX,
				      &cfg->ban.failures))
				FAIL("-f %s: not a count 0..%u", optarg,
				     LOGD_BAN_FAILURES_MAX);
			break;
		case 'w':
			if (parse_u32(optarg, 86400, &cfg->ban.window_s) ||
			    !cfg->ban.window_s)
				FAIL("-w %s: not seconds 1..86400", optarg);
			break;
		case 'b':
			if (parse_u32(optarg, LOGD_BAN_SECONDS_MAX,
				      &cfg->ban.ban_s) || !cfg->ban.ban_s)
				FAIL("-b %s: not seconds 1..%u", optarg,
				     LOGD_BAN_SECONDS_MAX);
			break;
		case 'm':
			if (parse_u32(optarg, LOGD_BAN_SECONDS_MAX,
				      &cfg->ban.ban_max_s) || !cfg->ban.ban_max_s)
				FAIL("-m %s: not seconds 1..%u", optarg,
				     LOGD_BAN_SECONDS_MAX);
			break;
		case '6': {
			uint32_t len;

			if (parse_u32(optarg, 128, &len) ||
			    len < SSHBAN_PREFIX6_MIN)
				FAIL("-6 %s: not a prefix length %u..128",
				     optarg, SSHBAN_PREFIX6_MIN);
			cfg->ban.prefix6 = (uint8_t)len;
			break;
		}
		case 'p':
			if (parse_probe_limit(optarg, &cfg->ban))
				FAIL("-p %s: not N/SECS (N 0..%u, SECS "
				     "1..86400) or 0", optarg,
				     LOGD_BAN_FAILURES_MAX);
			break;
		case 'a':
			if (cfg->ban.n_allow == SSHBAN_ALLOW_MAX)
				FAIL("more than %d -a", SSHBAN_ALLOW_MAX);
			if (prefix_parse(optarg,
					 &cfg->ban.allow[cfg->ban.n_allow]))
				FAIL("-a %s: not ADDR[/LEN]", optarg);
			cfg->ban.n_allow++;
			break;
		case 'L':
			if (cfg->ban.n_local6 == SSHBAN_LOCAL6_MAX)
				FAIL("more than %d -L", SSHBAN_LOCAL6_MAX);
			if (prefix_parse(optarg,
					 &cfg->ban.local6[cfg->ban.n_local6]) ||
			    cfg->ban.local6[cfg->ban.n_local6].family != AF_INET6)
				FAIL("-L %s: not an IPv6 ADDR[/LEN]", optarg);
			cfg->ban.n_local6++;
			break;
		case 'u':
			cfg->user = optarg;
			break;
		case 'H':
			if (!optarg[0] || strlen(optarg) > 63)
				FAIL("-H %s: not a host name", optarg);
			cfg->hostname = optarg;
			break;
		case 'n':
			cfg->check_only = true;
			break;
		case 'h':
			fputs(usage, stdout);
			return 1;
		case ':':
			FAIL("-%c needs a value", optopt);
		default:
			FAIL("unknown option -%c (logd -h for help)", optopt);
		}
	}
	if (optind < argc)
		FAIL("unexpected argument %s", argv[optind]);
	if (cfg->config_path && config_flag)
		FAIL("-%c and -C exclude each other: with -C, keel.conf holds "
		     "that setting", config_flag);
	/* With -C the ban time is not in yet: options_from_config() checks. */
	return cfg->config_path ? 0 : options_check(cfg, err, errlen);
}

int options_check(const struct logd_options *cfg, char *err, size_t errlen)
{
	if (cfg->ban.ban_max_s < cfg->ban.ban_s)
		FAIL("longest ban %u s (-m) is shorter than the first ban %u s",
		     cfg->ban.ban_max_s, cfg->ban.ban_s);
	if (!strcmp(cfg->syslog_path, cfg->read_path))
		FAIL("-S and -R name the same path");
	return 0;
}

void options_print(const struct logd_options *cfg, FILE *f)
{
	char a[64];

	fprintf(f, "syslog socket   %s\n", cfg->syslog_path);
	fprintf(f, "kernel log      %s\n",
		cfg->kmsg_path ? cfg->kmsg_path : "off");
	for (size_t i = 0; i < cfg->n_udp; i++)
		fprintf(f, "udp listen      %s\n", cfg->udp[i].text);
	fprintf(f, "reader socket   %s\n", cfg->read_path);
	fprintf(f, "ring            %zu bytes\n", cfg->ring_bytes);
	if (cfg->remote_set)
		fprintf(f, "remote          %s %s\n", cfg->remote.text,
			cfg->remote_tcp ? "tcp" : "udp");
	else
		fprintf(f, "remote          none\n");
	if (cfg->ban.failures)
		fprintf(f, "ssh ban         %u failures in %us: %us, doubling "
			"to %us\n", cfg->ban.failures, cfg->ban.window_s,
			cfg->ban.ban_s, cfg->ban.ban_max_s);
	else
		fprintf(f, "ssh ban         off\n");
	if (cfg->ban.failures && cfg->ban.probes)
		fprintf(f, "ssh probe ban   %u connections without auth in "
			"%us\n", cfg->ban.probes, cfg->ban.probe_window_s);
	else if (cfg->ban.failures)
		fprintf(f, "ssh probe ban   off\n");
	if (cfg->ban.failures)
		fprintf(f, "ssh ban prefix  ipv4 /32, ipv6 /%u, link-local "
			"/128\n", cfg->ban.prefix6);
	for (size_t i = 0; i < cfg->ban.n_allow; i++) {
		const struct prefix *p = &cfg->ban.allow[i];

		inet_ntop(p->family, p->addr, a, sizeof(a));
		fprintf(f, "never ban       %s/%u\n", a, p->len);
	}
	for (size_t i = 0; i < cfg->ban.n_local6; i++) {
		const struct prefix *p = &cfg->ban.local6[i];
		uint8_t net[16];

		/* The network, as the LAN's address fd00::1/64 means it. */
		memcpy(net, p->addr, sizeof(net));
		for (unsigned bit = p->len; bit < 128; bit++)
			net[bit / 8] &= (uint8_t)~(0x80u >> (bit % 8));
		inet_ntop(p->family, net, a, sizeof(a));
		fprintf(f, "ban per address %s/%u (a LAN's own prefix)\n", a,
			p->len);
	}
	fprintf(f, "user            %s\n", cfg->user);
	fprintf(f, "host name       %s\n",
		cfg->hostname ? cfg->hostname : "(kernel's)");
}
