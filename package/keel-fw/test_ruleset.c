/* Unit tests for ruleset.c and dump.c: the batch for a policy has the
 * shape the firewall needs (atomic replace, chains before rules, bans
 * first on wan, no SNAT of forwards), and the dump parsers read it back. */
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <arpa/inet.h>
#include <keel/nft.h>

#include "check.h"
#include "dump.h"
#include "policy.h"
#include "ruleset.h"

static uint8_t mem[2 * 1024 * 1024] __attribute__((aligned(4)));
static struct fw_batch fb;

struct seen {
	struct fw_rule_info rules[128];
	unsigned n_rules;
	unsigned n_chains, n_tables, n_sets, n_elems;
	uint16_t first_types[3];
	int table_msgs;
};

static void walk(struct seen *s)
{
	struct nlmsg_view m;
	size_t off = 0;
	unsigned i = 0;

	memset(s, 0, sizeof(*s));
	while (nlmsg_next(fb.nl.data, fb.nl.len, &off, &m) > 0) {
		struct fw_chain_info c;
		uint16_t t = m.hdr.nlmsg_type;

		if (i >= 1 && i <= 3)
			s->first_types[i - 1] = t;
		i++;
		if (t == NFT_TYPE(NFT_MSG_NEWTABLE) || t == NFT_TYPE(NFT_MSG_DELTABLE))
			s->n_tables++;
		else if (t == NFT_TYPE(NFT_MSG_NEWSET))
			s->n_sets++;
		else if (t == NFT_TYPE(NFT_MSG_NEWSETELEM))
			s->n_elems++;
		else if (fw_chain_parse(&m, &c) == 0) {
			s->n_chains++;
			CHECK(s->n_rules == 0);	/* chains come first */
		} else if (s->n_rules < 128 &&
			   fw_rule_parse(&m, &s->rules[s->n_rules]) == 0)
			s->n_rules++;
		/* Every message but begin/end wants an ACK. */
		if (t != NFNL_MSG_BATCH_BEGIN && t != NFNL_MSG_BATCH_END)
			CHECK(m.hdr.nlmsg_flags & NLM_F_ACK);
	}
	CHECK_EQ_UINT(off, fb.nl.len);
	CHECK_EQ_UINT(i, fb.n_msgs + 2);
}

static const struct fw_rule_info *find(const struct seen *s, const char *chain,
				       const char *comment)
{
	for (unsigned i = 0; i < s->n_rules; i++)
		if (!strcmp(s->rules[i].chain, chain) &&
		    !strcmp(s->rules[i].comment, comment))
			return &s->rules[i];
	return NULL;
}

static unsigned index_of(const struct seen *s, const char *chain,
			 const char *comment)
{
	unsigned n = 0;

	for (unsigned i = 0; i < s->n_rules; i++) {
		if (strcmp(s->rules[i].chain, chain))
			continue;
		if (!strcmp(s->rules[i].comment, comment))
			return n;
		n++;
	}
	return 999;
}

