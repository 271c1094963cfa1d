/*
 * dump.c - parse nf_tables dump replies (chains, rules, set elements).
 */
#include <stdio.h>
#include <string.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <arpa/inet.h>
#include <linux/netfilter/nf_conntrack_common.h>
#include <linux/netfilter.h>
#include <linux/netfilter/nfnetlink.h>
#include <linux/netfilter/nf_tables.h>
#include <keel/nft.h>

#include "dump.h"

#define NFGEN_LEN sizeof(struct nfgenmsg)

static int is_nft(const struct nlmsg_view *m, uint16_t msg)
{
	return m->hdr.nlmsg_type == NFT_TYPE(msg);
}

int fw_chain_parse(const struct nlmsg_view *m, struct fw_chain_info *c)
{
	struct nla_view tb[NFTA_CHAIN_MAX + 1], hk[NFTA_HOOK_MAX + 1];
	uint32_t prio;

	memset(c, 0, sizeof(*c));
	if (!is_nft(m, NFT_MSG_NEWCHAIN) ||
	    nlmsg_parse(m, NFGEN_LEN, tb, NFTA_CHAIN_MAX) < 0 ||
	    nla_get_str(&tb[NFTA_CHAIN_TABLE], c->table, sizeof(c->table)) < 0 ||
	    nla_get_str(&tb[NFTA_CHAIN_NAME], c->name, sizeof(c->name)) < 0)
		return -1;
	if (!tb[NFTA_CHAIN_HOOK].data)
		return 0;
	if (nla_parse(tb[NFTA_CHAIN_HOOK].data, tb[NFTA_CHAIN_HOOK].len, hk,
		      NFTA_HOOK_MAX) < 0 ||
	    nla_get_be32(&hk[NFTA_HOOK_HOOKNUM], &c->hooknum) < 0 ||
	    nla_get_be32(&hk[NFTA_HOOK_PRIORITY], &prio) < 0)
		return -1;
	c->priority = (int32_t)prio;
	c->has_hook = 1;
	if (nla_get_be32(&tb[NFTA_CHAIN_POLICY], &c->policy) < 0)
		c->policy = NF_ACCEPT;
	if (nla_get_str(&tb[NFTA_CHAIN_TYPE], c->type, sizeof(c->type)) < 0)
		c->type[0] = '\0';
	return 0;
}

static void append(char *buf, size_t size, const char *s)
{
	size_t used = strnlen(buf, size);

	if (used + 1 < size)
		snprintf(buf + used, size - used, "%s", s);
}

/* The immediate expression's verdict, if it holds one. */
static void parse_verdict(const struct nla_view *data, char *out,
			  size_t size)
{
	struct nla_view im[NFTA_IMMEDIATE_MAX + 1], d[NFTA_DATA_MAX + 1];
	struct nla_view v[NFTA_VERDICT_MAX + 1];
	char chain[64];
	uint32_t code;

	if (nla_parse(data->data, data->len, im, NFTA_IMMEDIATE_MAX) < 0 ||
	    !im[NFTA_IMMEDIATE_DATA].data ||
	    nla_parse(im[NFTA_IMMEDIATE_DATA].data, im[NFTA_IMMEDIATE_DATA].len,
		      d, NFTA_DATA_MAX) < 0 || !d[NFTA_DATA_VERDICT].data ||
	    nla_parse(d[NFTA_DATA_VERDICT].data, d[NFTA_DATA_VERDICT].len, v,
		      NFTA_VERDICT_MAX) < 0 ||
	    nla_get_be32(&v[NFTA_VERDICT_CODE], &code) < 0)
		return;
	if (nla_get_str(&v[NFTA_VERDICT_CHAIN], chain, sizeof(chain)) < 0)
		chain[0] = '\0';
	switch ((int32_t)code) {
	case NF_ACCEPT: snprintf(out, size, "accept"); break;
	case NF_DROP: snprintf(out, size, "drop"); break;
	case NFT_JUMP: snprintf(out, size, "jump %s", chain); break;
	case NFT_GOTO: snprintf(out, size, "goto %s", chain); break;
	case NFT_RETURN: snprintf(out, size, "return"); break;
	default: snprintf(out, size, "verdict %d", (int32_t)code); break;
	}
}

