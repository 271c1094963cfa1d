/*
 * ruleset.c - policy -> nf_tables batch, in the spirit of OpenWrt's
 * firewall4: one `inet` table for IPv4 and IPv6, zone chains reached by
 * interface name, counters on every accept and drop so `keel-fw show`
 * tells what the firewall did.
 *
 *   input       lo accept; wan -> input_wan; est/rel accept; invalid drop;
 *               lan -> input_lan; drop
 *   input_wan   banned drop; echo-request within rate; est/rel accept;
 *               invalid drop; essential ICMP/ICMPv6 errors and ND; DHCP(v6) client replies; drop
 *   input_lan   banned drop (SSH brute force from the LAN: SSH listens
 *               there only); accept (router services)
 *   forward     wan -> forward_wan; IPv6 from lan whose source is not
 *               routed back to that lan drop (anti-spoofing, follows the
 *               delegated prefixes); est/rel accept; invalid drop;
 *               lan -> wan accept; drop
 *   forward_wan banned drop; ICMPv6 echo-request to lan within rate,
 *               the rest dropped; est/rel accept; ICMPv6 errors to lan
 *               accept, related or not (RFC 4890); invalid drop; DNATed
 *               connections (port forwards) to lan accept; IPv6 forwards
 *               accept; drop
 *   prerouting  (nat) port forwards to the router's own addresses: DNAT,
 *               never SNAT, so the server sees the real client
 *   postrouting (nat) IPv4 out of wan: masquerade
 *   mangle_postrouting  (filter, mangle priority) TCP SYNs out of wan:
 *               MSS clamped to the route's MTU (rt mtu), IPv4 and IPv6
 *   mangle_forward      (filter, mangle priority) TCP SYNs in from wan:
 *               MSS clamped to the wan MTU, when the policy knows it
 *
 * DS-Lite: the tunnel is wan for IPv4 (input_wan, forward_wan, lan -> it,
 * both MSS clamps, the fixed one to its MTU) but is never masqueraded, and
 * input_wan accepts IPv4-in-IPv6 (next header 4) from the AFTR.
 *
 * The table is not NFT_TABLE_F_OWNER: that ties its life to the netlink
 * socket, and keel-fw is a command that exits after loading it.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <arpa/inet.h>
#include <linux/netfilter/nf_conntrack_common.h>
#include <linux/netfilter_ipv4.h>

#include <keel/fwban.h>
#include <keel/nft.h>

#include "ruleset.h"

#define FAMILY NFPROTO_INET
#define SET4_ID 1
#define SET6_ID 2
#define ACK NLM_F_ACK

void fw_batch_init(struct fw_batch *fb, void *mem, size_t cap,
		   uint32_t seq_first)
{
	nlb_init(&fb->nl, mem, cap);
	fb->seq_first = seq_first;
	fb->seq_next = seq_first + 1;
	fb->n_msgs = 0;
	nft_batch_begin(&fb->nl, seq_first);
}

uint32_t fw_batch_msg(struct fw_batch *fb, const char *fmt, ...)
{
	va_list ap;

	if (fb->n_msgs < FW_BATCH_MSGS_MAX) {
		va_start(ap, fmt);
		vsnprintf(fb->what[fb->n_msgs], FW_WHAT_MAX, fmt, ap);
		va_end(ap);
	}
	fb->n_msgs++;
	return fb->seq_next++;
}

int fw_batch_finish(struct fw_batch *fb)
{
	nft_batch_end(&fb->nl, fb->seq_next);
	return nlb_ok(&fb->nl) && fb->n_msgs <= FW_BATCH_MSGS_MAX ? 0 : -1;
}

const char *fw_batch_what(const struct fw_batch *fb, uint32_t seq)
{
	uint32_t i = seq - fb->seq_first - 1;

	if (seq <= fb->seq_first || i >= fb->n_msgs || i >= FW_BATCH_MSGS_MAX)
		return "?";
	return fb->what[i];
}

/* ---- rule pieces ---- */

struct rule {
	struct fw_batch *fb;
	struct nft_rule_pos pos;
	const char *comment;
};

static struct rule rule_begin(struct fw_batch *fb, const char *chain,
			      const char *comment)
{
	struct rule r = { .fb = fb, .comment = comment };
	uint32_t seq = fw_batch_msg(fb, "rule %s: %s", chain, comment);

	r.pos = nft_rule_begin(&fb->nl, ACK, seq, FAMILY, FW_TABLE, chain);
	return r;
}

static void rule_end(struct rule *r, int32_t verdict, const char *target)
{
	nft_expr_counter(&r->fb->nl);
	nft_expr_verdict(&r->fb->nl, verdict, target);
	nft_rule_end(&r->fb->nl, r->pos, r->comment);
}