static void test_policy_batch(void)
{
	struct fw_policy p;
	struct seen s;
	struct fw_ban ban = { .family = AF_INET, .prefix_len = 32,
			      .timeout_ms = 5000 };
	const struct fw_rule_info *r;
	char err[200];
	const char *text = "lan lan0\nwan wan0\n"
		"forward tcp 8080 192.168.1.10:80\n"
		"forward tcp 443 [2001:db8::10]\n";

	fw_policy_init(&p);
	CHECK_EQ_INT(fw_policy_parse(text, strlen(text), &p, err, sizeof(err)), 0);
	fw_batch_init(&fb, mem, sizeof(mem), 1000);
	CHECK_EQ_INT(fw_ruleset_build(&p, &ban, 1, 0, &fb), 0);
	walk(&s);

	/* ensure, delete, create: atomic replace on any kernel */
	CHECK_EQ_UINT(s.first_types[0], NFT_TYPE(NFT_MSG_NEWTABLE));
	CHECK_EQ_UINT(s.first_types[1], NFT_TYPE(NFT_MSG_DELTABLE));
	CHECK_EQ_UINT(s.first_types[2], NFT_TYPE(NFT_MSG_NEWTABLE));
	CHECK_EQ_UINT(s.n_tables, 3);
	CHECK_EQ_UINT(s.n_sets, 2);
	CHECK_EQ_UINT(s.n_elems, 1);	/* the carried-over ban */
	CHECK_EQ_UINT(s.n_chains, 9);

	/* bans are the first thing wan traffic meets */
	CHECK_EQ_UINT(index_of(&s, "input_wan", "banned4"), 0);
	CHECK_EQ_UINT(index_of(&s, "input_wan", "banned6"), 1);
	CHECK_EQ_UINT(index_of(&s, "forward_wan", "banned4"), 0);
	CHECK(index_of(&s, "input", "wan0") < index_of(&s, "input",
						       "established, related"));
	r = find(&s, "input_wan", "banned4");
	CHECK(r && strstr(r->exprs, "lookup") && !strcmp(r->verdict, "drop"));
	CHECK(r && !strcmp(r->match, "nfproto ipv4 ip saddr @banned4"));
	r = find(&s, "input_wan", "icmpv6 router/neighbour solicitation/advert");
	CHECK(r && !strcmp(r->match, "nfproto ipv6 icmpv6 type >= 133 "
			   "type <= 136"));
	r = find(&s, "forward", "established, related");
	CHECK(r && !strcmp(r->match, "ct state established,related"));
	r = find(&s, "forward_wan", "forward tcp 443 [2001:db8::10]");
	CHECK(r && !strcmp(r->match, "nfproto ipv6 ip6 daddr 2001:db8::10 tcp "
			   "dport 443"));
	r = find(&s, "input", "other interfaces");
	CHECK(r && r->has_counter && !strcmp(r->verdict, "drop"));
	r = find(&s, "forward", "lan to wan: lan0 to wan0");
	CHECK(r && !strcmp(r->verdict, "accept"));
	r = find(&s, "forward_wan", "port forwards (dnat) to lan0");
	CHECK(r && strstr(r->exprs, "ct bitwise cmp meta cmp"));
	r = find(&s, "prerouting", "forward tcp 8080 192.168.1.10:80");
	CHECK(r && !strcmp(r->verdict, "dnat to 192.168.1.10:80"));
	CHECK(r && !strcmp(r->match, "iifname \"wan0\" nfproto ipv4 fib daddr "
			   "type local tcp dport 8080"));
	r = find(&s, "forward_wan", "forward tcp 443 [2001:db8::10]");
	CHECK(r && !strcmp(r->verdict, "accept"));
	r = find(&s, "postrouting", "masquerade ipv4 out of wan0");
	CHECK(r && !strcmp(r->verdict, "masquerade"));
	/* masquerade is the only source NAT, and only out of wan */
	for (unsigned i = 0; i < s.n_rules; i++) {
		CHECK(strcmp(s.rules[i].verdict, "snat") != 0);
		if (!strcmp(s.rules[i].verdict, "masquerade"))
			CHECK(strstr(s.rules[i].comment, "out of wan0") != NULL);
	}
	/* MSS clamp out of wan to the route's MTU, IPv4 and IPv6; no fixed
	 * clamp in from wan when the policy does not know the wan MTU */
	r = find(&s, "mangle_postrouting", "mss clamp ipv4 out of wan0 to route mtu");
	CHECK(r && !strcmp(r->match, "oifname \"wan0\" nfproto ipv4 tcp "
			   "flags syn / syn,rst"));
	CHECK(r && !strcmp(r->verdict, "tcp option maxseg size set rt mtu"));
	CHECK(r && !strcmp(r->exprs, "meta cmp meta cmp meta cmp payload "
			   "bitwise cmp counter rt byteorder exthdr"));
	CHECK(r && r->has_counter);
	r = find(&s, "mangle_postrouting", "mss clamp ipv6 out of wan0 to route mtu");
	CHECK(r && !strcmp(r->match, "oifname \"wan0\" nfproto ipv6 tcp "
			   "flags syn / syn,rst"));
	CHECK(r && !strcmp(r->verdict, "tcp option maxseg size set rt mtu"));
	for (unsigned i = 0; i < s.n_rules; i++)
		CHECK(strcmp(s.rules[i].chain, "mangle_forward") != 0);

	/* errors come back by seq: map them to what failed */
	CHECK_STR(fw_batch_what(&fb, 1001), "table inet keel (ensure)");
	CHECK_STR(fw_batch_what(&fb, 1000), "?");
	CHECK_STR(fw_batch_what(&fb, fb.seq_next), "?");
	{
		char buf[512];

		fw_rule_format(find(&s, "input", "loopback"), buf, sizeof(buf));
		CHECK(strstr(buf, "0 pkts") && strstr(buf, "accept") &&
		      strstr(buf, "loopback"));
	}
}