static int parse_counter(const struct nla_view *data, struct fw_rule_info *r)
{
	struct nla_view c[NFTA_COUNTER_MAX + 1];

	if (nla_parse(data->data, data->len, c, NFTA_COUNTER_MAX) < 0 ||
	    nla_get_be64(&c[NFTA_COUNTER_PACKETS], &r->packets) < 0 ||
	    nla_get_be64(&c[NFTA_COUNTER_BYTES], &r->bytes) < 0)
		return -1;
	r->has_counter = 1;
	return 0;
}


/* ---- describing matches ---- */

/* What a register holds, as far as the describer knows. */
enum reg_kind { REG_NONE, REG_META, REG_PAYLOAD, REG_CT, REG_FIB, REG_DATA,
		REG_RT, REG_EXTHDR };

struct reg {
	enum reg_kind kind;
	uint32_t key;		/* meta/ct/rt key, exthdr type */
	uint32_t base, offset, len;	/* payload; exthdr: base is the op;
					 * fib: key the result, base flags */
	uint32_t mask;		/* after bitwise, 0 if none */
	uint8_t data[16];	/* immediate data */
	size_t data_len;
};

#define REGS 32

struct describe {
	struct reg reg[REGS];
	uint8_t nfproto;	/* from a meta nfproto match, 0 unknown */
	uint8_t l4;		/* from a meta l4proto match */
	char nat_to[64];	/* "to ADDR:PORT" of a nat expression */
};

static int get_data(const struct nla_view *nest, uint8_t *out, size_t *len)
{
	struct nla_view d[NFTA_DATA_MAX + 1];

	if (!nest->data || nla_parse(nest->data, nest->len, d, NFTA_DATA_MAX) < 0 ||
	    !d[NFTA_DATA_VALUE].data || d[NFTA_DATA_VALUE].len > 16)
		return -1;
	memcpy(out, d[NFTA_DATA_VALUE].data, d[NFTA_DATA_VALUE].len);
	*len = d[NFTA_DATA_VALUE].len;
	return 0;
}

static struct reg *reg_at(struct describe *ds, const struct nla_view *a)
{
	uint32_t n;

	if (nla_get_be32(a, &n) < 0)
		return NULL;
	return &ds->reg[n % REGS];
}

static const char *l4_name(uint8_t p)
{
	switch (p) {
	case IPPROTO_TCP: return "tcp";
	case IPPROTO_UDP: return "udp";
	case IPPROTO_ICMP: return "icmp";
	case IPPROTO_ICMPV6: return "icmpv6";
	/* DS-Lite's IPv4-in-IPv6; nft's name (/etc/protocols) */
	case IPPROTO_IPIP: return "ipencap";
	default: return NULL;
	}
}

static void addr_text(const uint8_t *v, size_t len, char *buf, size_t size)
{
	char a[INET6_ADDRSTRLEN];

	if ((len == 4 && inet_ntop(AF_INET, v, a, sizeof(a))) ||
	    (len == 16 && inet_ntop(AF_INET6, v, a, sizeof(a))))
		snprintf(buf, size, "%s", a);
	else
		snprintf(buf, size, "?");
}

/* The MSS field of the TCP maxseg option (kind 2, 2 bytes at 2). */
static int is_tcp_mss(const struct reg *g)
{
	return g->kind == REG_EXTHDR && g->base == NFT_EXTHDR_OP_TCPOPT &&
		g->key == 2 && g->offset == 2 && g->len == 2;
}

static int is_tcp_flags(const struct reg *g)
{
	return g->kind == REG_PAYLOAD &&
		g->base == NFT_PAYLOAD_TRANSPORT_HEADER && g->offset == 13 &&
		g->len == 1;
}

/* nft's names for TCP flag bits, comma-separated. */
static void tcp_flags_text(uint8_t v, char *buf, size_t size)
{
	static const char *const names[8] = {
		"fin", "syn", "rst", "psh", "ack", "urg", "ecn", "cwr",
	};

	buf[0] = '\0';
	for (int i = 0; i < 8; i++) {
		if (!(v & (1u << i)))
			continue;
		if (buf[0])
			append(buf, size, ",");
		append(buf, size, names[i]);
	}
	if (!buf[0])
		snprintf(buf, size, "0x0");
}

