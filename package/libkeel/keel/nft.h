/*
 * keel/nft.h - nf_tables netlink messages, built into a struct nlbuf.
 *
 * Enough of nf_tables for a router firewall without the nft binary:
 * batches, tables, chains, sets with timeouts and their elements, and
 * rules built from expressions. Every function appends to the buffer; the
 * caller checks nlb_ok() once at the end. Integers are host order in this
 * API and big-endian on the wire, as nf_tables wants.
 *
 * A batch is: nft_batch_begin(), any number of messages, each with its own
 * sequence number, nft_batch_end(). The kernel applies it all or nothing.
 */
#ifndef KEEL_NFT_H
#define KEEL_NFT_H

#include <stddef.h>
#include <stdint.h>
#include <linux/netfilter.h>
#include <linux/netfilter/nf_conntrack_common.h>
#include <linux/netfilter/nf_tables.h>
#include <linux/netfilter/nfnetlink.h>

#include "keel/nlmsg.h"

/* nfnetlink message type of an nf_tables command (NFT_MSG_*). */
#define NFT_TYPE(msg) ((uint16_t)(NFNL_SUBSYS_NFTABLES << 8 | (msg)))

/* Key types as nft(8) names them in a set's NFTA_SET_KEY_TYPE, so that
 * `nft list` prints our sets' elements as addresses. */
#define NFT_DATATYPE_IPADDR	7
#define NFT_DATATYPE_IP6ADDR	8

/* Starts any nf_tables message (nlmsghdr + nfgenmsg); returns its offset
 * for nlb_msg_end(). */
size_t nft_msg_begin(struct nlbuf *b, uint16_t msg, uint16_t flags,
		     uint8_t family, uint32_t seq);

void nft_batch_begin(struct nlbuf *b, uint32_t seq);
void nft_batch_end(struct nlbuf *b, uint32_t seq);

/* NEWTABLE (flags e.g. NFT_TABLE_F_OWNER) or DELTABLE, by msg. */
void nft_table(struct nlbuf *b, uint16_t msg, uint16_t nlflags, uint32_t seq,
	       uint8_t family, const char *table, uint32_t table_flags);

/* A base chain when type is non-NULL ("filter", "nat"): hooked at hooknum
 * (NF_INET_*) with priority and policy (NF_ACCEPT/NF_DROP); a regular
 * chain (jump target) when type is NULL. */
struct nft_hook {
	const char *type;
	uint32_t hooknum;
	int32_t priority;
	uint32_t policy;
};
void nft_chain(struct nlbuf *b, uint16_t msg, uint16_t nlflags, uint32_t seq,
	       uint8_t family, const char *table, const char *chain,
	       const struct nft_hook *hook);

/* A named set of keys of key_len bytes (key_type NFT_DATATYPE_*); flags
 * NFT_SET_TIMEOUT with a default timeout_ms (0: elements live forever
 * unless they carry their own). set_id lets rules in the same batch refer
 * to the set before it exists. */
struct nft_set_desc {
	const char *name;
	uint32_t set_id;
	uint32_t key_type;
	uint32_t key_len;
	uint32_t flags;
	uint64_t timeout_ms;
};
void nft_set(struct nlbuf *b, uint16_t msg, uint16_t nlflags, uint32_t seq,
	     uint8_t family, const char *table, const struct nft_set_desc *s);

/* NEWSETELEM/DELSETELEM of one key; timeout_ms 0 = the set's default. */
void nft_setelem(struct nlbuf *b, uint16_t msg, uint16_t nlflags,
		 uint32_t seq, uint8_t family, const char *table,
		 const char *set, const void *key, size_t key_len,
		 uint64_t timeout_ms);

/*
 * NEWSETELEM/DELSETELEM of the range [first, end) in a set with
 * NFT_SET_INTERVAL: two elements in one message, the start and the end
 * (flagged NFT_SET_ELEM_INTERVAL_END, the first key past the range). end
 * NULL: the range runs to the top of the key space (no end element). Never
 * send a start alone for a bounded range: it would match every key above.
 */
void nft_setelem_range(struct nlbuf *b, uint16_t msg, uint16_t nlflags,
		       uint32_t seq, uint8_t family, const char *table,
		       const char *set, const void *first, const void *end,
		       size_t key_len, uint64_t timeout_ms);

/*
 * Rules: nft_rule_begin(), expressions, nft_rule_end(). The rule is
 * appended to the chain (nlflags adds e.g. NLM_F_ACK); comment (may be NULL) is stored in
 * NFTA_RULE_USERDATA the way nft(8) stores its comments, so `nft list`
 * shows it too.
 */
