/* rtnl: prefix parsing, the layout of each request, and - when run as root -
 * the real kernel applying them in a private network namespace. */
#define _GNU_SOURCE	/* unshare */
#include <arpa/inet.h>
#include <errno.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <net/if.h>
#include <linux/if_addr.h>
#include <linux/if_link.h>
#include <linux/rtnetlink.h>
/* The kernel's names, to cross-check rtnl.h's copies (glibc's headers
 * and these agree on the host). */
#include <linux/if_tunnel.h>
#include <linux/ip6_tunnel.h>

#include "check.h"
#include "kernel_child.h"
#include "keel/rtnl.h"

static void test_prefix_parse(void)
{
	struct rtnl_prefix p;

	CHECK_EQ_INT(rtnl_prefix_parse("10.0.0.1/24", &p), 0);
	CHECK_EQ_INT(p.family, AF_INET);
	CHECK_EQ_INT(p.len, 24);
	CHECK(p.addr[0] == 10 && p.addr[3] == 1);
	CHECK_EQ_INT(rtnl_prefix_parse("fd00::1/64", &p), 0);
	CHECK_EQ_INT(p.family, AF_INET6);
	CHECK_EQ_INT(p.len, 64);
	CHECK(p.addr[0] == 0xfd && p.addr[15] == 1);
	CHECK_EQ_INT(rtnl_prefix_parse("192.0.2.7", &p), 0);
	CHECK_EQ_INT(p.len, 32);
	CHECK_EQ_INT(rtnl_prefix_parse("::", &p), 0);
	CHECK_EQ_INT(p.len, 128);
	CHECK_EQ_INT(rtnl_prefix_parse("0.0.0.0/0", &p), 0);
	CHECK_EQ_INT(p.len, 0);

	CHECK_EQ_INT(rtnl_prefix_parse("10.0.0.1/33", &p), -1);
	CHECK_EQ_INT(rtnl_prefix_parse("fd00::1/129", &p), -1);
	CHECK_EQ_INT(rtnl_prefix_parse("10.0.0.1/", &p), -1);
	CHECK_EQ_INT(rtnl_prefix_parse("10.0.0.1/-1", &p), -1);
	CHECK_EQ_INT(rtnl_prefix_parse("10.0.0.1/ 8", &p), -1);
	CHECK_EQ_INT(rtnl_prefix_parse("10.0.0.1/0008", &p), -1);
	CHECK_EQ_INT(rtnl_prefix_parse("10.0.0/24", &p), -1);
	CHECK_EQ_INT(rtnl_prefix_parse("/24", &p), -1);
	CHECK_EQ_INT(rtnl_prefix_parse("", &p), -1);
	CHECK_EQ_INT(rtnl_prefix_parse("eth0", &p), -1);
}

/* Builds an address request and reads it back as the kernel would. */
static void test_addr_layout(void)
{
	uint8_t mem[512];
	struct nlbuf b;
	struct rtnl_prefix p;
	struct nlmsg_view m;
	struct nla_view tb[IFA_MAX + 1];
	struct ifaddrmsg ifa;
	size_t off = 0;
	uint32_t brd;

	nlb_init(&b, mem, sizeof(mem));
	CHECK_EQ_INT(rtnl_prefix_parse("10.0.0.1/24", &p), 0);
	rtnl_addr_add(&b, 7, 3, &p);
	CHECK(nlb_ok(&b));
	CHECK_EQ_INT(nlmsg_next(b.data, b.len, &off, &m), 1);
	CHECK_EQ_INT(m.hdr.nlmsg_type, RTM_NEWADDR);
	CHECK_EQ_INT(m.hdr.nlmsg_seq, 7);
	CHECK(m.hdr.nlmsg_flags & NLM_F_ACK);
	memcpy(&ifa, m.payload, sizeof(ifa));
	CHECK_EQ_INT(ifa.ifa_index, 3);
	CHECK_EQ_INT(ifa.ifa_prefixlen, 24);
	CHECK_EQ_INT(nlmsg_parse(&m, sizeof(ifa), tb, IFA_MAX), 0);
	CHECK(tb[IFA_LOCAL].data && tb[IFA_LOCAL].len == 4);
	CHECK(tb[IFA_BROADCAST].data && tb[IFA_BROADCAST].len == 4);
	memcpy(&brd, tb[IFA_BROADCAST].data, 4);
	CHECK_EQ_INT(ntohl(brd), 0x0a0000ff);
	CHECK_EQ_INT(nlmsg_next(b.data, b.len, &off, &m), 0);
}

