/*
 * rtnl.c - rtnetlink requests for links, bridges, addresses and routes.
 */
#define _GNU_SOURCE	/* struct ifinfomsg and friends need it with musl */
#include <arpa/inet.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <net/if.h>
#include <netinet/in.h>
#include <linux/if_addr.h>
#include <linux/if_link.h>
#include <linux/rtnetlink.h>

#include "keel/rtnl.h"

#define REQ (NLM_F_REQUEST | NLM_F_ACK)

int rtnl_prefix_parse(const char *text, struct rtnl_prefix *out)
{
	char addr[INET6_ADDRSTRLEN + 1];
	const char *slash = strchr(text, '/');
	size_t alen = slash ? (size_t)(slash - text) : strlen(text);
	unsigned max;

	if (alen == 0 || alen >= sizeof(addr))
		return -1;
	memcpy(addr, text, alen);
	addr[alen] = '\0';
	memset(out, 0, sizeof(*out));
	if (inet_pton(AF_INET, addr, out->addr) == 1) {
		out->family = AF_INET;
		max = 32;
	} else if (inet_pton(AF_INET6, addr, out->addr) == 1) {
		out->family = AF_INET6;
		max = 128;
	} else {
		return -1;
	}
	out->len = (uint8_t)max;
	if (slash) {
		const char *digits = slash + 1;
		unsigned v = 0;

		/* Decimal only, no sign, no spaces, 1 to 3 digits. */
		if (*digits == '\0' || strlen(digits) > 3)
			return -1;
		for (const char *d = digits; *d; d++) {
			if (*d < '0' || *d > '9')
				return -1;
			v = v * 10 + (unsigned)(*d - '0');
		}
		if (v > max)
			return -1;
		out->len = (uint8_t)v;
	}
	return 0;
}

static size_t addr_len(const struct rtnl_prefix *p)
{
	return p->family == AF_INET ? 4 : 16;
}

void rtnl_link_set(struct nlbuf *b, uint32_t seq, int ifindex, int up,
		   unsigned mtu)
{
	struct ifinfomsg ifi = {
		.ifi_family = AF_UNSPEC,
		.ifi_index = ifindex,
		.ifi_flags = up ? IFF_UP : 0,
		.ifi_change = IFF_UP,
	};
	size_t msg = nlb_msg_begin(b, RTM_NEWLINK, REQ, seq, &ifi, sizeof(ifi));

	if (mtu)
		nlb_put_u32(b, IFLA_MTU, mtu);
	nlb_msg_end(b, msg);
}

void rtnl_bridge_add(struct nlbuf *b, uint32_t seq, const char *name)
{
	struct ifinfomsg ifi = { .ifi_family = AF_UNSPEC };
	size_t msg = nlb_msg_begin(b, RTM_NEWLINK, REQ | NLM_F_CREATE | NLM_F_EXCL,
				   seq, &ifi, sizeof(ifi));
	size_t info;

	nlb_put_str(b, IFLA_IFNAME, name);
	info = nlb_nest_begin(b, IFLA_LINKINFO);
	nlb_put_str(b, IFLA_INFO_KIND, "bridge");
	nlb_nest_end(b, info);
	nlb_msg_end(b, msg);
}

void rtnl_vlan_add(struct nlbuf *b, uint32_t seq, const char *name,
		   int parent_ifindex, unsigned vid)
{
	struct ifinfomsg ifi = { .ifi_family = AF_UNSPEC };
	size_t msg = nlb_msg_begin(b, RTM_NEWLINK, REQ | NLM_F_CREATE | NLM_F_EXCL,
				   seq, &ifi, sizeof(ifi));
	size_t info, data;

	nlb_put_str(b, IFLA_IFNAME, name);
	nlb_put_u32(b, IFLA_LINK, (uint32_t)parent_ifindex);
	info = nlb_nest_begin(b, IFLA_LINKINFO);
	nlb_put_str(b, IFLA_INFO_KIND, "vlan");
	data = nlb_nest_begin(b, IFLA_INFO_DATA);
	{
		uint16_t id = (uint16_t)vid;	/* host order, as iproute2 sends it */

		nlb_put(b, IFLA_VLAN_ID, &id, sizeof(id));
	}
	nlb_nest_end(b, data);
	nlb_nest_end(b, info);
	nlb_msg_end(b, msg);
}