struct nft_rule_pos {
	size_t msg;
	size_t exprs;
};
struct nft_rule_pos nft_rule_begin(struct nlbuf *b, uint16_t nlflags,
				   uint32_t seq, uint8_t family,
				   const char *table, const char *chain);
void nft_rule_end(struct nlbuf *b, struct nft_rule_pos pos,
		  const char *comment);

/* Expressions (dreg/sreg: NFT_REG_1...). */
void nft_expr_meta(struct nlbuf *b, uint32_t key, uint32_t dreg);
void nft_expr_cmp(struct nlbuf *b, uint32_t op, uint32_t sreg,
		  const void *data, size_t len);
void nft_expr_payload(struct nlbuf *b, uint32_t base, uint32_t offset,
		      uint32_t len, uint32_t dreg);
void nft_expr_ct(struct nlbuf *b, uint32_t key, uint32_t dreg);
/* reg = (reg & mask) ^ xor, over len bytes. */
void nft_expr_bitwise(struct nlbuf *b, uint32_t reg, const void *mask,
		      const void *xor, size_t len);
void nft_expr_immediate(struct nlbuf *b, uint32_t dreg, const void *data,
			size_t len);
/* verdict NF_ACCEPT, NF_DROP, NFT_JUMP/NFT_GOTO (chain), NFT_RETURN... */
void nft_expr_verdict(struct nlbuf *b, int32_t verdict, const char *chain);
void nft_expr_counter(struct nlbuf *b);
/* rate packets per unit_s seconds, with burst packets on top. */
void nft_expr_limit(struct nlbuf *b, uint64_t rate, uint64_t unit_s,
		    uint32_t burst);
void nft_expr_log(struct nlbuf *b, const char *prefix);
/* NFT_REJECT_ICMPX_UNREACH with NFT_REJECT_ICMPX_*, or NFT_REJECT_TCP_RST. */
void nft_expr_reject(struct nlbuf *b, uint32_t type, uint8_t code);
void nft_expr_lookup(struct nlbuf *b, const char *set, uint32_t set_id,
		     uint32_t sreg);
/* NFT_NAT_DNAT/SNAT for nfproto NFPROTO_IPV4/IPV6; reg_addr/reg_proto 0
 * means not given. */
void nft_expr_nat(struct nlbuf *b, uint32_t type, uint32_t nfproto,
		  uint32_t reg_addr, uint32_t reg_proto);
void nft_expr_masq(struct nlbuf *b);
/* fib lookup: result NFT_FIB_RESULT_* keyed by flags NFTA_FIB_F_*. */
void nft_expr_fib(struct nlbuf *b, uint32_t result, uint32_t flags,
		  uint32_t dreg);
/* rt KEY (NFT_RT_*) of the packet's route into dreg; NFT_RT_TCPMSS is
 * the route MTU minus the IPv4/IPv6 and TCP headers, in host order. */
void nft_expr_rt(struct nlbuf *b, uint32_t key, uint32_t dreg);
/* reg = hton/ntoh (NFT_BYTEORDER_*) of len bytes in size-byte words. */
void nft_expr_byteorder(struct nlbuf *b, uint32_t op, uint32_t reg,
			uint32_t len, uint32_t size);
/* Extension header or option field (op NFT_EXTHDR_OP_*, e.g. TCPOPT):
 * len bytes at offset in the option of that type. load: into dreg (no
 * match if the option is absent); set: from sreg, big-endian. */
void nft_expr_exthdr_load(struct nlbuf *b, uint32_t op, uint8_t type,
			  uint32_t offset, uint32_t len, uint32_t dreg);
void nft_expr_exthdr_set(struct nlbuf *b, uint32_t op, uint8_t type,
			 uint32_t offset, uint32_t len, uint32_t sreg);

/* Shorthands used by every rule set. */
/* meta KEY == value (e.g. nfproto, l4proto: 1 byte). */
void nft_match_meta_u8(struct nlbuf *b, uint32_t key, uint8_t value);
/* iifname/oifname == name (NFT_META_IIFNAME/OIFNAME), exact. */
void nft_match_ifname(struct nlbuf *b, uint32_t key, const char *name);
/* ct state & bits != 0 (NF_CT_STATE_BIT(...) | ...). */
void nft_match_ct_state(struct nlbuf *b, uint32_t bits);
/* fib daddr type local: the packet is addressed to this host. */
void nft_match_daddr_local(struct nlbuf *b);
/* payload bytes == data. */
void nft_match_payload(struct nlbuf *b, uint32_t base, uint32_t offset,
		       const void *data, size_t len);

#endif /* KEEL_NFT_H */
