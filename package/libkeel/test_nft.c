/* Unit tests for nft.c: the nf_tables messages carry the attributes the
 * kernel expects, in its byte order; everything built parses back. */
#include <stdint.h>
#include <string.h>
#include <arpa/inet.h>

#include "check.h"
#include "keel/nft.h"

static uint8_t mem[8192] __attribute__((aligned(4)));

static struct nlmsg_view only_msg(const struct nlbuf *b, size_t *off)
{
	struct nlmsg_view m;

	memset(&m, 0, sizeof(m));
	CHECK_EQ_INT(nlmsg_next(b->data, b->len, off, &m), 1);
	return m;
}

static uint32_t be32(const struct nla_view *a)
{
	uint32_t v = 0;

	CHECK_EQ_INT(nla_get_be32(a, &v), 0);
	return v;
}

static void test_batch_and_table(void)
{
	struct nlbuf b;
	struct nlmsg_view m;
	struct nla_view tb[NFTA_TABLE_MAX + 1];
	struct nfgenmsg g;
	size_t off = 0;
	char name[16];

	nlb_init(&b, mem, sizeof(mem));
	nft_batch_begin(&b, 10);
	nft_table(&b, NFT_MSG_NEWTABLE, NLM_F_CREATE | NLM_F_ACK, 11,
		  NFPROTO_INET, "keel", 0);
	nft_batch_end(&b, 12);
	CHECK(nlb_ok(&b));

	m = only_msg(&b, &off);
	CHECK_EQ_UINT(m.hdr.nlmsg_type, NFNL_MSG_BATCH_BEGIN);
	CHECK_EQ_UINT(m.hdr.nlmsg_seq, 10);
	memcpy(&g, m.payload, sizeof(g));
	CHECK_EQ_UINT(ntohs(g.res_id), NFNL_SUBSYS_NFTABLES);

	m = only_msg(&b, &off);
	CHECK_EQ_UINT(m.hdr.nlmsg_type, 0x0a00);	/* nftables << 8 | NEWTABLE */
	CHECK_EQ_UINT(m.hdr.nlmsg_flags,
		      NLM_F_REQUEST | NLM_F_CREATE | NLM_F_ACK);
	memcpy(&g, m.payload, sizeof(g));
	CHECK_EQ_UINT(g.nfgen_family, NFPROTO_INET);
	CHECK_EQ_UINT(g.version, NFNETLINK_V0);
	CHECK_EQ_INT(nlmsg_parse(&m, sizeof(g), tb, NFTA_TABLE_MAX), 0);
	CHECK(nla_get_str(&tb[NFTA_TABLE_NAME], name, sizeof(name)) == 0);
	CHECK_STR(name, "keel");
	CHECK_EQ_UINT(be32(&tb[NFTA_TABLE_FLAGS]), 0);

	m = only_msg(&b, &off);
	CHECK_EQ_UINT(m.hdr.nlmsg_type, NFNL_MSG_BATCH_END);
	CHECK_EQ_UINT(off, b.len);
}

