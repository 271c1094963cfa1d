/* Unit tests for options.c: defaults, every flag, every refusal. */
#include <arpa/inet.h>
#include <string.h>

#include "check.h"
#include "options.h"

#define ARGS(...) (char *const[]){ "rad", __VA_ARGS__, NULL }
#define NARGS(...) (int)(sizeof((char *const[]){ "rad", __VA_ARGS__ }) / \
			 sizeof(char *))

static struct rad_options cfg;
static char err[160];

#define PARSE(...) options_parse(NARGS(__VA_ARGS__), ARGS(__VA_ARGS__), &cfg, \
				 err, sizeof(err), stdout)

static int refused(int rc, const char *want)
{
	return rc == -1 && strstr(err, want) != NULL;
}

int main(void)
{
	char out[4096];
	FILE *f;
	uint8_t a[16];

	CHECK_EQ_INT(PARSE("-i", "eth1", "-p", "fd00::/64", "-r", "fd00::1",
			   "-d", "lan"), 0);
	CHECK_STR(cfg.ifname, "eth1");
	CHECK_EQ_UINT(cfg.ra.prefix_count, 1);
	inet_pton(AF_INET6, "fd00::", a);
	CHECK(memcmp(cfg.ra.prefixes[0].addr, a, 16) == 0);
	CHECK_EQ_UINT(cfg.ra.prefixes[0].len, 64);
	CHECK_EQ_UINT(cfg.ra.rdnss_count, 1);
	CHECK_STR(cfg.ra.domain, "lan");
	CHECK_EQ_UINT(cfg.router_lifetime, 1800);
	CHECK_EQ_UINT(cfg.min_interval, 200);
	CHECK_EQ_UINT(cfg.max_interval, 600);
	CHECK_EQ_UINT(cfg.ra.dns_lifetime_secs, 1800);
	CHECK_EQ_UINT(cfg.ra.hop_limit, 64);
	CHECK_EQ_UINT(cfg.ra.flags, 0);
	CHECK_EQ_INT(cfg.dhcp6, 0);
	CHECK_EQ_UINT(cfg.ra.valid_secs, 86400);
	CHECK_EQ_UINT(cfg.ra.preferred_secs, 14400);
	CHECK_EQ_UINT(cfg.ra.mtu, 0);
	CHECK_STR(cfg.user, "nobody");
	CHECK_EQ_INT(cfg.check_only, 0);

	/* An address of the LAN names its /64. */
	CHECK_EQ_INT(PARSE("-i", "eth1", "-p", "2001:db8:1:2::1/64", "-m",
			   "1492", "-l", "0", "-a", "30", "-V", "7200", "-P",
			   "3600", "-u", "rad", "-n", "-k", "-v"), 0);
	inet_pton(AF_INET6, "2001:db8:1:2::", a);
	CHECK(memcmp(cfg.ra.prefixes[0].addr, a, 16) == 0);
	CHECK_EQ_UINT(cfg.ra.mtu, 1492);
	CHECK_EQ_UINT(cfg.router_lifetime, 0);
	CHECK_EQ_UINT(cfg.min_interval, 10);
	CHECK_EQ_UINT(cfg.max_interval, 30);
	CHECK_EQ_UINT(cfg.ra.dns_lifetime_secs, 90);
	CHECK_EQ_UINT(cfg.ra.valid_secs, 7200);
	CHECK_EQ_UINT(cfg.ra.preferred_secs, 3600);
	CHECK_STR(cfg.user, "rad");
	CHECK(cfg.check_only && cfg.kmsg && cfg.verbose);
	CHECK_EQ_INT(PARSE("-i", "eth1", "-a", "4", "-l", "4"), 0);
	CHECK_EQ_UINT(cfg.min_interval, 3);

	CHECK_EQ_INT(PARSE("-i", "eth1", "-p", "fd00::/64", "-p", "fd01::/64",
			   "-p", "fd02::/64", "-p", "fd03::/64", "-r", "fd00::1",
			   "-r", "fd00::2", "-r", "2001:db8::53"), 0);
	CHECK_EQ_UINT(cfg.ra.prefix_count, 4);
	CHECK_EQ_UINT(cfg.ra.rdnss_count, 3);

	/* -D: the DHCPv6 server, announced by the O flag. */
	CHECK_EQ_INT(PARSE("-i", "eth1", "-d", "lan", "-D"), 0);
	CHECK_EQ_INT(cfg.dhcp6, 1);
	CHECK_EQ_UINT(cfg.ra.flags, 0x40);
	CHECK_EQ_INT(PARSE("-i", "eth1", "-r", "fd00::1", "-D"), 0);
	CHECK(refused(PARSE("-i", "eth1", "-p", "fd00::/64", "-D"),
		      "nothing"));

	CHECK(refused(PARSE("-p", "fd00::/64"), "-i IFACE is required"));
	CHECK(refused(PARSE("-i", "eth1", "-p", "fd00::/48"), "/64"));
	CHECK(refused(PARSE("-i", "eth1", "-p", "fd00::/65"), "/64"));
	CHECK(refused(PARSE("-i", "eth1", "-p", "fd00::"), "fd00::/64"));
	CHECK(refused(PARSE("-i", "eth1", "-p", "fd00::/x"), "fd00::/64"));
	CHECK(refused(PARSE("-i", "eth1", "-p", "10.0.0.0/64"), "fd00::/64"));
	CHECK(refused(PARSE("-i", "eth1", "-p", "fe80::/64"), "not a global"));
	CHECK(refused(PARSE("-i", "eth1", "-p", "ff05::/64"), "not a global"));
	CHECK(refused(PARSE("-i", "eth1", "-p", "fd00::/64", "-p",
			    "fd00::1/64"), "twice"));
	CHECK(refused(PARSE("-i", "eth1", "-p", "fd00::/64", "-p", "fd01::/64",
			    "-p", "fd02::/64", "-p", "fd03::/64", "-p",
			    "fd04::/64"), "at most 4"));
	CHECK_EQ_INT(PARSE("-i", "eth1", "-r", "fd00::1", "-r", "fd00::2",
			   "-r", "fd00::3", "-r", "fd00::4"), 0);
	CHECK_EQ_UINT(cfg.ra.rdnss_count, 4);
	CHECK(refused(PARSE("-i", "eth1", "-r", "fd00::1", "-r", "fd00::2",
			    "-r", "fd00::3", "-r", "fd00::4", "-r", "fd00::5"),
		      "at most 4"));
	CHECK(refused(PARSE("-i", "eth1", "-r", "::"), "unicast"));
	CHECK(refused(PARSE("-i", "eth1", "-r", "::1"), "unicast"));
	CHECK(refused(PARSE("-i", "eth1", "-r", "ff02::1"), "unicast"));
	CHECK(refused(PARSE("-i", "eth1", "-r", "1.2.3.4"), "unicast"));
	CHECK(refused(PARSE("-i", "eth1", "-d", "a..b"), "domain"));
	CHECK(refused(PARSE("-i", "eth1", "-d", "a b"), "domain"));
	CHECK(refused(PARSE("-i", "eth1", "-d", ""), "domain"));
	CHECK(refused(PARSE("-i", "eth1", "-m", "1279"), "1280"));
	CHECK(refused(PARSE("-i", "eth1", "-m", "65536"), "1280"));
	CHECK(refused(PARSE("-i", "eth1", "-l", "9001"), "9000"));
	CHECK(refused(PARSE("-i", "eth1", "-l", "100"), "shorter"));
	CHECK(refused(PARSE("-i", "eth1", "-a", "3"), "4 to 1800"));
	CHECK(refused(PARSE("-i", "eth1", "-V", "100", "-P", "200"),
		      "preferred"));
	CHECK(refused(PARSE("-i", "eth1", "-V", "-1"), "seconds"));
	CHECK(refused(PARSE("-i", "eth1", "-x", "1"), "unknown option"));
	CHECK(refused(PARSE("-i", "eth1", "stray"), "unexpected"));
	CHECK(refused(PARSE("-i", "eth1", "-p"), "needs a value"));
	CHECK(refused(PARSE("-i", "a-very-long-interface"), "interface"));
	CHECK(refused(PARSE("-i", "eth1", "-u", ""), "user"));

	CHECK_EQ_INT(PARSE("-i", "eth1", "-p", "fd00::/64", "-r", "fd00::1",
			   "-d", "lan", "-m", "1400"), 0);
	f = fmemopen(out, sizeof(out), "w");
	options_print(&cfg, f);
	fclose(f);
	CHECK(strstr(out, "interface eth1\n") != NULL);
	CHECK(strstr(out, "prefix fd00::/64 valid 86400 preferred 14400\n"));
	CHECK(strstr(out, "rdnss fd00::1\n") != NULL);
	CHECK(strstr(out, "dnssl lan\n") != NULL);
	CHECK(strstr(out, "mtu 1400\n") != NULL);
	CHECK(strstr(out, "router-lifetime 1800\n") != NULL);
	CHECK(strstr(out, "interval 200-600\n") != NULL);
	CHECK(strstr(out, "managed 0 other 0\n") != NULL);
	CHECK(strstr(out, "dhcpv6 off\n") != NULL);
	/* rad says where the delegated prefixes come from. */
	CHECK(strstr(out, "lease /run/wan6/lease (lines for lan lan)\n"));
	CHECK_EQ_INT(PARSE("-i", "eth1", "-p", "fd00::/64", "-L",
			   "/tmp/t/lease"), 0);
	f = fmemopen(out, sizeof(out), "w");
	options_print(&cfg, f);
	fclose(f);
	CHECK(strstr(out, "lease /tmp/t/lease (lines for lan lan)\n"));
	CHECK(refused(PARSE("-i", "eth1", "-L", ""), "-L"));
	CHECK(refused(PARSE("-i", "eth1", "-L", "/run/wan6/"), "file path"));
	/* -L is not a keel.conf setting: allowed with -C. */
	CHECK_EQ_INT(PARSE("-C", "/x/keel.conf", "-S", "guest", "-L",
			   "/tmp/t/lease"), 0);
	CHECK_EQ_INT(PARSE("-i", "eth1", "-d", "lan", "-D"), 0);
	f = fmemopen(out, sizeof(out), "w");
	options_print(&cfg, f);
	fclose(f);
	CHECK(strstr(out, "managed 0 other 1\n") != NULL);
	CHECK(strstr(out, "dhcpv6 stateless\n") != NULL);
	return check_done();
}