/* With the wan MTU known, SYNs in from wan are clamped to it: MTU - 40
 * for IPv4, - 60 for IPv6, and only when they announce more. */
static void test_mss_fixed(void)
{
	struct fw_policy p;
	struct seen s;
	const struct fw_rule_info *r;
	char err[200];
	const char *text = "lan lan0\nwan ppp0\nwan-mtu 1492\n";

	fw_policy_init(&p);
	CHECK_EQ_INT(fw_policy_parse(text, strlen(text), &p, err, sizeof(err)), 0);
	fw_batch_init(&fb, mem, sizeof(mem), 1);
	CHECK_EQ_INT(fw_ruleset_build(&p, NULL, 0, 0, &fb), 0);
	walk(&s);
	CHECK(find(&s, "mangle_postrouting",
		   "mss clamp ipv4 out of ppp0 to route mtu") != NULL);
	CHECK(find(&s, "mangle_postrouting",
		   "mss clamp ipv6 out of ppp0 to route mtu") != NULL);
	r = find(&s, "mangle_forward", "mss clamp ipv4 in from ppp0 to 1452 "
		 "(wan mtu 1492)");
	CHECK(r && !strcmp(r->match, "iifname \"ppp0\" nfproto ipv4 tcp flags "
			   "syn / syn,rst tcp option maxseg size > 1452"));
	CHECK(r && !strcmp(r->verdict, "tcp option maxseg size set 1452"));
	CHECK(r && r->has_counter);
	r = find(&s, "mangle_forward", "mss clamp ipv6 in from ppp0 to 1432 "
		 "(wan mtu 1492)");
	CHECK(r && !strcmp(r->match, "iifname \"ppp0\" nfproto ipv6 tcp flags "
			   "syn / syn,rst tcp option maxseg size > 1432"));
	CHECK(r && !strcmp(r->verdict, "tcp option maxseg size set 1432"));
	CHECK(r && !strcmp(r->exprs, "meta cmp meta cmp meta cmp payload "
			   "bitwise cmp exthdr cmp counter immediate exthdr"));

	/* FLET'S-style 1454: 1414 / 1394 */
	p.wan_mtu = 1454;
	fw_batch_init(&fb, mem, sizeof(mem), 1);
	CHECK_EQ_INT(fw_ruleset_build(&p, NULL, 0, 0, &fb), 0);
	walk(&s);
	r = find(&s, "mangle_forward", "mss clamp ipv4 in from ppp0 to 1414 "
		 "(wan mtu 1454)");
	CHECK(r && !strcmp(r->verdict, "tcp option maxseg size set 1414"));
	CHECK(find(&s, "mangle_forward", "mss clamp ipv6 in from ppp0 to 1394 "
		   "(wan mtu 1454)") != NULL);
	/* the clamp never touches what comes from or goes to the lan */
	for (unsigned i = 0; i < s.n_rules; i++)
		if (!strncmp(s.rules[i].chain, "mangle_", 7))
			CHECK(strstr(s.rules[i].match, "lan0") == NULL);
}

