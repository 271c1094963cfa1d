/* services: what the config turns into, and the status lines. */
#include <string.h>

#include "check.h"
#include "services.h"

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

	CHECK_EQ_INT(config_parse(dhcp_wan, strlen(dhcp_wan), &cfg, &err), 0);
	CHECK_EQ_INT(services_plan(&cfg, defs, SERVICES_MAX), 1);
	CHECK_STR(defs[0].name, "wan-dhcp");
	CHECK_STR(defs[0].user, "");
	CHECK_STR(defs[0].args[0], "/sbin/udhcpc");
	CHECK_STR(defs[0].args[4], "eth0");
	CHECK_STR(defs[0].args[defs[0].argc - 1], "hostname:r1");
	/* No room: nothing written, the need still counted. */
	CHECK_EQ_INT(services_plan(&cfg, defs, 0), 1);

	CHECK_EQ_INT(config_parse(static_wan, strlen(static_wan), &cfg, &err), 0);
	CHECK_EQ_INT(services_plan(&cfg, defs, SERVICES_MAX), 0);
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
	CHECK_EQ_INT(n, 2);
	CHECK_STR(defs[1].name, "dhcpd");
	CHECK_STR(defs[1].args[0], "/usr/sbin/dhcpd");
	CHECK(has_args(&defs[1], "-i", "eth1"));
	CHECK(has_args(&defs[1], "-r", "10.0.0.100-10.0.0.249"));
	CHECK(has_args(&defs[1], "-g", "10.0.0.1"));
	CHECK(has_args(&defs[1], "-D", "10.0.0.1"));
	CHECK(has_args(&defs[1], "-d", "lan"));
	CHECK(has_args(&defs[1], "-t", "43200"));
	CHECK(has_args(&defs[1], "-s", "52:54:00:12:34:56=10.0.0.10,nas"));
	CHECK(has_args(&defs[1], "-f", "/run/dhcpd/lan.leases"));
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
	test_format();
	return check_done();
}
