/*
 * test_from_config.c - keel.conf onto dnsd's settings: each [dns] key, the
 * [lan] addresses and [dhcp] lease files, a config at every maximum, what
 * does not fit, and -n output that shows every key.
 */
#include <stdio.h>
#include <string.h>

#include "keel/paths.h"

#include "check.h"
#include "from_config.h"
#include "server.h"

static struct keel_config conf;
static struct dnsd_config opts;
static char err[256];

static int parse(const char *text)
{
	struct config_error e;
	int rc = config_parse(text, strlen(text), &conf, &e);

	if (rc)
		fprintf(stderr, "config: %s\n", e.msg);
	return rc;
}

/* Parses text and maps it onto fresh defaults. */
static int map(const char *text)
{
	if (parse(text))
		return -2;
	options_defaults(&opts);
	opts.config_path = "test.conf";
	return options_from_config(&opts, &conf, err, sizeof(err));
}

static void test_mapping(void)
{
	CHECK_EQ_INT(map("hostname edge\n"
			 "[lan]\ninterface eth1\naddress 10.0.0.1/24 fd00::1/64\n"
			 "[lan guest]\ninterface eth2\naddress 10.9.0.1/24\n"
			 "[dhcp]\nrange 10.0.0.100 10.0.0.200\n"
			 "[dhcp guest]\nrange 10.9.0.10 10.9.0.20\n"
			 "[dns]\nupstream 9.9.9.9 2620:fe::fe\n"
			 "domain home.example\ncache-size 2M\n"
			 "negative-ttl-max 1m\n"
			 "host nas 10.0.0.5\nhost nas fd00::5\n"
			 "host printer.home.example 10.0.0.6\n"
			 "blocklist /etc/keel/blocklist.txt\n"
			 "query-log on\nquery-log-rate 30/m\n"
			 "client-rate-limit 1000/h\n"
			 "rebind-protection off\n"
			 "rebind-allow corp.example home.arpa\n"), 0);
	CHECK_EQ_UINT(opts.nlisten, 3);
	CHECK_STR(opts.listen[0].text, "10.0.0.1:53");
	CHECK_STR(opts.listen[1].text, "[fd00::1]:53");
	CHECK_STR(opts.listen[2].text, "10.9.0.1:53");
	CHECK_EQ_UINT(opts.nupstream, 2);
	CHECK_STR(opts.upstream[0].text, "9.9.9.9:53");
	CHECK_STR(opts.upstream[1].text, "[2620:fe::fe]:53");
	CHECK(opts.upstream_file == NULL);
	CHECK_STR(opts.domain, "home.example");
	CHECK_STR(opts.router_name, "edge");
	CHECK_EQ_UINT(opts.cache_bytes, 2 << 20);
	CHECK_EQ_UINT(opts.negative_ttl_max, 60);
	CHECK_EQ_UINT(opts.nhosts, 3);
	CHECK_STR(opts.hosts[0].name, "nas");
	CHECK_EQ_UINT(opts.hosts[1].addr.family, CONFIG_AF_INET6);
	CHECK_STR(opts.hosts[2].name, "printer.home.example");
	CHECK(opts.hosts_file == NULL);
	CHECK_STR(opts.blocklist, "/etc/keel/blocklist.txt");
	CHECK(opts.querylog);
	/* Rates as written: 30/m is not rounded to 0 or 1 a second. */
	CHECK_EQ_UINT(opts.querylog_rate.count, 30);
	CHECK_EQ_UINT(opts.querylog_rate.per_seconds, 60);
	CHECK_EQ_UINT(opts.client_rate.count, 1000);
	CHECK_EQ_UINT(opts.client_rate.per_seconds, 3600);
	CHECK_EQ_UINT(opts.client_burst, 2000);
	CHECK(!opts.rebind_protection);
	CHECK_EQ_UINT(opts.nrebind_allow, 2);
	CHECK_STR(opts.rebind_allow[0], "corp.example");
	CHECK_STR(opts.rebind_allow[1], "home.arpa");
	/* dhcpd is on with [dhcp] sections: a lease names file per pool. */
	CHECK_EQ_UINT(opts.nleases, 2);
	CHECK_STR(opts.leases_files[0], "/run/dhcpd/lan.hosts");
	CHECK_STR(opts.leases_files[1], "/run/dhcpd/guest.hosts");
	/* Settings keel.conf does not hold are left alone. */
	CHECK_STR(opts.user, "dnsd");
	CHECK_EQ_UINT(opts.upstream_timeout_ms, 1000);
	CHECK_STR(opts.config_path, "test.conf");
}