/* DS-Lite: the tunnel is wan for IPv4 (input, forward, lan to it, MSS
 * clamps to its MTU) but never masqueraded; the wan takes IPv4-in-IPv6
 * from the AFTR only, and IPv6 stays on the wan interface. */
static void test_dslite(void)
{
	struct fw_policy p;
	struct seen s;
	const struct fw_rule_info *r;
	char err[200], text_out[512];
	const char *text = "lan lan0\nwan wan0\ndslite dslite0 1460 2001:db8::1\n"
		"forward tcp 443 [2001:db8::10]\n";

	fw_policy_init(&p);
	CHECK_EQ_INT(fw_policy_parse(text, strlen(text), &p, err, sizeof(err)), 0);
	CHECK_EQ_INT(fw_policy_check(&p, err, sizeof(err)), 0);
	fw_policy_print(&p, text_out, sizeof(text_out));
	CHECK(strstr(text_out, "dslite dslite0 1460 2001:db8::1\n") != NULL);
	fw_batch_init(&fb, mem, sizeof(mem), 1);
	CHECK_EQ_INT(fw_ruleset_build(&p, NULL, 0, 0, &fb), 0);
	walk(&s);

	r = find(&s, "input", "dslite0");
	CHECK(r && !strcmp(r->verdict, "jump input_wan"));
	CHECK(index_of(&s, "input", "dslite0") <
	      index_of(&s, "input", "established, related"));
	r = find(&s, "forward", "dslite0");
	CHECK(r && !strcmp(r->verdict, "jump forward_wan"));
	r = find(&s, "forward", "lan to wan: lan0 to dslite0");
	CHECK(r && !strcmp(r->verdict, "accept"));
	r = find(&s, "input_wan", "dslite: ipv4-in-ipv6 from aftr 2001:db8::1");
	CHECK(r && !strcmp(r->verdict, "accept"));
	CHECK(r && !strcmp(r->match, "nfproto ipv6 ip6 saddr 2001:db8::1 "
			   "ipencap"));
	/* before the final drop of what wan sends the router */
	CHECK(index_of(&s, "input_wan", "dslite: ipv4-in-ipv6 from aftr "
		       "2001:db8::1") < index_of(&s, "input_wan", "wan to router"));
	/* no NAT44 on the B4: the only masquerade is out of wan0 */
	CHECK(find(&s, "postrouting", "masquerade ipv4 out of wan0") != NULL);
	for (unsigned i = 0; i < s.n_rules; i++)
		if (!strcmp(s.rules[i].verdict, "masquerade"))
			CHECK(strstr(s.rules[i].match, "dslite0") == NULL);
	r = find(&s, "mangle_postrouting", "mss clamp ipv4 out of dslite0 to route mtu");
	CHECK(r && !strcmp(r->match, "oifname \"dslite0\" nfproto ipv4 tcp "
			   "flags syn / syn,rst"));
	CHECK(r && !strcmp(r->verdict, "tcp option maxseg size set rt mtu"));
	r = find(&s, "mangle_forward", "mss clamp ipv4 in from dslite0 to 1420 "
		 "(dslite mtu 1460)");
	CHECK(r && !strcmp(r->verdict, "tcp option maxseg size set 1420"));
	CHECK(r && !strcmp(r->match, "iifname \"dslite0\" nfproto ipv4 tcp flags "
			   "syn / syn,rst tcp option maxseg size > 1420"));
	/* IPv6 stays on wan0: no IPv6 clamp on the tunnel */
	CHECK(find(&s, "mangle_postrouting", "mss clamp ipv6 out of dslite0 to "
		   "route mtu") == NULL);
	CHECK(find(&s, "mangle_postrouting", "mss clamp ipv6 out of wan0 to "
		   "route mtu") != NULL);

	/* The AFTR by name (DHCPv6's or the config's): from any source
	 * (ip6tnl checks its remote). */
	text = "lan lan0\nwan wan0\ndslite dslite0 1452\n";
	fw_policy_init(&p);
	CHECK_EQ_INT(fw_policy_parse(text, strlen(text), &p, err, sizeof(err)), 0);
	fw_batch_init(&fb, mem, sizeof(mem), 1);
	CHECK_EQ_INT(fw_ruleset_build(&p, NULL, 0, 0, &fb), 0);
	walk(&s);
	r = find(&s, "input_wan", "dslite: ipv4-in-ipv6 (aftr by name)");
	CHECK(r && !strcmp(r->match, "nfproto ipv6 ipencap"));
	CHECK(find(&s, "mangle_forward", "mss clamp ipv4 in from dslite0 to 1412 "
		   "(dslite mtu 1452)") != NULL);

	/* What cannot be. */
	text = "lan lan0\nwan wan0\ndslite dslite0 1460\nforward tcp 80 192.168.1.10\n";
	fw_policy_init(&p);
	CHECK_EQ_INT(fw_policy_parse(text, strlen(text), &p, err, sizeof(err)), 0);
	CHECK_EQ_INT(fw_policy_check(&p, err, sizeof(err)), -1);
	CHECK(strstr(err, "AFTR owns the public IPv4 address") != NULL);
	text = "lan lan0\nwan wan0\ndslite wan0 1460\n";
	fw_policy_init(&p);
	CHECK_EQ_INT(fw_policy_parse(text, strlen(text), &p, err, sizeof(err)), 0);
	CHECK_EQ_INT(fw_policy_check(&p, err, sizeof(err)), -1);
	CHECK(strstr(err, "dslite wan0 is also in wan") != NULL);
	fw_policy_init(&p);
	CHECK_EQ_INT(fw_policy_parse("dslite d0 1460 192.0.2.1\n", 24, &p, err,
				     sizeof(err)), -1);
	CHECK(strstr(err, "is not an IPv6 address") != NULL);
	fw_policy_init(&p);
	CHECK_EQ_INT(fw_policy_parse("dslite d0 100\n", 14, &p, err, sizeof(err)), -1);
	CHECK(strstr(err, "MTU not a number in 1240-8960") != NULL);
}

