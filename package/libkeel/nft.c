/*
 * nft.c - nf_tables message builders. See keel/nft.h; attribute layouts
 * follow linux/netfilter/nf_tables.h (and what libnftnl sends).
 */
#include <string.h>
#include <arpa/inet.h>
#include <net/if.h>
#include <linux/netfilter/nf_nat.h>
#include <linux/netfilter/nfnetlink.h>
#include <linux/rtnetlink.h>

#include "keel/nft.h"

size_t nft_msg_begin(struct nlbuf *b, uint16_t msg, uint16_t flags,
		     uint8_t family, uint32_t seq)
{
	struct nfgenmsg g = {
		.nfgen_family = family,
		.version = NFNETLINK_V0,
		.res_id = 0,
	};

	return nlb_msg_begin(b, NFT_TYPE(msg), NLM_F_REQUEST | flags, seq, &g,
			     sizeof(g));
}

static void batch_msg(struct nlbuf *b, uint16_t type, uint32_t seq)
{
	/* res_id names the subsystem the batch is for. */
	struct nfgenmsg g = {
		.nfgen_family = 0,	/* AF_UNSPEC */
		.version = NFNETLINK_V0,
		.res_id = htons(NFNL_SUBSYS_NFTABLES),
	};
	size_t m = nlb_msg_begin(b, type, NLM_F_REQUEST, seq, &g, sizeof(g));

	nlb_msg_end(b, m);
}

void nft_batch_begin(struct nlbuf *b, uint32_t seq)
{
	batch_msg(b, NFNL_MSG_BATCH_BEGIN, seq);
}

void nft_batch_end(struct nlbuf *b, uint32_t seq)
{
	batch_msg(b, NFNL_MSG_BATCH_END, seq);
}

void nft_table(struct nlbuf *b, uint16_t msg, uint16_t nlflags, uint32_t seq,
	       uint8_t family, const char *table, uint32_t table_flags)
{
	size_t m = nft_msg_begin(b, msg, nlflags, family, seq);

	nlb_put_str(b, NFTA_TABLE_NAME, table);
	if (msg == NFT_MSG_NEWTABLE)
		nlb_put_be32(b, NFTA_TABLE_FLAGS, table_flags);
	nlb_msg_end(b, m);
}

void nft_chain(struct nlbuf *b, uint16_t msg, uint16_t nlflags, uint32_t seq,
	       uint8_t family, const char *table, const char *chain,
	       const struct nft_hook *hook)
{
	size_t m = nft_msg_begin(b, msg, nlflags, family, seq);

	nlb_put_str(b, NFTA_CHAIN_TABLE, table);
	nlb_put_str(b, NFTA_CHAIN_NAME, chain);
	if (hook && hook->type) {
		size_t h = nlb_nest_begin(b, NFTA_CHAIN_HOOK);

		nlb_put_be32(b, NFTA_HOOK_HOOKNUM, hook->hooknum);
		nlb_put_be32(b, NFTA_HOOK_PRIORITY, (uint32_t)hook->priority);
		nlb_nest_end(b, h);
		nlb_put_be32(b, NFTA_CHAIN_POLICY, hook->policy);
		nlb_put_str(b, NFTA_CHAIN_TYPE, hook->type);
	}
	nlb_msg_end(b, m);
}

void nft_set(struct nlbuf *b, uint16_t msg, uint16_t nlflags, uint32_t seq,
	     uint8_t family, const char *table, const struct nft_set_desc *s)
{
	size_t m = nft_msg_begin(b, msg, nlflags, family, seq);

	nlb_put_str(b, NFTA_SET_TABLE, table);
	nlb_put_str(b, NFTA_SET_NAME, s->name);
	if (msg == NFT_MSG_NEWSET) {
		nlb_put_be32(b, NFTA_SET_FLAGS, s->flags);
		nlb_put_be32(b, NFTA_SET_KEY_TYPE, s->key_type);
		nlb_put_be32(b, NFTA_SET_KEY_LEN, s->key_len);
		nlb_put_be32(b, NFTA_SET_ID, s->set_id);
		if (s->timeout_ms)
			nlb_put_be64(b, NFTA_SET_TIMEOUT, s->timeout_ms);
	}
	nlb_msg_end(b, m);
}

