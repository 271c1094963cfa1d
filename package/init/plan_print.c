/*
 * plan_print.c - init's check mode (plan_print.h).
 */
#define _DEFAULT_SOURCE	/* IFF_UP */
#include <arpa/inet.h>
#include <net/if.h>
#include <string.h>
#include <sys/socket.h>
#include <linux/if_addr.h>
#include <linux/if_link.h>
#include <linux/rtnetlink.h>

#include "keel/paths.h"
#include "keel/ppp_options.h"
#include "keel/service_plan.h"

#include "netplan.h"
#include "plan_print.h"
#include "portnames.h"
#include "services.h"

/* Stand-in kernel: every name exists, numbered in order of first use. */
struct names {
	char list[64][IF_NAMESIZE];
	unsigned n;
};

static int fake_ifindex(const char *name, void *ctx)
{
	struct names *t = ctx;

	for (unsigned i = 0; i < t->n; i++)
		if (strcmp(t->list[i], name) == 0)
			return (int)i + 1;
	if (t->n >= 64)
		return 0;
	snprintf(t->list[t->n], IF_NAMESIZE, "%s", name);
	return (int)++t->n;
}

/* Before the tunnels: the WAN exists, the DS-Lite tunnel does not. */
static int fake_ifindex_no_tunnel(const char *name, void *ctx)
{
	if (strcmp(name, CONFIG_DSLITE_IFNAME) == 0)
		return 0;
	return fake_ifindex(name, ctx);
}

/* Before the bridges: none exists yet. */
static int fake_ifindex_none(const char *name, void *ctx)
{
	(void)name;
	(void)ctx;
	return 0;
}

static const char *name_of(const struct names *t, int index)
{
	return index >= 1 && (unsigned)index <= t->n ? t->list[index - 1] : "?";
}

static void print_addr(FILE *out, int family, const struct nla_view *a,
		       unsigned prefix)
{
	char text[INET6_ADDRSTRLEN];

	if (!a->data || a->len != (family == AF_INET ? 4u : 16u) ||
	    !inet_ntop(family, a->data, text, sizeof(text)))
		snprintf(text, sizeof(text), "?");
	fprintf(out, "%s/%u", text, prefix);
}

static void print_host6(FILE *out, const struct nla_view *a)
{
	char text[INET6_ADDRSTRLEN];

	if (!a->data || a->len != 16 || !inet_ntop(AF_INET6, a->data, text, sizeof(text)))
		snprintf(text, sizeof(text), "?");
	fputs(text, out);
}

/* "net ip6tnl NAME on LINK remote R|unset local L|unset mtu M", or 0 if
 * m is not an ip6tnl request. */
static int print_ip6tnl(const struct nla_view *tb, const struct names *t,
			FILE *out)
{
	static const uint8_t unset[16];
	struct nla_view info[IFLA_INFO_MAX + 1], data[RTNL_IPTUN_PROTO + 1];
	char kind[16], name[IF_NAMESIZE];
	uint32_t link = 0, mtu = 0, flags = 0;

	if (!tb[IFLA_LINKINFO].data ||
	    nla_parse(tb[IFLA_LINKINFO].data, tb[IFLA_LINKINFO].len, info,
		      IFLA_INFO_MAX) != 0 ||
	    nla_get_str(&info[IFLA_INFO_KIND], kind, sizeof(kind)) != 0 ||
	    strcmp(kind, "ip6tnl") != 0 || !info[IFLA_INFO_DATA].data ||
	    nla_parse(info[IFLA_INFO_DATA].data, info[IFLA_INFO_DATA].len,
		      data, RTNL_IPTUN_PROTO) != 0)
		return 0;
	if (nla_get_str(&tb[IFLA_IFNAME], name, sizeof(name)) != 0)
		snprintf(name, sizeof(name), "?");
	nla_get_u32(&data[RTNL_IPTUN_LINK], &link);
	fprintf(out, "net ip6tnl %s on %s ipip6 remote ", name,
		link ? name_of(t, (int)link) : "any");
	if (data[RTNL_IPTUN_REMOTE].len == 16 &&
	    !memcmp(data[RTNL_IPTUN_REMOTE].data, unset, 16))
		fprintf(out, "unset (wan6 sets the AFTR it resolves)");
	else
		print_host6(out, &data[RTNL_IPTUN_REMOTE]);
	fprintf(out, " local ");
	if (data[RTNL_IPTUN_LOCAL].data)
		print_host6(out, &data[RTNL_IPTUN_LOCAL]);
	else
		fprintf(out, "unset (wan6 sets the WAN's address)");
	if (nla_get_u32(&tb[IFLA_MTU], &mtu) == 0)
		fprintf(out, " mtu %u", mtu);
	if (nla_get_u32(&data[RTNL_IPTUN_FLAGS], &flags) == 0 &&
	    (flags & RTNL_IP6_TNL_F_IGN_ENCAP_LIMIT))
		fprintf(out, " encaplimit none");
	fputc('\n', out);
	return 1;
}