static void match_nfproto(struct nlbuf *b, uint8_t nfproto)
{
	nft_match_meta_u8(b, NFT_META_NFPROTO, nfproto);
}

static void match_l4(struct nlbuf *b, uint8_t proto)
{
	nft_match_meta_u8(b, NFT_META_L4PROTO, proto);
}

static void match_port(struct nlbuf *b, int dst, uint16_t port)
{
	uint16_t be = htons(port);

	nft_match_payload(b, NFT_PAYLOAD_TRANSPORT_HEADER, dst ? 2 : 0, &be, 2);
}

/* ICMP/ICMPv6 type in [lo, hi]. */
static void match_icmp_type(struct nlbuf *b, uint8_t lo, uint8_t hi)
{
	nft_expr_payload(b, NFT_PAYLOAD_TRANSPORT_HEADER, 0, 1, NFT_REG_1);
	if (lo == hi) {
		nft_expr_cmp(b, NFT_CMP_EQ, NFT_REG_1, &lo, 1);
		return;
	}
	nft_expr_cmp(b, NFT_CMP_GTE, NFT_REG_1, &lo, 1);
	nft_expr_cmp(b, NFT_CMP_LTE, NFT_REG_1, &hi, 1);
}

static void match_ct_status(struct nlbuf *b, uint32_t bits)
{
	uint32_t zero = 0;

	nft_expr_ct(b, NFT_CT_STATUS, NFT_REG_1);
	nft_expr_bitwise(b, NFT_REG_1, &bits, &zero, sizeof(bits));
	nft_expr_cmp(b, NFT_CMP_NEQ, NFT_REG_1, &zero, sizeof(zero));
}

/* ---- chains ---- */

static void add_chain(struct fw_batch *fb, const char *name,
		      const char *type, uint32_t hooknum, int32_t prio,
		      uint32_t policy)
{
	struct nft_hook h = { type, hooknum, prio, policy };
	uint32_t seq = fw_batch_msg(fb, "chain %s", name);

	nft_chain(&fb->nl, NFT_MSG_NEWCHAIN, NLM_F_CREATE | ACK, seq, FAMILY,
		  FW_TABLE, name, type ? &h : NULL);
}

static void add_established_rule(struct fw_batch *fb, const char *chain)
{
	struct rule r = rule_begin(fb, chain, "established, related");

	nft_match_ct_state(&fb->nl, NF_CT_STATE_BIT(IP_CT_ESTABLISHED) |
			   NF_CT_STATE_BIT(IP_CT_RELATED));
	rule_end(&r, NF_ACCEPT, NULL);
}

static void add_invalid_rule(struct fw_batch *fb, const char *chain)
{
	struct rule r = rule_begin(fb, chain, "invalid");

	nft_match_ct_state(&fb->nl, NF_CT_STATE_INVALID_BIT);
	rule_end(&r, NF_DROP, NULL);
}

static void add_conntrack_rules(struct fw_batch *fb, const char *chain)
{
	add_established_rule(fb, chain);
	add_invalid_rule(fb, chain);
}

static void add_ban_rules(struct fw_batch *fb, const char *chain)
{
	struct rule r;

	r = rule_begin(fb, chain, "banned4");
	match_nfproto(&fb->nl, NFPROTO_IPV4);
	nft_expr_payload(&fb->nl, NFT_PAYLOAD_NETWORK_HEADER, 12, 4, NFT_REG_1);
	nft_expr_lookup(&fb->nl, FW_SET4, SET4_ID, NFT_REG_1);
	rule_end(&r, NF_DROP, NULL);
	r = rule_begin(fb, chain, "banned6");
	match_nfproto(&fb->nl, NFPROTO_IPV6);
	nft_expr_payload(&fb->nl, NFT_PAYLOAD_NETWORK_HEADER, 8, 16, NFT_REG_1);
	nft_expr_lookup(&fb->nl, FW_SET6, SET6_ID, NFT_REG_1);
	rule_end(&r, NF_DROP, NULL);
}

static const struct {
	uint8_t nfproto, l4, type;
	const char *name;
} echo_req[] = {
	{ NFPROTO_IPV4, IPPROTO_ICMP, 8, "icmp" },
	{ NFPROTO_IPV6, IPPROTO_ICMPV6, 128, "icmpv6" },
};

/* One echo-request rule of chain: within the rate (accept), or over it
 * (drop); oifname (NULL: any) says which way it is going. */