static void test_chain(void)
{
	struct nlbuf b;
	struct nlmsg_view m;
	struct nla_view tb[NFTA_CHAIN_MAX + 1], hk[NFTA_HOOK_MAX + 1];
	struct nft_hook h = { "nat", NF_INET_PRE_ROUTING, -100, NF_ACCEPT };
	size_t off = 0;
	char s[16];

	nlb_init(&b, mem, sizeof(mem));
	nft_chain(&b, NFT_MSG_NEWCHAIN, NLM_F_CREATE, 5, NFPROTO_INET, "keel",
		  "prerouting", &h);
	m = only_msg(&b, &off);
	CHECK_EQ_UINT(m.hdr.nlmsg_type, NFT_TYPE(NFT_MSG_NEWCHAIN));
	CHECK_EQ_INT(nlmsg_parse(&m, sizeof(struct nfgenmsg), tb,
				 NFTA_CHAIN_MAX), 0);
	CHECK(nla_get_str(&tb[NFTA_CHAIN_TYPE], s, sizeof(s)) == 0);
	CHECK_STR(s, "nat");
	CHECK_EQ_UINT(be32(&tb[NFTA_CHAIN_POLICY]), NF_ACCEPT);
	CHECK_EQ_INT(nla_parse(tb[NFTA_CHAIN_HOOK].data,
			       tb[NFTA_CHAIN_HOOK].len, hk, NFTA_HOOK_MAX), 0);
	CHECK_EQ_UINT(be32(&hk[NFTA_HOOK_HOOKNUM]), NF_INET_PRE_ROUTING);
	CHECK_EQ_INT((int32_t)be32(&hk[NFTA_HOOK_PRIORITY]), -100);

	/* A regular chain has no hook, type or policy. */
	nlb_init(&b, mem, sizeof(mem));
	off = 0;
	nft_chain(&b, NFT_MSG_NEWCHAIN, 0, 6, NFPROTO_INET, "keel", "zone",
		  NULL);
	m = only_msg(&b, &off);
	CHECK_EQ_INT(nlmsg_parse(&m, sizeof(struct nfgenmsg), tb,
				 NFTA_CHAIN_MAX), 0);
	CHECK(!tb[NFTA_CHAIN_HOOK].data && !tb[NFTA_CHAIN_TYPE].data &&
	      !tb[NFTA_CHAIN_POLICY].data);
}

static void test_set_and_element(void)
{
	struct nlbuf b;
	struct nlmsg_view m;
	struct nla_view tb[NFTA_SET_ELEM_LIST_MAX + 1], st[NFTA_SET_MAX + 1];
	struct nla_view el[NFTA_SET_ELEM_MAX + 1], key[NFTA_DATA_MAX + 1];
	struct nla_view a;
	struct nft_set_desc s = {
		.name = "banned4", .set_id = 1, .key_type = NFT_DATATYPE_IPADDR,
		.key_len = 4, .flags = NFT_SET_TIMEOUT, .timeout_ms = 3600000,
	};
	const uint8_t addr[4] = { 192, 0, 2, 1 };
	size_t off = 0, loff = 0;
	uint64_t t;

	nlb_init(&b, mem, sizeof(mem));
	nft_set(&b, NFT_MSG_NEWSET, NLM_F_CREATE, 1, NFPROTO_INET, "keel", &s);
	nft_setelem(&b, NFT_MSG_NEWSETELEM, NLM_F_CREATE, 2, NFPROTO_INET,
		    "keel", "banned4", addr, 4, 30000);
	m = only_msg(&b, &off);
	CHECK_EQ_INT(nlmsg_parse(&m, sizeof(struct nfgenmsg), st,
				 NFTA_SET_MAX), 0);
	CHECK_EQ_UINT(be32(&st[NFTA_SET_FLAGS]), NFT_SET_TIMEOUT);
	CHECK_EQ_UINT(be32(&st[NFTA_SET_KEY_TYPE]), 7);
	CHECK_EQ_UINT(be32(&st[NFTA_SET_KEY_LEN]), 4);
	CHECK_EQ_UINT(be32(&st[NFTA_SET_ID]), 1);
	CHECK(nla_get_be64(&st[NFTA_SET_TIMEOUT], &t) == 0 && t == 3600000);

	m = only_msg(&b, &off);
	CHECK_EQ_UINT(m.hdr.nlmsg_type, NFT_TYPE(NFT_MSG_NEWSETELEM));
	CHECK_EQ_INT(nlmsg_parse(&m, sizeof(struct nfgenmsg), tb,
				 NFTA_SET_ELEM_LIST_MAX), 0);
	CHECK_EQ_INT(nla_next(tb[NFTA_SET_ELEM_LIST_ELEMENTS].data,
			      tb[NFTA_SET_ELEM_LIST_ELEMENTS].len, &loff, &a), 1);
	CHECK_EQ_UINT(a.type, NFTA_LIST_ELEM);
	CHECK_EQ_INT(nla_parse(a.data, a.len, el, NFTA_SET_ELEM_MAX), 0);
	CHECK(nla_get_be64(&el[NFTA_SET_ELEM_TIMEOUT], &t) == 0 && t == 30000);
	CHECK_EQ_INT(nla_parse(el[NFTA_SET_ELEM_KEY].data,
			       el[NFTA_SET_ELEM_KEY].len, key, NFTA_DATA_MAX), 0);
	CHECK_MEM(key[NFTA_DATA_VALUE].data, key[NFTA_DATA_VALUE].len, addr, 4);
}