/* A bridge request nests its kind inside IFLA_LINKINFO. */
/* wan6's LAN address with lifetimes, and the unreachable route for a
 * delegated prefix. */
static void test_life_and_unreachable(void)
{
	uint8_t mem[512];
	struct nlbuf b;
	struct rtnl_prefix p;
	struct nlmsg_view m;
	struct nla_view tb[IFA_MAX + 1];
	struct ifaddrmsg ifa;
	struct ifa_cacheinfo ci;
	struct rtmsg rtm;
	size_t off = 0;

	nlb_init(&b, mem, sizeof(mem));
	CHECK_EQ_INT(rtnl_prefix_parse("2001:db8:100:1::1/64", &p), 0);
	rtnl_addr_add_life(&b, 1, 4, &p, 0, 0, 7200);
	CHECK_EQ_INT(rtnl_prefix_parse("2001:db8:100::/56", &p), 0);
	rtnl_route_unreachable(&b, 2, &p, 1);
	rtnl_route_unreachable(&b, 3, &p, 0);
	CHECK(nlb_ok(&b));
	CHECK_EQ_INT(nlmsg_next(b.data, b.len, &off, &m), 1);
	CHECK_EQ_INT(m.hdr.nlmsg_type, RTM_NEWADDR);
	memcpy(&ifa, m.payload, sizeof(ifa));
	CHECK_EQ_INT(ifa.ifa_prefixlen, 64);
	CHECK_EQ_INT(nlmsg_parse(&m, sizeof(ifa), tb, IFA_MAX), 0);
	CHECK(tb[IFA_CACHEINFO].data && tb[IFA_CACHEINFO].len == sizeof(ci));
	if (tb[IFA_CACHEINFO].data) {
		memcpy(&ci, tb[IFA_CACHEINFO].data, sizeof(ci));
		CHECK_EQ_UINT(ci.ifa_prefered, 0);
		CHECK_EQ_UINT(ci.ifa_valid, 7200);
	}
	CHECK_EQ_INT(nlmsg_next(b.data, b.len, &off, &m), 1);
	CHECK_EQ_INT(m.hdr.nlmsg_type, RTM_NEWROUTE);
	memcpy(&rtm, m.payload, sizeof(rtm));
	CHECK_EQ_INT(rtm.rtm_type, RTN_UNREACHABLE);
	CHECK_EQ_INT(rtm.rtm_dst_len, 56);
	CHECK_EQ_INT(nlmsg_next(b.data, b.len, &off, &m), 1);
	CHECK_EQ_INT(m.hdr.nlmsg_type, RTM_DELROUTE);
}

static void test_bridge_layout(void)
{
	uint8_t mem[512];
	struct nlbuf b;
	struct nlmsg_view m;
	struct nla_view tb[IFLA_MAX + 1], info[IFLA_INFO_MAX + 1];
	char text[IFNAMSIZ];
	size_t off = 0;

	nlb_init(&b, mem, sizeof(mem));
	rtnl_bridge_add(&b, 1, "br-lan");
	CHECK_EQ_INT(nlmsg_next(b.data, b.len, &off, &m), 1);
	CHECK(m.hdr.nlmsg_flags & NLM_F_CREATE);
	CHECK_EQ_INT(nlmsg_parse(&m, sizeof(struct ifinfomsg), tb, IFLA_MAX), 0);
	CHECK_EQ_INT(nla_get_str(&tb[IFLA_IFNAME], text, sizeof(text)), 0);
	CHECK(strcmp(text, "br-lan") == 0);
	CHECK(tb[IFLA_LINKINFO].data != NULL);
	CHECK_EQ_INT(nla_parse(tb[IFLA_LINKINFO].data, tb[IFLA_LINKINFO].len,
			       info, IFLA_INFO_MAX), 0);
	CHECK_EQ_INT(nla_get_str(&info[IFLA_INFO_KIND], text, sizeof(text)), 0);
	CHECK(strcmp(text, "bridge") == 0);
}