static void add_echo_rule(const struct fw_policy *p, struct fw_batch *fb,
			  const char *chain, const char *oifname, size_t i,
			  int over)
{
	char c[64];
	struct rule r;

	snprintf(c, sizeof(c), "%s echo-request%s%s%s", echo_req[i].name,
		 oifname ? " to " : "", oifname ? oifname : "",
		 over ? " over limit" : " (limited)");
	r = rule_begin(fb, chain, c);
	if (oifname)
		nft_match_ifname(&fb->nl, NFT_META_OIFNAME, oifname);
	match_nfproto(&fb->nl, echo_req[i].nfproto);
	match_l4(&fb->nl, echo_req[i].l4);
	match_icmp_type(&fb->nl, echo_req[i].type, echo_req[i].type);
	if (!over)
		nft_expr_limit(&fb->nl, p->icmp_echo_per_s, 1, 5);
	rule_end(&r, over ? NF_DROP : NF_ACCEPT, NULL);
}

/*
 * Echo requests from wan within the rate, then a drop for the rest. Before
 * the conntrack rules: a flood from one pinger is all one "established"
 * ICMP flow to conntrack (same id), and would never meet the limit.
 */
static void add_echo_rules(const struct fw_policy *p, struct fw_batch *fb)
{
	for (size_t i = 0; i < 2; i++)
		for (int over = 0; over < 2; over++)
			add_echo_rule(p, fb, "input_wan", NULL, i, over);
}

/* Essential ICMP errors from wan (path MTU discovery needs them) and IPv6
 * neighbour/router discovery. */
static void add_icmp_rules(struct fw_batch *fb)
{
	static const struct {
		uint8_t nfproto, l4, lo, hi;
		const char *comment;
	} icmp[] = {
		{ NFPROTO_IPV4, IPPROTO_ICMP, 3, 3, "icmp dest-unreachable" },
		{ NFPROTO_IPV4, IPPROTO_ICMP, 11, 12,
		  "icmp time-exceeded, parameter-problem" },
		{ NFPROTO_IPV6, IPPROTO_ICMPV6, 1, 4, "icmpv6 dest-unreachable, "
		  "packet-too-big, time-exceeded, parameter-problem" },
		{ NFPROTO_IPV6, IPPROTO_ICMPV6, 133, 136,
		  "icmpv6 router/neighbour solicitation/advert" },
	};
	struct rule r;

	for (size_t i = 0; i < sizeof(icmp) / sizeof(icmp[0]); i++) {
		r = rule_begin(fb, "input_wan", icmp[i].comment);
		match_nfproto(&fb->nl, icmp[i].nfproto);
		match_l4(&fb->nl, icmp[i].l4);
		match_icmp_type(&fb->nl, icmp[i].lo, icmp[i].hi);
		rule_end(&r, NF_ACCEPT, NULL);
	}
}

/*
 * BCP 38 for the delegated prefixes, which change (DHCPv6-PD): IPv6 from a
 * lan interface is forwarded only if its source would be routed back out
 * of that interface (`fib saddr . iif oif missing drop`, as nft compiles
 * it: oif present, restricted to iif). The lan's /64 routes move with the
 * prefix, so this follows renumbering with no reload. Before conntrack: a
 * forged source never gets as far as matching or making a flow. IPv4 is
 * left to rp_filter=1 (init sets it), which drops such packets before
 * they reach this hook, so a rule here would never count anything.
 */
static void add_antispoof_rules(const struct fw_policy *p,
				struct fw_batch *fb)
{
	/* The whole 32-bit register against 0, as nft compares it: kernels
	 * have stored presence as a u32 0/1 and as one byte in a zeroed
	 * register; only 0 reads the same both ways on any byte order. */
	uint32_t missing = 0;
	char c[80];

	for (unsigned l = 0; l < p->n_lan; l++) {
		struct rule r;

		snprintf(c, sizeof(c), "ipv6 source not routed back to %s "
			 "(anti-spoofing)", p->lan[l]);
		r = rule_begin(fb, "forward", c);
		nft_match_ifname(&fb->nl, NFT_META_IIFNAME, p->lan[l]);
		match_nfproto(&fb->nl, NFPROTO_IPV6);
		nft_expr_fib(&fb->nl, NFT_FIB_RESULT_OIF, NFTA_FIB_F_SADDR |
			     NFTA_FIB_F_IIF | NFTA_FIB_F_PRESENT, NFT_REG_1);
		nft_expr_cmp(&fb->nl, NFT_CMP_EQ, NFT_REG_1, &missing,
			     sizeof(missing));
		rule_end(&r, NF_DROP, NULL);
	}
}

/*
 * RFC 4890 4.3.1: echo requests to lan hosts should be let through (a
 * host's global address is meant to be reachable, RFC 6092 3.2.1 defers
 * to RFC 4890); within the policy's icmp-rate, as for the router itself,
 * one bucket per lan interface, and over it dropped. Before conntrack for
 * the same reason as in input_wan.
 */