void nft_setelem(struct nlbuf *b, uint16_t msg, uint16_t nlflags,
		 uint32_t seq, uint8_t family, const char *table,
		 const char *set, const void *key, size_t key_len,
		 uint64_t timeout_ms)
{
	size_t m = nft_msg_begin(b, msg, nlflags, family, seq);
	size_t list, elem, k;

	nlb_put_str(b, NFTA_SET_ELEM_LIST_TABLE, table);
	nlb_put_str(b, NFTA_SET_ELEM_LIST_SET, set);
	list = nlb_nest_begin(b, NFTA_SET_ELEM_LIST_ELEMENTS);
	elem = nlb_nest_begin(b, NFTA_LIST_ELEM);
	k = nlb_nest_begin(b, NFTA_SET_ELEM_KEY);
	nlb_put(b, NFTA_DATA_VALUE, key, key_len);
	nlb_nest_end(b, k);
	if (timeout_ms && msg == NFT_MSG_NEWSETELEM)
		nlb_put_be64(b, NFTA_SET_ELEM_TIMEOUT, timeout_ms);
	nlb_nest_end(b, elem);
	nlb_nest_end(b, list);
	nlb_msg_end(b, m);
}

/* One element of an interval set's list: its key, with flags (e.g.
 * NFT_SET_ELEM_INTERVAL_END) and a timeout when non-zero. */
static void put_elem(struct nlbuf *b, uint16_t msg, const void *key,
		     size_t key_len, uint32_t flags, uint64_t timeout_ms)
{
	size_t elem = nlb_nest_begin(b, NFTA_LIST_ELEM);
	size_t k = nlb_nest_begin(b, NFTA_SET_ELEM_KEY);

	nlb_put(b, NFTA_DATA_VALUE, key, key_len);
	nlb_nest_end(b, k);
	if (flags)
		nlb_put_be32(b, NFTA_SET_ELEM_FLAGS, flags);
	if (timeout_ms && msg == NFT_MSG_NEWSETELEM)
		nlb_put_be64(b, NFTA_SET_ELEM_TIMEOUT, timeout_ms);
	nlb_nest_end(b, elem);
}

void nft_setelem_range(struct nlbuf *b, uint16_t msg, uint16_t nlflags,
		       uint32_t seq, uint8_t family, const char *table,
		       const char *set, const void *first, const void *end,
		       size_t key_len, uint64_t timeout_ms)
{
	size_t m = nft_msg_begin(b, msg, nlflags, family, seq);
	size_t list;

	nlb_put_str(b, NFTA_SET_ELEM_LIST_TABLE, table);
	nlb_put_str(b, NFTA_SET_ELEM_LIST_SET, set);
	list = nlb_nest_begin(b, NFTA_SET_ELEM_LIST_ELEMENTS);
	/* The timeout is the start's: the kernel refuses one on an end
	 * (EINVAL) and collects the end with its expired start. */
	put_elem(b, msg, first, key_len, 0, timeout_ms);
	if (end)
		put_elem(b, msg, end, key_len, NFT_SET_ELEM_INTERVAL_END, 0);
	nlb_nest_end(b, list);
	nlb_msg_end(b, m);
}

struct nft_rule_pos nft_rule_begin(struct nlbuf *b, uint16_t nlflags,
				   uint32_t seq, uint8_t family,
				   const char *table, const char *chain)
{
	struct nft_rule_pos pos;

	pos.msg = nft_msg_begin(b, NFT_MSG_NEWRULE,
				NLM_F_CREATE | NLM_F_APPEND | nlflags, family,
				seq);
	nlb_put_str(b, NFTA_RULE_TABLE, table);
	nlb_put_str(b, NFTA_RULE_CHAIN, chain);
	pos.exprs = nlb_nest_begin(b, NFTA_RULE_EXPRESSIONS);
	return pos;
}

void nft_rule_end(struct nlbuf *b, struct nft_rule_pos pos,
		  const char *comment)
{
	nlb_nest_end(b, pos.exprs);
	if (comment && *comment) {
		/* nft's udata TLV: type 0 (comment), length, string + NUL. */
		uint8_t ud[2 + 128];
		size_t n = strlen(comment);

		if (n > sizeof(ud) - 3)
			n = sizeof(ud) - 3;
		ud[0] = 0;
		ud[1] = (uint8_t)(n + 1);
		memcpy(ud + 2, comment, n);
		ud[2 + n] = '\0';
		nlb_put(b, NFTA_RULE_USERDATA, ud, n + 3);
	}
	nlb_msg_end(b, pos.msg);
}