static void print_requests(const struct nlbuf *b, const struct names *t, FILE *out)
{
	struct nlmsg_view m;
	size_t off = 0;

	while (nlmsg_next(b->data, b->len, &off, &m) == 1) {
		struct nla_view tb[IFLA_MAX + 1];

		if (m.hdr.nlmsg_type == RTM_NEWLINK && m.payload_len >= sizeof(struct ifinfomsg)) {
			struct ifinfomsg ifi;
			char name[IF_NAMESIZE];
			uint32_t v;

			memcpy(&ifi, m.payload, sizeof(ifi));
			nlmsg_parse(&m, sizeof(ifi), tb, IFLA_MAX);
			if (print_ip6tnl(tb, t, out))
				;
			else if (nla_get_str(&tb[IFLA_IFNAME], name, sizeof(name)) == 0 &&
			    nla_get_u32(&tb[IFLA_LINK], &v) == 0)
				fprintf(out, "net vlan %s on %s\n", name, name_of(t, (int)v));
			else if (nla_get_str(&tb[IFLA_IFNAME], name, sizeof(name)) == 0)
				fprintf(out, "net bridge %s\n", name);
			else if (nla_get_u32(&tb[IFLA_MASTER], &v) == 0)
				fprintf(out, "net port %s master %s\n",
					name_of(t, ifi.ifi_index), name_of(t, (int)v));
			else {
				fprintf(out, "net link %s %s", name_of(t, ifi.ifi_index),
					ifi.ifi_flags & IFF_UP ? "up" : "down");
				if (nla_get_u32(&tb[IFLA_MTU], &v) == 0)
					fprintf(out, " mtu %u", v);
				fputc('\n', out);
			}
		} else if (m.hdr.nlmsg_type == RTM_NEWADDR &&
			   m.payload_len >= sizeof(struct ifaddrmsg)) {
			struct ifaddrmsg ifa;
			uint32_t flags = 0;

			memcpy(&ifa, m.payload, sizeof(ifa));
			nlmsg_parse(&m, sizeof(ifa), tb, IFA_MAX);
			fprintf(out, "net address %s ", name_of(t, (int)ifa.ifa_index));
			print_addr(out, ifa.ifa_family, &tb[IFA_LOCAL], ifa.ifa_prefixlen);
			if (nla_get_u32(&tb[IFA_FLAGS], &flags) == 0 && flags)
				fprintf(out, " flags 0x%x", flags);
			fputc('\n', out);
		} else if (m.hdr.nlmsg_type == RTM_NEWROUTE &&
			   m.payload_len >= sizeof(struct rtmsg)) {
			struct rtmsg rtm;
			uint32_t oif;

			memcpy(&rtm, m.payload, sizeof(rtm));
			nlmsg_parse(&m, sizeof(rtm), tb, RTA_MAX);
			fprintf(out, "net route ");
			if (tb[RTA_DST].data)
				print_addr(out, rtm.rtm_family, &tb[RTA_DST], rtm.rtm_dst_len);
			else
				fprintf(out, "default%s", rtm.rtm_family == AF_INET6 ? " ipv6" : "");
			if (tb[RTA_GATEWAY].data) {
				fprintf(out, " via ");
				print_addr(out, rtm.rtm_family, &tb[RTA_GATEWAY],
					   rtm.rtm_family == AF_INET ? 32 : 128);
			}
			if (nla_get_u32(&tb[RTA_OIF], &oif) == 0)
				fprintf(out, " dev %s", name_of(t, (int)oif));
			fputc('\n', out);
		} else {
			fprintf(out, "net request type %u\n", m.hdr.nlmsg_type);
		}
	}
}