static void add_transit_echo_rules(const struct fw_policy *p,
				   struct fw_batch *fb)
{
	for (unsigned l = 0; l < p->n_lan; l++)
		for (int over = 0; over < 2; over++)
			add_echo_rule(p, fb, "forward_wan", p->lan[l], 1, over);
}

/*
 * ICMPv6 errors to lan hosts (RFC 4890 4.3.1: must not be dropped; path
 * MTU discovery dies without packet-too-big). Those conntrack relates to
 * a flow are accepted with it; this takes the others, which conntrack
 * marks invalid (an expired or never-seen flow, asymmetric routes), so it
 * sits before the invalid drop. RFC 6092 REC-10 would drop unmatched
 * dest-unreachable and packet-too-big; OpenWrt forwards them as here.
 */
static void add_transit_icmpv6_error_rules(const struct fw_policy *p,
					   struct fw_batch *fb)
{
	char c[80];

	for (unsigned l = 0; l < p->n_lan; l++) {
		struct rule r;

		snprintf(c, sizeof(c), "icmpv6 errors (dest-unreachable, "
			 "packet-too-big, ...) to %s", p->lan[l]);
		r = rule_begin(fb, "forward_wan", c);
		nft_match_ifname(&fb->nl, NFT_META_OIFNAME, p->lan[l]);
		match_nfproto(&fb->nl, NFPROTO_IPV6);
		match_l4(&fb->nl, IPPROTO_ICMPV6);
		match_icmp_type(&fb->nl, 1, 4);
		rule_end(&r, NF_ACCEPT, NULL);
	}
}

/* The tunnel's traffic from the AFTR (RFC 6333), before the decapsulation
 * (the outer packet meets input first). Without its address (a name,
 * [wan] aftr's or DHCPv6's, that wan6 resolves), from any source: ip6tnl
 * takes only its own remote's. */
static void add_dslite_rule(const struct fw_policy *p, struct fw_batch *fb)
{
	char a[INET6_ADDRSTRLEN], c[96];
	struct rule r;

	if (!p->dslite[0])
		return;
	if (p->has_aftr && inet_ntop(AF_INET6, p->aftr, a, sizeof(a)))
		snprintf(c, sizeof(c), "dslite: ipv4-in-ipv6 from aftr %s", a);
	else
		snprintf(c, sizeof(c), "dslite: ipv4-in-ipv6 (aftr by name)");
	r = rule_begin(fb, "input_wan", c);
	match_nfproto(&fb->nl, NFPROTO_IPV6);
	if (p->has_aftr)
		nft_match_payload(&fb->nl, NFT_PAYLOAD_NETWORK_HEADER, 8,
				  p->aftr, 16);
	match_l4(&fb->nl, IPPROTO_IPIP);
	rule_end(&r, NF_ACCEPT, NULL);
}

static void add_dhcp_client_rules(struct fw_batch *fb)
{
	struct rule r;

	r = rule_begin(fb, "input_wan", "dhcp client reply");
	match_nfproto(&fb->nl, NFPROTO_IPV4);
	match_l4(&fb->nl, IPPROTO_UDP);
	match_port(&fb->nl, 0, 67);
	match_port(&fb->nl, 1, 68);
	rule_end(&r, NF_ACCEPT, NULL);
	r = rule_begin(fb, "input_wan", "dhcpv6 client reply");
	match_nfproto(&fb->nl, NFPROTO_IPV6);
	match_l4(&fb->nl, IPPROTO_UDP);
	match_port(&fb->nl, 0, 547);
	match_port(&fb->nl, 1, 546);
	rule_end(&r, NF_ACCEPT, NULL);
}

static const uint8_t proto_num[2] = { IPPROTO_TCP, IPPROTO_UDP };
static const char *const proto_name[2] = { "tcp", "udp" };

static void forward_comment(const struct fw_forward *f, int pi, char *buf,
			    size_t size)
{
	char a[INET6_ADDRSTRLEN];

	inet_ntop(f->family, f->addr, a, sizeof(a));
	if (f->family == AF_INET)
		snprintf(buf, size, "forward %s %u %s:%u", proto_name[pi],
			 f->ext_port, a, f->to_port);
	else if (f->dnat)
		snprintf(buf, size, "forward %s %u [%s]:%u", proto_name[pi],
			 f->ext_port, a, f->to_port);
	else
		snprintf(buf, size, "forward %s %u [%s]", proto_name[pi],
			 f->ext_port, a);
}