/* Each expression: NFTA_LIST_ELEM { NFTA_EXPR_NAME, NFTA_EXPR_DATA {...} }.
 * expr_begin returns both nest offsets packed for expr_end. */
struct expr_pos {
	size_t elem, data;
};

static struct expr_pos expr_begin(struct nlbuf *b, const char *name)
{
	struct expr_pos p;

	p.elem = nlb_nest_begin(b, NFTA_LIST_ELEM);
	nlb_put_str(b, NFTA_EXPR_NAME, name);
	p.data = nlb_nest_begin(b, NFTA_EXPR_DATA);
	return p;
}

static void expr_end(struct nlbuf *b, struct expr_pos p)
{
	nlb_nest_end(b, p.data);
	nlb_nest_end(b, p.elem);
}

void nft_expr_meta(struct nlbuf *b, uint32_t key, uint32_t dreg)
{
	struct expr_pos e = expr_begin(b, "meta");

	nlb_put_be32(b, NFTA_META_KEY, key);
	nlb_put_be32(b, NFTA_META_DREG, dreg);
	expr_end(b, e);
}

void nft_expr_cmp(struct nlbuf *b, uint32_t op, uint32_t sreg,
		  const void *data, size_t len)
{
	struct expr_pos e = expr_begin(b, "cmp");
	size_t d;

	nlb_put_be32(b, NFTA_CMP_SREG, sreg);
	nlb_put_be32(b, NFTA_CMP_OP, op);
	d = nlb_nest_begin(b, NFTA_CMP_DATA);
	nlb_put(b, NFTA_DATA_VALUE, data, len);
	nlb_nest_end(b, d);
	expr_end(b, e);
}

void nft_expr_payload(struct nlbuf *b, uint32_t base, uint32_t offset,
		      uint32_t len, uint32_t dreg)
{
	struct expr_pos e = expr_begin(b, "payload");

	nlb_put_be32(b, NFTA_PAYLOAD_DREG, dreg);
	nlb_put_be32(b, NFTA_PAYLOAD_BASE, base);
	nlb_put_be32(b, NFTA_PAYLOAD_OFFSET, offset);
	nlb_put_be32(b, NFTA_PAYLOAD_LEN, len);
	expr_end(b, e);
}

void nft_expr_ct(struct nlbuf *b, uint32_t key, uint32_t dreg)
{
	struct expr_pos e = expr_begin(b, "ct");

	nlb_put_be32(b, NFTA_CT_DREG, dreg);
	nlb_put_be32(b, NFTA_CT_KEY, key);
	expr_end(b, e);
}

void nft_expr_bitwise(struct nlbuf *b, uint32_t reg, const void *mask,
		      const void *xor, size_t len)
{
	struct expr_pos e = expr_begin(b, "bitwise");
	size_t d;

	nlb_put_be32(b, NFTA_BITWISE_SREG, reg);
	nlb_put_be32(b, NFTA_BITWISE_DREG, reg);
	nlb_put_be32(b, NFTA_BITWISE_LEN, (uint32_t)len);
	d = nlb_nest_begin(b, NFTA_BITWISE_MASK);
	nlb_put(b, NFTA_DATA_VALUE, mask, len);
	nlb_nest_end(b, d);
	d = nlb_nest_begin(b, NFTA_BITWISE_XOR);
	nlb_put(b, NFTA_DATA_VALUE, xor, len);
	nlb_nest_end(b, d);
	expr_end(b, e);
}

void nft_expr_immediate(struct nlbuf *b, uint32_t dreg, const void *data,
			size_t len)
{
	struct expr_pos e = expr_begin(b, "immediate");
	size_t d;

	nlb_put_be32(b, NFTA_IMMEDIATE_DREG, dreg);
	d = nlb_nest_begin(b, NFTA_IMMEDIATE_DATA);
	nlb_put(b, NFTA_DATA_VALUE, data, len);
	nlb_nest_end(b, d);
	expr_end(b, e);
}

