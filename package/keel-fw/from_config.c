/*
 * from_config.c - map the router config onto a firewall policy: one field
 * per setting, so the config stays the only place a user edits.
 */
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#include "from_config.h"

static int fail(char *err, size_t size, const char *what, const char *name)
{
	snprintf(err, size, "%s%s%s", what, name[0] ? ": " : "", name);
	return -1;
}

int fw_policy_from_config(const struct keel_config *cfg, struct fw_policy *p,
			  char *err, size_t err_size)
{
	char wan_if[CONFIG_IFNAME_MAX + 1];

	fw_policy_init(p);
	if (!cfg->wan.present)
		return fail(err, err_size, "no [wan] in the config, nothing to firewall", "");
	/* The interface that carries the wan's IP: ppp0 under PPPoE (the
	 * Ethernet link below carries PPPoE frames only, so it is in no zone
	 * and nothing on it counts as wan), else the link or its VLAN. */
	config_wan_l3(&cfg->wan, wan_if);
	if (fw_policy_add_if(p, 1, wan_if, strlen(wan_if), err, err_size))
		return -1;
	p->wan_mtu = config_wan_mtu(&cfg->wan);
	/* DS-Lite: IPv4 leaves by the tunnel, IPv6 stays on wan_if. */
	if (cfg->wan.ipv4 == CONFIG_WAN_IPV4_DSLITE) {
		config_wan_l3_v4(&cfg->wan, p->dslite);
		p->dslite_mtu = config_wan_dslite_mtu(&cfg->wan);
		/* An AFTR by name (option 64's or aftr's) has no address
		 * here: from any source, the tunnel checks its remote. */
		p->has_aftr = cfg->wan.aftr.family == CONFIG_AF_INET6;
		if (p->has_aftr)
			memcpy(p->aftr, cfg->wan.aftr.bytes, 16);
	}
	for (unsigned i = 0; i < cfg->n_lans; i++) {
		const char *ifname = cfg->lans[i].interface;

		if (fw_policy_add_if(p, 0, ifname, strlen(ifname), err, err_size))
			return -1;
	}
	for (unsigned i = 0; i < cfg->n_forwards; i++) {
		const struct config_forward *f = &cfg->forwards[i];
		unsigned count = (unsigned)(f->port_last - f->port_first) + 1;

		for (unsigned k = 0; k < count; k++) {
			struct fw_forward *fw;

			if (p->n_fwd >= FW_FORWARDS_MAX)
				return fail(err, err_size, "more port forwards than the firewall holds (FW_FORWARDS_MAX)", f->name);
			fw = &p->fwd[p->n_fwd++];
			memset(fw, 0, sizeof(*fw));
			fw->protos = (f->proto & CONFIG_PROTO_TCP ? FW_PROTO_TCP : 0) |
				     (f->proto & CONFIG_PROTO_UDP ? FW_PROTO_UDP : 0);
			fw->ext_port = (uint16_t)(f->port_first + k);
			fw->to_port = (uint16_t)((f->to_port ? f->to_port : f->port_first) + k);
			fw->family = f->to_addr.family == CONFIG_AF_INET6 ? AF_INET6 : AF_INET;
			memcpy(fw->addr, f->to_addr.bytes, 16);
			/* IPv6 hosts are reachable as they are: DNAT only when
			 * the port changes. IPv4 always needs it. */
			fw->dnat = fw->family == AF_INET || fw->to_port != fw->ext_port;
		}
	}
	return fw_policy_check(p, err, err_size);
}
