/*
 * test_from_config.c - keel.conf's [dhcp LAN] pools as dhcpd's settings:
 * every key, the defaults, choosing a pool, a maximal pool that must fit
 * (and be answered), and errors instead of cuts.
 */
#include <stdio.h>
#include <stdlib.h>

#include "check.h"
#include "keel/config.h"
#include "from_config.h"
#include "server.h"
#include "test_packet.h"

static struct keel_config kc;
static struct dhcpd_options o;
static char err[256];
static char printed[32768];

static const char two_pools[] =
	"[lan home]\n"
	"interface br0\n"
	"ports eth1 eth2\n"
	"address 192.168.7.1/24 fd12:3456::1/64\n"
	"\n"
	"[lan guest]\n"
	"interface eth4\n"
	"address 172.16.9.1/25\n"
	"\n"
	"[dhcp home]\n"
	"range 192.168.7.50 192.168.7.60\n"
	"lease-time 2d\n"
	"router 192.168.7.254\n"
	"dns 192.168.7.1 192.168.7.2\n"
	"domain home.example\n"
	"mtu 1492\n"
	"route 10.20.0.0/16 192.168.7.254\n"
	"route 0.0.0.0/0 192.168.7.1\n"
	"static 52:54:00:AB:cd:01 192.168.7.10 NAS\n"
	"static 52:54:00:ab:cd:02 192.168.7.11\n"
	"rate-limit 5/s\n"
	"\n"
	"[dhcp guest]\n"
	"range 172.16.9.10 172.16.9.126\n"
	"lease-time 30m\n"
	"static 52:54:00:ab:cd:03 172.16.9.5 kiosk\n"
	"rate-limit off\n"
	"\n"
	"[dns]\n"
	"domain lan.example\n";

static int parse(const char *text)
{
	struct config_error cerr;
	int rc = config_parse(text, strlen(text), &kc, &cerr);

	if (rc < 0)
		fprintf(stderr, "config_parse: %s\n", cerr.msg);
	return rc;
}

/* options_from_config() on fresh defaults (as main does after -C), then
 * the check main runs; fills printed with what -n prints. */
static int map(const char *text, const char *lan)
{
	FILE *fp;
	int rc;

	if (parse(text) < 0)
		return -2;
	CHECK_EQ_INT(options_parse(3, (char *[]){ "dhcpd", "-C", "f", NULL },
				   &o, err, sizeof(err), stdout), 0);
	err[0] = 0;
	rc = options_from_config(&o, &kc, lan, err, sizeof(err));
	if (rc < 0)
		return rc;
	if (options_check(&o, o.server_ip, o.netmask, err, sizeof(err)) < 0)
		return -3;
	fp = fmemopen(printed, sizeof(printed), "w");
	options_print(&o, o.server_ip, o.netmask, fp);
	fclose(fp);
	return 0;
}