static void test_rename_layout(void)
{
	uint8_t mem[512];
	struct nlbuf b;
	struct nlmsg_view m;
	struct nla_view tb[IFLA_MAX + 1];
	struct ifinfomsg ifi;
	char text[IFNAMSIZ];
	size_t off = 0;

	nlb_init(&b, mem, sizeof(mem));
	rtnl_link_rename(&b, 3, 7, "wan0");
	CHECK_EQ_INT(nlmsg_next(b.data, b.len, &off, &m), 1);
	CHECK_EQ_UINT(m.hdr.nlmsg_type, RTM_NEWLINK);
	CHECK(!(m.hdr.nlmsg_flags & NLM_F_CREATE));
	memcpy(&ifi, m.payload, sizeof(ifi));
	CHECK_EQ_INT(ifi.ifi_index, 7);
	CHECK_EQ_INT(nlmsg_parse(&m, sizeof(ifi), tb, IFLA_MAX), 0);
	CHECK_EQ_INT(nla_get_str(&tb[IFLA_IFNAME], text, sizeof(text)), 0);
	CHECK_STR(text, "wan0");
}

/* Reads the ip6tnl IFLA_INFO_DATA of m into data; returns its kind. */
static int ip6tnl_data(const struct nlmsg_view *m, struct nla_view *tb,
		       struct nla_view *data, char kind[IFNAMSIZ])
{
	struct nla_view info[IFLA_INFO_MAX + 1];

	if (nlmsg_parse(m, sizeof(struct ifinfomsg), tb, IFLA_MAX) != 0 ||
	    !tb[IFLA_LINKINFO].data ||
	    nla_parse(tb[IFLA_LINKINFO].data, tb[IFLA_LINKINFO].len, info,
		      IFLA_INFO_MAX) != 0 ||
	    nla_get_str(&info[IFLA_INFO_KIND], kind, IFNAMSIZ) != 0 ||
	    !info[IFLA_INFO_DATA].data)
		return -1;
	return nla_parse(info[IFLA_INFO_DATA].data, info[IFLA_INFO_DATA].len,
			 data, IFLA_IPTUN_MAX);
}

/* DS-Lite's tunnel: ipip6 to the AFTR over the WAN, no encapsulation
 * limit, as `ip -6 tunnel add dslite0 mode ipip6 remote AFTR dev eth0
 * encaplimit none` would ask; then the change and the removal. */
