/* dhcp HOST [timeout S] [hostname H]: run lwIP's DHCP client on HOST and
 * answer with the lease once bound (the router's DHCP server is what is under
 * test). lwIP sends the netif's hostname as option 12: HOST's own name, or H. */
#include <string.h>

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
	const char *name = opt_value(argc, argv, 2, "hostname");
	unsigned long timeout_s = 10;

	if (argc < 2 || (dhcp_host = host_find(argv[1])) == NULL ||
	    (t && parse_ulong(t, 600, &timeout_s) < 0) ||
	    (name && (name[0] == '\0' || strlen(name) > NETSIM_DHCP_HOSTNAME_MAX))) {
		reply("fail dhcp: usage: dhcp HOST [timeout S] [hostname H] (H: 1-%d bytes)",
		      NETSIM_DHCP_HOSTNAME_MAX);
		return;
	}
	/* Set before dhcp_start so the first DISCOVER carries it; a running
	 * client sends it from its next message on. */
	if (name) {
		strcpy(dhcp_host->dhcp_hostname, name);
		netif_set_hostname(&dhcp_host->netif, dhcp_host->dhcp_hostname);
	} else {
		netif_set_hostname(&dhcp_host->netif, dhcp_host->name);
	}
	if (!dhcp_host->dhcp && dhcp_start(&dhcp_host->netif) != ERR_OK) {
		reply("fail dhcp %s: dhcp_start failed", argv[1]);
		return;
	}
	dhcp_host->dhcp = 1;
	pending_start((u32_t)timeout_s * 1000, dhcp_timeout, dhcp_tick);
}