/* prerouting: wan, proto, dport -> DNAT addr:to_port. */
static void add_dnat_rules(const struct fw_policy *p, struct fw_batch *fb)
{
	char comment[96];

	for (unsigned i = 0; i < p->n_fwd; i++) {
		const struct fw_forward *f = &p->fwd[i];
		int v4 = f->family == AF_INET;
		uint16_t port_be = htons(f->to_port);

		if (!f->dnat)
			continue;
		for (int pi = 0; pi < 2; pi++) {
			if (!(f->protos & (1u << pi)))
				continue;
			forward_comment(f, pi, comment, sizeof(comment));
			for (unsigned w = 0; w < p->n_wan; w++) {
				struct rule r = rule_begin(fb, "prerouting",
							   comment);

				nft_match_ifname(&fb->nl, NFT_META_IIFNAME,
						 p->wan[w]);
				match_nfproto(&fb->nl, v4 ? NFPROTO_IPV4 :
					      NFPROTO_IPV6);
				/* Only what is addressed to the router: with
				 * routed (IPv6) lan prefixes, traffic to a lan
				 * host's own address is not ours to redirect. */
				nft_match_daddr_local(&fb->nl);
				match_l4(&fb->nl, proto_num[pi]);
				match_port(&fb->nl, 1, f->ext_port);
				nft_expr_counter(&fb->nl);
				nft_expr_immediate(&fb->nl, NFT_REG_1, f->addr,
						   v4 ? 4 : 16);
				nft_expr_immediate(&fb->nl, NFT_REG_2, &port_be,
						   2);
				nft_expr_nat(&fb->nl, NFT_NAT_DNAT,
					     v4 ? NFPROTO_IPV4 : NFPROTO_IPV6,
					     NFT_REG_1, NFT_REG_2);
				nft_rule_end(&fb->nl, r.pos, comment);
			}
		}
	}
}

/* forward_wan: IPv6 forwards without DNAT are plain accepts. */
static void add_v6_accept_rules(const struct fw_policy *p,
				struct fw_batch *fb)
{
	char comment[96];

	for (unsigned i = 0; i < p->n_fwd; i++) {
		const struct fw_forward *f = &p->fwd[i];

		if (f->dnat)
			continue;
		for (int pi = 0; pi < 2; pi++) {
			struct rule r;

			if (!(f->protos & (1u << pi)))
				continue;
			forward_comment(f, pi, comment, sizeof(comment));
			r = rule_begin(fb, "forward_wan", comment);
			match_nfproto(&fb->nl, NFPROTO_IPV6);
			nft_match_payload(&fb->nl, NFT_PAYLOAD_NETWORK_HEADER,
					  24, f->addr, 16);
			match_l4(&fb->nl, proto_num[pi]);
			match_port(&fb->nl, 1, f->ext_port);
			rule_end(&r, NF_ACCEPT, NULL);
		}
	}
}

/*
 * TCP MSS clamping. A wan link narrower than the lan (PPPoE: 1492, or less)
 * leaves hosts announcing an MSS of 1460 in their SYNs; where ICMP
 * "fragmentation needed" is filtered on the way, such connections stall
 * after the handshake. The SYN (and SYN-ACK) option is lowered in both
 * directions, so that neither end sends a segment the wan cannot carry.
 *
 * Out of wan: `tcp option maxseg size set rt mtu`, in postrouting as
 * firewall4 does since openwrt/openwrt#12112 (it misfired in forward with
 * policy routing): rt mtu is the MTU of the route the packet is on, minus
 * 40 (IPv4) or 60 (IPv6). The kernel only ever lowers an MSS, so this is
 * harmless on a 1500 link and the rules are always there.
 *
 * In from wan: these SYNs leave on the lan, so rt mtu would be the lan
 * route's MTU, lowered only by the kernel's lookup of the route back to
 * the sender; that lookup goes by address alone (no mark, no interface),
 * so with policy routing it can read another table's route (as in
 * openwrt/openwrt#12112). The wan MTU the config states is exact: clamp to it minus 40 /
 * 60, a fixed value, when the policy has one (none: the link is taken to
 * be 1500 and the hosts' own 1460/1440 fit). "size > X" keeps the counter
 * to SYNs that were lowered. A mangle-priority forward chain: clamped
 * before any filter verdict, and never SYNs to the router itself, whose
 * own stack knows its routes.
 */
#define TCP_FLAG_SYN	0x02
#define TCP_FLAG_RST	0x04
#define TCPOPT_MAXSEG_KIND	2
#define MSS_HDR4	40	/* IPv4 + TCP headers */
#define MSS_HDR6	60	/* IPv6 + TCP headers */

