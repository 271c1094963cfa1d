/* Simulated hosts: one lwIP netif each, on one segment, with its own MAC. */
#include <stdio.h>
#include <string.h>

#include "lwip/dhcp.h"
#include "lwip/etharp.h"
#include "lwip/ethip6.h"
#include "lwip/netif.h"
#include "netif/ethernet.h"
#include "netsim.h"
#include "arch/keel_hooks.h"

static struct host hosts[NETSIM_MAX_HOSTS];

struct host *host_find_index(int i)
{
	return hosts[i].in_use ? &hosts[i] : NULL;
}

struct host *host_find(const char *name)
{
	for (int i = 0; i < NETSIM_MAX_HOSTS; i++)
		if (hosts[i].in_use && strcmp(hosts[i].name, name) == 0)
			return &hosts[i];
	return NULL;
}

struct host *host_by_netif(const struct netif *netif)
{
	return netif->state;
}

static err_t host_netif_init(struct netif *netif)
{
	struct host *h = netif->state;

	netif->name[0] = 'n';
	netif->name[1] = 's';
	netif->hwaddr_len = 6;
	memcpy(netif->hwaddr, h->mac, 6);
	netif->mtu = 1500;
	netif->flags = NETIF_FLAG_BROADCAST | NETIF_FLAG_ETHARP | NETIF_FLAG_ETHERNET |
		       NETIF_FLAG_IGMP | NETIF_FLAG_MLD6;
	netif->output = etharp_output;
	netif->output_ip6 = ethip6_output;
	netif->linkoutput = hub_linkoutput;
	netif->hostname = h->name;
	return ERR_OK;
}

struct host *host_add(const char *name, struct segment *seg, const uint8_t mac[6])
{
	struct host *h = NULL;

	if (strlen(name) >= NETSIM_NAME_MAX || host_find(name) != NULL)
		return NULL;
	for (int i = 0; i < NETSIM_MAX_HOSTS && h == NULL; i++)
		if (!hosts[i].in_use)
			h = &hosts[i];
	if (h == NULL)
		return NULL;
	memset(h, 0, sizeof(*h));
	strcpy(h->name, name);
	memcpy(h->mac, mac, 6);
	h->seg = seg;
	if (netif_add(&h->netif, NULL, NULL, NULL, h, host_netif_init, ethernet_input) == NULL)
		return NULL;
	h->in_use = 1;
	netif_create_ip6_linklocal_address(&h->netif, 1);
	/* Simulated MACs are unique by construction: skip DAD so addresses are
	 * usable at once and scripts need not wait a second per host. */
	netif_ip6_addr_set_state(&h->netif, 0, IP6_ADDR_PREFERRED);
	netif_set_link_up(&h->netif);
	netif_set_up(&h->netif);
	return h;
}

int host_set_ip4(struct host *h, const ip_addr_t *ip, int plen, const ip_addr_t *gw)
{
	ip4_addr_t mask;

	if (!IP_IS_V4(ip) || (gw != NULL && !IP_IS_V4(gw)))
		return -1;
	ip4_addr_set_u32(&mask, plen == 0 ? 0 : lwip_htonl(0xffffffffu << (32 - plen)));
	netif_set_addr(&h->netif, ip_2_ip4(ip), &mask, gw ? ip_2_ip4(gw) : IP4_ADDR_ANY4);
	return 0;
}

int host_add_ip6(struct host *h, const ip_addr_t *ip)
{
	s8_t idx;

	if (!IP_IS_V6(ip) || netif_add_ip6_address(&h->netif, ip_2_ip6(ip), &idx) != ERR_OK)
		return -1;
	netif_ip6_addr_set_state(&h->netif, idx, IP6_ADDR_PREFERRED);
	return 0;
}

static int mask_len(u32_t mask_host_order)
{
	int n = 0;

	while (mask_host_order & 0x80000000u) {
		n++;
		mask_host_order <<= 1;
	}
	return n;
}

void host_format_addrs(const struct host *h, char *buf, size_t n)
{
	const struct netif *nif = &h->netif;
	char a[IP6ADDR_STRLEN_MAX], g[IP4ADDR_STRLEN_MAX];
	size_t off;

	ip4addr_ntoa_r(netif_ip4_addr(nif), a, sizeof(a));
	ip4addr_ntoa_r(netif_ip4_gw(nif), g, sizeof(g));
	off = (size_t)snprintf(buf, n, "ip %s/%d gw %s", a,
			       mask_len(lwip_ntohl(ip4_addr_get_u32(netif_ip4_netmask(nif)))), g);
	/* A deprecated address (its prefix's preferred lifetime ran out, e.g.
	 * after a renumbering) is still valid: marked by one word after it, so
	 * `ip6 A` followed by a space or the end still finds every address. */
	for (int i = 0; i < LWIP_IPV6_NUM_ADDRESSES && off < n; i++) {
		u8_t state = netif_ip6_addr_state(nif, i);

		if (!ip6_addr_isvalid(state))
			continue;
		ip6addr_ntoa_r(netif_ip6_addr(nif, i), a, sizeof(a));
		off += (size_t)snprintf(buf + off, n - off, " ip6 %s%s", a,
					ip6_addr_isdeprecated(state) ? " deprecated" : "");
	}
}

/* lwIP asks for the next hop of an off-link IPv6 destination (lwipopts.h):
 * the host's `gw6`, so LAN/WAN hosts can route IPv6 without RAs. */
const ip6_addr_t *keel_lwip_nd6_gw(struct netif *netif, const ip6_addr_t *dest)
{
	const struct host *h = netif->state;

	(void)dest;
	if (h == NULL || ip6_addr_isany(&h->gw6))
		return NULL;
	return &h->gw6;
}
