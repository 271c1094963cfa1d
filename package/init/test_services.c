/* services: what the config turns into, and the status lines. */
#include <string.h>

#include "check.h"
#include "services.h"

static const struct service_def *find(const struct service_def *defs, size_t n,
				      const char *name)
{
	for (size_t i = 0; i < n && i < SERVICES_MAX; i++)
		if (strcmp(defs[i].name, name) == 0)
			return &defs[i];
	return NULL;
}

static void test_plan(void)
{
	static struct keel_config cfg;
	struct service_def defs[SERVICES_MAX];
	struct config_error err;
	const char *dhcp_wan = "hostname r1\n[wan]\ninterface eth0\nmode dhcp\n"
			       "[lan]\ninterface eth1\naddress 10.0.0.1/24\n";
	const char *static_wan = "[wan]\ninterface eth0\nmode static\n"
				 "address 192.0.2.2/24\ngateway 192.0.2.1\n"
				 "[lan]\ninterface eth1\naddress 10.0.0.1/24\n";

	const char *quiet = "[lan]\ninterface eth1\naddress 10.0.0.1/24\n"
			    "[services]\ndnsd off\nlogd off\nsshd off\n";

	/* logd, dnsd and sshd are on by default; logd starts first so the
	 * others' syslog lines are kept. */
	CHECK_EQ_INT(config_parse(dhcp_wan, strlen(dhcp_wan), &cfg, &err), 0);
	CHECK_EQ_INT(services_plan(&cfg, defs, SERVICES_MAX), 4);
	CHECK_STR(defs[0].name, "logd");
	CHECK_STR(defs[1].name, "wan-dhcp");
	CHECK_STR(defs[1].user, "");
	CHECK_STR(defs[1].args[0], "/sbin/udhcpc");
	CHECK_STR(defs[1].args[4], "eth0");
	CHECK_STR(defs[1].args[defs[1].argc - 1], "hostname:r1");
	CHECK(find(defs, 4, "dnsd") != NULL);
	CHECK(find(defs, 4, "sshd") != NULL);
	/* No room: nothing written, the need still counted. */
	CHECK_EQ_INT(services_plan(&cfg, defs, 0), 4);

	CHECK_EQ_INT(config_parse(static_wan, strlen(static_wan), &cfg, &err), 0);
	CHECK(find(defs, services_plan(&cfg, defs, SERVICES_MAX), "wan-dhcp") == NULL);
	CHECK_EQ_INT(config_parse(quiet, strlen(quiet), &cfg, &err), 0);
	CHECK_EQ_INT(services_plan(&cfg, defs, SERVICES_MAX), 0);
}

static bool has_args(const struct service_def *d, const char *a, const char *b);

/* dnsd listens on every LAN address and never the WAN; with no upstreams
 * in the config it follows the WAN lease's file; it gets each pool's lease
 * names. sshd binds the LAN addresses, passwords off. logd gets the ring
 * size and the remote collector. */
