/* services: the files init writes for third-party servers, the status
 * lines keel status prints, and how a listening port is spotted. (What
 * runs is libkeel's service plan: test_service_plan.c there.) */
#include <stdbool.h>
#include <string.h>

#include "check.h"
#include "services.h"

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
	char buf[256];

	CHECK_EQ_INT(config_parse(text, strlen(text), &cfg, &err), 0);
	CHECK(services_wan_dns(&cfg, buf, sizeof(buf)) > 0);
	CHECK_STR(buf, "192.0.2.53\n[2001:db8::53]\n");
	CHECK(services_authorized_keys(&cfg, buf, sizeof(buf)) > 0);
	CHECK(strncmp(buf, "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJ+k", 40) == 0);
	CHECK_EQ_INT(services_wan_dns(&cfg, buf, 8), -1);
}

/* The status file carries the start time, not an uptime frozen at the
 * moment it was written (keel status showed 0s for every service). */
static void test_format(void)
{
	static struct services svcs;
	char buf[512];

	memset(&svcs, 0, sizeof(svcs));
	svcs.count = 3;
	strcpy(svcs.list[0].def.name, "wan-dhcp");
	svcs.list[0].child.pid = 42;
	svcs.list[0].started_boot_ms = 1234;
	svcs.list[0].ready = true;
	strcpy(svcs.list[1].def.name, "dnsd");
	svcs.list[1].restarts = 3;
	svcs.list[1].last_status = 1 << 8;	/* exited 1 */
	svcs.list[1].restart_at_ms = 9000;
	strcpy(svcs.list[2].def.name, "dhcpd-guest");
	svcs.list[2].child.pid = 43;
	svcs.list[2].started_boot_ms = 5000;
	CHECK(services_format(&svcs, 6000, buf, sizeof(buf)) > 0);
	CHECK(strstr(buf, "wan-dhcp        running      42        0         1234 yes   -\n") != NULL);
	CHECK(strstr(buf, "dnsd            waiting") != NULL);
	CHECK(strstr(buf, "exited 1, restart in 3000 ms") != NULL);
	CHECK(strstr(buf, "dhcpd-guest     starting     43        0         5000 no    -\n") != NULL);
	svcs.list[2].retired = true;
	svcs.list[2].child.pid = 0;
	CHECK(services_format(&svcs, 6000, buf, sizeof(buf)) > 0);
	CHECK(strstr(buf, "dhcpd-guest     stopped") != NULL);
	/* Too small a buffer is an error, never an overrun. */
	CHECK_EQ_INT(services_format(&svcs, 6000, buf, 20), -1);
}

static void test_port_listening(void)
{
	static const char tcp[] =
		"  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n"
		"   0: 0100000A:0016 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 100 1\n"
		"   1: 0100000A:08AE 0200000A:D431 01 00000000:00000000 00:00000000 00000000     0        0 101 1\n";
	static const char tcp6[] =
		"  sl  local_address                         remote_address                        st\n"
		"   0: 00000000000000000000000000000000:1F90 00000000000000000000000000000000:0000 0A 0\n";

	CHECK(services_port_listening(tcp, sizeof(tcp) - 1, 22));
	CHECK(!services_port_listening(tcp, sizeof(tcp) - 1, 2222));	/* established, not listening */
	CHECK(services_port_listening(tcp6, sizeof(tcp6) - 1, 8080));
	CHECK(!services_port_listening(tcp6, sizeof(tcp6) - 1, 22));
	CHECK(!services_port_listening("", 0, 22));
}

int main(void)
{
	test_files();
	test_format();
	test_port_listening();
	return check_done();
}