/* IFLA_LINKINFO { kind ip6tnl, data { ... } } for add and change alike. */
static void ip6tnl_info(struct nlbuf *b, int link_ifindex, const uint8_t *local,
			const uint8_t *remote)
{
	size_t info = nlb_nest_begin(b, IFLA_LINKINFO), data;

	nlb_put_str(b, IFLA_INFO_KIND, "ip6tnl");
	data = nlb_nest_begin(b, IFLA_INFO_DATA);
	if (link_ifindex)
		nlb_put_u32(b, RTNL_IPTUN_LINK, (uint32_t)link_ifindex);
	if (local)
		nlb_put(b, RTNL_IPTUN_LOCAL, local, 16);
	nlb_put(b, RTNL_IPTUN_REMOTE, remote, 16);
	nlb_put_u8(b, RTNL_IPTUN_TTL, RTNL_IP6TNL_HOPLIMIT);
	nlb_put_u8(b, RTNL_IPTUN_PROTO, IPPROTO_IPIP);
	nlb_put_u32(b, RTNL_IPTUN_FLAGS, RTNL_IP6_TNL_F_IGN_ENCAP_LIMIT);
	nlb_nest_end(b, data);
	nlb_nest_end(b, info);
}

void rtnl_ip6tnl_add(struct nlbuf *b, uint32_t seq, const char *name,
		     int link_ifindex, const uint8_t *local,
		     const uint8_t *remote, unsigned mtu)
{
	struct ifinfomsg ifi = { .ifi_family = AF_UNSPEC };
	size_t msg = nlb_msg_begin(b, RTM_NEWLINK, REQ | NLM_F_CREATE | NLM_F_EXCL,
				   seq, &ifi, sizeof(ifi));

	nlb_put_str(b, IFLA_IFNAME, name);
	if (mtu)
		nlb_put_u32(b, IFLA_MTU, mtu);
	ip6tnl_info(b, link_ifindex, local, remote);
	nlb_msg_end(b, msg);
}

void rtnl_ip6tnl_change(struct nlbuf *b, uint32_t seq, int ifindex,
			int link_ifindex, const uint8_t *local,
			const uint8_t *remote)
{
	struct ifinfomsg ifi = { .ifi_family = AF_UNSPEC, .ifi_index = ifindex };
	size_t msg = nlb_msg_begin(b, RTM_NEWLINK, REQ, seq, &ifi, sizeof(ifi));

	ip6tnl_info(b, link_ifindex, local, remote);
	nlb_msg_end(b, msg);
}

void rtnl_link_del(struct nlbuf *b, uint32_t seq, int ifindex)
{
	struct ifinfomsg ifi = { .ifi_family = AF_UNSPEC, .ifi_index = ifindex };
	size_t msg = nlb_msg_begin(b, RTM_DELLINK, REQ, seq, &ifi, sizeof(ifi));

	nlb_msg_end(b, msg);
}

void rtnl_link_rename(struct nlbuf *b, uint32_t seq, int ifindex,
		      const char *name)
{
	struct ifinfomsg ifi = { .ifi_family = AF_UNSPEC, .ifi_index = ifindex };
	size_t msg = nlb_msg_begin(b, RTM_NEWLINK, REQ, seq, &ifi, sizeof(ifi));

	nlb_put_str(b, IFLA_IFNAME, name);
	nlb_msg_end(b, msg);
}