/* Walks a rule's expressions; returns how many, names in order. */
static unsigned rule_exprs(const struct nla_view *list, char names[][16],
			   struct nla_view data[], unsigned max)
{
	struct nla_view a, e[NFTA_EXPR_MAX + 1];
	size_t off = 0;
	unsigned n = 0;

	while (nla_next(list->data, list->len, &off, &a) > 0 && n < max) {
		CHECK_EQ_INT(nla_parse(a.data, a.len, e, NFTA_EXPR_MAX), 0);
		CHECK(nla_get_str(&e[NFTA_EXPR_NAME], names[n], 16) == 0);
		data[n++] = e[NFTA_EXPR_DATA];
	}
	return n;
}

static void test_rule(void)
{
	struct nlbuf b;
	struct nlmsg_view m;
	struct nla_view tb[NFTA_RULE_MAX + 1], data[16], x[16], d[4], v[4];
	struct nft_rule_pos pos;
	char names[16][16];
	size_t off = 0;
	unsigned n;
	char ifname[16] = "wan0";

	nlb_init(&b, mem, sizeof(mem));
	pos = nft_rule_begin(&b, NLM_F_ACK, 9, NFPROTO_INET, "keel", "input");
	nft_match_ifname(&b, NFT_META_IIFNAME, "wan0");
	nft_match_ct_state(&b, NF_CT_STATE_BIT(IP_CT_ESTABLISHED));
	nft_expr_limit(&b, 10, 1, 5);
	nft_expr_counter(&b);
	nft_expr_verdict(&b, NFT_JUMP, "input_wan");
	nft_rule_end(&b, pos, "hello");
	CHECK(nlb_ok(&b));

	m = only_msg(&b, &off);
	CHECK_EQ_UINT(m.hdr.nlmsg_flags, NLM_F_REQUEST | NLM_F_CREATE |
		      NLM_F_APPEND | NLM_F_ACK);
	CHECK_EQ_INT(nlmsg_parse(&m, sizeof(struct nfgenmsg), tb,
				 NFTA_RULE_MAX), 0);
	n = rule_exprs(&tb[NFTA_RULE_EXPRESSIONS], names, data, 16);
	CHECK_EQ_UINT(n, 8);
	CHECK_STR(names[0], "meta");
	CHECK_STR(names[1], "cmp");
	CHECK_STR(names[2], "ct");
	CHECK_STR(names[3], "bitwise");
	CHECK_STR(names[4], "cmp");
	CHECK_STR(names[5], "limit");
	CHECK_STR(names[6], "counter");
	CHECK_STR(names[7], "immediate");

	CHECK_EQ_INT(nla_parse(data[0].data, data[0].len, x, NFTA_META_MAX), 0);
	CHECK_EQ_UINT(be32(&x[NFTA_META_KEY]), NFT_META_IIFNAME);
	CHECK_EQ_UINT(be32(&x[NFTA_META_DREG]), NFT_REG_1);
	/* interface names compare all 16 bytes, zero padded */
	CHECK_EQ_INT(nla_parse(data[1].data, data[1].len, x, NFTA_CMP_MAX), 0);
	CHECK_EQ_UINT(be32(&x[NFTA_CMP_OP]), NFT_CMP_EQ);
	CHECK_EQ_INT(nla_parse(x[NFTA_CMP_DATA].data, x[NFTA_CMP_DATA].len, d,
			       NFTA_DATA_MAX), 0);
	CHECK_MEM(d[NFTA_DATA_VALUE].data, d[NFTA_DATA_VALUE].len, ifname, 16);
	/* ct state mask is in host order, as the kernel keeps it */
	CHECK_EQ_INT(nla_parse(data[3].data, data[3].len, x,
			       NFTA_BITWISE_MAX), 0);
	CHECK_EQ_UINT(be32(&x[NFTA_BITWISE_LEN]), 4);
	CHECK_EQ_INT(nla_parse(x[NFTA_BITWISE_MASK].data,
			       x[NFTA_BITWISE_MASK].len, d, NFTA_DATA_MAX), 0);
	{
		uint32_t mask;

		CHECK_EQ_INT(nla_get_u32(&d[NFTA_DATA_VALUE], &mask), 0);
		CHECK_EQ_UINT(mask, NF_CT_STATE_BIT(IP_CT_ESTABLISHED));
	}
	CHECK_EQ_INT(nla_parse(data[5].data, data[5].len, x, NFTA_LIMIT_MAX), 0);
	{
		uint64_t rate = 0, unit = 0;

		CHECK(nla_get_be64(&x[NFTA_LIMIT_RATE], &rate) == 0 && rate == 10);
		CHECK(nla_get_be64(&x[NFTA_LIMIT_UNIT], &unit) == 0 && unit == 1);
		CHECK_EQ_UINT(be32(&x[NFTA_LIMIT_BURST]), 5);
	}
	/* verdict: immediate to the verdict register, jump + chain */
	CHECK_EQ_INT(nla_parse(data[7].data, data[7].len, x,
			       NFTA_IMMEDIATE_MAX), 0);
	CHECK_EQ_UINT(be32(&x[NFTA_IMMEDIATE_DREG]), NFT_REG_VERDICT);
	CHECK_EQ_INT(nla_parse(x[NFTA_IMMEDIATE_DATA].data,
			       x[NFTA_IMMEDIATE_DATA].len, d, NFTA_DATA_MAX), 0);
	CHECK_EQ_INT(nla_parse(d[NFTA_DATA_VERDICT].data,
			       d[NFTA_DATA_VERDICT].len, v, NFTA_VERDICT_MAX), 0);
	CHECK_EQ_INT((int32_t)be32(&v[NFTA_VERDICT_CODE]), NFT_JUMP);
	{
		char chain[16];

		CHECK(nla_get_str(&v[NFTA_VERDICT_CHAIN], chain,
				  sizeof(chain)) == 0);
		CHECK_STR(chain, "input_wan");
	}
	/* nft's comment TLV: type 0, length with NUL, text */
	CHECK_MEM(tb[NFTA_RULE_USERDATA].data, tb[NFTA_RULE_USERDATA].len,
		  "\0\6hello\0", 8);
}