static void test_every_key(void)
{
	CHECK_EQ_INT(map(two_pools, "home"), 0);
	CHECK_STR(o.ifname, "br0");
	CHECK_EQ_UINT(o.server_ip, IP4(192, 168, 7, 1));
	CHECK_EQ_UINT(o.netmask, IP4(255, 255, 255, 0));
	CHECK_EQ_UINT(o.pool_first, IP4(192, 168, 7, 50));
	CHECK_EQ_UINT(o.pool_last, IP4(192, 168, 7, 60));
	CHECK_EQ_UINT(o.lease_secs, 2 * 86400);
	CHECK_EQ_UINT(o.router, IP4(192, 168, 7, 254));
	CHECK_EQ_UINT(o.dns_count, 2);
	CHECK_EQ_UINT(o.dns[0], IP4(192, 168, 7, 1));
	CHECK_EQ_UINT(o.dns[1], IP4(192, 168, 7, 2));
	CHECK_STR(o.domain, "home.example");
	CHECK_EQ_UINT(o.mtu, 1492);
	CHECK_EQ_UINT(o.route_count, 2);
	CHECK_EQ_UINT(o.routes[0].dest, IP4(10, 20, 0, 0));
	CHECK_EQ_UINT(o.routes[0].prefix, 16);
	CHECK_EQ_UINT(o.routes[0].gateway, IP4(192, 168, 7, 254));
	CHECK_EQ_UINT(o.routes[1].dest, 0);
	CHECK_EQ_UINT(o.routes[1].prefix, 0);
	CHECK_EQ_UINT(o.routes[1].gateway, IP4(192, 168, 7, 1));
	/* Only this pool's static leases; names as the hosts file has them. */
	CHECK_EQ_UINT(o.static_count, 2);
	CHECK_EQ_UINT(o.statics[0].mac[3], 0xab);
	CHECK_EQ_UINT(o.statics[0].mac[5], 1);
	CHECK_EQ_UINT(o.statics[0].ip, IP4(192, 168, 7, 10));
	CHECK_STR(o.statics[0].name, "nas");
	CHECK_EQ_UINT(o.statics[1].ip, IP4(192, 168, 7, 11));
	CHECK_STR(o.statics[1].name, "");
	CHECK_EQ_UINT(o.per_mac_count, 5);
	CHECK_EQ_UINT(o.per_mac_secs, 1);
	CHECK_STR(o.lease_file, "/data/dhcpd/home.leases");
	CHECK_STR(o.hosts_file, "/run/dhcpd/home.hosts");
	CHECK_STR(o.status_file, "/run/dhcpd/home.status");
	CHECK(strstr(printed, "interface br0\n"));
	CHECK(strstr(printed, "server 192.168.7.1\n"));
	CHECK(strstr(printed, "netmask 255.255.255.0\n"));
	CHECK(strstr(printed, "pool 192.168.7.50-192.168.7.60 (11 addresses)\n"));
	CHECK(strstr(printed, "router 192.168.7.254\n"));
	CHECK(strstr(printed, "dns 192.168.7.1 192.168.7.2\n"));
	CHECK(strstr(printed, "domain home.example\n"));
	CHECK(strstr(printed, "lease-time 172800\n"));
	CHECK(strstr(printed, "mtu 1492\n"));
	CHECK(strstr(printed, "route 10.20.0.0/16 via 192.168.7.254\n"));
	CHECK(strstr(printed, "route 0.0.0.0/0 via 192.168.7.1\n"));
	CHECK(strstr(printed, "static 52:54:00:ab:cd:01 192.168.7.10 nas\n"));
	CHECK(strstr(printed, "static 52:54:00:ab:cd:02 192.168.7.11 -\n"));
	CHECK(strstr(printed, "lease-file /data/dhcpd/home.leases\n"));
	CHECK(strstr(printed, "hosts-file /run/dhcpd/home.hosts\n"));
	CHECK(strstr(printed, "status-file /run/dhcpd/home.status\n"));
	CHECK(strstr(printed, "rate-limit 5/s\n"));
	CHECK(!strstr(printed, "kiosk"));
}

/* -S guest: the other LAN's interface, subnet, leases and files. */
static void test_second_pool(void)
{
	CHECK_EQ_INT(map(two_pools, "guest"), 0);
	CHECK_STR(o.ifname, "eth4");
	CHECK_EQ_UINT(o.server_ip, IP4(172, 16, 9, 1));
	CHECK_EQ_UINT(o.netmask, IP4(255, 255, 255, 128));
	CHECK_EQ_UINT(o.pool_first, IP4(172, 16, 9, 10));
	CHECK_EQ_UINT(o.pool_last, IP4(172, 16, 9, 126));
	CHECK_EQ_UINT(o.lease_secs, 1800);
	/* Defaults: router and DNS are the LAN's address (dnsd is on), the
	 * domain is [dns]'s, no MTU, no routes. */
	CHECK_EQ_UINT(o.router, IP4(172, 16, 9, 1));
	CHECK_EQ_UINT(o.dns_count, 1);
	CHECK_EQ_UINT(o.dns[0], IP4(172, 16, 9, 1));
	CHECK_STR(o.domain, "lan.example");
	CHECK_EQ_UINT(o.mtu, 0);
	CHECK_EQ_UINT(o.route_count, 0);
	CHECK_EQ_UINT(o.static_count, 1);
	CHECK_STR(o.statics[0].name, "kiosk");
	CHECK_EQ_UINT(o.per_mac_count, 0);
	CHECK_STR(o.lease_file, "/data/dhcpd/guest.leases");
	CHECK_STR(o.hosts_file, "/run/dhcpd/guest.hosts");
	CHECK_STR(o.status_file, "/run/dhcpd/guest.status");
	CHECK(strstr(printed, "rate-limit off\n"));
	CHECK(strstr(printed, "mtu none\n"));
}

/* [dhcp] with no name serves [lan]; rate-limit defaults to 30/m. */
static void test_defaults(void)
{
	static const char text[] =
		"[lan]\ninterface eth1\naddress 10.0.0.1/24\n"
		"[dhcp]\nrange 10.0.0.100 10.0.0.200\n";

	/* What the command line left is kept. */
	CHECK_EQ_INT(parse(text), 0);
	CHECK_EQ_INT(options_parse(8, (char *[]){ "dhcpd", "-C", "f", "-U",
				   "nobody", "-c", "5", "-v", NULL }, &o, err,
				   sizeof(err), stdout), 0);
	CHECK_STR(o.config_lan, "lan");
	CHECK_EQ_INT(options_from_config(&o, &kc, o.config_lan, err,
					 sizeof(err)), 0);
	CHECK_STR(o.user, "nobody");
	CHECK_EQ_UINT(o.checkpoint_secs, 5);
	CHECK(o.verbose);
	CHECK_EQ_UINT(o.total_rate, 1000);
	CHECK_STR(o.ifname, "eth1");
	CHECK_EQ_UINT(o.lease_secs, 12 * 3600);
	CHECK_EQ_UINT(o.per_mac_count, 30);
	CHECK_EQ_UINT(o.per_mac_secs, 60);
	CHECK_EQ_INT(map(text, "lan"), 0);
	CHECK(strstr(printed, "rate-limit 30/m\n"));
}