static void test_plan_daemons(void)
{
	static struct keel_config cfg;
	struct service_def defs[SERVICES_MAX];
	struct config_error err;
	const char *text = "hostname gw\n[wan]\ninterface eth0\nmode dhcp\n"
			   "[lan]\ninterface eth1\naddress 10.0.0.1/24 fd00::1/64\n"
			   "[lan guest]\ninterface eth2\naddress 10.1.0.1/24\n"
			   "[dhcp]\nrange 10.0.0.100 10.0.0.249\n"
			   "[dhcp guest]\nrange 10.1.0.100 10.1.0.200\n"
			   "[dns]\ndomain home\ncache-size 2M\nhost nas 10.0.0.5\n"
			   "query-log on\nquery-log-rate 120/m\n"
			   "[log]\nring-size 512K\nremote 10.0.0.9 tcp\n"
			   "[ssh]\nport 2222\n"
			   "[flow]\ninterface eth0\ncollector 10.0.0.9:2055 [fd00::9]:9995\n"
			   "version 10\n";
	const struct service_def *d;
	size_t n;
	char buf[256];

	CHECK_EQ_INT(config_parse(text, strlen(text), &cfg, &err), 0);
	n = services_plan(&cfg, defs, SERVICES_MAX);
	CHECK_EQ_INT(n, 8);
	d = find(defs, n, "rad-lan");	/* only the LAN with IPv6 */
	CHECK(d != NULL);
	CHECK(find(defs, n, "rad-guest") == NULL);
	if (d) {
		CHECK(has_args(d, "-i", "eth1"));
		CHECK(has_args(d, "-p", "fd00::/64"));
		CHECK(has_args(d, "-r", "fd00::1"));
		CHECK(has_args(d, "-d", "home"));
		CHECK(has_args(d, "-u", "rad"));
		CHECK(has_args(d, "rad", "-D"));	/* stateless DHCPv6 */
	}
	d = find(defs, n, "flowd");
	CHECK(d != NULL);
	if (d) {
		CHECK(has_args(d, "-i", "eth0"));
		CHECK(has_args(d, "-c", "10.0.0.9:2055"));
		CHECK(has_args(d, "-c", "[fd00::9]:9995"));
		CHECK(has_args(d, "-v", "10"));
		CHECK_STR(d->rundir_owner, "flowd");
	}
	d = find(defs, n, "dnsd");
	CHECK(d != NULL);
	if (d) {
		CHECK(has_args(d, "-l", "10.0.0.1"));
		CHECK(has_args(d, "-l", "[fd00::1]"));
		CHECK(has_args(d, "-l", "10.1.0.1"));
		CHECK(has_args(d, "-F", "/run/keel/wan-dns"));
		CHECK(has_args(d, "-d", "home"));
		CHECK(has_args(d, "-N", "gw"));
		CHECK(has_args(d, "-c", "2097152"));
		CHECK(has_args(d, "-L", "/run/dhcpd/lan.hosts"));
		CHECK(has_args(d, "-L", "/run/dhcpd/guest.hosts"));
		CHECK(has_args(d, "-H", "/run/dnsd/hosts"));
		CHECK(has_args(d, "-Q", "2"));
	}
	d = find(defs, n, "sshd");
	CHECK(d != NULL);
	if (d) {
		CHECK_STR(d->args[0], "/usr/sbin/dropbear");
		CHECK(has_args(d, "-p", "10.0.0.1:2222"));
		CHECK(has_args(d, "-p", "[fd00::1]:2222"));
		CHECK(has_args(d, "-p", "10.1.0.1:2222"));
		CHECK(has_args(d, "-R", "-s"));
	}
	d = find(defs, n, "logd");
	CHECK(d != NULL);
	if (d) {
		CHECK(has_args(d, "-s", "524288"));
		CHECK(has_args(d, "-r", "10.0.0.9:514"));
		CHECK(has_args(d, "-t", "tcp"));
	}
	CHECK(services_dns_hosts(&cfg, buf, sizeof(buf)) > 0);
	CHECK(strstr(buf, "\n10.0.0.5 nas\n") != NULL);
	CHECK_EQ_INT(services_dns_hosts(&cfg, buf, 10), -1);
}

/* A static WAN's DNS servers go where udhcpc's script would put them. */
static void test_files(void)
{
	static struct keel_config cfg;
	struct config_error err;
	const char *text = "[wan]\ninterface eth0\nmode static\n"
			   "address 192.0.2.2/24\ngateway 192.0.2.1\n"
			   "dns 192.0.2.53 2001:db8::53\n"
			   "[lan]\ninterface eth1\naddress 10.0.0.1/24\n"
			   "[dns]\nupstream 9.9.9.9\n"
			   "[ssh]\nauthorized-key ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJ+k you@laptop\n";
	struct service_def defs[SERVICES_MAX];
	const struct service_def *d;
	char buf[256];

	CHECK_EQ_INT(config_parse(text, strlen(text), &cfg, &err), 0);
	CHECK(services_wan_dns(&cfg, buf, sizeof(buf)) > 0);
	CHECK_STR(buf, "192.0.2.53\n[2001:db8::53]\n");
	CHECK(services_authorized_keys(&cfg, buf, sizeof(buf)) > 0);
	CHECK(strncmp(buf, "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJ+k", 40) == 0);
	/* Upstreams from the config: no -F. */
	d = find(defs, services_plan(&cfg, defs, SERVICES_MAX), "dnsd");
	CHECK(d != NULL);
	if (d) {
		CHECK(has_args(d, "-u", "9.9.9.9"));
		CHECK(!has_args(d, "-F", "/run/keel/wan-dns"));
	}
}