static void test_defaults(void)
{
	/* Only the required: the WAN's servers, the documented defaults. */
	CHECK_EQ_INT(map("[lan]\ninterface eth1\naddress 10.0.0.1/24\n"), 0);
	CHECK_EQ_UINT(opts.nlisten, 1);
	CHECK_EQ_UINT(opts.nupstream, 0);
	CHECK_STR(opts.upstream_file, KEEL_WAN_DNS);
	CHECK_STR(opts.domain, "lan");
	CHECK_STR(opts.router_name, "keel");
	CHECK_EQ_UINT(opts.cache_bytes, 1 << 20);
	CHECK_EQ_UINT(opts.negative_ttl_max, 300);
	CHECK_EQ_UINT(opts.nhosts, 0);
	CHECK(opts.blocklist == NULL);
	CHECK(!opts.querylog);
	CHECK_EQ_UINT(opts.querylog_rate.count, 20);
	CHECK_EQ_UINT(opts.querylog_rate.per_seconds, 1);
	CHECK_EQ_UINT(opts.client_rate.count, 100);
	CHECK_EQ_UINT(opts.client_rate.per_seconds, 1);
	CHECK_EQ_UINT(opts.client_burst, 200);
	CHECK(opts.rebind_protection);
	CHECK_EQ_UINT(opts.nrebind_allow, 0);
	/* No DHCP: no lease files, not even dnsd's own default. */
	CHECK_EQ_UINT(opts.nleases, 0);

	/* The built-in defaults of the flags are the config's. */
	{
		struct dnsd_config flags;

		options_defaults(&flags);
		CHECK_EQ_UINT(flags.cache_bytes, opts.cache_bytes);
		CHECK_EQ_UINT(flags.negative_ttl_max, opts.negative_ttl_max);
		CHECK_STR(flags.domain, opts.domain);
		CHECK(memcmp(&flags.querylog_rate, &opts.querylog_rate,
			     sizeof(flags.querylog_rate)) == 0);
		CHECK(memcmp(&flags.client_rate, &opts.client_rate,
			     sizeof(flags.client_rate)) == 0);
		CHECK_EQ_UINT(flags.client_burst, opts.client_burst);
		CHECK(flags.rebind_protection == opts.rebind_protection);
	}
}

static void test_special_values(void)
{
	/* 0 is no cache and no negative caching; off is unlimited. */
	CHECK_EQ_INT(map("[lan]\ninterface eth1\naddress 10.0.0.1/24\n"
			 "[dns]\ncache-size 0\nnegative-ttl-max 0\n"
			 "query-log-rate off\nclient-rate-limit off\n"), 0);
	CHECK_EQ_UINT(opts.cache_bytes, 0);
	CHECK_EQ_UINT(opts.negative_ttl_max, 0);
	CHECK_EQ_UINT(opts.querylog_rate.count, 0);
	CHECK_EQ_UINT(opts.client_rate.count, 0);
	/* Every size the config takes is dnsd's: 4K, 256M. */
	CHECK_EQ_INT(map("[lan]\ninterface eth1\naddress 10.0.0.1/24\n"
			 "[dns]\ncache-size 4K\nnegative-ttl-max 1d\n"), 0);
	CHECK_EQ_UINT(opts.cache_bytes, 4096);
	CHECK_EQ_UINT(opts.negative_ttl_max, 86400);
	CHECK_EQ_INT(map("[lan]\ninterface eth1\naddress 10.0.0.1/24\n"
			 "[dns]\ncache-size 256M\n"), 0);
	CHECK_EQ_UINT(opts.cache_bytes, 256u << 20);
	/* dhcpd off: its hosts files are not watched. */
	CHECK_EQ_INT(map("[lan]\ninterface eth1\naddress 10.0.0.1/24\n"
			 "[dhcp]\nrange 10.0.0.100 10.0.0.200\n"
			 "[services]\ndhcpd off\n"), 0);
	CHECK_EQ_UINT(opts.nleases, 0);
}