static void test_errors(void)
{
	/* No such pool: an error naming it, nothing half-filled used. */
	CHECK_EQ_INT(map(two_pools, "office"), -1);
	CHECK(strstr(err, "[dhcp office]"));
	CHECK_EQ_INT(map(two_pools, "lan"), -1);
	/* A range larger than dhcpd's lease table: refused, not cut. */
	CHECK_EQ_INT(map("[lan]\ninterface eth1\naddress 10.0.0.1/15\n"
			 "[dhcp]\nrange 10.0.0.2 10.1.0.10\n", "lan"), -1);
	CHECK(strstr(err, "LEASE_POOL_MAX"));
}

/* Every [dhcp] key shows in what -n prints: a test that diffs the output
 * of two configs one key apart must see the difference. */
static void test_each_key_printed(void)
{
	static const char base[] =
		"[lan]\ninterface eth1\naddress 10.0.0.1/24\n"
		"[dhcp]\nrange 10.0.0.100 10.0.0.200\n";
	static const char *const variant[] = {
		"range 10.0.0.100 10.0.0.201\n",
		"lease-time 1h\n",
		"router 10.0.0.254\n",
		"dns 10.0.0.53\n",
		"domain other.example\n",
		"mtu 1400\n",
		"route 10.9.0.0/16 10.0.0.254\n",
		"static 52:54:00:00:00:01 10.0.0.7\n",
		"static 52:54:00:00:00:01 10.0.0.7 box\n",
		"rate-limit 30/h\n",
		"rate-limit 60/m\n",
		"rate-limit off\n",
		"new-lease-rate 5/m\n",
		"new-lease-rate off\n",
	};
	static char first[4096], text[512];

	CHECK_EQ_INT(map(base, "lan"), 0);
	strcpy(first, printed);
	for (size_t i = 0; i < sizeof(variant) / sizeof(variant[0]); i++) {
		snprintf(text, sizeof(text), "%s%s", base, variant[i]);
		if (variant[i][0] == 'r' && variant[i][1] == 'a' &&
		    variant[i][2] == 'n')
			snprintf(text, sizeof(text), "[lan]\ninterface eth1\n"
				 "address 10.0.0.1/24\n[dhcp]\n%s", variant[i]);
		CHECK_EQ_INT(map(text, "lan"), 0);
		if (!check_report(strcmp(first, printed) != 0, __FILE__,
				  __LINE__, "-n output unchanged by %s",
				  variant[i]))
			fputs(printed, stderr);
	}
}

/* The names a client may not take come from keel.conf: the router's
 * hostname, and [dns] hosts answered under the pool's domain. */
static void test_reserved_names(void)
{
	static const char text[] =
		"hostname Edge\n"
		"[lan]\ninterface eth1\naddress 10.0.0.1/24\n"
		"[dhcp]\nrange 10.0.0.100 10.0.0.200\nnew-lease-rate 12/h\n"
		"[dns]\ndomain home.example\n"
		"host nas 10.0.0.5\n"
		"host printer.home.example 10.0.0.6\n"
		"host www.elsewhere.example 10.0.0.7\n";

	CHECK_EQ_INT(map(text, "lan"), 0);
	CHECK_EQ_UINT(o.names.count, 3);
	CHECK_STR(o.names.reserved[0], "edge");
	CHECK_STR(o.names.reserved[1], "nas");
	CHECK_STR(o.names.reserved[2], "printer");
	CHECK(strstr(printed, "reserved-names edge nas printer\n") != NULL);
	CHECK_EQ_UINT(o.new_count, 12);
	CHECK_EQ_UINT(o.new_secs, 3600);
	CHECK(strstr(printed, "new-lease-rate 12/h\n") != NULL);
	/* Defaults: keel, and 30 new clients a minute. */
	CHECK_EQ_INT(map("[lan]\ninterface eth1\naddress 10.0.0.1/24\n"
			 "[dhcp]\nrange 10.0.0.100 10.0.0.200\n", "lan"), 0);
	CHECK(strstr(printed, "reserved-names keel\n") != NULL);
	CHECK(strstr(printed, "new-lease-rate 30/m\n") != NULL);
}

