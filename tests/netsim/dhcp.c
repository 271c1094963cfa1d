/* dhcp HOST [timeout S]: run lwIP's DHCP client on HOST and answer with the
 * lease once bound (the router's DHCP server is what is under test). */
#include "cmd_parse.h"
#include "lwip/dhcp.h"
#include "netsim.h"

static struct host *dhcp_host;

static void dhcp_tick(void)
{
	char addrs[256];

	if (!dhcp_supplied_address(&dhcp_host->netif))
		return;
	host_format_addrs(dhcp_host, addrs, sizeof(addrs));
	reply("ok dhcp %s %s", dhcp_host->name, addrs);
	pending_done();
}

static void dhcp_timeout(void)
{
	reply("fail dhcp %s timeout (no lease)", dhcp_host->name);
	dhcp_release_and_stop(&dhcp_host->netif);
	dhcp_host->dhcp = 0;
}

void cmd_dhcp(int argc, char **argv)
{
	const char *t = opt_value(argc, argv, 2, "timeout");
	unsigned long timeout_s = 10;

	if (argc < 2 || (dhcp_host = host_find(argv[1])) == NULL ||
	    (t && parse_ulong(t, 600, &timeout_s) < 0)) {
		reply("fail dhcp: usage: dhcp HOST [timeout S]");
		return;
	}
	if (!dhcp_host->dhcp && dhcp_start(&dhcp_host->netif) != ERR_OK) {
		reply("fail dhcp %s: dhcp_start failed", argv[1]);
		return;
	}
	dhcp_host->dhcp = 1;
	pending_start((u32_t)timeout_s * 1000, dhcp_timeout, dhcp_tick);
}
