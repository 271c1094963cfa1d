/*
 * test_options.c - command line to settings: addresses with ports,
 * sizes, rates as written, -C and the flags it refuses, errors, -n.
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "options.h"

static int parse(struct dnsd_config *cfg, char *err, size_t errlen, ...)
{
	char *argv[32];
	int argc = 0;
	va_list ap;

	argv[argc++] = "dnsd";
	va_start(ap, errlen);
	while (argc < 31 && (argv[argc] = va_arg(ap, char *)))
		argc++;
	va_end(ap);
	argv[argc] = NULL;
	options_defaults(cfg);
	return options_parse(cfg, argc, argv, err, errlen);
}

static void test_rates(void)
{
	struct dnsd_config cfg;
	struct config_rate r;
	char err[256], buf[16];

	CHECK_EQ_INT(options_parse_rate("100/s", &r), 0);
	CHECK_EQ_UINT(r.count, 100);
	CHECK_EQ_UINT(r.per_seconds, 1);
	CHECK_EQ_INT(options_parse_rate("30/m", &r), 0);
	CHECK_EQ_UINT(r.per_seconds, 60);
	CHECK_EQ_INT(options_parse_rate("1000/h", &r), 0);
	CHECK_EQ_UINT(r.count, 1000);
	CHECK_EQ_UINT(r.per_seconds, 3600);
	CHECK_EQ_INT(options_parse_rate("7", &r), 0);
	CHECK_EQ_UINT(r.per_seconds, 1);
	CHECK_EQ_INT(options_parse_rate("off", &r), 0);
	CHECK_EQ_UINT(r.count, 0);
	CHECK_EQ_INT(options_parse_rate("0", &r), 0);
	CHECK_EQ_UINT(r.count, 0);
	CHECK_EQ_INT(options_parse_rate("30/d", &r), -1);
	CHECK_EQ_INT(options_parse_rate("/s", &r), -1);
	CHECK_EQ_INT(options_parse_rate("30/", &r), -1);
	CHECK_EQ_INT(options_parse_rate("1000001/s", &r), -1);
	CHECK_EQ_INT(options_parse_rate("", &r), -1);
	r = (struct config_rate){ 30, 60 };
	CHECK_STR(options_rate_str(&r, buf, sizeof(buf)), "30/m");
	r = (struct config_rate){ 100, 1 };
	CHECK_STR(options_rate_str(&r, buf, sizeof(buf)), "100/s");
	r = (struct config_rate){ 5, 3600 };
	CHECK_STR(options_rate_str(&r, buf, sizeof(buf)), "5/h");
	r = (struct config_rate){ 0, 0 };
	CHECK_STR(options_rate_str(&r, buf, sizeof(buf)), "off");

	/* -r with a period, with and without a burst. */
	CHECK_EQ_INT(parse(&cfg, err, sizeof(err), "-l", "10.0.0.1", "-u",
			   "192.0.2.53", "-r", "30/m", NULL), 0);
	CHECK_EQ_UINT(cfg.client_rate.count, 30);
	CHECK_EQ_UINT(cfg.client_rate.per_seconds, 60);
	CHECK_EQ_UINT(cfg.client_burst, 60);
	CHECK_EQ_INT(parse(&cfg, err, sizeof(err), "-l", "10.0.0.1", "-u",
			   "192.0.2.53", "-r", "30/m/45", NULL), 0);
	CHECK_EQ_UINT(cfg.client_burst, 45);
	CHECK_EQ_INT(parse(&cfg, err, sizeof(err), "-l", "10.0.0.1", "-u",
			   "192.0.2.53", "-r", "off", NULL), 0);
	CHECK_EQ_UINT(cfg.client_rate.count, 0);
	CHECK_EQ_INT(parse(&cfg, err, sizeof(err), "-l", "10.0.0.1", "-u",
			   "192.0.2.53", "-r", "30/x", NULL), -1);
	CHECK_STR(err, "-r 30/x: want RATE[/BURST] (RATE N/s, N/m, N/h or off)");
	CHECK_EQ_INT(parse(&cfg, err, sizeof(err), "-l", "10.0.0.1", "-u",
			   "192.0.2.53", "-Q", "120/m", NULL), 0);
	CHECK_EQ_UINT(cfg.querylog_rate.count, 120);
	CHECK_EQ_UINT(cfg.querylog_rate.per_seconds, 60);
	CHECK_EQ_INT(parse(&cfg, err, sizeof(err), "-l", "10.0.0.1", "-u",
			   "192.0.2.53", "-Q", "off", NULL), 0);
	CHECK_EQ_UINT(cfg.querylog_rate.count, 0);
	CHECK_EQ_INT(parse(&cfg, err, sizeof(err), "-l", "10.0.0.1", "-u",
			   "192.0.2.53", "-Q", "many", NULL), -1);

	/* -m: the negative TTL cap, 0..1d. */
	CHECK_EQ_INT(parse(&cfg, err, sizeof(err), "-l", "10.0.0.1", "-u",
			   "192.0.2.53", "-m", "60", NULL), 0);
	CHECK_EQ_UINT(cfg.negative_ttl_max, 60);
	CHECK_EQ_INT(parse(&cfg, err, sizeof(err), "-l", "10.0.0.1", "-u",
			   "192.0.2.53", "-m", "0", NULL), 0);
	CHECK_EQ_UINT(cfg.negative_ttl_max, 0);
	CHECK_EQ_INT(parse(&cfg, err, sizeof(err), "-l", "10.0.0.1", "-u",
			   "192.0.2.53", "-m", "86401", NULL), -1);
	CHECK_STR(err, "-m 86401: want 0..86400 seconds");
	/* -c 0: no cache; any small size is taken. */
	CHECK_EQ_INT(parse(&cfg, err, sizeof(err), "-l", "10.0.0.1", "-u",
			   "192.0.2.53", "-c", "0", NULL), 0);
	CHECK_EQ_UINT(cfg.cache_bytes, 0);
	CHECK_EQ_INT(parse(&cfg, err, sizeof(err), "-l", "10.0.0.1", "-u",
			   "192.0.2.53", "-c", "4k", NULL), 0);
	CHECK_EQ_UINT(cfg.cache_bytes, 4096);
}