/* tcp flags & (syn | rst) == syn: a SYN or SYN-ACK, not a reset. */
static void match_tcp_syn(struct nlbuf *b)
{
	uint8_t mask = TCP_FLAG_SYN | TCP_FLAG_RST, syn = TCP_FLAG_SYN;
	uint8_t zero = 0;

	match_l4(b, IPPROTO_TCP);
	nft_expr_payload(b, NFT_PAYLOAD_TRANSPORT_HEADER, 13, 1, NFT_REG_1);
	nft_expr_bitwise(b, NFT_REG_1, &mask, &zero, 1);
	nft_expr_cmp(b, NFT_CMP_EQ, NFT_REG_1, &syn, 1);
}

/* SYNs in from ifname announcing more than mss: lowered to it. */
static void add_fixed_clamp(struct fw_batch *fb, const char *ifname,
			    uint8_t nfproto, const char *family, unsigned mss,
			    unsigned mtu, const char *mtu_name)
{
	struct nlbuf *b = &fb->nl;
	uint16_t mss_be = htons((uint16_t)mss);
	struct rule r;
	char c[96];

	snprintf(c, sizeof(c), "mss clamp %s in from %s to %u (%s %u)", family,
		 ifname, mss, mtu_name, mtu);
	r = rule_begin(fb, "mangle_forward", c);
	nft_match_ifname(b, NFT_META_IIFNAME, ifname);
	match_nfproto(b, nfproto);
	match_tcp_syn(b);
	nft_expr_exthdr_load(b, NFT_EXTHDR_OP_TCPOPT, TCPOPT_MAXSEG_KIND, 2, 2,
			     NFT_REG_1);
	nft_expr_cmp(b, NFT_CMP_GT, NFT_REG_1, &mss_be, 2);
	nft_expr_counter(b);
	nft_expr_immediate(b, NFT_REG_1, &mss_be, 2);
	nft_expr_exthdr_set(b, NFT_EXTHDR_OP_TCPOPT, TCPOPT_MAXSEG_KIND, 2, 2,
			    NFT_REG_1);
	nft_rule_end(b, r.pos, c);
}

static void add_mss_rules(const struct fw_policy *p, struct fw_batch *fb)
{
	static const struct {
		uint8_t nfproto;
		unsigned hdr;
		const char *name;
	} fam[] = {
		{ NFPROTO_IPV4, MSS_HDR4, "ipv4" },
		{ NFPROTO_IPV6, MSS_HDR6, "ipv6" },
	};
	struct nlbuf *b = &fb->nl;
	char c[96];

	for (unsigned w = 0; w < p->n_wan; w++) {
		for (size_t i = 0; i < 2; i++) {
			struct rule r;

			snprintf(c, sizeof(c), "mss clamp %s out of %s to "
				 "route mtu", fam[i].name, p->wan[w]);
			r = rule_begin(fb, "mangle_postrouting", c);
			nft_match_ifname(b, NFT_META_OIFNAME, p->wan[w]);
			match_nfproto(b, fam[i].nfproto);
			match_tcp_syn(b);
			nft_expr_counter(b);
			/* rt writes the MSS in host order; the option is
			 * big-endian. */
			nft_expr_rt(b, NFT_RT_TCPMSS, NFT_REG_1);
			nft_expr_byteorder(b, NFT_BYTEORDER_HTON, NFT_REG_1,
					   2, 2);
			nft_expr_exthdr_set(b, NFT_EXTHDR_OP_TCPOPT,
					    TCPOPT_MAXSEG_KIND, 2, 2,
					    NFT_REG_1);
			nft_rule_end(b, r.pos, c);
		}
	}
	if (p->dslite[0]) {
		struct rule r;

		snprintf(c, sizeof(c), "mss clamp ipv4 out of %s to route mtu",
			 p->dslite);
		r = rule_begin(fb, "mangle_postrouting", c);
		nft_match_ifname(b, NFT_META_OIFNAME, p->dslite);
		match_nfproto(b, NFPROTO_IPV4);
		match_tcp_syn(b);
		nft_expr_counter(b);
		nft_expr_rt(b, NFT_RT_TCPMSS, NFT_REG_1);
		nft_expr_byteorder(b, NFT_BYTEORDER_HTON, NFT_REG_1, 2, 2);
		nft_expr_exthdr_set(b, NFT_EXTHDR_OP_TCPOPT, TCPOPT_MAXSEG_KIND,
				    2, 2, NFT_REG_1);
		nft_rule_end(b, r.pos, c);
		add_fixed_clamp(fb, p->dslite, NFPROTO_IPV4, "ipv4",
				p->dslite_mtu - MSS_HDR4, p->dslite_mtu,
				"dslite mtu");
	}
	if (!p->wan_mtu)
		return;
	for (unsigned w = 0; w < p->n_wan; w++) {
		for (size_t i = 0; i < 2; i++)
			add_fixed_clamp(fb, p->wan[w], fam[i].nfproto,
					fam[i].name, p->wan_mtu - fam[i].hdr,
					p->wan_mtu, "wan mtu");
	}
}

