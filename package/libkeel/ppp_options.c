/*
 * ppp_options.c - pppd's options file for a PPPoE WAN (keel/ppp_options.h).
 */
#include <stdarg.h>
#include <stdio.h>

#include "keel/ppp_options.h"

struct out {
	char *buf;
	size_t size, len;
	int bad;
};

__attribute__((format(printf, 2, 3)))
static void put(struct out *o, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (o->bad)
		return;
	va_start(ap, fmt);
	n = vsnprintf(o->buf + o->len, o->size - o->len, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= o->size - o->len)
		o->bad = 1;
	else
		o->len += (size_t)n;
}

int ppp_options_text(const struct keel_config *cfg, char *buf, size_t size)
{
	const struct config_wan *wan = &cfg->wan;
	struct out o = { buf, size, 0, 0 };
	char link[CONFIG_IFNAME_MAX + 1];
	unsigned mtu = config_wan_mtu(wan);

	if (!wan->present || wan->mode != CONFIG_WAN_PPPOE || size == 0)
		return -1;
	config_wan_link(wan, link);
	put(&o, "# pppd for the PPPoE WAN, written by init from keel.conf.\n"
		"# Root only: it holds the ISP password.\n");
	/* rp-pppoe is linked into pppd: "nic-" names its Ethernet. */
	put(&o, "nic-%s\n", link);
	if (wan->ppp_service[0])
		put(&o, "rp_pppoe_service \"%s\"\n", wan->ppp_service);
	put(&o, "ifname %s\n", CONFIG_WAN_PPP_IFNAME);
	/* The config allows no quote or backslash in these (config_value.c). */
	put(&o, "user \"%s\"\n", wan->ppp_user);
	if (wan->ppp_password[0])
		put(&o, "password \"%s\"\n", wan->ppp_password);
	put(&o, "hide-password\n");
	/* We dial out: the ISP does not authenticate to us. */
	put(&o, "noauth\n");
	/* init supervises: foreground, syslog only (not stderr too, which
	 * init would log a second time), redial on its own. */
	put(&o, "nodetach\nnolog\n");
	put(&o, "persist\nmaxfail %d\nholdoff %d\n", PPP_MAXFAIL, PPP_HOLDOFF);
	put(&o, "lcp-echo-interval %d\nlcp-echo-failure %d\nlcp-echo-adaptive\n",
	    PPP_LCP_ECHO_INTERVAL, PPP_LCP_ECHO_FAILURE);
	put(&o, "mtu %u\nmru %u\n", mtu, mtu);
	/* The ISP assigns the address, the default route and DNS (IPCP);
	 * /etc/ppp/ip-up hands the DNS servers to dnsd. */
	put(&o, "noipdefault\ndefaultroute\nusepeerdns\n");
	/* IPV6CP gives ppp0 its link-local address, for RAs and DHCPv6. */
	put(&o, "+ipv6\n");
	/* Nothing to negotiate over Ethernet: no compression. */
	put(&o, "noccp\nnovj\nnovjccomp\nnopcomp\nnoaccomp\ndefault-asyncmap\n");
	if (o.bad)
		return -1;
	return (int)o.len;
}

uint64_t ppp_options_stamp(const struct keel_config *cfg)
{
	static char text[1024];
	uint64_t h = 0xcbf29ce484222325ull;
	int n = ppp_options_text(cfg, text, sizeof(text));

	if (n < 0)
		return 0;
	for (int i = 0; i < n; i++)
		h = (h ^ (uint8_t)text[i]) * 0x100000001b3ull;
	return h | 1;
}
