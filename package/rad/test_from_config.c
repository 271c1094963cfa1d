/*
 * test_from_config.c - rad -C: a LAN's IPv6 addresses become prefixes and
 * (with dnsd) DNS servers, [dns] domain the search domain, and each shows
 * in the -n printout; a maximal LAN maps whole; a missing LAN, one without
 * IPv6, or what rad cannot hold is an error, never cut.
 */
#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "dhcp6_wire.h"
#include "from_config.h"

#define LAN "[lan]\ninterface eth1\naddress 10.0.0.1/24 fd00::1/64\n"
#define GUEST "[lan guest]\ninterface eth2\n" \
	"address 172.16.0.1/24 2001:db8:0:7::1/64\n"

static struct keel_config conf;
static struct rad_options opt;
static char err[320];

/* Parses text as keel.conf, then maps LAN name onto default options. */
static int map_lan(const char *text, const char *lan)
{
	struct config_error cerr;

	options_defaults(&opt);
	err[0] = '\0';
	if (config_parse(text, strlen(text), &conf, &cerr) < 0) {
		snprintf(err, sizeof(err), "parse: %s", cerr.msg);
		return -2;
	}
	return options_from_config(&opt, &conf, lan, err, sizeof(err));
}

static int map(const char *text)
{
	return map_lan(text, RAD_LAN_DEFAULT);
}

static int addr_is(const uint8_t got[16], const char *want)
{
	uint8_t a[16];

	return inet_pton(AF_INET6, want, a) == 1 && !memcmp(got, a, 16);
}

/* The -n printout of text's settings, into out. */
static void printed(const char *text, char *out, size_t size)
{
	FILE *f;

	out[0] = '\0';
	if (map(text) != 0)
		return;
	opt.config_path = "keel.conf";
	f = fmemopen(out, size, "w");
	if (!f)
		return;
	options_print(&opt, f);
	fclose(f);
}

static void test_keys(void)
{
	CHECK_EQ_INT(map(LAN), 0);
	CHECK_STR(opt.ifname, "eth1");
	CHECK_EQ_UINT(opt.ra.prefix_count, 1);
	CHECK(addr_is(opt.ra.prefixes[0].addr, "fd00::"));
	CHECK_EQ_UINT(opt.ra.prefixes[0].len, 64);
	CHECK_EQ_UINT(opt.ra.rdnss_count, 1);	/* dnsd is on by default */
	CHECK(addr_is(opt.ra.rdnss[0], "fd00::1"));
	CHECK_STR(opt.ra.domain, "lan");	/* [dns] domain's default */
	CHECK_EQ_INT(opt.dhcp6, 1);
	CHECK_EQ_UINT(opt.ra.flags, 0x40);	/* O: ask DHCPv6 */
	CHECK_STR(opt.user, "rad");
	/* What keel.conf does not hold stays as the flags left it. */
	CHECK_EQ_UINT(opt.router_lifetime, 1800);
	CHECK_EQ_UINT(opt.min_interval, 200);
	CHECK_EQ_UINT(opt.ra.dns_lifetime_secs, 1800);
	CHECK_EQ_UINT(opt.ra.mtu, 0);

	/* No dnsd: no DNS server to name; DHCPv6 still hands the domain. */
	CHECK_EQ_INT(map(LAN "[services]\ndnsd off\n"), 0);
	CHECK_EQ_UINT(opt.ra.rdnss_count, 0);
	CHECK_EQ_INT(opt.dhcp6, 1);
	CHECK_EQ_INT(map(LAN "[dns]\ndomain home.example\n"), 0);
	CHECK_STR(opt.ra.domain, "home.example");

	/* An address with a longer prefix still names its /64. */
	CHECK_EQ_INT(map("[lan]\ninterface br0\n"
			 "address 2001:db8:1:2:3::1/80\n"), 0);
	CHECK_STR(opt.ifname, "br0");
	CHECK(addr_is(opt.ra.prefixes[0].addr, "2001:db8:1:2::"));
	CHECK(addr_is(opt.ra.rdnss[0], "2001:db8:1:2:3::1"));
	/* Two addresses in one /64: the prefix once, both as servers. */
	CHECK_EQ_INT(map("[lan]\ninterface br0\naddress fd00::1/120 "
			 "fd00::101/120\n"), 0);
	CHECK_EQ_UINT(opt.ra.prefix_count, 1);
	CHECK_EQ_UINT(opt.ra.rdnss_count, 2);

	/* -S: another LAN of the same file. */
	CHECK_EQ_INT(map_lan(LAN GUEST, "guest"), 0);
	CHECK_STR(opt.ifname, "eth2");
	CHECK(addr_is(opt.ra.prefixes[0].addr, "2001:db8:0:7::"));
	CHECK(addr_is(opt.ra.rdnss[0], "2001:db8:0:7::1"));

	/* -u, not the config, names the user when given; -a still holds. */
	options_defaults(&opt);
	opt.user = "nobody";
	opt.user_set = 1;
	opt.max_interval = 30;
	CHECK_EQ_INT(options_from_config(&opt, &conf, "lan", err,
					 sizeof(err)), 0);
	CHECK_STR(opt.user, "nobody");
	CHECK_EQ_UINT(opt.min_interval, 10);
	CHECK_EQ_UINT(opt.ra.dns_lifetime_secs, 90);
}

