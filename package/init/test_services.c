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
	test_format();
	return check_done();
}