/* "source" words for a register: iifname, tcp dport, ip saddr, ... */
static void source_text(const struct describe *ds, const struct reg *g,
			char *buf, size_t size)
{
	const char *l4 = l4_name(ds->l4);
	const char *ip = g->len == 16 ? "ip6" : "ip";

	buf[0] = '\0';
	if (g->kind == REG_META) {
		snprintf(buf, size, "%s", g->key == NFT_META_IIFNAME ? "iifname" :
			 g->key == NFT_META_OIFNAME ? "oifname" :
			 g->key == NFT_META_NFPROTO ? "nfproto" :
			 g->key == NFT_META_L4PROTO ? "l4proto" : "meta");
	} else if (g->kind == REG_PAYLOAD &&
		   g->base == NFT_PAYLOAD_NETWORK_HEADER) {
		int v6 = g->len == 16;

		snprintf(buf, size, "%s %s", ip,
			 g->offset == (v6 ? 8u : 12u) ? "saddr" :
			 g->offset == (v6 ? 24u : 16u) ? "daddr" : "header");
	} else if (g->kind == REG_PAYLOAD &&
		   g->base == NFT_PAYLOAD_TRANSPORT_HEADER) {
		const char *field = g->offset == 0 && g->len == 2 ? "sport" :
			g->offset == 2 && g->len == 2 ? "dport" :
			g->offset == 0 && g->len == 1 ? "type" :
			is_tcp_flags(g) ? "flags" : "header";

		/* The protocol word came with the l4proto match. */
		snprintf(buf, size, "%s%s", l4 ? "" : "th ", field);
	} else if (g->kind == REG_CT) {
		snprintf(buf, size, "ct %s", g->key == NFT_CT_STATE ? "state" :
			 g->key == NFT_CT_STATUS ? "status" : "key");
	} else if (g->kind == REG_FIB) {
		/* nft's words: fib saddr . iif oif, fib daddr type */
		snprintf(buf, size, "fib %s%s%s%s %s",
			 g->base & NFTA_FIB_F_SADDR ? "saddr" : "daddr",
			 g->base & NFTA_FIB_F_MARK ? " . mark" : "",
			 g->base & NFTA_FIB_F_IIF ? " . iif" : "",
			 g->base & NFTA_FIB_F_OIF ? " . oif" : "",
			 g->key == NFT_FIB_RESULT_OIF ? "oif" :
			 g->key == NFT_FIB_RESULT_OIFNAME ? "oifname" :
			 g->key == NFT_FIB_RESULT_ADDRTYPE ? "type" : "?");
	} else if (g->kind == REG_EXTHDR) {
		snprintf(buf, size, "%s", is_tcp_mss(g) ?
			 "tcp option maxseg size" : "exthdr");
	} else if (g->kind == REG_RT) {
		snprintf(buf, size, "rt %s", g->key == NFT_RT_TCPMSS ? "mtu" :
			 "key");
	} else {
		snprintf(buf, size, "reg");
	}
}