static void test_maximal(void)
{
	char conf_text[1024], domain[CONFIG_DOMAIN_MAX + 1];

	/* 3 labels of 63 and one of 61: the longest name keel.conf takes. */
	memset(domain, 'a', CONFIG_DOMAIN_MAX);
	domain[CONFIG_DOMAIN_MAX] = 0;
	domain[63] = domain[127] = domain[191] = '.';
	snprintf(conf_text, sizeof(conf_text),
		 "[lan]\ninterface eth1\naddress fd00:0:0:1::1/64 "
		 "fd00:0:0:2::1/64 2001:db8:0:3::1/64 2001:db8:0:4::1/64\n"
		 "[dns]\ndomain %s\n", domain);
	CHECK_EQ_INT(map(conf_text), 0);
	CHECK_EQ_UINT(opt.ra.prefix_count, CONFIG_MAX_ADDRS);
	CHECK_EQ_UINT(opt.ra.rdnss_count, CONFIG_MAX_ADDRS);
	CHECK(addr_is(opt.ra.prefixes[3].addr, "2001:db8:0:4::"));
	CHECK(addr_is(opt.ra.rdnss[3], "2001:db8:0:4::1"));
	CHECK_STR(opt.ra.domain, domain);
	/* And the RA and the DHCPv6 server for it fit. */
	{
		static const uint8_t mac[6] = { 0x52, 0x54, 0, 1, 2, 3 };
		uint8_t ra[RA_MAX_LEN];
		struct dhcp6_server srv;

		opt.ra.has_lladdr = 1;
		opt.ra.mtu = 1500;
		/* With every delegated prefix rad holds, exactly the most. */
		opt.ra.timed_count = RA_TIMED_MAX;
		for (unsigned i = 0; i < RA_TIMED_MAX; i++)
			opt.ra.timed[i].prefix = opt.ra.prefixes[3];
		CHECK_EQ_UINT(ra_build(&opt.ra, 1800, ra, sizeof(ra)),
			      RA_MAX_LEN);
		opt.ra.timed_count = 0;
		CHECK_EQ_INT(dhcp6_server_setup(&srv, mac,
						(const uint8_t (*)[16])opt.ra.rdnss,
						opt.ra.rdnss_count, opt.ra.domain,
						opt.ra.dns_lifetime_secs), 0);
	}
}

static void test_errors(void)
{
	CHECK_EQ_INT(map_lan(LAN, "guest"), -1);
	CHECK_STR(err, "no [lan guest] section");
	CHECK_EQ_INT(map_lan(LAN "[lan guest]\ninterface eth2\n"
			     "address 172.16.0.1/24\n", "guest"), -1);
	CHECK(strstr(err, "[lan guest] has no IPv6 address") != NULL);
	CHECK_EQ_INT(map("[lan]\ninterface eth1\naddress fe80::1/64\n"), -1);
	CHECK(strstr(err, "fe80::1/64: not a global") != NULL);

	/* Past what the parser lets through (a label of 253): rad's own
	 * check holds, by name. */
	CHECK_EQ_INT(map(LAN), 0);
	memset(conf.dns.domain, 'a', CONFIG_DOMAIN_MAX);
	conf.dns.domain[CONFIG_DOMAIN_MAX] = 0;
	options_defaults(&opt);
	CHECK_EQ_INT(options_from_config(&opt, &conf, "lan", err,
					 sizeof(err)), -1);
	CHECK(strstr(err, "[dns] domain") && strstr(err, "RA_DOMAIN_MAX"));
	/* A failed map leaves the options as they were. */
	CHECK(opt.ifname == NULL);
	CHECK_EQ_UINT(opt.ra.prefix_count, 0);
	CHECK_STR(opt.user, "nobody");
}