static void print_of(const char *text, char *out, size_t size);

/* Every LAN with every address, 64 hosts, 4 upstreams, the longest domain
 * and blocklist path, 31-character LAN names. */
static void test_maximal(void)
{
	static char text[16384];
	char domain[CONFIG_DOMAIN_MAX + 1], path[CONFIG_PATH_MAX + 1];
	char lan[CONFIG_NAME_MAX + 1];
	size_t len = 0;
	unsigned i;

	memset(domain, 'a', CONFIG_DOMAIN_MAX);
	domain[63] = domain[127] = domain[191] = '.';
	domain[CONFIG_DOMAIN_MAX] = '\0';
	memset(path, 'p', CONFIG_PATH_MAX);
	path[0] = '/';
	path[CONFIG_PATH_MAX] = '\0';
	len += (size_t)snprintf(text + len, sizeof(text) - len,
				"hostname %.63s\n", path + 1);
	for (i = 0; i < CONFIG_MAX_LANS; i++) {
		memset(lan, 'n', CONFIG_NAME_MAX);
		lan[CONFIG_NAME_MAX] = '\0';
		memcpy(lan, "lan", 3);
		lan[3] = (char)('0' + i);
		len += (size_t)snprintf(text + len, sizeof(text) - len,
			"[lan %s]\ninterface eth%u\naddress 10.%u.0.1/24 "
			"fd0%u::1/64 fd0%u:0:0:1::1/64 fd0%u:0:0:2::1/64\n"
			"[dhcp %s]\nrange 10.%u.0.100 10.%u.0.200\n",
			lan, i + 1, i, i, i, i, lan, i, i);
	}
	len += (size_t)snprintf(text + len, sizeof(text) - len,
		"[dns]\nupstream 9.9.9.9 149.112.112.112 2620:fe::fe 2620:fe::9\n"
		"domain %s\ncache-size 256M\nnegative-ttl-max 1d\n"
		"blocklist %s\nquery-log on\nquery-log-rate 1000000/h\n"
		"client-rate-limit 1000000/s\n", domain, path);
	for (i = 0; i < CONFIG_MAX_DNS_HOSTS; i++)
		len += (size_t)snprintf(text + len, sizeof(text) - len,
			"host host%02u.%.200s 10.0.0.%u\n", i, domain + 53,
			10 + i);
	CHECK(len < sizeof(text) - 1);

	CHECK_EQ_INT(map(text), 0);
	CHECK_EQ_UINT(conf.n_lans, CONFIG_MAX_LANS);
	CHECK_EQ_UINT(opts.nlisten, CONFIG_MAX_LANS * CONFIG_MAX_ADDRS);
	CHECK_STR(opts.listen[15].text, "[fd03:0:0:2::1]:53");
	CHECK_EQ_UINT(opts.nupstream, CONFIG_MAX_SERVERS);
	CHECK_EQ_UINT(opts.nhosts, CONFIG_MAX_DNS_HOSTS);
	CHECK_EQ_UINT(strlen(opts.domain), CONFIG_DOMAIN_MAX);
	CHECK_EQ_UINT(strlen(opts.blocklist), CONFIG_PATH_MAX);
	CHECK_EQ_UINT(opts.nleases, CONFIG_MAX_LANS);
	CHECK_STR(opts.leases_files[3],
		  "/run/dhcpd/lan3nnnnnnnnnnnnnnnnnnnnnnnnnnn.hosts");
	CHECK_EQ_UINT(opts.client_rate.count, 1000000);
	CHECK_EQ_UINT(opts.client_burst, 2000000);
	/* A 63-character hostname cannot live under a 253-character domain:
	 * -n says so (dnsd warns and runs without it). */
	{
		static char out[16384];

		print_of(text, out, sizeof(out));
		CHECK(strstr(out, " (not answered: with the domain, longer "
				  "than a DNS name)\n") != NULL);
		CHECK(strstr(out, "hosts 64\n") != NULL);
	}

#ifdef KEEL_TEST_CONFIG_DIR
	/* The shared maximal config, where the tree has one. */
	{
		struct config_error e;

		if (config_load(KEEL_TEST_CONFIG_DIR "/maximal.conf", &conf,
				&e) == 0) {
			options_defaults(&opts);
			CHECK_EQ_INT(options_from_config(&opts, &conf, err,
							 sizeof(err)), 0);
			CHECK_EQ_UINT(opts.nlisten, 16);
		}
	}
#endif
}