void nft_expr_verdict(struct nlbuf *b, int32_t verdict, const char *chain)
{
	struct expr_pos e = expr_begin(b, "immediate");
	size_t d, v;

	nlb_put_be32(b, NFTA_IMMEDIATE_DREG, NFT_REG_VERDICT);
	d = nlb_nest_begin(b, NFTA_IMMEDIATE_DATA);
	v = nlb_nest_begin(b, NFTA_DATA_VERDICT);
	nlb_put_be32(b, NFTA_VERDICT_CODE, (uint32_t)verdict);
	if (chain)
		nlb_put_str(b, NFTA_VERDICT_CHAIN, chain);
	nlb_nest_end(b, v);
	nlb_nest_end(b, d);
	expr_end(b, e);
}

void nft_expr_counter(struct nlbuf *b)
{
	struct expr_pos e = expr_begin(b, "counter");

	nlb_put_be64(b, NFTA_COUNTER_BYTES, 0);
	nlb_put_be64(b, NFTA_COUNTER_PACKETS, 0);
	expr_end(b, e);
}

void nft_expr_limit(struct nlbuf *b, uint64_t rate, uint64_t unit_s,
		    uint32_t burst)
{
	struct expr_pos e = expr_begin(b, "limit");

	nlb_put_be64(b, NFTA_LIMIT_RATE, rate);
	nlb_put_be64(b, NFTA_LIMIT_UNIT, unit_s);
	nlb_put_be32(b, NFTA_LIMIT_BURST, burst);
	nlb_put_be32(b, NFTA_LIMIT_TYPE, NFT_LIMIT_PKTS);
	nlb_put_be32(b, NFTA_LIMIT_FLAGS, 0);
	expr_end(b, e);
}

void nft_expr_log(struct nlbuf *b, const char *prefix)
{
	struct expr_pos e = expr_begin(b, "log");

	if (prefix)
		nlb_put_str(b, NFTA_LOG_PREFIX, prefix);
	expr_end(b, e);
}

void nft_expr_reject(struct nlbuf *b, uint32_t type, uint8_t code)
{
	struct expr_pos e = expr_begin(b, "reject");

	nlb_put_be32(b, NFTA_REJECT_TYPE, type);
	nlb_put_u8(b, NFTA_REJECT_ICMP_CODE, code);
	expr_end(b, e);
}

void nft_expr_lookup(struct nlbuf *b, const char *set, uint32_t set_id,
		     uint32_t sreg)
{
	struct expr_pos e = expr_begin(b, "lookup");

	nlb_put_str(b, NFTA_LOOKUP_SET, set);
	nlb_put_be32(b, NFTA_LOOKUP_SREG, sreg);
	if (set_id)
		nlb_put_be32(b, NFTA_LOOKUP_SET_ID, set_id);
	expr_end(b, e);
}

void nft_expr_nat(struct nlbuf *b, uint32_t type, uint32_t nfproto,
		  uint32_t reg_addr, uint32_t reg_proto)
{
	struct expr_pos e = expr_begin(b, "nat");
	uint32_t flags = 0;

	nlb_put_be32(b, NFTA_NAT_TYPE, type);
	nlb_put_be32(b, NFTA_NAT_FAMILY, nfproto);
	if (reg_addr) {
		nlb_put_be32(b, NFTA_NAT_REG_ADDR_MIN, reg_addr);
		flags |= NF_NAT_RANGE_MAP_IPS;
	}
	if (reg_proto) {
		nlb_put_be32(b, NFTA_NAT_REG_PROTO_MIN, reg_proto);
		flags |= NF_NAT_RANGE_PROTO_SPECIFIED;
	}
	if (flags)
		nlb_put_be32(b, NFTA_NAT_FLAGS, flags);
	expr_end(b, e);
}

void nft_expr_masq(struct nlbuf *b)
{
	struct expr_pos e = expr_begin(b, "masq");

	expr_end(b, e);
}

void nft_expr_fib(struct nlbuf *b, uint32_t result, uint32_t flags,
		  uint32_t dreg)
{
	struct expr_pos e = expr_begin(b, "fib");

	nlb_put_be32(b, NFTA_FIB_DREG, dreg);
	nlb_put_be32(b, NFTA_FIB_RESULT, result);
	nlb_put_be32(b, NFTA_FIB_FLAGS, flags);
	expr_end(b, e);
}