static void value_text(const struct describe *ds, const struct reg *g,
		       const uint8_t *v, size_t len, char *buf, size_t size)
{
	uint32_t u32 = 0;

	if (len == 4)
		memcpy(&u32, v, 4);
	if (g->kind == REG_META && (g->key == NFT_META_IIFNAME ||
				    g->key == NFT_META_OIFNAME)) {
		size_t n = strnlen((const char *)v, len);
		char name[17];

		memcpy(name, v, n);
		name[n] = '\0';
		for (size_t i = 0; i < n; i++)
			if ((unsigned char)name[i] <= ' ' || name[i] == 0x7f)
				name[i] = '?';
		snprintf(buf, size, "\"%s\"", name);
	} else if (g->kind == REG_META && g->key == NFT_META_NFPROTO && len == 1) {
		snprintf(buf, size, "%s", v[0] == NFPROTO_IPV4 ? "ipv4" :
			 v[0] == NFPROTO_IPV6 ? "ipv6" : "?");
	} else if (g->kind == REG_META && g->key == NFT_META_L4PROTO && len == 1) {
		const char *n = l4_name(v[0]);

		snprintf(buf, size, "%s", n ? n : "?");
	} else if (g->kind == REG_PAYLOAD &&
		   g->base == NFT_PAYLOAD_NETWORK_HEADER) {
		addr_text(v, len, buf, size);
	} else if (is_tcp_flags(g) && len == 1) {
		char m[48];

		tcp_flags_text(v[0], buf, size);
		if (g->mask) {
			tcp_flags_text((uint8_t)g->mask, m, sizeof(m));
			append(buf, size, " / ");
			append(buf, size, m);
		}
	} else if ((g->kind == REG_PAYLOAD || g->kind == REG_EXTHDR) &&
		   len == 2) {
		snprintf(buf, size, "%u", (unsigned)(v[0] << 8 | v[1]));
	} else if (g->kind == REG_CT && g->key == NFT_CT_STATE) {
		uint32_t m = g->mask;

		snprintf(buf, size, "%s%s%s%s",
			 m & NF_CT_STATE_INVALID_BIT ? "invalid," : "",
			 m & NF_CT_STATE_BIT(IP_CT_ESTABLISHED) ? "established," : "",
			 m & NF_CT_STATE_BIT(IP_CT_RELATED) ? "related," : "",
			 m & NF_CT_STATE_BIT(IP_CT_NEW) ? "new," : "");
		if (*buf)
			buf[strlen(buf) - 1] = '\0';
	} else if (g->kind == REG_CT && g->key == NFT_CT_STATUS) {
		snprintf(buf, size, "%s", g->mask == IPS_DST_NAT ? "dnat" :
			 g->mask == IPS_SRC_NAT ? "snat" : "?");
	} else if (g->kind == REG_FIB && g->key == NFT_FIB_RESULT_ADDRTYPE &&
		   len == 4) {
		snprintf(buf, size, "%s", u32 == 2 ? "local" : "?");	/* RTN_LOCAL */
	} else if (g->kind == REG_FIB && (g->base & NFTA_FIB_F_PRESENT) &&
		   (len == 1 || len == 4)) {
		snprintf(buf, size, "%s", u32 || v[0] ? "exists" : "missing");
	} else if (len == 1) {
		snprintf(buf, size, "%u", v[0]);
	} else {
		snprintf(buf, size, "0x..");
	}
	(void)ds;
}

static void say(struct fw_rule_info *r, const char *text)
{
	if (r->match[0])
		append(r->match, sizeof(r->match), " ");
	append(r->match, sizeof(r->match), text);
}

static void describe_cmp(struct describe *ds, const struct nla_view *data,
			 struct fw_rule_info *r)
{
	struct nla_view c[NFTA_CMP_MAX + 1];
	const struct reg *g;
	uint8_t v[16];
	size_t len;
	uint32_t op;
	char src[48], val[64], text[128];
	static const char *const ops[] = { "", "!= ", "< ", "<= ", "> ", ">= " };

	if (nla_parse(data->data, data->len, c, NFTA_CMP_MAX) < 0 ||
	    !(g = reg_at(ds, &c[NFTA_CMP_SREG])) ||
	    nla_get_be32(&c[NFTA_CMP_OP], &op) < 0 ||
	    get_data(&c[NFTA_CMP_DATA], v, &len) < 0)
		return;
	/* Remember protocols: they name the fields of later matches. */
	if (g->kind == REG_META && g->key == NFT_META_NFPROTO && len == 1 &&
	    op == NFT_CMP_EQ) {
		ds->nfproto = v[0];
	}
	if (g->kind == REG_META && g->key == NFT_META_L4PROTO && len == 1 &&
	    op == NFT_CMP_EQ) {
		ds->l4 = v[0];
		if (l4_name(v[0])) {
			say(r, l4_name(v[0]));
			return;
		}
	}
	source_text(ds, g, src, sizeof(src));
	value_text(ds, g, v, len, val, sizeof(val));
	if (g->kind == REG_CT && op == NFT_CMP_NEQ)
		op = NFT_CMP_EQ;	/* "state & mask != 0" reads "state mask" */
	snprintf(text, sizeof(text), "%s %s%s", src,
		 op < sizeof(ops) / sizeof(ops[0]) ? ops[op] : "? ", val);
	say(r, text);
}

/* A header field written from a register: the rule's action, e.g.
 * "tcp option maxseg size set rt mtu". */
static void describe_exthdr_set(struct describe *ds, const struct nla_view *a,
				struct fw_rule_info *r)
{
	const struct reg *from = reg_at(ds, &a[NFTA_EXTHDR_SREG]);
	struct reg field;
	uint8_t type = 0;
	char val[32];

