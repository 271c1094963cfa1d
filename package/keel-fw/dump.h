/*
 * dump.h - reads what the kernel sends back for `keel-fw show` and
 * `keel-fw bans`: chain, rule and set-element messages of a netlink dump.
 * Pure parsers over one message; they never trust a length.
 */
#ifndef KEEL_FW_DUMP_H
#define KEEL_FW_DUMP_H

#include <stddef.h>
#include <stdint.h>
#include <keel/nlmsg.h>

struct fw_chain_info {
	char table[32];
	char name[64];
	char type[16];		/* "filter", "nat"; "" for regular chains */
	int has_hook;
	uint32_t hooknum;
	int32_t priority;
	uint32_t policy;
};

struct fw_rule_info {
	char table[32];
	char chain[64];
	uint64_t handle;
	int has_counter;
	uint64_t packets, bytes;
	char comment[128];	/* from NFTA_RULE_USERDATA, nft's layout */
	char verdict[80];	/* "accept", "drop", "jump input_wan", "dnat"... */
	char exprs[192];	/* expression names, space-separated */
	char match[256];	/* what it matches, nft-like: iifname "wan0"
				 * tcp dport 8080 ... (best effort) */
};

struct fw_elem_info {
	int family;		/* AF_INET / AF_INET6 by key length */
	uint8_t addr[16];
	uint8_t prefix_len;	/* after fw_elems_ranges(); 32/128: one address */
	int interval_end;	/* NFT_SET_ELEM_INTERVAL_END: a range's end */
	uint64_t timeout_ms;	/* 0 if none */
	uint64_t expires_ms;	/* remaining; 0 if none */
};

/* Each returns 0, or -1 if the message is not a well-formed reply of
 * that kind (nf_tables type checked too). */
int fw_chain_parse(const struct nlmsg_view *m, struct fw_chain_info *c);
int fw_rule_parse(const struct nlmsg_view *m, struct fw_rule_info *r);
/* A NEWSETELEM reply may carry several elements: up to max go to out,
 * *n says how many were found in all. */
int fw_setelems_parse(const struct nlmsg_view *m, struct fw_elem_info *out,
		      unsigned max, unsigned *n);

/*
 * The sets are interval sets: each ban is a start element and an end
 * element (the first address past it), or a start alone at the top of
 * the space. Pairs them up in place: keeps the starts, each with the
 * prefix_len of its range, drops the ends; returns how many are left. A
 * range that is not one prefix keeps the longest prefix that starts it
 * (shown, carried over and unbanned by that). Pure.
 */
unsigned fw_elems_ranges(struct fw_elem_info *e, unsigned n);

/* "hook input priority 0 policy drop" style text for a chain header. */
void fw_chain_format(const struct fw_chain_info *c, char *buf, size_t size);
/* One line per rule, counters first. */
void fw_rule_format(const struct fw_rule_info *r, char *buf, size_t size);

#endif /* KEEL_FW_DUMP_H */