void nft_expr_rt(struct nlbuf *b, uint32_t key, uint32_t dreg)
{
	struct expr_pos e = expr_begin(b, "rt");

	nlb_put_be32(b, NFTA_RT_DREG, dreg);
	nlb_put_be32(b, NFTA_RT_KEY, key);
	expr_end(b, e);
}

void nft_expr_byteorder(struct nlbuf *b, uint32_t op, uint32_t reg,
			uint32_t len, uint32_t size)
{
	struct expr_pos e = expr_begin(b, "byteorder");

	nlb_put_be32(b, NFTA_BYTEORDER_SREG, reg);
	nlb_put_be32(b, NFTA_BYTEORDER_DREG, reg);
	nlb_put_be32(b, NFTA_BYTEORDER_OP, op);
	nlb_put_be32(b, NFTA_BYTEORDER_LEN, len);
	nlb_put_be32(b, NFTA_BYTEORDER_SIZE, size);
	expr_end(b, e);
}

/* The kernel picks load or set by which register is given (both: error),
 * and refuses NFTA_EXTHDR_FLAGS on a set. */
static void exthdr(struct nlbuf *b, uint32_t reg_attr, uint32_t op,
		   uint8_t type, uint32_t offset, uint32_t len, uint32_t reg)
{
	struct expr_pos e = expr_begin(b, "exthdr");

	nlb_put_be32(b, reg_attr, reg);
	nlb_put_u8(b, NFTA_EXTHDR_TYPE, type);
	nlb_put_be32(b, NFTA_EXTHDR_OFFSET, offset);
	nlb_put_be32(b, NFTA_EXTHDR_LEN, len);
	nlb_put_be32(b, NFTA_EXTHDR_OP, op);
	expr_end(b, e);
}

void nft_expr_exthdr_load(struct nlbuf *b, uint32_t op, uint8_t type,
			  uint32_t offset, uint32_t len, uint32_t dreg)
{
	exthdr(b, NFTA_EXTHDR_DREG, op, type, offset, len, dreg);
}

void nft_expr_exthdr_set(struct nlbuf *b, uint32_t op, uint8_t type,
			 uint32_t offset, uint32_t len, uint32_t sreg)
{
	exthdr(b, NFTA_EXTHDR_SREG, op, type, offset, len, sreg);
}

void nft_match_daddr_local(struct nlbuf *b)
{
	uint32_t local = RTN_LOCAL;	/* host order, as fib stores it */

	nft_expr_fib(b, NFT_FIB_RESULT_ADDRTYPE, NFTA_FIB_F_DADDR, NFT_REG_1);
	nft_expr_cmp(b, NFT_CMP_EQ, NFT_REG_1, &local, sizeof(local));
}

void nft_match_meta_u8(struct nlbuf *b, uint32_t key, uint8_t value)
{
	nft_expr_meta(b, key, NFT_REG_1);
	nft_expr_cmp(b, NFT_CMP_EQ, NFT_REG_1, &value, 1);
}

void nft_match_ifname(struct nlbuf *b, uint32_t key, const char *name)
{
	char padded[IF_NAMESIZE] = { 0 };

	strncpy(padded, name, sizeof(padded) - 1);
	nft_expr_meta(b, key, NFT_REG_1);
	nft_expr_cmp(b, NFT_CMP_EQ, NFT_REG_1, padded, sizeof(padded));
}

void nft_match_ct_state(struct nlbuf *b, uint32_t bits)
{
	uint32_t zero = 0;

	/* The register holds the state in host order, like the kernel. */
	nft_expr_ct(b, NFT_CT_STATE, NFT_REG_1);
	nft_expr_bitwise(b, NFT_REG_1, &bits, &zero, sizeof(bits));
	nft_expr_cmp(b, NFT_CMP_NEQ, NFT_REG_1, &zero, sizeof(zero));
}

void nft_match_payload(struct nlbuf *b, uint32_t base, uint32_t offset,
		       const void *data, size_t len)
{
	nft_expr_payload(b, base, offset, (uint32_t)len, NFT_REG_1);
	nft_expr_cmp(b, NFT_CMP_EQ, NFT_REG_1, data, len);
}