	memset(&field, 0, sizeof(field));
	field.kind = REG_EXTHDR;
	(void)nla_get_u8(&a[NFTA_EXTHDR_TYPE], &type);
	field.key = type;
	(void)nla_get_be32(&a[NFTA_EXTHDR_OP], &field.base);
	(void)nla_get_be32(&a[NFTA_EXTHDR_OFFSET], &field.offset);
	(void)nla_get_be32(&a[NFTA_EXTHDR_LEN], &field.len);
	if (!from)
		snprintf(val, sizeof(val), "?");
	else if (from->kind == REG_RT)
		source_text(ds, from, val, sizeof(val));
	else if (from->kind == REG_DATA && from->data_len == 2)
		snprintf(val, sizeof(val), "%u",
			 (unsigned)(from->data[0] << 8 | from->data[1]));
	else
		snprintf(val, sizeof(val), "reg");
	snprintf(r->verdict, sizeof(r->verdict), "%s set %s",
		 is_tcp_mss(&field) ? "tcp option maxseg size" : "exthdr", val);
}

static void describe(struct describe *ds, const char *name,
		     const struct nla_view *data, struct fw_rule_info *r)
{
	struct nla_view a[16];
	struct reg *g;
	char text[96], src[48];

	memset(a, 0, sizeof(a));
	if (!strcmp(name, "cmp")) {
		describe_cmp(ds, data, r);
		return;
	}
	if (nla_parse(data->data, data->len, a, 15) < 0)
		return;
	if (!strcmp(name, "meta") && (g = reg_at(ds, &a[NFTA_META_DREG]))) {
		memset(g, 0, sizeof(*g));
		g->kind = REG_META;
		(void)nla_get_be32(&a[NFTA_META_KEY], &g->key);
	} else if (!strcmp(name, "payload") &&
		   (g = reg_at(ds, &a[NFTA_PAYLOAD_DREG]))) {
		memset(g, 0, sizeof(*g));
		g->kind = REG_PAYLOAD;
		(void)nla_get_be32(&a[NFTA_PAYLOAD_BASE], &g->base);
		(void)nla_get_be32(&a[NFTA_PAYLOAD_OFFSET], &g->offset);
		(void)nla_get_be32(&a[NFTA_PAYLOAD_LEN], &g->len);
	} else if (!strcmp(name, "ct") && (g = reg_at(ds, &a[NFTA_CT_DREG]))) {
		memset(g, 0, sizeof(*g));
		g->kind = REG_CT;
		(void)nla_get_be32(&a[NFTA_CT_KEY], &g->key);
	} else if (!strcmp(name, "fib") && (g = reg_at(ds, &a[NFTA_FIB_DREG]))) {
		memset(g, 0, sizeof(*g));
		g->kind = REG_FIB;
		(void)nla_get_be32(&a[NFTA_FIB_RESULT], &g->key);
		(void)nla_get_be32(&a[NFTA_FIB_FLAGS], &g->base);
	} else if (!strcmp(name, "bitwise") &&
		   (g = reg_at(ds, &a[NFTA_BITWISE_DREG]))) {
		uint8_t v[16];
		size_t len;

		if (get_data(&a[NFTA_BITWISE_MASK], v, &len) == 0 && len == 4)
			memcpy(&g->mask, v, 4);
		else if (len == 1)
			g->mask = v[0];
	} else if (!strcmp(name, "rt") && (g = reg_at(ds, &a[NFTA_RT_DREG]))) {
		memset(g, 0, sizeof(*g));
		g->kind = REG_RT;
		(void)nla_get_be32(&a[NFTA_RT_KEY], &g->key);
	} else if (!strcmp(name, "byteorder")) {
		/* Same value, other order: the destination describes as
		 * the source did. */
		const struct reg *from = reg_at(ds, &a[NFTA_BYTEORDER_SREG]);

		if (from && (g = reg_at(ds, &a[NFTA_BYTEORDER_DREG])))
			*g = *from;
	} else if (!strcmp(name, "exthdr") && a[NFTA_EXTHDR_SREG].data) {
		describe_exthdr_set(ds, a, r);
	} else if (!strcmp(name, "exthdr") &&
		   (g = reg_at(ds, &a[NFTA_EXTHDR_DREG]))) {
		uint8_t type = 0;

		memset(g, 0, sizeof(*g));
		g->kind = REG_EXTHDR;
		(void)nla_get_u8(&a[NFTA_EXTHDR_TYPE], &type);
		g->key = type;
		(void)nla_get_be32(&a[NFTA_EXTHDR_OP], &g->base);
		(void)nla_get_be32(&a[NFTA_EXTHDR_OFFSET], &g->offset);
		(void)nla_get_be32(&a[NFTA_EXTHDR_LEN], &g->len);
	} else if (!strcmp(name, "immediate") &&
		   (g = reg_at(ds, &a[NFTA_IMMEDIATE_DREG])) &&
		   g != &ds->reg[NFT_REG_VERDICT]) {
		memset(g, 0, sizeof(*g));
		g->kind = REG_DATA;
		if (get_data(&a[NFTA_IMMEDIATE_DATA], g->data, &g->data_len) < 0)
			g->data_len = 0;
	} else if (!strcmp(name, "lookup") &&
		   (g = reg_at(ds, &a[NFTA_LOOKUP_SREG]))) {
		char set[32];

		if (nla_get_str(&a[NFTA_LOOKUP_SET], set, sizeof(set)) < 0)
			return;
		source_text(ds, g, src, sizeof(src));
		snprintf(text, sizeof(text), "%s @%s", src, set);
		say(r, text);
	} else if (!strcmp(name, "limit")) {
		uint64_t rate = 0, unit = 0;

		(void)nla_get_be64(&a[NFTA_LIMIT_RATE], &rate);
		(void)nla_get_be64(&a[NFTA_LIMIT_UNIT], &unit);
		snprintf(text, sizeof(text), "limit %llu/%s",
			 (unsigned long long)rate, unit == 1 ? "second" :
			 unit == 60 ? "minute" : "period");
		say(r, text);
	} else if (!strcmp(name, "nat")) {
		const struct reg *ad = reg_at(ds, &a[NFTA_NAT_REG_ADDR_MIN]);
		const struct reg *pr = reg_at(ds, &a[NFTA_NAT_REG_PROTO_MIN]);
		char addr[INET6_ADDRSTRLEN] = "";
		unsigned port = 0;

		if (ad && ad->kind == REG_DATA)
			addr_text(ad->data, ad->data_len, addr, sizeof(addr));
		if (pr && pr->kind == REG_DATA && pr->data_len == 2)
			port = (unsigned)(pr->data[0] << 8 | pr->data[1]);
		if (ad && ad->kind == REG_DATA && ad->data_len == 16)
			snprintf(ds->nat_to, sizeof(ds->nat_to), "to [%s]:%u",
				 addr, port);
		else
			snprintf(ds->nat_to, sizeof(ds->nat_to), "to %s:%u",
				 addr, port);
	}
}

