/*
 * config_wan.c - the WAN's interface names and MTU as the config implies
 * them (keel/config.h): one place, so init, the firewall and the service
 * plan agree on which interface is the WAN.
 */
#include <stdio.h>

#include "keel/config.h"

void config_wan_link(const struct config_wan *wan, char out[CONFIG_IFNAME_MAX + 1])
{
	char name[32];

	/* Validation keeps interface.VLAN within IFNAMSIZ; the wider buffer
	 * only spares a truncation warning. */
	if (wan->vlan) {
		snprintf(name, sizeof(name), "%s.%u", wan->interface,
			 (unsigned)wan->vlan);
		snprintf(out, CONFIG_IFNAME_MAX + 1, "%.15s", name);
	} else
		snprintf(out, CONFIG_IFNAME_MAX + 1, "%s", wan->interface);
}

void config_wan_l3(const struct config_wan *wan, char out[CONFIG_IFNAME_MAX + 1])
{
	if (wan->mode == CONFIG_WAN_PPPOE)
		snprintf(out, CONFIG_IFNAME_MAX + 1, "%s", CONFIG_WAN_PPP_IFNAME);
	else
		config_wan_link(wan, out);
}

unsigned config_wan_mtu(const struct config_wan *wan)
{
	if (wan->mtu)
		return wan->mtu;
	return wan->mode == CONFIG_WAN_PPPOE ? CONFIG_PPPOE_MTU_DEFAULT : 0;
}

void config_wan_l3_v4(const struct config_wan *wan, char out[CONFIG_IFNAME_MAX + 1])
{
	if (wan->ipv4 == CONFIG_WAN_IPV4_DSLITE)
		snprintf(out, CONFIG_IFNAME_MAX + 1, "%s", CONFIG_DSLITE_IFNAME);
	else
		config_wan_l3(wan, out);
}

unsigned config_wan_dslite_mtu(const struct config_wan *wan)
{
	unsigned mtu = config_wan_mtu(wan);

	if (mtu && mtu - CONFIG_DSLITE_HDR < CONFIG_DSLITE_MTU)
		return mtu - CONFIG_DSLITE_HDR;
	return CONFIG_DSLITE_MTU;
}

const uint8_t *config_wan_dslite_local(const struct config_wan *wan)
{
	if (wan->mode != CONFIG_WAN_STATIC)
		return NULL;
	for (unsigned i = 0; i < wan->n_addrs; i++)
		if (wan->addrs[i].family == CONFIG_AF_INET6)
			return wan->addrs[i].bytes;
	return NULL;
}

bool config_wan_runs_wan6(const struct config_wan *wan)
{
	if (!wan->present)
		return false;
	return wan->dhcpv6 != CONFIG_DHCPV6_OFF ||
	       (wan->ipv4 == CONFIG_WAN_IPV4_DSLITE &&
		(!config_wan_dslite_local(wan) || wan->aftr_name[0]));
}