/* The bare daemon's defaults are keel.conf's documented ones. */
static void test_defaults(void)
{
	struct dnsd_config cfg;

	options_defaults(&cfg);
	CHECK_EQ_UINT(cfg.cache_bytes, 1 << 20);
	CHECK_EQ_UINT(cfg.negative_ttl_max, 300);
	CHECK_STR(cfg.domain, "lan");
	CHECK_EQ_UINT(cfg.querylog_rate.count, 20);
	CHECK_EQ_UINT(cfg.querylog_rate.per_seconds, 1);
	CHECK_EQ_UINT(cfg.client_rate.count, 100);
	CHECK_EQ_UINT(cfg.client_rate.per_seconds, 1);
	CHECK_EQ_UINT(cfg.client_burst, 200);
	CHECK(cfg.config_path == NULL);
}

static void test_config_flag(void)
{
	struct dnsd_config cfg;
	char err[256];

	/* -C alone: listen and upstream come later, from the file. */
	CHECK_EQ_INT(parse(&cfg, err, sizeof(err), "-C", "/run/keel/keel.conf",
			   NULL), 0);
	CHECK_STR(cfg.config_path, "/run/keel/keel.conf");
	/* Flags that are not settings of keel.conf stay usable. */
	CHECK_EQ_INT(parse(&cfg, err, sizeof(err), "-C", "k.conf", "-n", "-k",
			   "-U", "nobody", "-T", "300", "-P", "64", "-B",
			   "null", NULL), 0);
	CHECK(cfg.check_only);
	CHECK(cfg.log_kmsg);
	CHECK_STR(cfg.user, "nobody");
	CHECK_EQ_UINT(cfg.upstream_timeout_ms, 300);
	CHECK_EQ_UINT(cfg.pending_max, 64);
	CHECK_EQ_INT(cfg.block_mode, BLOCK_NULL);
	/* Per client: a quarter of the table unless -p says otherwise. */
	CHECK_EQ_UINT(cfg.pending_per_client, 16);
	CHECK_EQ_INT(parse(&cfg, err, sizeof(err), "-C", "k.conf", "-p", "8",
			   NULL), 0);
	CHECK_EQ_UINT(cfg.pending_per_client, 8);
	CHECK_EQ_INT(parse(&cfg, err, sizeof(err), "-C", "k.conf", "-p", "0",
			   NULL), -1);
	CHECK_STR(err, "-p 0: want 1..65536");
	CHECK_EQ_INT(parse(&cfg, err, sizeof(err), "-C", "k.conf", "-P", "8",
			   "-p", "9", NULL), -1);
	CHECK_STR(err, "-p 9: more than -P 8");
	/* Config-backed flags are refused, before or after -C, naming the
	 * key that sets them. */
	CHECK_EQ_INT(parse(&cfg, err, sizeof(err), "-C", "k.conf", "-u",
			   "192.0.2.53", NULL), -1);
	CHECK_STR(err, "-u: set in the config ([dns] upstream), not with -C");
	CHECK_EQ_INT(parse(&cfg, err, sizeof(err), "-l", "10.0.0.1", "-C",
			   "k.conf", NULL), -1);
	CHECK_STR(err, "-l: set in the config ([lan] address), not with -C");
	CHECK_EQ_INT(parse(&cfg, err, sizeof(err), "-C", "k.conf", "-m", "5",
			   NULL), -1);
	CHECK_STR(err, "-m: set in the config ([dns] negative-ttl-max), not "
		       "with -C");
	CHECK_EQ_INT(parse(&cfg, err, sizeof(err), "-C", "k.conf", "-r", "0",
			   NULL), -1);
	CHECK_STR(err, "-r: set in the config ([dns] client-rate-limit), not "
		       "with -C");
	CHECK_EQ_INT(parse(&cfg, err, sizeof(err), "-C", "k.conf", "-N", "x",
			   NULL), -1);
	CHECK_STR(err, "-N: set in the config (hostname), not with -C");
	CHECK_EQ_INT(parse(&cfg, err, sizeof(err), "-C", "k.conf", "-q",
			   NULL), -1);
	CHECK_EQ_INT(parse(&cfg, err, sizeof(err), "-C", "k.conf", "-H", "h",
			   NULL), -1);
	CHECK_EQ_INT(parse(&cfg, err, sizeof(err), "-C", "k.conf", "-L", "l",
			   NULL), -1);
	CHECK_EQ_INT(parse(&cfg, err, sizeof(err), "-C", "k.conf", "-F", "f",
			   NULL), -1);
	CHECK_EQ_INT(parse(&cfg, err, sizeof(err), "-C", NULL), -1);
	CHECK_STR(err, "-C needs an argument");
}