/* What does not fit dnsd is an error naming the limit, never a cut. */
static void test_limits(void)
{
	static char text[2048];
	char domain[CONFIG_DOMAIN_MAX + 1];

	/* A bare host name is answered under the domain: nas.<250 chars>
	 * is no DNS name. */
	memset(domain, 'd', 250);
	domain[63] = domain[127] = domain[191] = '.';
	domain[250] = '\0';
	snprintf(text, sizeof(text), "[lan]\ninterface eth1\naddress "
		 "10.0.0.1/24\n[dns]\ndomain %s\nhost nas 10.0.0.5\n", domain);
	CHECK_EQ_INT(map(text), -1);
	CHECK_STR(err, "[dns] host nas: nas.<domain> is longer than 253 "
		       "characters (a DNS name)");
	/* The same name written out in full under a short domain is fine,
	 * and one that just fits is too. */
	domain[249] = '\0';
	snprintf(text, sizeof(text), "[lan]\ninterface eth1\naddress "
		 "10.0.0.1/24\n[dns]\ndomain %s\nhost nas 10.0.0.5\n", domain);
	CHECK_EQ_INT(map(text), 0);

	/* No address to listen on (the parser requires a LAN; a struct
	 * built otherwise must still be refused). */
	CHECK_EQ_INT(parse("[lan]\ninterface eth1\naddress 10.0.0.1/24\n"), 0);
	conf.n_lans = 0;
	options_defaults(&opts);
	CHECK_EQ_INT(options_from_config(&opts, &conf, err, sizeof(err)), -1);
	CHECK_STR(err, "no [lan] address to listen on");
	/* Out of the config's range, so out of dnsd's. */
	CHECK_EQ_INT(parse("[lan]\ninterface eth1\naddress 10.0.0.1/24\n"), 0);
	conf.dns.negative_ttl_max = 86401;
	options_defaults(&opts);
	CHECK_EQ_INT(options_from_config(&opts, &conf, err, sizeof(err)), -1);
	CHECK_STR(err, "[dns] negative-ttl-max 86401: more than 86400 seconds");
}

/* options_print() of a config. */
static void print_of(const char *text, char *out, size_t size)
{
	FILE *f = tmpfile();
	size_t n = 0;

	out[0] = '\0';
	CHECK_EQ_INT(map(text), 0);
	if (!f)
		return;
	options_print(&opts, f);
	rewind(f);
	n = fread(out, 1, size - 1, f);
	out[n] = '\0';
	fclose(f);
}