int plan_print(const struct keel_config *cfg, FILE *out)
{
	static uint8_t mem[16384];
	static struct service_def defs[SERVICES_MAX];
	static char buf[CONFIG_MAX_SSH_KEYS * (CONFIG_SSH_KEY_MAX + 2) + 64];
	struct netplan_sysctl sysctls[16];
	struct netplan_missing missing;
	struct names t = { .n = 0 };
	struct nlbuf b;
	uint32_t seq = 1;
	char err[200];
	size_t n_sys;
	int n;

	fprintf(out, "hostname %s\n", cfg->hostname);
	fprintf(out, "trial-timeout %u\n", cfg->trial_seconds);
	/* The ports step (portnames.h) runs before the network step. */
	for (unsigned i = 0; i < cfg->ports.n_names; i++) {
		char mac[18];

		fprintf(out, "port %s = %s\n", cfg->ports.names[i].name,
			portnames_mac_str(cfg->ports.names[i].mac, mac, sizeof(mac)));
	}
	fprintf(out, "ports %s: eth0, eth1, ... in bus-address order\n",
		cfg->ports.n_names ? "others" : "all");
	n_sys = netplan_sysctls(cfg, sysctls, 16);
	for (size_t i = 0; i < n_sys && i < 16; i++)
		fprintf(out, "sysctl %s %s%s\n", sysctls[i].path, sysctls[i].value,
			netplan_sysctl_is_forwarding(&sysctls[i]) ?
			" (only with the full firewall loaded)" : "");
	nlb_init(&b, mem, sizeof(mem));
	/* Bridges as if missing, then links as if they had been made. */
	netplan_bridges(cfg, &b, &seq, fake_ifindex_none, &t);
	netplan_tunnels(cfg, &b, &seq, fake_ifindex_no_tunnel, &t);
	netplan_links(cfg, &b, &seq, fake_ifindex, &t, &missing);
	if (!nlb_ok(&b)) {
		fprintf(out, "error: the network plan does not fit %zu bytes\n", sizeof(mem));
		return -1;
	}
	print_requests(&b, &t, out);
	fprintf(out, "firewall %s\n", cfg->wan.present ?
		"keel-fw apply (see keel-fw apply -n -c)" : "lan-only rules (no [wan])");
	n = services_wan_dns(cfg, buf, sizeof(buf));
	if (n > 0)
		fprintf(out, "file %s\n%s", KEEL_WAN_DNS, buf);
	/* pppd's options as written, but for the password: its length shows
	 * that a change is seen (and restarts pppd), never the secret. */
	n = ppp_options_text(cfg, buf, sizeof(buf));
	if (n > 0) {
		char *pw = strstr(buf, "\npassword \"");

		fprintf(out, "file %s mode 0600\n", KEEL_PPP_OPTIONS);
		if (pw) {
			char *end = strchr(pw + 1, '\n');

			fprintf(out, "%.*s\npassword (set, %zu characters)%s",
				(int)(pw - buf), buf, strlen(cfg->wan.ppp_password),
				end ? end : "\n");
		} else {
			fputs(buf, out);
		}
	}
	if (cfg->services.sshd) {
		n = services_authorized_keys(cfg, buf, sizeof(buf));
		fprintf(out, "file %s/.ssh/authorized_keys (%u keys)\n%s",
			SERVICES_ROOT_HOME, cfg->ssh.n_keys, n > 0 ? buf : "");
	}
	n = services_plan(cfg, KEEL_RUN_CONFIG, defs, SERVICES_MAX, err, sizeof(err));
	if (n < 0 || n > SERVICES_MAX) {
		fprintf(out, "error: %s\n", n < 0 ? err : "more services than init supervises");
		return -1;
	}
	for (int i = 0; i < n; i++) {
		fprintf(out, "service %s", defs[i].name);
		if (defs[i].user[0])
			fprintf(out, " user %s", defs[i].user);
		fprintf(out, " ready-by %s:", defs[i].keel_daemon ? "notify" :
			defs[i].listen_port ? "port" : "start");
		for (unsigned a = 0; a < defs[i].argc; a++)
			fprintf(out, " %s", defs[i].args[a]);
		fputc('\n', out);
	}
	return 0;
}
