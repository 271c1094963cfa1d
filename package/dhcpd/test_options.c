/*
 * test_options.c - command-line settings: parse, check, print.
 */
#include <stdio.h>

#include "check.h"
#include "options.h"
#include "test_packet.h"

static struct dhcpd_options cfg;
static char err[160];

#define PARSE(...) parse((char *[]){ "dhcpd", __VA_ARGS__, NULL })

static int parse(char *argv[])
{
	int argc = 0;

	while (argv[argc])
		argc++;
	err[0] = 0;
	return options_parse(argc, argv, &cfg, err, sizeof(err), stdout);
}

int main(void)
{
	char out[2048];
	FILE *fp;

	CHECK_EQ_INT(PARSE("-i", "br-lan", "-r", "10.99.0.10-10.99.0.200",
			   "-m", "24", "-g", "10.99.0.1", "-D", "10.99.0.1",
			   "-D", "9.9.9.9", "-d", "lan", "-t", "3600",
			   "-s", "52:54:00:00:00:01=10.99.0.5,printer",
			   "-s", "52:54:00:00:00:02=10.99.0.6",
			   "-R", "10.100.1.0/16=10.99.0.254", "-M", "1400",
			   "-f", "/tmp/l", "-H", "", "-U", "nobody", "-n"), 0);
	CHECK_STR(cfg.ifname, "br-lan");
	CHECK_EQ_UINT(cfg.pool_first, IP4(10, 99, 0, 10));
	CHECK_EQ_UINT(cfg.pool_last, IP4(10, 99, 0, 200));
	CHECK_EQ_UINT(cfg.netmask, IP4(255, 255, 255, 0));
	CHECK_EQ_UINT(cfg.dns_count, 2);
	CHECK_EQ_UINT(cfg.static_count, 2);
	CHECK_STR(cfg.statics[0].name, "printer");
	CHECK_STR(cfg.statics[1].name, "");
	CHECK_EQ_UINT(cfg.routes[0].dest, IP4(10, 100, 0, 0));
	CHECK_EQ_UINT(cfg.lease_secs, 3600);
	CHECK_EQ_UINT(cfg.mtu, 1400);
	CHECK(cfg.check_only);
	CHECK_STR(cfg.hosts_file, "");
	CHECK_STR(cfg.status_file, "");	/* by hand: none unless -W */
	CHECK_EQ_INT(options_check(&cfg, IP4(10, 99, 0, 1),
				  IP4(255, 255, 255, 0), err, sizeof(err)), 0);
	fp = fmemopen(out, sizeof(out), "w");
	options_print(&cfg, IP4(10, 99, 0, 1), IP4(255, 255, 255, 0), fp);
	fclose(fp);
	CHECK(strstr(out, "pool 10.99.0.10-10.99.0.200 (191 addresses)\n"));
	CHECK(strstr(out, "static 52:54:00:00:00:01 10.99.0.5 printer\n"));
	CHECK(strstr(out, "route 10.100.0.0/16 via 10.99.0.254\n"));
	CHECK(strstr(out, "status-file none\n"));
	CHECK_EQ_INT(PARSE("-i", "x", "-r", "10.0.0.2-10.0.0.3", "-W",
			   "/tmp/x.status"), 0);
	CHECK_STR(cfg.status_file, "/tmp/x.status");

	/* Per-MAC rate as keel.conf writes it; default 30/m. */
	CHECK(strstr(out, "rate-limit 30/m\n"));
	CHECK(strstr(out, "total-rate-limit 1000/s\n"));
	CHECK_EQ_UINT(cfg.per_mac_count, 30);
	CHECK_EQ_UINT(cfg.per_mac_secs, 60);
	CHECK_EQ_INT(PARSE("-i", "x", "-r", "10.0.0.2-10.0.0.3", "-l", "100/h"),
		     0);
	CHECK_EQ_UINT(cfg.per_mac_count, 100);
	CHECK_EQ_UINT(cfg.per_mac_secs, 3600);
	CHECK_EQ_INT(PARSE("-i", "x", "-r", "10.0.0.2-10.0.0.3", "-l", "7"), 0);
	CHECK_EQ_UINT(cfg.per_mac_count, 7);
	CHECK_EQ_UINT(cfg.per_mac_secs, 1);
	CHECK_EQ_INT(PARSE("-i", "x", "-r", "10.0.0.2-10.0.0.3", "-l", "5/s"),
		     0);
	CHECK_EQ_UINT(cfg.per_mac_count, 5);
	CHECK_EQ_INT(PARSE("-i", "x", "-r", "10.0.0.2-10.0.0.3", "-l", "off",
			   "-L", "0"), 0);
	CHECK_EQ_UINT(cfg.per_mac_count, 0);
	CHECK_EQ_UINT(cfg.total_rate, 0);
	fp = fmemopen(out, sizeof(out), "w");
	options_print(&cfg, IP4(10, 0, 0, 1), IP4(255, 255, 255, 0), fp);
	fclose(fp);
	CHECK(strstr(out, "rate-limit off\n"));
	CHECK(strstr(out, "total-rate-limit off\n"));
	CHECK_EQ_INT(PARSE("-i", "x", "-r", "10.0.0.2-10.0.0.3", "-l", "0"), 0);
	CHECK_EQ_UINT(cfg.per_mac_count, 0);
	CHECK_EQ_INT(PARSE("-i", "x", "-r", "10.0.0.2-10.0.0.3", "-l", "0/m"),
		     -1);
	CHECK_EQ_INT(PARSE("-i", "x", "-r", "10.0.0.2-10.0.0.3", "-l", "3/d"),
		     -1);
	CHECK(strstr(err, "-l 3/d"));
	CHECK_EQ_INT(PARSE("-i", "x", "-r", "10.0.0.2-10.0.0.3", "-l", "/m"),
		     -1);

	/* Netmask as dotted quad; bad ones refused. */
	CHECK_EQ_INT(PARSE("-i", "x", "-r", "10.0.0.2-10.0.0.3", "-m",
			   "255.255.0.0"), 0);
	CHECK_EQ_UINT(cfg.netmask, IP4(255, 255, 0, 0));
	CHECK_EQ_INT(PARSE("-i", "x", "-r", "10.0.0.2-10.0.0.3", "-m",
			   "255.0.255.0"), -1);
	CHECK_EQ_INT(PARSE("-i", "x", "-r", "10.0.0.2-10.0.0.3", "-m", "33"),
		     -1);
	/* Errors name the option. */
	CHECK_EQ_INT(PARSE("-r", "10.0.0.2-10.0.0.3"), -1);
	CHECK(strstr(err, "-i"));
	CHECK_EQ_INT(PARSE("-i", "x"), -1);
	CHECK_EQ_INT(PARSE("-i", "x", "-r", "10.0.0.9-10.0.0.3"), -1);
	CHECK(strstr(err, "-r"));
	CHECK_EQ_INT(PARSE("-i", "x", "-r", "10.0.0.0-10.1.0.0"), -1);
	CHECK_EQ_INT(PARSE("-i", "x", "-r", "10.0.0.2-10.0.0.3", "-t", "5"),
		     -1);
	CHECK_EQ_INT(PARSE("-i", "x", "-r", "10.0.0.2-10.0.0.3", "-t"), -1);
	CHECK(strstr(err, "needs a value"));
	CHECK_EQ_INT(PARSE("-i", "x", "-r", "10.0.0.2-10.0.0.3", "-s",
			   "52:54:00:00:00=10.0.0.5"), -1);
	CHECK_EQ_INT(PARSE("-i", "x", "-r", "10.0.0.2-10.0.0.3", "-s",
			   "52:54:00:00:00:01=10.0.0.5,bad name"), -1);
	CHECK_EQ_INT(PARSE("-i", "x", "-r", "10.0.0.2-10.0.0.3", "-d",
			   "a b"), -1);
	CHECK_EQ_INT(PARSE("-i", "x", "-r", "10.0.0.2-10.0.0.3", "-q", "1"),
		     -1);
	CHECK_EQ_INT(PARSE("-i", "x", "-r", "10.0.0.2-10.0.0.3", "stray"), -1);
	CHECK_EQ_INT(PARSE("-i", "x", "-r", "10.0.0.2-10.0.0.3", "-D", "1.1.1.1",
			   "-D", "1.1.1.2", "-D", "1.1.1.3", "-D", "1.1.1.4",
			   "-D", "1.1.1.5"), -1);

	/* Pool checks against the server address. */
	CHECK_EQ_INT(PARSE("-i", "x", "-r", "10.0.0.2-10.0.0.30", "-s",
			   "52:54:00:00:00:01=10.0.1.5"), 0);
	CHECK_EQ_INT(options_check(&cfg, IP4(10, 0, 0, 1),
				  IP4(255, 255, 255, 0), err, sizeof(err)), -1);
	CHECK(strstr(err, "static"));
	CHECK_EQ_INT(PARSE("-i", "x", "-r", "10.0.0.2-10.0.0.30"), 0);
	CHECK_EQ_INT(options_check(&cfg, IP4(10, 0, 0, 5),
				  IP4(255, 255, 255, 0), err, sizeof(err)), -1);
	CHECK_EQ_INT(options_check(&cfg, IP4(10, 0, 1, 1),
				  IP4(255, 255, 255, 0), err, sizeof(err)), -1);
	CHECK_EQ_INT(PARSE("-i", "x", "-r", "10.0.0.0-10.0.0.30"), 0);
	CHECK_EQ_INT(options_check(&cfg, IP4(10, 0, 0, 100),
				  IP4(255, 255, 255, 0), err, sizeof(err)), -1);
	/* -C: keel.conf holds the settings; -S picks the pool (default lan);
	 * flags for settings are refused, the others stay usable. */
	CHECK_EQ_INT(PARSE("-C", "/etc/keel/keel.conf"), 0);
	CHECK_STR(cfg.config_path, "/etc/keel/keel.conf");
	CHECK_STR(cfg.config_lan, "lan");
	CHECK_EQ_INT(PARSE("-n", "-C", "k.conf", "-S", "guest", "-v", "-U",
			   "nobody", "-c", "5", "-L", "0"), 0);
	CHECK_STR(cfg.config_lan, "guest");
	CHECK(cfg.check_only && cfg.verbose);
	CHECK_STR(cfg.user, "nobody");
	CHECK_EQ_UINT(cfg.total_rate, 0);
	/* -W is no keel.conf setting: usable with -C (which otherwise
	 * names /run/dhcpd/LAN.status, test_from_config.c). */
	CHECK_EQ_INT(PARSE("-C", "k.conf", "-W", "/tmp/s"), 0);
	CHECK_STR(cfg.status_file, "/tmp/s");
	{
		static const char *const setting[] = {
			"-i", "-r", "-a", "-m", "-g", "-D", "-d", "-t", "-s",
			"-R", "-M", "-f", "-H", "-l",
		};

		for (size_t i = 0; i < sizeof(setting) / sizeof(setting[0]);
		     i++) {
			char want[8];

			CHECK_EQ_INT(PARSE("-C", "k.conf", (char *)setting[i],
					   "x"), -1);
			snprintf(want, sizeof(want), "%s ", setting[i]);
			CHECK(strstr(err, want) && strstr(err, "-C"));
		}
	}
	/* Before -C too. */
	CHECK_EQ_INT(PARSE("-i", "br0", "-C", "k.conf"), -1);
	CHECK(strstr(err, "-i cannot be used with -C"));
	CHECK_EQ_INT(PARSE("-S", "guest", "-i", "x", "-r",
			   "10.0.0.2-10.0.0.3"), -1);
	CHECK(strstr(err, "-S guest needs -C"));
	CHECK_EQ_INT(PARSE("-C", ""), -1);

	/* -h prints usage and asks to exit 0. */
	fp = fmemopen(out, sizeof(out), "w");
	CHECK_EQ_INT(options_parse(2, (char *[]){ "dhcpd", "-h", NULL }, &cfg,
				  err, sizeof(err), fp), 1);
	fclose(fp);
	CHECK(strstr(out, "usage: dhcpd"));
	CHECK(strstr(out, "-C FILE"));
	return check_done();
}