/* dnsd -n -C shows every key: two configs one key apart print apart. */
static void test_print_every_key(void)
{
	static const char *const base[] = {
		"hostname keel\n",
		"[lan]\ninterface eth1\naddress 10.0.0.1/24\n",
		"[dns]\n",
		"upstream 192.0.2.53\n",
		"domain home\n",
		"cache-size 1M\n",
		"negative-ttl-max 5m\n",
		"host nas 10.0.0.5\n",
		"blocklist /etc/keel/block.txt\n",
		"query-log off\n",
		"query-log-rate 20/s\n",
		"client-rate-limit 100/s\n",
	};
	static const char *const other[] = {
		"hostname keel2\n",
		"[lan]\ninterface eth1\naddress 10.0.0.2/24\n",
		NULL,
		"upstream 192.0.2.54\n",
		"domain home.example\n",
		"cache-size 2M\n",
		"negative-ttl-max 6m\n",
		"host nas 10.0.0.6\n",
		"blocklist /etc/keel/other.txt\n",
		"query-log on\n",
		"query-log-rate 20/m\n",
		"client-rate-limit 100/m\n",
	};
	enum { N = sizeof(base) / sizeof(base[0]) };
	static char text[1024], ref[4096], out[4096];
	size_t k, i;

	text[0] = '\0';
	for (i = 0; i < N; i++)
		strcat(text, base[i]);
	print_of(text, ref, sizeof(ref));
	CHECK(strstr(ref, "config test.conf\n") != NULL);
	CHECK(strstr(ref, "listen 10.0.0.1:53 udp tcp\n") != NULL);
	CHECK(strstr(ref, "router-name keel\n") != NULL);
	CHECK(strstr(ref, "negative-ttl-max 300\n") != NULL);
	CHECK(strstr(ref, "cache-size 1048576\n") != NULL);
	CHECK(strstr(ref, "hosts 1\nhost nas 10.0.0.5\n") != NULL);
	CHECK(strstr(ref, "query-log-rate 20/s\n") != NULL);
	CHECK(strstr(ref, "client-rate-limit 100/s burst 200\n") != NULL);
	CHECK(strstr(ref, "upstream-file (none)\n") != NULL);
	for (k = 0; k < N; k++) {
		if (!other[k])
			continue;
		text[0] = '\0';
		for (i = 0; i < N; i++)
			strcat(text, i == k ? other[k] : base[i]);
		print_of(text, out, sizeof(out));
		if (!CHECK(strcmp(out, ref) != 0))
			fprintf(stderr, "  -n output ignores: %s", other[k]);
	}
	/* No upstream: the WAN's file shows. */
	print_of("[lan]\ninterface eth1\naddress 10.0.0.1/24\n", out,
		 sizeof(out));
	CHECK(strstr(out, "upstream-file " KEEL_WAN_DNS "\n") != NULL);
	print_of("[lan]\ninterface eth1\naddress 10.0.0.1/24\n"
		 "[dhcp]\nrange 10.0.0.100 10.0.0.200\n", out, sizeof(out));
	CHECK(strstr(out, "leases /run/dhcpd/lan.hosts\n") != NULL);
}

/* [dns] host lines go straight into the local names, next to the
 * router's own name: no hosts file in between. */
static void test_hosts_loaded(void)
{
	static struct server srv;
	struct local_result res;

	CHECK_EQ_INT(map("hostname edge\n"
			 "[lan]\ninterface eth1\naddress 10.0.0.1/24 fd00::1/64\n"
			 "[dns]\ndomain home\nupstream 192.0.2.53\n"
			 "host nas 10.0.0.5\nhost nas fd00::5\n"
			 "host printer.example.org 10.0.0.6\n"), 0);
	srv.cfg = &opts;
	CHECK_EQ_INT(local_init(&srv.local, LOCAL_HOSTS_MAX, opts.domain), 0);
	CHECK_EQ_INT(server_load_data(&srv, err, sizeof(err)), 0);
	CHECK_EQ_INT(local_lookup(&srv.local, "nas.home", DNS_T_A, &res),
		     LOCAL_FOUND);
	CHECK(memcmp(res.addrs[0], "\x0a\x00\x00\x05", 4) == 0);
	CHECK_EQ_INT(local_lookup(&srv.local, "nas", DNS_T_AAAA, &res),
		     LOCAL_FOUND);
	CHECK_EQ_UINT(res.addrs[0][15], 5);
	CHECK_EQ_INT(local_lookup(&srv.local, "printer.example.org", DNS_T_A,
				  &res), LOCAL_FOUND);
	CHECK_EQ_INT(local_lookup(&srv.local, "edge.home", DNS_T_AAAA, &res),
		     LOCAL_FOUND);
	CHECK_EQ_INT(local_lookup(&srv.local, "5.0.0.10.in-addr.arpa",
				  DNS_T_PTR, &res), LOCAL_FOUND);
	CHECK_STR(res.ptr_name, "nas.home");
	/* A reload (SIGHUP, lease change) keeps them. */
	CHECK_EQ_INT(server_load_data(&srv, err, sizeof(err)), 0);
	CHECK_EQ_UINT(srv.local.count, 5);
	local_free(&srv.local);
	blocklist_free(&srv.block);
}

int main(void)
{
	test_mapping();
	test_defaults();
	test_special_values();
	test_maximal();
	test_limits();
	test_print_every_key();
	test_hosts_loaded();
	return check_done();
}
