/*
 * test_ppp_options.c - pppd's options for a PPPoE WAN: the account, the
 * link under it, the redial and echo settings, and that the service's
 * argv never carries the account while a password change still restarts it.
 */
#include <string.h>

#include "check.h"
#include "keel/ppp_options.h"
#include "keel/service_plan.h"

static struct keel_config cfg;

static void parse(const char *text)
{
	struct config_error err;

	CHECK_EQ_INT(config_parse(text, strlen(text), &cfg, &err), 0);
}

#define LAN "[lan]\ninterface eth1\naddress 10.0.0.1/24\n"

static void test_text(void)
{
	char buf[1024];
	int n;

	parse(LAN "[wan]\ninterface eth0\nmode pppoe\nuser keel\npassword s3cret\n"
	      "service internet\nvlan 35\nmtu 1454\n");
	n = ppp_options_text(&cfg, buf, sizeof(buf));
	CHECK(n > 0 && (size_t)n == strlen(buf));
	CHECK(strstr(buf, "\nnic-eth0.35\n") != NULL);
	CHECK(strstr(buf, "\nuser \"keel\"\n") != NULL);
	CHECK(strstr(buf, "\npassword \"s3cret\"\n") != NULL);
	CHECK(strstr(buf, "\nrp_pppoe_service \"internet\"\n") != NULL);
	CHECK(strstr(buf, "\nifname ppp0\n") != NULL);
	CHECK(strstr(buf, "\nmtu 1454\nmru 1454\n") != NULL);
	CHECK(strstr(buf, "\nnodetach\n") != NULL);
	CHECK(strstr(buf, "\npersist\nmaxfail 1\nholdoff 5\n") != NULL);
	CHECK(strstr(buf, "\nlcp-echo-interval 10\nlcp-echo-failure 6\nlcp-echo-adaptive\n") != NULL);
	CHECK(strstr(buf, "\nusepeerdns\n") != NULL);
	/* Too small a buffer is an error, never a cut file. */
	CHECK_EQ_INT(ppp_options_text(&cfg, buf, 64), -1);
	/* No service: any; default MTU. */
	parse(LAN "[wan]\ninterface eth0\nmode pppoe\nuser keel\n");
	CHECK(ppp_options_text(&cfg, buf, sizeof(buf)) > 0);
	CHECK(strstr(buf, "service") == NULL && strstr(buf, "\npassword ") == NULL);
	CHECK(strstr(buf, "\nnic-eth0\n") != NULL);
	CHECK(strstr(buf, "\nmtu 1492\nmru 1492\n") != NULL);
	/* Not PPPoE: no options. */
	parse(LAN "[wan]\ninterface eth0\n");
	CHECK_EQ_INT(ppp_options_text(&cfg, buf, sizeof(buf)), -1);
	CHECK(ppp_options_stamp(&cfg) == 0);
}

static void test_plan(void)
{
	static struct service_def defs[SERVICES_MAX];
	char err[128];
	uint64_t stamp;
	int n, found = -1;

	parse(LAN "[wan]\ninterface eth0\nmode pppoe\nuser keel\npassword s3cret\n");
	n = services_plan(&cfg, "/run/keel/keel.conf", defs, SERVICES_MAX, err, sizeof(err));
	CHECK(n > 0);
	for (int i = 0; i < n; i++) {
		CHECK(strcmp(defs[i].name, "wan-dhcp") != 0);
		if (strcmp(defs[i].name, "wan-ppp") == 0)
			found = i;
	}
	CHECK(found >= 0);
	if (found < 0)
		return;
	CHECK_EQ_INT(defs[found].argc, 3);
	CHECK_STR(defs[found].args[0], "/usr/sbin/pppd");
	CHECK_STR(defs[found].args[1], "file");
	CHECK_STR(defs[found].args[2], KEEL_PPP_OPTIONS);
	for (unsigned a = 0; a < defs[found].argc; a++)
		CHECK(strstr(defs[found].args[a], "keel") == NULL ||
		      strstr(defs[found].args[a], "keel.options") != NULL);
	stamp = defs[found].stamp;
	CHECK(stamp != 0);
	/* A new password: same argv, another stamp, so init restarts pppd. */
	parse(LAN "[wan]\ninterface eth0\nmode pppoe\nuser keel\npassword other\n");
	n = services_plan(&cfg, "/run/keel/keel.conf", defs, SERVICES_MAX, err, sizeof(err));
	CHECK(n > found && defs[found].stamp != stamp && defs[found].stamp != 0);
	/* DHCP over a VLAN: udhcpc runs on the tagged link. */
	parse(LAN "[wan]\ninterface eth0\nvlan 35\n");
	n = services_plan(&cfg, "/run/keel/keel.conf", defs, SERVICES_MAX, err, sizeof(err));
	for (int i = 0; i < n; i++)
		if (strcmp(defs[i].name, "wan-dhcp") == 0)
			CHECK_STR(defs[i].args[4], "eth0.35");
}

int main(void)
{
	test_text();
	test_plan();
	return check_done();
}