/* IPv6 transit (RFC 4890 4.3, RFC 6092): sources from a lan checked
 * against the routes (BCP 38, whatever the delegated prefix), echo
 * requests to lan hosts within the rate, ICMPv6 errors to them even when
 * conntrack relates them to nothing; the rest from wan stays dropped. */
static void test_transit_v6(void)
{
	struct fw_policy p;
	struct seen s;
	const struct fw_rule_info *r;
	char err[200];
	const char *text = "lan lan0 lan1\nwan wan0\nicmp-rate 3\n";
	const char *lans[2] = { "lan0", "lan1" };
	char c[96], m[160];

	fw_policy_init(&p);
	CHECK_EQ_INT(fw_policy_parse(text, strlen(text), &p, err, sizeof(err)), 0);
	fw_batch_init(&fb, mem, sizeof(mem), 1);
	CHECK_EQ_INT(fw_ruleset_build(&p, NULL, 0, 0, &fb), 0);
	walk(&s);
	for (unsigned l = 0; l < 2; l++) {
		/* anti-spoofing: before conntrack can accept anything */
		snprintf(c, sizeof(c), "ipv6 source not routed back to %s "
			 "(anti-spoofing)", lans[l]);
		r = find(&s, "forward", c);
		snprintf(m, sizeof(m), "iifname \"%s\" nfproto ipv6 fib saddr "
			 ". iif oif missing", lans[l]);
		CHECK(r && !strcmp(r->match, m));
		CHECK(r && !strcmp(r->verdict, "drop") && r->has_counter);
		CHECK(r && !strcmp(r->exprs, "meta cmp meta cmp fib cmp "
				   "counter immediate"));
		CHECK(index_of(&s, "forward", c) > index_of(&s, "forward", "wan0"));
		CHECK(index_of(&s, "forward", c) <
		      index_of(&s, "forward", "established, related"));

		/* echo requests to lan hosts, limited, before conntrack */
		snprintf(c, sizeof(c), "icmpv6 echo-request to %s (limited)",
			 lans[l]);
		r = find(&s, "forward_wan", c);
		snprintf(m, sizeof(m), "oifname \"%s\" nfproto ipv6 icmpv6 "
			 "type 128 limit 3/second", lans[l]);
		CHECK(r && !strcmp(r->match, m));
		CHECK(r && !strcmp(r->verdict, "accept") && r->has_counter);
		CHECK(index_of(&s, "forward_wan", c) >
		      index_of(&s, "forward_wan", "banned6"));
		CHECK(index_of(&s, "forward_wan", c) <
		      index_of(&s, "forward_wan", "established, related"));
		snprintf(c, sizeof(c), "icmpv6 echo-request to %s over limit",
			 lans[l]);
		r = find(&s, "forward_wan", c);
		snprintf(m, sizeof(m), "oifname \"%s\" nfproto ipv6 icmpv6 "
			 "type 128", lans[l]);
		CHECK(r && !strcmp(r->match, m));
		CHECK(r && !strcmp(r->verdict, "drop") && r->has_counter);
		CHECK(index_of(&s, "forward_wan", c) <
		      index_of(&s, "forward_wan", "established, related"));

		/* errors: after est/rel (which takes the related ones),
		 * before the invalid drop (where the others would go) */
		snprintf(c, sizeof(c), "icmpv6 errors (dest-unreachable, "
			 "packet-too-big, ...) to %s", lans[l]);
		r = find(&s, "forward_wan", c);
		snprintf(m, sizeof(m), "oifname \"%s\" nfproto ipv6 icmpv6 "
			 "type >= 1 type <= 4", lans[l]);
		CHECK(r && !strcmp(r->match, m));
		CHECK(r && !strcmp(r->verdict, "accept") && r->has_counter);
		CHECK(index_of(&s, "forward_wan", c) >
		      index_of(&s, "forward_wan", "established, related"));
		CHECK(index_of(&s, "forward_wan", c) <
		      index_of(&s, "forward_wan", "invalid"));
	}
	/* the input side keeps its own rules and names */
	r = find(&s, "input_wan", "icmpv6 echo-request (limited)");
	CHECK(r && !strcmp(r->match, "nfproto ipv6 icmpv6 type 128 limit "
			   "3/second"));
	/* IPv4: rp_filter's job, and nothing of it is forwarded from wan
	 * unless DNATed */
	for (unsigned i = 0; i < s.n_rules; i++) {
		const struct fw_rule_info *q = &s.rules[i];

		if (strstr(q->match, "fib saddr"))
			CHECK(strstr(q->match, "nfproto ipv6") != NULL);
		if (!strcmp(q->chain, "forward_wan"))
			CHECK(strstr(q->match, "nfproto ipv4 icmp") == NULL);
	}
	/* everything else from wan ends in the drop, the chain's last rule:
	 * 2 bans, 4 echo, est/rel, 2 errors, invalid, 2 dnat */
	CHECK_EQ_UINT(index_of(&s, "forward_wan", "wan to anywhere"), 12);
	CHECK(index_of(&s, "forward_wan", "port forwards (dnat) to lan1") == 11);
	r = find(&s, "forward_wan", "wan to anywhere");
	CHECK(r && !strcmp(r->match, "") && !strcmp(r->verdict, "drop"));

	/* no lan: nothing to forward to, no transit rules */
	fw_policy_init(&p);
	CHECK_EQ_INT(fw_policy_add_if(&p, 1, "wan0", 4, err, sizeof(err)), 0);
	fw_batch_init(&fb, mem, sizeof(mem), 1);
	CHECK_EQ_INT(fw_ruleset_build(&p, NULL, 0, 0, &fb), 0);
	walk(&s);
	for (unsigned i = 0; i < s.n_rules; i++) {
		CHECK(strstr(s.rules[i].comment, "anti-spoofing") == NULL);
		CHECK(strncmp(s.rules[i].comment, "icmpv6 errors", 13) != 0 ||
		      strcmp(s.rules[i].chain, "input_wan") == 0);
	}
}

