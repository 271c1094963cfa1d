/* health: what makes a boot good, and what the command line says. */
#include <string.h>

#include "check.h"
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
	const char *why = NULL;

	kind("console=ttyS0 root=/dev/vda\n", false, false);
	kind("root=/dev/vda2 keel.slot=A quiet\n", true, false);
	kind("root=/dev/vda3 keel.slot=B keel.trial=1\n", true, true);
	kind("keel.trial=1 xkeel.slot=A", false, false);
	kind("keel.slot=C keel.trial=1", false, false);

	memset(&svcs, 0, sizeof(svcs));
	CHECK(health_services_ok(&svcs, 1000, 8000, &why));	/* none planned */
	svcs.count = 2;
	strcpy(svcs.list[0].def.name, "logd");
	strcpy(svcs.list[1].def.name, "dnsd");
	svcs.list[0].child.pid = 10;
	svcs.list[0].started_ms = 1000;
	svcs.list[1].child.pid = 0;	/* waiting to restart */
	CHECK(!health_services_ok(&svcs, 20000, 8000, &why));
	CHECK_STR(why, "dnsd");
	svcs.list[1].child.pid = 11;
	svcs.list[1].started_ms = 15000;	/* restarted 5 s ago: not steady */
	CHECK(!health_services_ok(&svcs, 20000, 8000, &why));
	CHECK_STR(why, "dnsd");
	CHECK(health_services_ok(&svcs, 23000, 8000, &why));
	CHECK(why == NULL);
	return check_done();
}