static bool has_args(const struct service_def *d, const char *a, const char *b)
{
	for (unsigned i = 0; i + 1 < d->argc; i++)
		if (strcmp(d->args[i], a) == 0 && strcmp(d->args[i + 1], b) == 0)
			return true;
	return false;
}

/* The default config serves DHCP on the LAN: dhcpd gets the pool, router,
 * DNS, domain and lease time from it, and its own /run directory. */
static void test_plan_dhcpd(void)
{
	static struct keel_config cfg;
	struct service_def defs[SERVICES_MAX];
	const char *text = "[wan]\ninterface eth0\nmode dhcp\n"
			   "[lan]\ninterface eth1\naddress 10.0.0.1/24\n"
			   "[dhcp]\nrange 10.0.0.100 10.0.0.249\nlease-time 12h\n"
			   "static 52:54:00:12:34:56 10.0.0.10 nas\n"
			   "[dns]\ndomain lan\n";
	struct config_error err;
	size_t n;

	CHECK_EQ_INT(config_parse(text, strlen(text), &cfg, &err), 0);
	n = services_plan(&cfg, defs, SERVICES_MAX);
	CHECK_EQ_INT(n, 5);
	CHECK_STR(defs[2].name, "dhcpd");
	defs[1] = defs[2];
	CHECK_STR(defs[1].args[0], "/usr/sbin/dhcpd");
	CHECK(has_args(&defs[1], "-i", "eth1"));
	CHECK(has_args(&defs[1], "-r", "10.0.0.100-10.0.0.249"));
	CHECK(has_args(&defs[1], "-g", "10.0.0.1"));
	CHECK(has_args(&defs[1], "-D", "10.0.0.1"));
	CHECK(has_args(&defs[1], "-d", "lan"));
	CHECK(has_args(&defs[1], "-t", "43200"));
	CHECK(has_args(&defs[1], "-s", "52:54:00:12:34:56=10.0.0.10,nas"));
	CHECK(has_args(&defs[1], "-f", "/data/dhcpd/lan.leases"));
	CHECK_STR(defs[1].datadir, "/data/dhcpd");
	CHECK_STR(defs[1].rundir, "/run/dhcpd");
	CHECK_STR(defs[1].rundir_owner, "dhcpd");
}

static void test_format(void)
{
	static struct services svcs;
	char buf[512];

	memset(&svcs, 0, sizeof(svcs));
	svcs.count = 2;
	strcpy(svcs.list[0].def.name, "wan-dhcp");
	svcs.list[0].child.pid = 42;
	svcs.list[0].started_ms = 1000;
	strcpy(svcs.list[1].def.name, "dnsd");
	svcs.list[1].restarts = 3;
	svcs.list[1].last_status = 1 << 8;	/* exited 1 */
	svcs.list[1].restart_at_ms = 9000;
	CHECK(services_format(&svcs, 6000, buf, sizeof(buf)) > 0);
	CHECK(strstr(buf, "wan-dhcp   running      42        0       5s") != NULL);
	CHECK(strstr(buf, "dnsd       waiting") != NULL);
	CHECK(strstr(buf, "exited 1, restart in 3000 ms") != NULL);
	/* Too small a buffer is an error, never an overrun. */
	CHECK_EQ_INT(services_format(&svcs, 6000, buf, 20), -1);
}

int main(void)
{
	test_plan();
	test_plan_dhcpd();
	test_plan_daemons();
	test_files();
	test_format();
	return check_done();
}