void rtnl_link_master(struct nlbuf *b, uint32_t seq, int ifindex,
		      int master_ifindex)
{
	struct ifinfomsg ifi = { .ifi_family = AF_UNSPEC, .ifi_index = ifindex };
	size_t msg = nlb_msg_begin(b, RTM_NEWLINK, REQ, seq, &ifi, sizeof(ifi));

	nlb_put_u32(b, IFLA_MASTER, (uint32_t)master_ifindex);
	nlb_msg_end(b, msg);
}

void rtnl_addr_add(struct nlbuf *b, uint32_t seq, int ifindex,
		   const struct rtnl_prefix *p)
{
	rtnl_addr_add_flags(b, seq, ifindex, p, 0);
}

void rtnl_addr_add_flags(struct nlbuf *b, uint32_t seq, int ifindex,
			 const struct rtnl_prefix *p, uint32_t flags)
{
	struct ifaddrmsg ifa = {
		.ifa_family = p->family,
		.ifa_prefixlen = p->len,
		.ifa_scope = RT_SCOPE_UNIVERSE,
		.ifa_index = (uint32_t)ifindex,
	};
	size_t msg = nlb_msg_begin(b, RTM_NEWADDR, REQ | NLM_F_CREATE | NLM_F_REPLACE,
				   seq, &ifa, sizeof(ifa));

	nlb_put(b, IFA_LOCAL, p->addr, addr_len(p));
	nlb_put(b, IFA_ADDRESS, p->addr, addr_len(p));
	/* IPv4 broadcast: host part all ones, as `ip addr add ... brd +`. */
	if (p->family == AF_INET && p->len < 31) {
		uint32_t a, mask = p->len ? htonl(~0u << (32 - p->len)) : 0;

		memcpy(&a, p->addr, 4);
		a |= ~mask;
		nlb_put(b, IFA_BROADCAST, &a, 4);
	}
	if (flags)
		nlb_put(b, IFA_FLAGS, &flags, sizeof(flags));
	nlb_msg_end(b, msg);
}

void rtnl_addr_add_life(struct nlbuf *b, uint32_t seq, int ifindex,
			const struct rtnl_prefix *p, uint32_t flags,
			uint32_t preferred_secs, uint32_t valid_secs)
{
	struct ifaddrmsg ifa = {
		.ifa_family = p->family,
		.ifa_prefixlen = p->len,
		.ifa_scope = RT_SCOPE_UNIVERSE,
		.ifa_index = (uint32_t)ifindex,
	};
	struct ifa_cacheinfo ci = {
		.ifa_prefered = preferred_secs,
		.ifa_valid = valid_secs,
	};
	size_t msg = nlb_msg_begin(b, RTM_NEWADDR, REQ | NLM_F_CREATE | NLM_F_REPLACE,
				   seq, &ifa, sizeof(ifa));

	nlb_put(b, IFA_LOCAL, p->addr, addr_len(p));
	nlb_put(b, IFA_ADDRESS, p->addr, addr_len(p));
	if (flags)
		nlb_put(b, IFA_FLAGS, &flags, sizeof(flags));
	nlb_put(b, IFA_CACHEINFO, &ci, sizeof(ci));
	nlb_msg_end(b, msg);
}

void rtnl_addr_del(struct nlbuf *b, uint32_t seq, int ifindex,
		   const struct rtnl_prefix *p)
{
	struct ifaddrmsg ifa = {
		.ifa_family = p->family,
		.ifa_prefixlen = p->len,
		.ifa_index = (uint32_t)ifindex,
	};
	size_t msg = nlb_msg_begin(b, RTM_DELADDR, REQ, seq, &ifa, sizeof(ifa));

	nlb_put(b, IFA_LOCAL, p->addr, addr_len(p));
	nlb_msg_end(b, msg);
}