static int parse_exprs(const struct nla_view *list, struct fw_rule_info *r)
{
	struct nla_view elem, e[NFTA_EXPR_MAX + 1];
	static struct describe ds;
	size_t off = 0;
	int rc;

	memset(&ds, 0, sizeof(ds));

	while ((rc = nla_next(list->data, list->len, &off, &elem)) > 0) {
		char name[32];

		if (elem.type != NFTA_LIST_ELEM)
			continue;
		if (nla_parse(elem.data, elem.len, e, NFTA_EXPR_MAX) < 0 ||
		    nla_get_str(&e[NFTA_EXPR_NAME], name, sizeof(name)) < 0)
			return -1;
		if (r->exprs[0])
			append(r->exprs, sizeof(r->exprs), " ");
		append(r->exprs, sizeof(r->exprs), name);
		if (!e[NFTA_EXPR_DATA].data)
			continue;
		describe(&ds, name, &e[NFTA_EXPR_DATA], r);
		if (!strcmp(name, "counter")) {
			if (parse_counter(&e[NFTA_EXPR_DATA], r) < 0)
				return -1;
		} else if (!strcmp(name, "immediate")) {
			parse_verdict(&e[NFTA_EXPR_DATA], r->verdict,
				      sizeof(r->verdict));
		} else if (!strcmp(name, "nat")) {
			struct nla_view n[NFTA_NAT_MAX + 1];
			uint32_t type = 0;

			if (nla_parse(e[NFTA_EXPR_DATA].data,
				      e[NFTA_EXPR_DATA].len, n,
				      NFTA_NAT_MAX) < 0)
				return -1;
			(void)nla_get_be32(&n[NFTA_NAT_TYPE], &type);
			snprintf(r->verdict, sizeof(r->verdict), "%s %s",
				 type == NFT_NAT_DNAT ? "dnat" : "snat",
				 ds.nat_to);
		} else if (!strcmp(name, "masq")) {
			snprintf(r->verdict, sizeof(r->verdict), "masquerade");
		} else if (!strcmp(name, "reject")) {
			snprintf(r->verdict, sizeof(r->verdict), "%s", name);
		}
	}
	return rc;
}