static void add_set(struct fw_batch *fb, const struct fw_policy *p,
		    const char *name, uint32_t id, uint32_t type,
		    uint32_t len)
{
	struct nft_set_desc s = {
		.name = name, .set_id = id, .key_type = type, .key_len = len,
		/* Intervals: logd bans IPv6 prefixes (ban-prefix6). */
		.flags = NFT_SET_TIMEOUT | NFT_SET_INTERVAL,
		.timeout_ms = (uint64_t)p->ban_timeout_s * 1000,
	};
	uint32_t seq = fw_batch_msg(fb, "set %s", name);

	nft_set(&fb->nl, NFT_MSG_NEWSET, NLM_F_CREATE | ACK, seq, FAMILY,
		FW_TABLE, &s);
}

int fw_ruleset_build(const struct fw_policy *p, const struct fw_ban *bans,
		     unsigned n_bans, int bad_rule, struct fw_batch *fb)
{
	struct nlbuf *b = &fb->nl;
	/* The wan zone: the wan interfaces and the DS-Lite tunnel (which is
	 * left out of the masquerade only). */
	const char *zone_wan[FW_ZONE_IFS_MAX + 1];
	unsigned n_zone_wan = 0;
	struct rule r;
	uint32_t seq;

	for (unsigned w = 0; w < p->n_wan; w++)
		zone_wan[n_zone_wan++] = p->wan[w];
	if (p->dslite[0])
		zone_wan[n_zone_wan++] = p->dslite;

	/* Create-if-missing then delete makes "delete if exists" on any
	 * kernel (DESTROYTABLE is 6.3+); the batch commits or fails whole. */
	seq = fw_batch_msg(fb, "table inet " FW_TABLE " (ensure)");
	nft_table(b, NFT_MSG_NEWTABLE, NLM_F_CREATE | ACK, seq, FAMILY,
		  FW_TABLE, 0);
	seq = fw_batch_msg(fb, "table inet " FW_TABLE " (delete old)");
	nft_table(b, NFT_MSG_DELTABLE, ACK, seq, FAMILY, FW_TABLE, 0);
	seq = fw_batch_msg(fb, "table inet " FW_TABLE);
	nft_table(b, NFT_MSG_NEWTABLE, NLM_F_CREATE | NLM_F_EXCL | ACK, seq,
		  FAMILY, FW_TABLE, 0);
	add_set(fb, p, FW_SET4, SET4_ID, NFT_DATATYPE_IPADDR, 4);
	add_set(fb, p, FW_SET6, SET6_ID, NFT_DATATYPE_IP6ADDR, 16);
	for (unsigned i = 0; i < n_bans; i++) {
		seq = fw_batch_msg(fb, "ban carried over");
		if (fwban_elem(b, seq, bans[i].family, bans[i].addr,
			       bans[i].prefix_len, bans[i].timeout_ms, 0) < 0)
			return -1;
	}

	add_chain(fb, "input", "filter", NF_INET_LOCAL_IN, 0, NF_DROP);
	add_chain(fb, "forward", "filter", NF_INET_FORWARD, 0, NF_DROP);
	add_chain(fb, "prerouting", "nat", NF_INET_PRE_ROUTING, -100,
		  NF_ACCEPT);
	add_chain(fb, "postrouting", "nat", NF_INET_POST_ROUTING, 100,
		  NF_ACCEPT);
	add_chain(fb, "mangle_forward", "filter", NF_INET_FORWARD,
		  NF_IP_PRI_MANGLE, NF_ACCEPT);
	add_chain(fb, "mangle_postrouting", "filter", NF_INET_POST_ROUTING,
		  NF_IP_PRI_MANGLE, NF_ACCEPT);
	add_chain(fb, "input_wan", NULL, 0, 0, 0);
	add_chain(fb, "input_lan", NULL, 0, 0, 0);
	add_chain(fb, "forward_wan", NULL, 0, 0, 0);

	/* input */
	r = rule_begin(fb, "input", "loopback");
	nft_match_ifname(b, NFT_META_IIFNAME, "lo");
	rule_end(&r, NF_ACCEPT, NULL);
	for (unsigned w = 0; w < n_zone_wan; w++) {
		r = rule_begin(fb, "input", zone_wan[w]);
		nft_match_ifname(b, NFT_META_IIFNAME, zone_wan[w]);
		rule_end(&r, NFT_JUMP, "input_wan");
	}
	add_conntrack_rules(fb, "input");
	for (unsigned l = 0; l < p->n_lan; l++) {
		r = rule_begin(fb, "input", p->lan[l]);
		nft_match_ifname(b, NFT_META_IIFNAME, p->lan[l]);
		rule_end(&r, NFT_JUMP, "input_lan");
	}
	if (bad_rule) {
		r = rule_begin(fb, "input", "test: jump to a missing chain");
		rule_end(&r, NFT_JUMP, "no_such_chain");
	}
	r = rule_begin(fb, "input", "other interfaces");
	rule_end(&r, NF_DROP, NULL);

	/* input_wan */
	add_ban_rules(fb, "input_wan");
	add_echo_rules(p, fb);
	add_conntrack_rules(fb, "input_wan");
	add_icmp_rules(fb);
	add_dhcp_client_rules(fb);
	add_dslite_rule(p, fb);
	r = rule_begin(fb, "input_wan", "wan to router");
	rule_end(&r, NF_DROP, NULL);

	/* input_lan: bans first (logd bans LAN sources that guess SSH
	 * passwords), then the router's services. */
	add_ban_rules(fb, "input_lan");
	r = rule_begin(fb, "input_lan", "lan to router");
	rule_end(&r, NF_ACCEPT, NULL);

	/* forward */
	for (unsigned w = 0; w < n_zone_wan; w++) {
		r = rule_begin(fb, "forward", zone_wan[w]);
		nft_match_ifname(b, NFT_META_IIFNAME, zone_wan[w]);
		rule_end(&r, NFT_JUMP, "forward_wan");
	}
	add_antispoof_rules(p, fb);
	add_conntrack_rules(fb, "forward");
	for (unsigned l = 0; l < p->n_lan; l++) {
		for (unsigned w = 0; w < n_zone_wan; w++) {
			char c[48];

			snprintf(c, sizeof(c), "lan to wan: %s to %s",
				 p->lan[l], zone_wan[w]);
			r = rule_begin(fb, "forward", c);
			nft_match_ifname(b, NFT_META_IIFNAME, p->lan[l]);
			nft_match_ifname(b, NFT_META_OIFNAME, zone_wan[w]);
			rule_end(&r, NF_ACCEPT, NULL);
		}
	}
	r = rule_begin(fb, "forward", "other forwarding");
	rule_end(&r, NF_DROP, NULL);

	/* forward_wan */
	add_ban_rules(fb, "forward_wan");
	add_transit_echo_rules(p, fb);
	add_established_rule(fb, "forward_wan");
	add_transit_icmpv6_error_rules(p, fb);
	add_invalid_rule(fb, "forward_wan");
	for (unsigned l = 0; l < p->n_lan; l++) {
		char c[48];

		snprintf(c, sizeof(c), "port forwards (dnat) to %s",
			 p->lan[l]);
		r = rule_begin(fb, "forward_wan", c);
		match_ct_status(b, IPS_DST_NAT);
		nft_match_ifname(b, NFT_META_OIFNAME, p->lan[l]);
		rule_end(&r, NF_ACCEPT, NULL);
	}
	add_v6_accept_rules(p, fb);
	r = rule_begin(fb, "forward_wan", "wan to anywhere");
	rule_end(&r, NF_DROP, NULL);

	/* nat */
	add_dnat_rules(p, fb);
	for (unsigned w = 0; w < p->n_wan; w++) {
		char c[48];

		snprintf(c, sizeof(c), "masquerade ipv4 out of %s", p->wan[w]);
		r = rule_begin(fb, "postrouting", c);
		nft_match_ifname(b, NFT_META_OIFNAME, p->wan[w]);
		match_nfproto(b, NFPROTO_IPV4);
		nft_expr_counter(b);
		nft_expr_masq(b);
		nft_rule_end(b, r.pos, c);
	}

	add_mss_rules(p, fb);
	return fw_batch_finish(fb);
}

int fw_ban_build(int family, const uint8_t addr[16], unsigned prefix_len,
		 uint64_t timeout_ms, int del, struct fw_batch *fb)
{
	char a[INET6_ADDRSTRLEN];
	uint32_t seq;

	if (!inet_ntop(family, addr, a, sizeof(a)))
		return -1;
	seq = fw_batch_msg(fb, "%s %s/%u", del ? "unban" : "ban", a,
			   prefix_len);
	if (fwban_elem(&fb->nl, seq, family, addr, prefix_len, timeout_ms,
		       del) < 0)
		return -1;
	return fw_batch_finish(fb);
}