void rtnl_route_add(struct nlbuf *b, uint32_t seq, const struct rtnl_prefix *dst,
		    const struct rtnl_prefix *gateway, int ifindex)
{
	struct rtmsg rtm = {
		.rtm_family = dst->family,
		.rtm_dst_len = dst->len,
		.rtm_table = RT_TABLE_MAIN,
		.rtm_protocol = RTPROT_STATIC,
		.rtm_scope = gateway ? RT_SCOPE_UNIVERSE : RT_SCOPE_LINK,
		.rtm_type = RTN_UNICAST,
	};
	size_t msg = nlb_msg_begin(b, RTM_NEWROUTE, REQ | NLM_F_CREATE | NLM_F_REPLACE,
				   seq, &rtm, sizeof(rtm));

	if (dst->len)
		nlb_put(b, RTA_DST, dst->addr, addr_len(dst));
	if (gateway)
		nlb_put(b, RTA_GATEWAY, gateway->addr, addr_len(gateway));
	if (ifindex)
		nlb_put_u32(b, RTA_OIF, (uint32_t)ifindex);
	nlb_msg_end(b, msg);
}

void rtnl_route_unreachable(struct nlbuf *b, uint32_t seq,
			    const struct rtnl_prefix *dst, int add)
{
	struct rtmsg rtm = {
		.rtm_family = dst->family,
		.rtm_dst_len = dst->len,
		.rtm_table = RT_TABLE_MAIN,
		.rtm_protocol = RTPROT_STATIC,
		.rtm_scope = RT_SCOPE_UNIVERSE,
		.rtm_type = RTN_UNREACHABLE,
	};
	size_t msg = nlb_msg_begin(b, add ? RTM_NEWROUTE : RTM_DELROUTE,
				   add ? REQ | NLM_F_CREATE | NLM_F_REPLACE : REQ,
				   seq, &rtm, sizeof(rtm));

	nlb_put(b, RTA_DST, dst->addr, addr_len(dst));
	nlb_msg_end(b, msg);
}

/* Collects the first real error; EEXIST means "already so", which is fine. */
static int on_reply(const struct nlmsg_view *m, void *ctx)
{
	struct nlsock_result *first = ctx;
	int err;
	uint32_t seq;
	char text[sizeof(first->first_err_msg)];

	if (m->hdr.nlmsg_type != NLMSG_ERROR)
		return 0;
	if (nlmsg_error(m, &err, &seq, text, sizeof(text)) < 0 || err == 0 ||
	    err == -EEXIST || first->first_err)
		return 0;
	first->first_err = err;
	first->first_err_seq = seq;
	memcpy(first->first_err_msg, text, sizeof(text));
	return 0;
}

int rtnl_apply(const struct nlbuf *b, uint32_t seq_lo, uint32_t seq_hi,
	       uint32_t *failed_seq, char *msg, size_t msg_size)
{
	int fd, rc;

	fd = nlsock_open(NETLINK_ROUTE);
	if (fd < 0)
		return -errno;
	rc = rtnl_apply_fd(fd, b, seq_lo, seq_hi, failed_seq, msg, msg_size);
	close(fd);
	return rc;
}

int rtnl_apply_fd(int fd, const struct nlbuf *b, uint32_t seq_lo,
		  uint32_t seq_hi, uint32_t *failed_seq, char *msg,
		  size_t msg_size)
{
	struct nlsock_result res, first = { 0 };
	int rc;

	if (msg_size)
		msg[0] = '\0';
	if (!nlb_ok(b)) {
		*failed_seq = seq_lo;
		if (msg_size)
			strncat(msg, "request buffer too small", msg_size - 1);
		return -ENOBUFS;
	}
	rc = nlsock_talk(fd, b->data, b->len, seq_lo, seq_hi, 0, 1000,
			 on_reply, &first, &res);
	if (rc < 0)
		return -errno;
	if (!first.first_err)
		return 0;
	*failed_seq = first.first_err_seq;
	if (msg_size)
		strncat(msg, first.first_err_msg, msg_size - 1);
	return first.first_err;
}