static void test_bad_rule_and_ban(void)
{
	struct fw_policy p;
	struct seen s;
	uint8_t a[16] = { 203, 0, 113, 7 };
	char err[200];

	fw_policy_init(&p);
	CHECK_EQ_INT(fw_policy_add_if(&p, 1, "eth1", 4, err, sizeof(err)), 0);
	fw_batch_init(&fb, mem, sizeof(mem), 1);
	CHECK_EQ_INT(fw_ruleset_build(&p, NULL, 0, 1, &fb), 0);
	walk(&s);
	CHECK(find(&s, "input", "test: jump to a missing chain") != NULL);

	fw_batch_init(&fb, mem, sizeof(mem), 50);
	CHECK_EQ_INT(fw_ban_build(AF_INET, a, 32, 60000, 0, &fb), 0);
	CHECK_EQ_UINT(fb.n_msgs, 1);
	CHECK_STR(fw_batch_what(&fb, 51), "ban 203.0.113.7/32");

	/* A buffer too small is an error, never a cut batch. */
	fw_batch_init(&fb, mem, 2048, 1);
	CHECK_EQ_INT(fw_ruleset_build(&p, NULL, 0, 0, &fb), -1);
}

/* A set-element dump reply as the kernel sends it. */
static void test_setelem_reply(void)
{
	struct nlbuf b;
	struct nlmsg_view m;
	struct fw_elem_info e[4];
	struct nfgenmsg g = { .nfgen_family = NFPROTO_INET };
	size_t msg, list, elem, key, off = 0;
	unsigned n;
	const uint8_t v6[16] = { 0x20, 0x01, 0x0d, 0xb8, [15] = 9 };

	nlb_init(&b, mem, sizeof(mem));
	msg = nlb_msg_begin(&b, NFT_TYPE(NFT_MSG_NEWSETELEM), NLM_F_MULTI, 3,
			    &g, sizeof(g));
	nlb_put_str(&b, NFTA_SET_ELEM_LIST_TABLE, "keel");
	nlb_put_str(&b, NFTA_SET_ELEM_LIST_SET, "banned6");
	list = nlb_nest_begin(&b, NFTA_SET_ELEM_LIST_ELEMENTS);
	for (int i = 0; i < 2; i++) {
		elem = nlb_nest_begin(&b, NFTA_LIST_ELEM);
		key = nlb_nest_begin(&b, NFTA_SET_ELEM_KEY);
		nlb_put(&b, NFTA_DATA_VALUE, v6, 16);
		nlb_nest_end(&b, key);
		nlb_put_be64(&b, NFTA_SET_ELEM_TIMEOUT, 60000);
		nlb_put_be64(&b, NFTA_SET_ELEM_EXPIRATION, 12345);
		nlb_nest_end(&b, elem);
	}
	nlb_nest_end(&b, list);
	nlb_msg_end(&b, msg);
	CHECK_EQ_INT(nlmsg_next(mem, b.len, &off, &m), 1);
	CHECK_EQ_INT(fw_setelems_parse(&m, e, 1, &n), 0);
	CHECK_EQ_UINT(n, 2);	/* counted, though only one fits */
	CHECK_EQ_INT(e[0].family, AF_INET6);
	CHECK(memcmp(e[0].addr, v6, 16) == 0);
	CHECK_EQ_UINT(e[0].timeout_ms, 60000);
	CHECK_EQ_UINT(e[0].expires_ms, 12345);
	/* cut anywhere inside, it must fail cleanly or parse less */
	for (size_t cut = 16; cut < b.len; cut += 4) {
		struct nlmsg_view c = m;

		c.payload_len = cut - 16;
		(void)fw_setelems_parse(&c, e, 4, &n);
	}
	CHECK(1);
}