/* keel status reads /run/dnsd/stats from a router's dnsd (-C); a dnsd run
 * by hand writes none unless -W names a file, and -W '' turns it off. */
static void test_stats_file(void)
{
	struct dnsd_config cfg;
	char err[256];

	CHECK_EQ_INT(parse(&cfg, err, sizeof(err), "-C", "k.conf", NULL), 0);
	CHECK_STR(cfg.stats_file, "/run/dnsd/stats");
	CHECK_EQ_INT(parse(&cfg, err, sizeof(err), "-C", "k.conf", "-W",
			   "/tmp/s", NULL), 0);
	CHECK_STR(cfg.stats_file, "/tmp/s");
	CHECK_EQ_INT(parse(&cfg, err, sizeof(err), "-W", "", "-C", "k.conf",
			   NULL), 0);
	CHECK_STR(cfg.stats_file, "");
	CHECK_EQ_INT(parse(&cfg, err, sizeof(err), "-l", "10.0.0.1", "-u",
			   "192.0.2.53", NULL), 0);
	CHECK(cfg.stats_file == NULL);
	CHECK_EQ_INT(parse(&cfg, err, sizeof(err), "-l", "10.0.0.1", "-u",
			   "192.0.2.53", "-W", "/tmp/s", NULL), 0);
	CHECK_STR(cfg.stats_file, "/tmp/s");
}

