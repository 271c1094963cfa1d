/* health: what makes a boot good, and what the command line says. */
#include <string.h>

#include "check.h"
#include "firewall.h"
#include "health.h"
#include "services.h"

static void kind(const char *cmdline, bool want_ab, bool want_trial)
{
	bool ab, trial;

	health_boot_kind(cmdline, strlen(cmdline), &ab, &trial);
	CHECK_EQ_INT(ab, want_ab);
	CHECK_EQ_INT(trial, want_trial);
}

int main(void)
{
	static struct services svcs;
	struct firewall fw = { .state = FIREWALL_NONE };
	const char *why = NULL;

	kind("console=ttyS0 root=/dev/vda\n", false, false);
	kind("root=/dev/vda2 keel.slot=A quiet\n", true, false);
	kind("root=/dev/vda3 keel.slot=B keel.trial=1\n", true, true);
	kind("keel.trial=1 xkeel.slot=A", false, false);
	kind("keel.slot=C keel.trial=1", false, false);

	memset(&svcs, 0, sizeof(svcs));
	CHECK(health_services_ok(&svcs, &why));	/* none planned */
	svcs.count = 2;
	strcpy(svcs.list[0].def.name, "logd");
	strcpy(svcs.list[1].def.name, "dnsd");
	svcs.list[0].child.pid = 10;
	svcs.list[0].ready = true;
	svcs.list[1].child.pid = 0;	/* waiting to restart */
	CHECK(!health_services_ok(&svcs, &why));
	CHECK_STR(why, "dnsd");
	svcs.list[1].child.pid = 11;	/* running, has not said ready */
	CHECK(!health_services_ok(&svcs, &why));
	CHECK_STR(why, "dnsd");
	svcs.list[1].ready = true;
	CHECK(health_services_ok(&svcs, &why));
	CHECK(why == NULL);
	/* A service a live apply stopped for good does not count. */
	svcs.list[1].child.pid = 0;
	svcs.list[1].ready = false;
	svcs.list[1].retired = true;
	CHECK(health_services_ok(&svcs, &why));

	/* Lockdown is never a good boot; no WAN (LAN-only rules) is. */
	fw.state = FIREWALL_LOCKDOWN;
	CHECK(!health_firewall_ok(&fw, &why));
	CHECK_STR(why, "firewall lockdown");
	fw.state = FIREWALL_NONE;
	CHECK(!health_firewall_ok(&fw, &why));
	fw.state = FIREWALL_LAN_ONLY;
	CHECK(health_firewall_ok(&fw, &why));
	fw.state = FIREWALL_LOADED;
	CHECK(health_firewall_ok(&fw, &why));
	CHECK(firewall_allows_forwarding(&fw));
	fw.state = FIREWALL_LAN_ONLY;
	CHECK(!firewall_allows_forwarding(&fw));
	return check_done();
}