/* Every key rad owns changes what -n prints. */
static void test_printout(void)
{
	static const char *const variants[] = {
		"[lan]\ninterface eth1\naddress 10.0.0.1/24 fd01::1/64\n",
		"[lan]\ninterface eth1\naddress 10.0.0.1/24 fd00::2/64\n",
		"[lan]\ninterface eth1\naddress 10.0.0.1/24 fd00::1/64 "
		"fd01::1/64\n",
		"[lan]\ninterface eth2\naddress 10.0.0.1/24 fd00::1/64\n",
		LAN "[dns]\ndomain home.example\n",
		LAN "[services]\ndnsd off\n",
	};
	static char base[2048], other[2048];

	printed(LAN, base, sizeof(base));
	CHECK(strstr(base, "lan lan\n") != NULL);
	CHECK(strstr(base, "interface eth1\n") != NULL);
	CHECK(strstr(base, "prefix fd00::/64 valid 86400 preferred 14400\n"));
	CHECK(strstr(base, "rdnss fd00::1\n") != NULL);
	CHECK(strstr(base, "dnssl lan\n") != NULL);
	CHECK(strstr(base, "dhcpv6 stateless\n") != NULL);
	CHECK(strstr(base, "managed 0 other 1\n") != NULL);
	CHECK(strstr(base, "user rad\n") != NULL);
	for (size_t i = 0; i < sizeof(variants) / sizeof(variants[0]); i++) {
		printed(variants[i], other, sizeof(other));
		check_report(other[0] && strcmp(base, other) != 0, __FILE__,
			     __LINE__, "-n output does not show: %s", variants[i]);
	}
	printed(variants[5], other, sizeof(other));
	CHECK(strstr(other, "rdnss none\n") != NULL);
}

#define ARGS(...) (char *const[]){ "rad", __VA_ARGS__, NULL }
#define NARGS(...) (int)(sizeof((char *const[]){ "rad", __VA_ARGS__ }) / \
			 sizeof(char *))
#define PARSE(...) options_parse(NARGS(__VA_ARGS__), ARGS(__VA_ARGS__), \
				 &opt, err, sizeof(err), stdout)

/* -C and the flags keel.conf owns exclude each other. */
static void test_flags(void)
{
	CHECK_EQ_INT(PARSE("-C", "/etc/keel/keel.conf", "-S", "guest", "-n",
			   "-k", "-v", "-u", "nobody", "-a", "30", "-l", "60",
			   "-m", "1400"), 0);
	CHECK_STR(opt.config_path, "/etc/keel/keel.conf");
	CHECK_STR(opt.lan, "guest");
	CHECK(opt.check_only && opt.kmsg && opt.verbose && opt.user_set);
	CHECK_EQ_INT(PARSE("-C", "k.conf"), 0);
	CHECK_STR(opt.lan, "lan");
	CHECK(!opt.user_set);
	CHECK_EQ_INT(PARSE("-C", "k.conf", "-i", "eth1"), -1);
	CHECK(strstr(err, "-i and -C") != NULL);
	CHECK_EQ_INT(PARSE("-p", "fd00::/64", "-C", "k.conf"), -1);
	CHECK(strstr(err, "-p and -C") != NULL);
	CHECK_EQ_INT(PARSE("-C", "k.conf", "-r", "fd00::1"), -1);
	CHECK_EQ_INT(PARSE("-C", "k.conf", "-d", "lan"), -1);
	CHECK_EQ_INT(PARSE("-C", "k.conf", "-D"), -1);
	CHECK_EQ_INT(PARSE("-i", "eth1", "-S", "guest"), -1);
	CHECK(strstr(err, "-S") != NULL);
	CHECK_EQ_INT(PARSE("-C", "k.conf", "-S", ""), -1);
}

int main(void)
{
	test_keys();
	test_maximal();
	test_errors();
	test_printout();
	test_flags();
	return check_done();
}