/* Interval sets: start and end elements paired back into prefixes, in
 * the kernel's dump order (descending), an unpaired top start, IPv4. */
static void test_elems_ranges(void)
{
	struct fw_elem_info e[6];
	const uint8_t p64[16] = { 0x20, 0x01, 0x0d, 0xb8, 0, 1 };
	const uint8_t p64_end[16] = { 0x20, 0x01, 0x0d, 0xb8, 0, 1, 0, 1 };
	const uint8_t h[16] = { 0x20, 0x01, 0x0d, 0xb8, [15] = 5 };
	const uint8_t h_end[16] = { 0x20, 0x01, 0x0d, 0xb8, [15] = 6 };
	const uint8_t top[16] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };

	memset(e, 0, sizeof(e));
	for (int i = 0; i < 5; i++)
		e[i].family = AF_INET6;
	memcpy(e[0].addr, top, 16);
	memcpy(e[1].addr, p64_end, 16);
	e[1].interval_end = 1;
	memcpy(e[2].addr, p64, 16);
	memcpy(e[3].addr, h_end, 16);
	e[3].interval_end = 1;
	memcpy(e[4].addr, h, 16);
	e[5].family = AF_INET;
	memcpy(e[5].addr, (const uint8_t[]){ 10, 0, 0, 100 }, 4);
	CHECK_EQ_UINT(fw_elems_ranges(e, 6), 4);
	CHECK(!memcmp(e[0].addr, top, 16));
	CHECK_EQ_UINT(e[0].prefix_len, 48);
	CHECK(!memcmp(e[1].addr, p64, 16));
	CHECK_EQ_UINT(e[1].prefix_len, 64);
	CHECK(!memcmp(e[2].addr, h, 16));
	CHECK_EQ_UINT(e[2].prefix_len, 128);
	/* A start without an end below the top: it runs to the top; its
	 * own alignment bounds what is shown. */
	CHECK_EQ_INT(e[3].family, AF_INET);
	CHECK_EQ_UINT(e[3].prefix_len, 30);
}