static void test_nat_payload(void)
{
	struct nlbuf b;
	struct nlmsg_view m;
	struct nla_view tb[NFTA_RULE_MAX + 1], data[16], x[16];
	struct nft_rule_pos pos;
	char names[16][16];
	size_t off = 0;
	unsigned n;
	uint16_t port = htons(8080);

	nlb_init(&b, mem, sizeof(mem));
	pos = nft_rule_begin(&b, 0, 1, NFPROTO_INET, "keel", "prerouting");
	nft_match_payload(&b, NFT_PAYLOAD_TRANSPORT_HEADER, 2, &port, 2);
	nft_expr_nat(&b, NFT_NAT_DNAT, NFPROTO_IPV6, NFT_REG_1, NFT_REG_2);
	nft_expr_masq(&b);
	nft_expr_reject(&b, NFT_REJECT_ICMPX_UNREACH, NFT_REJECT_ICMPX_ADMIN_PROHIBITED);
	nft_expr_log(&b, "keel: ");
	nft_expr_lookup(&b, "banned6", 2, NFT_REG_1);
	nft_match_daddr_local(&b);
	nft_rule_end(&b, pos, NULL);
	CHECK(nlb_ok(&b));
	m = only_msg(&b, &off);
	CHECK_EQ_INT(nlmsg_parse(&m, sizeof(struct nfgenmsg), tb,
				 NFTA_RULE_MAX), 0);
	CHECK(tb[NFTA_RULE_USERDATA].data == NULL);
	n = rule_exprs(&tb[NFTA_RULE_EXPRESSIONS], names, data, 16);
	CHECK_EQ_UINT(n, 9);
	CHECK_STR(names[7], "fib");
	CHECK_EQ_INT(nla_parse(data[7].data, data[7].len, x, NFTA_FIB_MAX), 0);
	CHECK_EQ_UINT(be32(&x[NFTA_FIB_RESULT]), NFT_FIB_RESULT_ADDRTYPE);
	CHECK_EQ_UINT(be32(&x[NFTA_FIB_FLAGS]), NFTA_FIB_F_DADDR);
	CHECK_EQ_INT(nla_parse(data[0].data, data[0].len, x, NFTA_PAYLOAD_MAX), 0);
	CHECK_EQ_UINT(be32(&x[NFTA_PAYLOAD_BASE]), NFT_PAYLOAD_TRANSPORT_HEADER);
	CHECK_EQ_UINT(be32(&x[NFTA_PAYLOAD_OFFSET]), 2);
	CHECK_EQ_UINT(be32(&x[NFTA_PAYLOAD_LEN]), 2);
	CHECK_STR(names[2], "nat");
	CHECK_EQ_INT(nla_parse(data[2].data, data[2].len, x, NFTA_NAT_MAX), 0);
	CHECK_EQ_UINT(be32(&x[NFTA_NAT_TYPE]), NFT_NAT_DNAT);
	CHECK_EQ_UINT(be32(&x[NFTA_NAT_FAMILY]), NFPROTO_IPV6);
	CHECK_EQ_UINT(be32(&x[NFTA_NAT_REG_ADDR_MIN]), NFT_REG_1);
	CHECK_EQ_UINT(be32(&x[NFTA_NAT_REG_PROTO_MIN]), NFT_REG_2);
	CHECK(x[NFTA_NAT_FLAGS].data != NULL);
	CHECK_STR(names[3], "masq");
	CHECK_STR(names[4], "reject");
	CHECK_EQ_INT(nla_parse(data[4].data, data[4].len, x, NFTA_REJECT_MAX), 0);
	CHECK_EQ_UINT(be32(&x[NFTA_REJECT_TYPE]), NFT_REJECT_ICMPX_UNREACH);
	CHECK_STR(names[5], "log");
	CHECK_STR(names[6], "lookup");
	CHECK_EQ_INT(nla_parse(data[6].data, data[6].len, x, NFTA_LOOKUP_MAX), 0);
	CHECK_EQ_UINT(be32(&x[NFTA_LOOKUP_SET_ID]), 2);
}