/* nft's userdata TLVs: u8 type, u8 len, value; type 0 is the comment. */
static void parse_comment(const struct nla_view *ud, char *out, size_t size)
{
	size_t off = 0;

	while (ud->data && ud->len - off >= 2) {
		uint8_t type = ud->data[off], len = ud->data[off + 1];
		const uint8_t *val = ud->data + off + 2;

		if (len > ud->len - off - 2)
			return;
		if (type == 0 && len > 0) {
			size_t n = strnlen((const char *)val, len);

			if (n >= size)
				n = size - 1;
			memcpy(out, val, n);
			out[n] = '\0';
			/* Printed on a terminal: no control characters. */
			for (size_t i = 0; i < n; i++)
				if ((unsigned char)out[i] < ' ' ||
				    out[i] == 0x7f)
					out[i] = '?';
			return;
		}
		off += 2u + len;
	}
}

int fw_rule_parse(const struct nlmsg_view *m, struct fw_rule_info *r)
{
	struct nla_view tb[NFTA_RULE_MAX + 1];

	memset(r, 0, sizeof(*r));
	if (!is_nft(m, NFT_MSG_NEWRULE) ||
	    nlmsg_parse(m, NFGEN_LEN, tb, NFTA_RULE_MAX) < 0 ||
	    nla_get_str(&tb[NFTA_RULE_TABLE], r->table, sizeof(r->table)) < 0 ||
	    nla_get_str(&tb[NFTA_RULE_CHAIN], r->chain, sizeof(r->chain)) < 0)
		return -1;
	(void)nla_get_be64(&tb[NFTA_RULE_HANDLE], &r->handle);
	if (tb[NFTA_RULE_EXPRESSIONS].data &&
	    parse_exprs(&tb[NFTA_RULE_EXPRESSIONS], r) < 0)
		return -1;
	parse_comment(&tb[NFTA_RULE_USERDATA], r->comment, sizeof(r->comment));
	return 0;
}

static int parse_elem(const struct nla_view *elem, struct fw_elem_info *e)
{
	struct nla_view tb[NFTA_SET_ELEM_MAX + 1], key[NFTA_DATA_MAX + 1];

	memset(e, 0, sizeof(*e));
	if (nla_parse(elem->data, elem->len, tb, NFTA_SET_ELEM_MAX) < 0 ||
	    !tb[NFTA_SET_ELEM_KEY].data ||
	    nla_parse(tb[NFTA_SET_ELEM_KEY].data, tb[NFTA_SET_ELEM_KEY].len,
		      key, NFTA_DATA_MAX) < 0 || !key[NFTA_DATA_VALUE].data)
		return -1;
	if (key[NFTA_DATA_VALUE].len == 4)
		e->family = AF_INET;
	else if (key[NFTA_DATA_VALUE].len == 16)
		e->family = AF_INET6;
	else
		return -1;
	memcpy(e->addr, key[NFTA_DATA_VALUE].data, key[NFTA_DATA_VALUE].len);
	e->prefix_len = e->family == AF_INET ? 32 : 128;
	if (tb[NFTA_SET_ELEM_FLAGS].data) {
		uint32_t flags = 0;

		(void)nla_get_be32(&tb[NFTA_SET_ELEM_FLAGS], &flags);
		e->interval_end = !!(flags & NFT_SET_ELEM_INTERVAL_END);
	}
	(void)nla_get_be64(&tb[NFTA_SET_ELEM_TIMEOUT], &e->timeout_ms);
	(void)nla_get_be64(&tb[NFTA_SET_ELEM_EXPIRATION], &e->expires_ms);
	return 0;
}