/* The largest policy keel.conf can ask for (one WAN, 4 LANs, every
 * forwarded port in use, both protocols) fits what keel-fw sends; a
 * larger hand-written policy is refused whole, never cut. */
static void build_largest(unsigned n_wan, int *rc)
{
	static struct fw_policy p;
	char err[200], name[32], fwd[64];

	fw_policy_init(&p);
	for (unsigned i = 0; i < 4; i++) {
		snprintf(name, sizeof(name), "lanlanlanlan%03u", i);
		CHECK_EQ_INT(fw_policy_add_if(&p, 0, name, 15, err, 200), 0);
	}
	for (unsigned i = 0; i < n_wan; i++) {
		snprintf(name, sizeof(name), "wanwanwanwan%03u", i);
		CHECK_EQ_INT(fw_policy_add_if(&p, 1, name, 15, err, 200), 0);
	}
	for (int i = 0; i < FW_FORWARDS_MAX; i++) {
		snprintf(fwd, sizeof(fwd), "tcp+udp %d [fd00::%d]:65535",
			 10000 + i, i);
		CHECK_EQ_INT(fw_policy_add_forward(&p, fwd, strlen(fwd), err,
						   200), 0);
	}
	fw_batch_init(&fb, mem, sizeof(mem), 1);
	*rc = fw_ruleset_build(&p, NULL, 0, 0, &fb);
}

static void test_largest(void)
{
	int rc;

	build_largest(1, &rc);
	CHECK_EQ_INT(rc, 0);
	printf("largest config policy: %u messages, %zu bytes\n", fb.n_msgs + 2,
	       fb.nl.len);
	build_largest(FW_ZONE_IFS_MAX, &rc);
	CHECK_EQ_INT(rc, -1);
}

int main(void)
{
	test_elems_ranges();
	test_largest();
	test_policy_batch();
	test_mss_fixed();
	test_dslite();
	test_transit_v6();
	test_bad_rule_and_ban();
	test_setelem_reply();
	return check_done();
}