static void test_ip6tnl_layout(void)
{
	static const uint8_t aftr[16] = { 0x20, 0x01, 0x0d, 0xb8, [15] = 1 };
	static const uint8_t local[16] = { 0x20, 0x01, 0x0d, 0xb8, 0, 1,
					   [15] = 2 };
	uint8_t mem[512];
	struct nlbuf b;
	struct nlmsg_view m;
	struct nla_view tb[IFLA_MAX + 1], data[IFLA_IPTUN_MAX + 1];
	struct ifinfomsg ifi;
	char text[IFNAMSIZ];
	uint32_t v;
	size_t off = 0;

	/* rtnl.h's copies of the kernel's numbers. */
	CHECK_EQ_INT(RTNL_IPTUN_LINK, IFLA_IPTUN_LINK);
	CHECK_EQ_INT(RTNL_IPTUN_LOCAL, IFLA_IPTUN_LOCAL);
	CHECK_EQ_INT(RTNL_IPTUN_REMOTE, IFLA_IPTUN_REMOTE);
	CHECK_EQ_INT(RTNL_IPTUN_TTL, IFLA_IPTUN_TTL);
	CHECK_EQ_INT(RTNL_IPTUN_FLAGS, IFLA_IPTUN_FLAGS);
	CHECK_EQ_INT(RTNL_IPTUN_PROTO, IFLA_IPTUN_PROTO);
	CHECK_EQ_INT(RTNL_IP6_TNL_F_IGN_ENCAP_LIMIT, IP6_TNL_F_IGN_ENCAP_LIMIT);

	nlb_init(&b, mem, sizeof(mem));
	rtnl_ip6tnl_add(&b, 4, "dslite0", 2, NULL, aftr, 1460);
	rtnl_ip6tnl_change(&b, 5, 9, 2, local, aftr);
	rtnl_link_del(&b, 6, 9);
	CHECK(nlb_ok(&b));

	CHECK_EQ_INT(nlmsg_next(b.data, b.len, &off, &m), 1);
	CHECK_EQ_UINT(m.hdr.nlmsg_type, RTM_NEWLINK);
	CHECK_EQ_UINT(m.hdr.nlmsg_seq, 4);
	CHECK((m.hdr.nlmsg_flags & (NLM_F_CREATE | NLM_F_EXCL | NLM_F_ACK)) ==
	      (NLM_F_CREATE | NLM_F_EXCL | NLM_F_ACK));
	CHECK_EQ_INT(ip6tnl_data(&m, tb, data, text), 0);
	CHECK_STR(text, "ip6tnl");
	CHECK_EQ_INT(nla_get_str(&tb[IFLA_IFNAME], text, sizeof(text)), 0);
	CHECK_STR(text, "dslite0");
	CHECK_EQ_INT(nla_get_u32(&tb[IFLA_MTU], &v), 0);
	CHECK_EQ_UINT(v, 1460);
	/* The link is in the tunnel's data, not the top-level IFLA_LINK. */
	CHECK(tb[IFLA_LINK].data == NULL);
	CHECK_EQ_INT(nla_get_u32(&data[IFLA_IPTUN_LINK], &v), 0);
	CHECK_EQ_UINT(v, 2);
	CHECK(data[IFLA_IPTUN_REMOTE].len == 16 &&
	      memcmp(data[IFLA_IPTUN_REMOTE].data, aftr, 16) == 0);
	CHECK(data[IFLA_IPTUN_LOCAL].data == NULL);
	CHECK(data[IFLA_IPTUN_PROTO].len == 1 &&
	      *(const uint8_t *)data[IFLA_IPTUN_PROTO].data == IPPROTO_IPIP);
	CHECK(data[IFLA_IPTUN_TTL].len == 1 &&
	      *(const uint8_t *)data[IFLA_IPTUN_TTL].data == 64);
	CHECK_EQ_INT(nla_get_u32(&data[IFLA_IPTUN_FLAGS], &v), 0);
	CHECK_EQ_UINT(v, IP6_TNL_F_IGN_ENCAP_LIMIT);
	CHECK(data[IFLA_IPTUN_ENCAP_LIMIT].data == NULL);

	CHECK_EQ_INT(nlmsg_next(b.data, b.len, &off, &m), 1);
	CHECK_EQ_UINT(m.hdr.nlmsg_type, RTM_NEWLINK);
	CHECK(!(m.hdr.nlmsg_flags & NLM_F_CREATE));
	memcpy(&ifi, m.payload, sizeof(ifi));
	CHECK_EQ_INT(ifi.ifi_index, 9);
	CHECK_EQ_INT(ip6tnl_data(&m, tb, data, text), 0);
	CHECK_STR(text, "ip6tnl");
	CHECK(tb[IFLA_IFNAME].data == NULL);
	CHECK(data[IFLA_IPTUN_LOCAL].len == 16 &&
	      memcmp(data[IFLA_IPTUN_LOCAL].data, local, 16) == 0);
	CHECK(data[IFLA_IPTUN_REMOTE].len == 16 &&
	      memcmp(data[IFLA_IPTUN_REMOTE].data, aftr, 16) == 0);
	CHECK_EQ_INT(nla_get_u32(&data[IFLA_IPTUN_FLAGS], &v), 0);
	CHECK_EQ_UINT(v, IP6_TNL_F_IGN_ENCAP_LIMIT);

	CHECK_EQ_INT(nlmsg_next(b.data, b.len, &off, &m), 1);
	CHECK_EQ_UINT(m.hdr.nlmsg_type, RTM_DELLINK);
	memcpy(&ifi, m.payload, sizeof(ifi));
	CHECK_EQ_INT(ifi.ifi_index, 9);
	CHECK_EQ_INT(nlmsg_next(b.data, b.len, &off, &m), 0);
}

/* A buffer too small is reported once, not written past. */
static void test_overflow(void)
{
	uint8_t mem[40];
	struct nlbuf b;
	struct rtnl_prefix p;
	uint32_t failed = 0;
	char msg[64];

	nlb_init(&b, mem, sizeof(mem));
	CHECK_EQ_INT(rtnl_prefix_parse("fd00::1/64", &p), 0);
	rtnl_addr_add(&b, 1, 1, &p);
	rtnl_addr_add(&b, 2, 1, &p);
	CHECK(!nlb_ok(&b));
	CHECK_EQ_INT(rtnl_apply(&b, 1, 2, &failed, msg, sizeof(msg)), -ENOBUFS);
}

