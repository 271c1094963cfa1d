/*
 * fw_lockdown.c - the minimal ruleset (keel/fw_lockdown.h).
 *
 *   input    policy drop: lo accept; est/rel accept (replies to the
 *            router's own queries); per LAN interface: ICMP, ICMPv6, and
 *            tcp/udp to SSH, DNS, DHCP, DHCPv6 accept; everything else drop
 *   forward  policy drop, no rules
 */
#include <netinet/in.h>
#include <sys/socket.h>
#include <arpa/inet.h>
#include <linux/netfilter/nf_conntrack_common.h>

#include "keel/fwban.h"
#include "keel/fw_lockdown.h"
#include "keel/nft.h"

#define FAMILY NFPROTO_INET

static void rule_accept(struct nlbuf *b, uint32_t seq, const char *ifname,
			uint8_t l4proto, uint16_t dport, const char *comment)
{
	struct nft_rule_pos pos = nft_rule_begin(b, NLM_F_ACK, seq, FAMILY,
						  FWBAN_TABLE, "input");

	if (ifname)
		nft_match_ifname(b, NFT_META_IIFNAME, ifname);
	if (l4proto)
		nft_match_meta_u8(b, NFT_META_L4PROTO, l4proto);
	if (dport) {
		uint16_t be = htons(dport);

		nft_match_payload(b, NFT_PAYLOAD_TRANSPORT_HEADER, 2, &be, 2);
	}
	nft_expr_counter(b);
	nft_expr_verdict(b, NF_ACCEPT, NULL);
	nft_rule_end(b, pos, comment);
}

uint32_t fw_lockdown_build(const struct keel_config *cfg, struct nlbuf *b,
			   uint32_t seq)
{
	static const struct { uint8_t proto; uint16_t port; const char *what; } lan[] = {
		{ IPPROTO_ICMP, 0, "lockdown: lan icmp" },
		{ IPPROTO_ICMPV6, 0, "lockdown: lan icmpv6" },
		{ IPPROTO_TCP, 0, "lockdown: lan ssh" },	/* port from cfg */
		{ IPPROTO_UDP, 53, "lockdown: lan dns" },
		{ IPPROTO_TCP, 53, "lockdown: lan dns" },
		{ IPPROTO_UDP, 67, "lockdown: lan dhcp" },
		{ IPPROTO_UDP, 547, "lockdown: lan dhcpv6" },
	};
	struct nft_hook in = { "filter", NF_INET_LOCAL_IN, 0, NF_DROP };
	struct nft_hook fwd = { "filter", NF_INET_FORWARD, 0, NF_DROP };
	struct nft_rule_pos pos;

	nft_batch_begin(b, seq++);
	/* Create-if-missing then delete: "replace" on any kernel, all or
	 * nothing with the rest of the batch. */
	nft_table(b, NFT_MSG_NEWTABLE, NLM_F_CREATE | NLM_F_ACK, seq++, FAMILY,
		  FWBAN_TABLE, 0);
	nft_table(b, NFT_MSG_DELTABLE, NLM_F_ACK, seq++, FAMILY, FWBAN_TABLE, 0);
	nft_table(b, NFT_MSG_NEWTABLE, NLM_F_CREATE | NLM_F_EXCL | NLM_F_ACK,
		  seq++, FAMILY, FWBAN_TABLE, 0);
	nft_chain(b, NFT_MSG_NEWCHAIN, NLM_F_CREATE | NLM_F_ACK, seq++, FAMILY,
		  FWBAN_TABLE, "input", &in);
	nft_chain(b, NFT_MSG_NEWCHAIN, NLM_F_CREATE | NLM_F_ACK, seq++, FAMILY,
		  FWBAN_TABLE, "forward", &fwd);

	pos = nft_rule_begin(b, NLM_F_ACK, seq++, FAMILY, FWBAN_TABLE, "input");
	nft_match_ifname(b, NFT_META_IIFNAME, "lo");
	nft_expr_verdict(b, NF_ACCEPT, NULL);
	nft_rule_end(b, pos, "lockdown: loopback");

	pos = nft_rule_begin(b, NLM_F_ACK, seq++, FAMILY, FWBAN_TABLE, "input");
	nft_match_ct_state(b, NF_CT_STATE_BIT(IP_CT_ESTABLISHED) |
			   NF_CT_STATE_BIT(IP_CT_RELATED));
	nft_expr_counter(b);
	nft_expr_verdict(b, NF_ACCEPT, NULL);
	nft_rule_end(b, pos, "lockdown: replies");

	for (unsigned i = 0; i < cfg->n_lans; i++)
		for (unsigned k = 0; k < sizeof(lan) / sizeof(lan[0]); k++)
			rule_accept(b, seq++, cfg->lans[i].interface, lan[k].proto,
				    k == 2 ? cfg->ssh.port : lan[k].port, lan[k].what);
	/* Counted drops, so `keel-fw show` tells what the lockdown stopped. */
	pos = nft_rule_begin(b, NLM_F_ACK, seq++, FAMILY, FWBAN_TABLE, "input");
	nft_expr_counter(b);
	nft_expr_verdict(b, NF_DROP, NULL);
	nft_rule_end(b, pos, "lockdown: everything else");
	pos = nft_rule_begin(b, NLM_F_ACK, seq++, FAMILY, FWBAN_TABLE, "forward");
	nft_expr_counter(b);
	nft_expr_verdict(b, NF_DROP, NULL);
	nft_rule_end(b, pos, "lockdown: no forwarding");
	nft_batch_end(b, seq);
	return nlb_ok(b) ? seq : 0;
}