/* keel.conf's largest pool: 64 static leases with 63-character names, 8
 * routes, 4 DNS servers, a 253-character domain. It maps without error,
 * every lease lands in the lease table, and a client asking for every
 * option still gets an answer. */
static void test_maximal_pool(void)
{
	static char text[CONFIG_FILE_MAX];
	static struct lease_db db;
	static struct server_result res;
	static struct server_guard guard;
	struct server_rx rx = { .pkt = NULL };
	static const uint8_t params[] = { 1, 3, 6, 15, 26, 121 };
	struct server_cfg sc;
	struct dhcp_msg reply;
	struct tpkt t;
	char domain[CONFIG_DOMAIN_MAX + 1];
	size_t len = 0;
	unsigned lines = 0;

	memset(domain, 'd', CONFIG_DOMAIN_MAX);
	for (int i = 63; i < CONFIG_DOMAIN_MAX; i += 64)
		domain[i] = '.';
	domain[CONFIG_DOMAIN_MAX] = 0;
	len += (size_t)snprintf(text + len, sizeof(text) - len,
		"[lan]\ninterface eth1\naddress 10.0.0.1/16\n"
		"[dhcp]\nrange 10.0.1.1 10.0.1.250\nmtu 1500\n"
		"dns 10.0.0.1 10.0.0.2 10.0.0.3 10.0.0.4\ndomain %s\n", domain);
	for (unsigned i = 0; i < CONFIG_MAX_DHCP_ROUTES; i++)
		len += (size_t)snprintf(text + len, sizeof(text) - len,
			"route 10.%u.0.1/32 10.0.0.254\n", 100 + i);
	for (unsigned i = 0; i < CONFIG_MAX_DHCP_STATIC; i++)
		len += (size_t)snprintf(text + len, sizeof(text) - len,
			"static 52:54:00:00:01:%02x 10.0.2.%u "
			"h%02u%.60s\n", i, 10 + i, i,
			"nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn");
	CHECK(len < sizeof(text) - 1);
	CHECK_EQ_INT(map(text, "lan"), 0);
	CHECK_EQ_UINT(o.static_count, CONFIG_MAX_DHCP_STATIC);
	CHECK_EQ_UINT(strlen(o.statics[63].name), CONFIG_HOSTNAME_MAX);
	CHECK_EQ_UINT(o.route_count, CONFIG_MAX_DHCP_ROUTES);
	CHECK_EQ_UINT(o.dns_count, CONFIG_MAX_SERVERS);
	CHECK_STR(o.domain, domain);
	for (const char *p = printed; (p = strstr(p, "\nstatic ")); p++)
		lines++;
	CHECK_EQ_UINT(lines, CONFIG_MAX_DHCP_STATIC);

	/* As main does: the lease table takes every static lease... */
	CHECK_EQ_INT(lease_db_init(&db, o.pool_first, o.pool_last), 0);
	for (unsigned i = 0; i < o.static_count; i++)
		CHECK_EQ_INT(lease_db_add_static(&db, o.statics[i].mac,
						 o.statics[i].ip,
						 o.statics[i].name), 0);
	/* ...and the server answers with every option. */
	memset(&sc, 0, sizeof(sc));
	sc.server_ip = o.server_ip;
	sc.netmask = o.netmask;
	sc.router = o.router;
	memcpy(sc.dns, o.dns, sizeof(sc.dns));
	sc.dns_count = o.dns_count;
	memcpy(sc.domain, o.domain, sizeof(sc.domain));
	sc.mtu = o.mtu;
	memcpy(sc.routes, o.routes, sizeof(sc.routes));
	sc.route_count = o.route_count;
	sc.lease_secs = o.lease_secs;
	sc.offer_hold_secs = SERVER_OFFER_HOLD_SECS;
	tpkt_start(&t, DHCPDISCOVER, 1);
	tpkt_opt(&t, OPT_PARAM_LIST, params, sizeof(params));
	tpkt_opt(&t, OPT_CLIENT_ID, "\x01\x52\x54\x00\x12\x34\x01", 7);
	rx.pkt = t.b;
	rx.len = tpkt_end(&t);
	rx.now = 1000;
	server_guard_init(&guard, 0, 1);
	server_handle(&sc, &db, &guard, &rx, &res);
	CHECK(res.len > 0 && res.len <= DHCP_REPLY_MAX);
	CHECK_EQ_INT(dhcp_parse(res.reply, res.len, &reply), DHCP_OK);
	CHECK_EQ_UINT(reply.msg_type, DHCPOFFER);
	CHECK(reply.overload != 0);
	lease_db_free(&db);
}

int main(void)
{
	test_every_key();
	test_second_pool();
	test_defaults();
	test_errors();
	test_each_key_printed();
	test_reserved_names();
	test_maximal_pool();
	return check_done();
}