/* -n names every setting, rates as written. */
static void test_print(void)
{
	struct dnsd_config cfg;
	char err[256], out[4096];
	FILE *f;
	size_t n;

	CHECK_EQ_INT(parse(&cfg, err, sizeof(err), "-l", "10.0.0.1", "-F",
			   "/run/keel/wan-dns", "-r", "30/m", "-Q", "5/h",
			   "-m", "0", "-c", "0", NULL), 0);
	f = tmpfile();
	CHECK(f != NULL);
	if (!f)
		return;
	options_print(&cfg, f);
	rewind(f);
	n = fread(out, 1, sizeof(out) - 1, f);
	out[n] = '\0';
	fclose(f);
	CHECK(strstr(out, "listen 10.0.0.1:53 udp tcp\n") != NULL);
	CHECK(strstr(out, "upstream-file /run/keel/wan-dns\n") != NULL);
	CHECK(strstr(out, "client-rate-limit 30/m burst 60\n") != NULL);
	CHECK(strstr(out, "query-log-rate 5/h\n") != NULL);
	CHECK(strstr(out, "negative-ttl-max 0 (negative answers not "
			  "cached)\n") != NULL);
	CHECK(strstr(out, "cache-size 0 (no cache)\n") != NULL);
	CHECK(strstr(out, "hosts 0\n") != NULL);
	CHECK(strstr(out, "leases /run/dnsd/leases.hosts\n") != NULL);
	CHECK(strstr(out, "stats-file (none)\n") != NULL);
	CHECK(strstr(out, "pending-per-client 64\n") != NULL);
	CHECK(strstr(out, "rebind-protection on\n") != NULL);
	CHECK(strstr(out, "rebind-allow (none)\n") != NULL);

	CHECK_EQ_INT(parse(&cfg, err, sizeof(err), "-l", "10.0.0.1", "-u",
			   "192.0.2.53", "-R", "off", "-A", "corp.example",
			   "-A", "home.arpa", NULL), 0);
	f = tmpfile();
	CHECK(f != NULL);
	if (!f)
		return;
	options_print(&cfg, f);
	rewind(f);
	n = fread(out, 1, sizeof(out) - 1, f);
	out[n] = '\0';
	fclose(f);
	CHECK(strstr(out, "rebind-protection off\n") != NULL);
	CHECK(strstr(out, "rebind-allow corp.example home.arpa\n") != NULL);
	CHECK_EQ_INT(parse(&cfg, err, sizeof(err), "-R", "maybe", NULL), -1);
	CHECK_STR(err, "-R maybe: want on or off");
	CHECK_EQ_INT(parse(&cfg, err, sizeof(err), "-C", "k.conf", "-A",
			   "corp.example", NULL), -1);
	CHECK_STR(err, "-A: set in the config ([dns] rebind-allow), not with -C");
}