/* Root only: a bridge with an address and a route, in a throwaway netns;
 * then a request the kernel must refuse, named by its sequence number. */
static int kernel_child(void)
{
	uint8_t mem[2048];
	struct nlbuf b;
	struct rtnl_prefix a4, a6, net, gw, bogus;
	uint32_t failed = 0;
	char msg[128], cmd[128];
	int br, rc;

	if (unshare(CLONE_NEWNET) < 0)
		return 10;
	nlb_init(&b, mem, sizeof(mem));
	rtnl_bridge_add(&b, 1, "kbr0");
	if (rtnl_apply(&b, 1, 1, &failed, msg, sizeof(msg)) != 0)
		return 11;
	br = (int)if_nametoindex("kbr0");
	if (br <= 0)
		return 12;
	rtnl_prefix_parse("10.9.0.1/24", &a4);
	rtnl_prefix_parse("fd09::1/64", &a6);
	rtnl_prefix_parse("10.8.0.0/16", &net);
	rtnl_prefix_parse("10.9.0.254", &gw);
	nlb_init(&b, mem, sizeof(mem));
	rtnl_link_set(&b, 2, br, 1, 1400);
	rtnl_addr_add(&b, 3, br, &a4);
	rtnl_addr_add(&b, 4, br, &a6);
	rtnl_route_add(&b, 5, &net, &gw, br);
	rc = rtnl_apply(&b, 2, 5, &failed, msg, sizeof(msg));
	if (rc != 0) {
		fprintf(stderr, "apply: %s (seq %u): %s\n", strerror(-rc), failed, msg);
		return 13;
	}
	/* Re-applying the same addresses is not an error (DHCP renewals). */
	if (rtnl_apply(&b, 2, 5, &failed, msg, sizeof(msg)) != 0)
		return 14;
	/* `ip` is only the oracle here: it reads what the kernel holds. */
	snprintf(cmd, sizeof(cmd), "ip -o addr show dev kbr0 | grep -q 'inet 10.9.0.1/24 brd 10.9.0.255'");
	if (system(cmd) != 0)
		return 15;
	if (system("ip -o -6 addr show dev kbr0 | grep -q 'fd09::1/64'") != 0)
		return 16;
	if (system("ip route show 10.8.0.0/16 | grep -q 'via 10.9.0.254 dev kbr0'") != 0)
		return 17;
	if (system("ip -o link show kbr0 | grep -q 'mtu 1400'") != 0)
		return 18;
	/* A gateway that is not on any link: the kernel refuses request 7. */
	rtnl_prefix_parse("192.0.2.0/24", &net);
	rtnl_prefix_parse("198.51.100.1", &bogus);
	nlb_init(&b, mem, sizeof(mem));
	rtnl_link_set(&b, 6, br, 1, 0);
	rtnl_route_add(&b, 7, &net, &bogus, 0);
	rc = rtnl_apply(&b, 6, 7, &failed, msg, sizeof(msg));
	if (rc == 0 || failed != 7)
		return 19;
	/* A rename (down first: older kernels refuse it while up) keeps the
	 * index. NB rtnl_apply() takes EEXIST, a name in use, as success:
	 * callers check the name afterwards. */
	nlb_init(&b, mem, sizeof(mem));
	rtnl_link_set(&b, 8, br, 0, 0);
	rtnl_link_rename(&b, 9, br, "kport0");
	if (rtnl_apply(&b, 8, 9, &failed, msg, sizeof(msg)) != 0 ||
	    (int)if_nametoindex("kport0") != br || if_nametoindex("kbr0") != 0)
		return 20;
	/* A live apply that no longer wants a link (the DS-Lite tunnel)
	 * removes it. */
	nlb_init(&b, mem, sizeof(mem));
	rtnl_link_del(&b, 10, br);
	if (rtnl_apply(&b, 10, 10, &failed, msg, sizeof(msg)) != 0 ||
	    if_nametoindex("kport0") != 0)
		return 21;
	return 0;
}

static void test_kernel(void)
{
	check_kernel_child(kernel_child);
}

int main(void)
{
	test_life_and_unreachable();
	test_prefix_parse();
	test_addr_layout();
	test_bridge_layout();
	test_rename_layout();
	test_ip6tnl_layout();
	test_overflow();
	test_kernel();
	return check_done();
}