int fw_setelems_parse(const struct nlmsg_view *m, struct fw_elem_info *out,
		      unsigned max, unsigned *n)
{
	struct nla_view tb[NFTA_SET_ELEM_LIST_MAX + 1], elem;
	const struct nla_view *list;
	size_t off = 0;
	int rc;

	*n = 0;
	if (!is_nft(m, NFT_MSG_NEWSETELEM) ||
	    nlmsg_parse(m, NFGEN_LEN, tb, NFTA_SET_ELEM_LIST_MAX) < 0)
		return -1;
	list = &tb[NFTA_SET_ELEM_LIST_ELEMENTS];
	if (!list->data)
		return 0;
	while ((rc = nla_next(list->data, list->len, &off, &elem)) > 0) {
		struct fw_elem_info e;

		if (elem.type != NFTA_LIST_ELEM)
			continue;
		if (parse_elem(&elem, &e) < 0)
			return -1;
		if (*n < max)
			out[*n] = e;
		(*n)++;
	}
	return rc;
}

/* The prefix length of [first, end) (end NULL: to the top): the longest
 * prefix starting at first that does not pass end. */
static uint8_t range_len(const uint8_t *first, const uint8_t *end,
			 unsigned bits)
{
	unsigned len = bits;

	/* Shorten while first stays aligned and the range still fits. */
	while (len > 0) {
		unsigned bit = len - 1;
		uint8_t last[16];
		int over;

		if (first[bit / 8] & (0x80u >> (bit % 8)))
			break;	/* first not aligned to a shorter prefix */
		/* last address of first/(len-1): all host bits set */
		memcpy(last, first, 16);
		for (unsigned i = bit; i < bits; i++)
			last[i / 8] |= (uint8_t)(0x80u >> (i % 8));
		over = end && memcmp(last, end, bits / 8) >= 0;
		if (over)
			break;
		len--;
	}
	return (uint8_t)len;
}

unsigned fw_elems_ranges(struct fw_elem_info *e, unsigned n)
{
	unsigned kept = 0;

	/* Lengths first, then the compaction: ends are needed until all
	 * starts are paired. */
	for (unsigned i = 0; i < n; i++) {
		const struct fw_elem_info *end = NULL;
		unsigned bits = e[i].family == AF_INET ? 32 : 128;

		if (e[i].interval_end)
			continue;
		/* Its end: the smallest end key above it, same family. */
		for (unsigned j = 0; j < n; j++) {
			if (!e[j].interval_end || e[j].family != e[i].family ||
			    memcmp(e[j].addr, e[i].addr, bits / 8) <= 0)
				continue;
			if (!end || memcmp(e[j].addr, end->addr, bits / 8) < 0)
				end = &e[j];
		}
		e[i].prefix_len = range_len(e[i].addr, end ? end->addr : NULL,
					    bits);
	}
	for (unsigned i = 0; i < n; i++)
		if (!e[i].interval_end)
			e[kept++] = e[i];
	return kept;
}

static const char *hook_name(uint32_t hooknum)
{
	static const char *const names[] = {
		"prerouting", "input", "forward", "output", "postrouting",
	};

	return hooknum < 5 ? names[hooknum] : "?";
}

void fw_chain_format(const struct fw_chain_info *c, char *buf, size_t size)
{
	if (!c->has_hook) {
		snprintf(buf, size, "chain %s", c->name);
		return;
	}
	snprintf(buf, size, "chain %s (%s hook %s priority %d policy %s)",
		 c->name, c->type, hook_name(c->hooknum), (int)c->priority,
		 c->policy == NF_DROP ? "drop" : "accept");
}

void fw_rule_format(const struct fw_rule_info *r, char *buf, size_t size)
{
	char counters[48];

	if (r->has_counter)
		snprintf(counters, sizeof(counters), "%8llu pkts %10llu bytes",
			 (unsigned long long)r->packets,
			 (unsigned long long)r->bytes);
	else
		snprintf(counters, sizeof(counters), "%8s %15s", "-", "");
	snprintf(buf, size, "  %s  %s%s%s  # %s", counters, r->match,
		 r->match[0] ? " " : "", r->verdict[0] ? r->verdict : "-",
		 r->comment[0] ? r->comment : "");
}