/* MSS clamping: rt tcpmss, its byte swap, and the TCP option's load and
 * set, laid out as nft(8) sends `tcp option maxseg size set rt mtu`. */
static void test_tcp_option(void)
{
	struct nlbuf b;
	struct nlmsg_view m;
	struct nla_view tb[NFTA_RULE_MAX + 1], data[16], x[16];
	struct nft_rule_pos pos;
	char names[16][16];
	size_t off = 0;
	uint8_t type = 0;

	nlb_init(&b, mem, sizeof(mem));
	pos = nft_rule_begin(&b, 0, 3, NFPROTO_INET, "keel", "mangle");
	nft_expr_exthdr_load(&b, NFT_EXTHDR_OP_TCPOPT, 2, 2, 2, NFT_REG_1);
	nft_expr_rt(&b, NFT_RT_TCPMSS, NFT_REG_1);
	nft_expr_byteorder(&b, NFT_BYTEORDER_HTON, NFT_REG_1, 2, 2);
	nft_expr_exthdr_set(&b, NFT_EXTHDR_OP_TCPOPT, 2, 2, 2, NFT_REG_1);
	nft_rule_end(&b, pos, NULL);
	CHECK(nlb_ok(&b));
	m = only_msg(&b, &off);
	CHECK_EQ_INT(nlmsg_parse(&m, sizeof(struct nfgenmsg), tb,
				 NFTA_RULE_MAX), 0);
	CHECK_EQ_UINT(rule_exprs(&tb[NFTA_RULE_EXPRESSIONS], names, data, 16),
		      4);
	CHECK_STR(names[0], "exthdr");
	CHECK_STR(names[1], "rt");
	CHECK_STR(names[2], "byteorder");
	CHECK_STR(names[3], "exthdr");

	CHECK_EQ_INT(nla_parse(data[0].data, data[0].len, x, NFTA_EXTHDR_MAX), 0);
	CHECK_EQ_UINT(be32(&x[NFTA_EXTHDR_DREG]), NFT_REG_1);
	CHECK(x[NFTA_EXTHDR_SREG].data == NULL);
	CHECK(nla_get_u8(&x[NFTA_EXTHDR_TYPE], &type) == 0 && type == 2);
	CHECK_EQ_UINT(be32(&x[NFTA_EXTHDR_OFFSET]), 2);
	CHECK_EQ_UINT(be32(&x[NFTA_EXTHDR_LEN]), 2);
	CHECK_EQ_UINT(be32(&x[NFTA_EXTHDR_OP]), NFT_EXTHDR_OP_TCPOPT);
	/* the kernel refuses flags on a set, and a load without them
	 * simply does not match when the option is absent */
	CHECK(x[NFTA_EXTHDR_FLAGS].data == NULL);

	CHECK_EQ_INT(nla_parse(data[1].data, data[1].len, x, NFTA_RT_MAX), 0);
	CHECK_EQ_UINT(be32(&x[NFTA_RT_KEY]), NFT_RT_TCPMSS);
	CHECK_EQ_UINT(be32(&x[NFTA_RT_DREG]), NFT_REG_1);

	CHECK_EQ_INT(nla_parse(data[2].data, data[2].len, x,
			       NFTA_BYTEORDER_MAX), 0);
	CHECK_EQ_UINT(be32(&x[NFTA_BYTEORDER_OP]), NFT_BYTEORDER_HTON);
	CHECK_EQ_UINT(be32(&x[NFTA_BYTEORDER_SREG]), NFT_REG_1);
	CHECK_EQ_UINT(be32(&x[NFTA_BYTEORDER_DREG]), NFT_REG_1);
	CHECK_EQ_UINT(be32(&x[NFTA_BYTEORDER_LEN]), 2);
	CHECK_EQ_UINT(be32(&x[NFTA_BYTEORDER_SIZE]), 2);

	CHECK_EQ_INT(nla_parse(data[3].data, data[3].len, x, NFTA_EXTHDR_MAX), 0);
	CHECK_EQ_UINT(be32(&x[NFTA_EXTHDR_SREG]), NFT_REG_1);
	CHECK(x[NFTA_EXTHDR_DREG].data == NULL);
	CHECK(x[NFTA_EXTHDR_FLAGS].data == NULL);
	CHECK_EQ_UINT(be32(&x[NFTA_EXTHDR_OP]), NFT_EXTHDR_OP_TCPOPT);
}

static void test_too_small(void)
{
	struct nlbuf b;
	struct nft_rule_pos pos;

	nlb_init(&b, mem, 100);
	pos = nft_rule_begin(&b, 0, 1, NFPROTO_INET, "keel", "input");
	nft_expr_counter(&b);
	nft_expr_verdict(&b, NF_DROP, NULL);
	nft_rule_end(&b, pos, "too long for 100 bytes");
	CHECK(!nlb_ok(&b));
	CHECK(b.len <= 100);
}

int main(void)
{
	test_batch_and_table();
	test_chain();
	test_set_and_element();
	test_rule();
	test_nat_payload();
	test_tcp_option();
	test_too_small();
	return check_done();
}