int main(void)
{
	struct endpoint a;
	struct dnsd_config cfg;
	char err[256];
	size_t size;

	CHECK_EQ_INT(endpoint_parse("192.0.2.1", 53, &a), 0);
	CHECK_STR(a.text, "192.0.2.1:53");
	CHECK_EQ_INT(endpoint_parse("192.0.2.1:5353", 53, &a), 0);
	CHECK_EQ_UINT(ntohs(((struct sockaddr_in *)&a.sa)->sin_port), 5353);
	CHECK_EQ_INT(endpoint_parse("::1", 53, &a), 0);
	CHECK_STR(a.text, "[::1]:53");
	CHECK_EQ_INT(endpoint_parse("[fd00::1]:5300", 53, &a), 0);
	CHECK_EQ_UINT(a.sa.ss_family, AF_INET6);
	CHECK_STR(a.text, "[fd00::1]:5300");
	CHECK_EQ_INT(endpoint_parse("192.0.2.1:0", 53, &a), -1);
	CHECK_EQ_INT(endpoint_parse("192.0.2.1:65536", 53, &a), -1);
	CHECK_EQ_INT(endpoint_parse("192.0.2.1:", 53, &a), -1);
	CHECK_EQ_INT(endpoint_parse("[::1", 53, &a), -1);
	CHECK_EQ_INT(endpoint_parse("[::1]x", 53, &a), -1);
	CHECK_EQ_INT(endpoint_parse("example.com", 53, &a), -1);
	CHECK_EQ_INT(endpoint_parse("", 53, &a), -1);

	CHECK_EQ_INT(parse_size("4096", &size), 0);
	CHECK_EQ_UINT(size, 4096);
	CHECK_EQ_INT(parse_size("512k", &size), 0);
	CHECK_EQ_UINT(size, 512 * 1024);
	CHECK_EQ_INT(parse_size("4M", &size), 0);
	CHECK_EQ_UINT(size, 4 << 20);
	CHECK_EQ_INT(parse_size("-1", &size), -1);
	CHECK_EQ_INT(parse_size("12q", &size), -1);
	CHECK_EQ_INT(parse_size("", &size), -1);

	CHECK_EQ_INT(parse(&cfg, err, sizeof(err), "-l", "192.168.1.1",
			   "-l", "[fd00::1]", "-u", "192.0.2.53", "-u",
			   "192.0.2.54:5353", "-c", "2m", "-d", "home", "-q",
			   "-r", "50", "-B", "null", "-n", NULL), 0);
	CHECK_EQ_UINT(cfg.nlisten, 2);
	CHECK_EQ_UINT(cfg.nupstream, 2);
	CHECK_EQ_UINT(cfg.cache_bytes, 2 << 20);
	CHECK_STR(cfg.domain, "home");
	CHECK(cfg.querylog);
	CHECK(cfg.check_only);
	CHECK_EQ_UINT(cfg.client_rate.count, 50);
	CHECK_EQ_UINT(cfg.client_rate.per_seconds, 1);
	CHECK_EQ_UINT(cfg.client_burst, 100);
	CHECK_EQ_INT(cfg.block_mode, BLOCK_NULL);
	CHECK_EQ_INT(parse(&cfg, err, sizeof(err), "-l", "192.168.1.1",
			   "-u", "192.0.2.53", "-r", "10/3", NULL), 0);
	CHECK_EQ_UINT(cfg.client_burst, 10);
	/* tests/dns/run's 5/5: 5 a second, burst 5. */
	CHECK_EQ_INT(parse(&cfg, err, sizeof(err), "-l", "192.168.1.1",
			   "-u", "192.0.2.53", "-r", "5/5", NULL), 0);
	CHECK_EQ_UINT(cfg.client_rate.count, 5);
	CHECK_EQ_UINT(cfg.client_rate.per_seconds, 1);
	CHECK_EQ_UINT(cfg.client_burst, 5);
	test_rates();
	test_defaults();
	test_config_flag();
	test_stats_file();
	test_print();

	CHECK_EQ_INT(parse(&cfg, err, sizeof(err), "-u", "192.0.2.53", NULL), -1);
	CHECK_STR(err, "no -l listen address given");
	CHECK_EQ_INT(parse(&cfg, err, sizeof(err), "-l", "192.168.1.1", NULL), -1);
	CHECK_STR(err, "no -u upstream server or -F file given");
	/* -F alone is enough (the WAN's servers come later); the first -L
	 * replaces the default lease file, more add to it. */
	CHECK_EQ_INT(parse(&cfg, err, sizeof(err), "-l", "10.0.0.1", "-F",
			   "/run/keel/wan-dns", "-L", "/run/dhcpd/lan.hosts",
			   "-L", "/run/dhcpd/guest.hosts", NULL), 0);
	CHECK_STR(cfg.upstream_file, "/run/keel/wan-dns");
	CHECK_EQ_UINT(cfg.nupstream, 0);
	CHECK_EQ_UINT(cfg.nleases, 2);
	CHECK_STR(cfg.leases_files[1], "/run/dhcpd/guest.hosts");
	CHECK_EQ_INT(parse(&cfg, err, sizeof(err), "-l", "10.0.0.1", "-F", "f",
			   "-L", "a", "-L", "b", "-L", "c", "-L", "d", "-L", "e",
			   NULL), -1);
	CHECK_STR(err, "more than 4 -L");
	CHECK_EQ_INT(parse(&cfg, err, sizeof(err), "-l", "192.168.1.1", "-u",
			   "x", NULL), -1);
	CHECK_STR(err, "-u x: not ADDR[:PORT]");
	CHECK_EQ_INT(parse(&cfg, err, sizeof(err), "-l", "192.168.1.1", "-u",
			   "192.0.2.53", "-B", "drop", NULL), -1);
	CHECK_EQ_INT(parse(&cfg, err, sizeof(err), "-l", "192.168.1.1", "-u",
			   "192.0.2.53", "-T", "5", NULL), -1);
	CHECK_EQ_INT(parse(&cfg, err, sizeof(err), "-l", "0.0.0.0", "-u",
			   "192.0.2.53", NULL), -1);
	CHECK_STR(err, "-l 0.0.0.0:53: wildcard address refused, name the "
		       "LAN address");
	CHECK_EQ_INT(parse(&cfg, err, sizeof(err), "-l", "[::]:5353", "-u",
			   "192.0.2.53", NULL), -1);
	CHECK_EQ_INT(parse(&cfg, err, sizeof(err), "-z", NULL), -1);
	CHECK_STR(err, "unknown option -z (-h for help)");
	CHECK_EQ_INT(parse(&cfg, err, sizeof(err), "-l", NULL), -1);
	CHECK_STR(err, "-l needs an argument");
	CHECK_EQ_INT(parse(&cfg, err, sizeof(err), "-l", "192.168.1.1", "-u",
			   "192.0.2.53", "extra", NULL), -1);
	return check_done();
}
