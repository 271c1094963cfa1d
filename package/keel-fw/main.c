/*
 * keel-fw - Keel's firewall: loads the policy into nf_tables over netlink
 * (no nft binary), shows it with counters, and manages address bans.
 *
 *   keel-fw apply [-n] [-X] [-l IF]... [-w IF]... [-f 'PROTO PORT HOST[:PORT]']...
 *                 [-t BAN_SECONDS] [POLICYFILE]
 *
 * -n prints the effective policy and the ruleset it would load, without
 * touching the kernel. -X (tests) adds a rule the kernel refuses, to show
 * that a refused batch changes nothing. The policy file format is in
 * policy.c; flags add to what the file says.
 *   keel-fw show
 *   keel-fw ban ADDR [SECONDS]
 *   keel-fw unban ADDR
 *   keel-fw bans
 *
 * apply replaces table `inet keel` in one batch: if the kernel refuses any
 * part, nothing changes. Bans in force are carried over into the new table.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/socket.h>
#include <arpa/inet.h>

#include <keel/file.h>
#include <keel/log.h>
#include <keel/fwban.h>
#include <keel/nft.h>
#include <keel/nlmsg.h>

#include "dump.h"
#include "from_config.h"
#include "policy.h"
#include "ruleset.h"

#define BATCH_MAX (2 * 1024 * 1024)	/* the largest config policy needs ~1.5 MB */
#define CHAINS_MAX 64
#define BANS_MAX 4096

static uint8_t batch_mem[BATCH_MAX] __attribute__((aligned(4)));
static struct fw_batch batch;
static struct fw_policy policy;

static void usage(void)
{
	fprintf(stderr,
		"usage: keel-fw apply [-n] [-X] [-c KEEL.CONF] [-l LANIF]... [-w WANIF]... "
		"[-f 'PROTO PORT HOST[:PORT]']... [-t BAN_SECONDS] "
		"[POLICYFILE]\n"
		"       keel-fw show\n"
		"       keel-fw ban ADDR[/LEN] [SECONDS]\n"
		"       keel-fw unban ADDR[/LEN]\n"
		"       keel-fw bans\n");
	exit(2);
}

static uint32_t seq_base(void)
{
	/* Distinct per run, so stale replies are told apart; below 2^31 so
	 * a batch's range of sequence numbers never wraps. */
	return ((uint32_t)time(NULL) << 8) & 0x7fffffffu;
}

static int open_nft(void)
{
	int fd = nlsock_open(NETLINK_NETFILTER);

	if (fd < 0) {
		logx_err("netlink socket: %s", strerror(errno));
		exit(1);
	}
	return fd;
}

/* Sends the batch; on any error names the message the kernel refused. */
static int send_batch(int fd, const char *action)
{
	struct nlsock_result res;
	int r = nlsock_talk(fd, batch.nl.data, batch.nl.len, batch.seq_first,
			    batch.seq_next, 0, 0, NULL, NULL, &res);

	if (r < 0) {
		logx_err("%s: netlink: %s", action, strerror(errno));
		return -1;
	}
	if (res.errors) {
		logx_err("%s: kernel refused the batch, nothing changed: %s: "
			 "%s (errno %d)%s%s", action,
			 fw_batch_what(&batch, res.first_err_seq),
			 strerror(-res.first_err), -res.first_err,
			 res.first_err_msg[0] ? ": " : "", res.first_err_msg);
		return -1;
	}
	if (res.acks != batch.n_msgs) {
		logx_err("%s: kernel acknowledged %u of %u messages", action,
			 res.acks, batch.n_msgs);
		return -1;
	}
	return 0;
}

/* ---- dumps ---- */

struct dump_ctx {
	struct fw_chain_info chains[CHAINS_MAX];
	unsigned n_chains;
	unsigned next_chain;	/* show: next chain header to print */
	unsigned n_rules;
	struct fw_elem_info elems[BANS_MAX];
	unsigned n_elems;
	unsigned dropped;	/* over a table's maximum */
	int bad;		/* replies we could not parse */
};

static struct dump_ctx dump;

static int on_chain(const struct nlmsg_view *m, void *ctx)
{
	struct dump_ctx *d = ctx;
	struct fw_chain_info c;

	if (m->hdr.nlmsg_type == NLMSG_ERROR)
		return 0;
	if (fw_chain_parse(m, &c) < 0) {
		d->bad++;
		return 0;
	}
	if (strcmp(c.table, FW_TABLE))
		return 0;
	if (d->n_chains < CHAINS_MAX)
		d->chains[d->n_chains++] = c;
	else
		d->dropped++;
	return 0;
}

/* Prints chain headers up to (and including) the chain named, or all that
 * are left when name is NULL. The kernel dumps rules chain by chain, in
 * the chains' order, so `show` streams them instead of holding them. */
static void print_chains_until(const char *name)
{
	char line[512];

	while (dump.next_chain < dump.n_chains) {
		const struct fw_chain_info *c = &dump.chains[dump.next_chain];

		if (name && dump.next_chain > 0 &&
		    !strcmp(dump.chains[dump.next_chain - 1].name, name))
			return;
		fw_chain_format(c, line, sizeof(line));
		printf("%s\n", line);
		dump.next_chain++;
		if (name && !strcmp(c->name, name))
			return;
	}
}

static int on_rule(const struct nlmsg_view *m, void *ctx)
{
	struct dump_ctx *d = ctx;
	struct fw_rule_info r;
	char line[512];

	if (m->hdr.nlmsg_type == NLMSG_ERROR)
		return 0;
	if (fw_rule_parse(m, &r) < 0) {
		d->bad++;
		return 0;
	}
	if (strcmp(r.table, FW_TABLE))
		return 0;
	print_chains_until(r.chain);
	fw_rule_format(&r, line, sizeof(line));
	printf("%s\n", line);
	d->n_rules++;
	return 0;
}

static int on_elems(const struct nlmsg_view *m, void *ctx)
{
	struct dump_ctx *d = ctx;
	unsigned n;

	if (m->hdr.nlmsg_type == NLMSG_ERROR)
		return 0;
	if (fw_setelems_parse(m, d->elems + d->n_elems, BANS_MAX - d->n_elems,
			      &n) < 0) {
		d->bad++;
		return 0;
	}
	if (n > BANS_MAX - d->n_elems) {
		d->dropped += n - (BANS_MAX - d->n_elems);
		n = BANS_MAX - d->n_elems;
	}
	d->n_elems += n;
	return 0;
}

/* One dump request; returns 0, or the kernel's negative errno. */
static int run_dump(int fd, uint16_t msg, const char *set, nlsock_cb cb)
{
	static uint8_t req[512] __attribute__((aligned(4)));
	struct nlbuf b;
	struct nlsock_result res;
	uint32_t seq = seq_base() + 200;
	size_t m;

	nlb_init(&b, req, sizeof(req));
	m = nft_msg_begin(&b, msg, NLM_F_DUMP | NLM_F_ACK, NFPROTO_INET, seq);
	if (msg == NFT_MSG_GETRULE) {
		nlb_put_str(&b, NFTA_RULE_TABLE, FW_TABLE);
	} else if (msg == NFT_MSG_GETSETELEM) {
		nlb_put_str(&b, NFTA_SET_ELEM_LIST_TABLE, FW_TABLE);
		nlb_put_str(&b, NFTA_SET_ELEM_LIST_SET, set);
	}
	nlb_msg_end(&b, m);
	if (nlsock_talk(fd, req, b.len, seq, seq, 1, 2000, cb, &dump,
			&res) < 0) {
		logx_err("dump: netlink: %s", strerror(errno));
		exit(1);
	}
	return res.first_err;
}

/* One set's elements, paired into ranges (start + end elements). */
static int dump_set(int fd, const char *set)
{
	unsigned first = dump.n_elems;
	int err = run_dump(fd, NFT_MSG_GETSETELEM, set, on_elems);

	dump.n_elems = first + fw_elems_ranges(dump.elems + first,
					       dump.n_elems - first);
	return err;
}

/* Bans in force now (either set may be missing: no table yet). */
static void read_bans(int fd)
{
	dump.n_elems = 0;
	(void)dump_set(fd, FW_SET4);
	(void)dump_set(fd, FW_SET6);
}

/* "ADDR" or "ADDR/LEN". */
static int parse_ban(const char *s, int *family, uint8_t addr[16],
		     unsigned *prefix_len)
{
	const char *slash = strchr(s, '/');
	size_t n = slash ? (size_t)(slash - s) : strlen(s);
	uint32_t len;

	if (fw_addr_parse(s, n, family, addr) < 0)
		return -1;
	*prefix_len = *family == AF_INET ? 32 : 128;
	if (!slash)
		return 0;
	if (fw_uint_parse(slash + 1, strlen(slash + 1), 1, *prefix_len,
			  &len) < 0)
		return -1;
	*prefix_len = len;
	return 0;
}

/* ---- commands ---- */

/* Prints the rules of a batch we built, as `show` would (for -n). */
static void print_batch(void)
{
	struct nlmsg_view m;
	size_t off = 0;
	char line[512];

	printf("table inet %s\n", FW_TABLE);
	while (nlmsg_next(batch.nl.data, batch.nl.len, &off, &m) > 0) {
		struct fw_chain_info c;
		struct fw_rule_info r;

		if (fw_chain_parse(&m, &c) == 0) {
			fw_chain_format(&c, line, sizeof(line));
			printf("%s\n", line);
		} else if (fw_rule_parse(&m, &r) == 0) {
			fw_rule_format(&r, line, sizeof(line));
			printf("  %-12s%s\n", r.chain, line + 2);
		}
	}
	printf("# %u messages, %zu bytes in one batch\n", batch.n_msgs + 2,
	       batch.nl.len);
}

static int cmd_apply(int argc, char **argv)
{
	static char text[65536];
	static struct fw_ban bans[BANS_MAX];
	char err[200], shown[8192];
	int check = 0, bad_rule = 0, opt, fd = -1;
	unsigned n_bans = 0;
	uint32_t v;

	fw_policy_init(&policy);
	optind = 1;
	while ((opt = getopt(argc, argv, "nXc:l:w:f:t:")) != -1) {
		switch (opt) {
		case 'n':
			check = 1;
			break;
		case 'c': {
			/* The router's own config: a broken file falls back to
			 * the safe default, as init does (logged there). */
			static struct keel_config cfg;

			config_load_or_default(optarg, &cfg);
			if (fw_policy_from_config(&cfg, &policy, err, sizeof(err))) {
				logx_err("%s: %s", optarg, err);
				return 1;
			}
			break;
		}
		case 'X':
			bad_rule = 1;
			break;
		case 'l':
		case 'w':
			if (fw_policy_add_if(&policy, opt == 'w', optarg,
					     strlen(optarg), err, sizeof(err))) {
				logx_err("-%c: %s", opt, err);
				return 1;
			}
			break;
		case 'f':
			if (fw_policy_add_forward(&policy, optarg,
						  strlen(optarg), err,
						  sizeof(err))) {
				logx_err("-f: %s", err);
				return 1;
			}
			break;
		case 't':
			if (fw_uint_parse(optarg, strlen(optarg), 1, 100000000,
					  &v)) {
				logx_err("-t: bad number of seconds: %s",
					 optarg);
				return 1;
			}
			policy.ban_timeout_s = v;
			break;
		default:
			usage();
		}
	}
	if (optind < argc) {
		int truncated;
		ssize_t n = file_read(argv[optind], text, sizeof(text),
				      &truncated);

		if (n < 0) {
			logx_err("%s: %s", argv[optind], strerror(errno));
			return 1;
		}
		if (truncated) {
			logx_err("%s: larger than %zu bytes", argv[optind],
				 sizeof(text));
			return 1;
		}
		if (fw_policy_parse(text, (size_t)n, &policy, err,
				    sizeof(err))) {
			logx_err("%s: %s", argv[optind], err);
			return 1;
		}
		if (optind + 1 < argc)
			usage();
	}
	if (fw_policy_check(&policy, err, sizeof(err))) {
		logx_err("policy: %s", err);
		return 1;
	}
	if (!check) {
		fd = open_nft();
		read_bans(fd);
		for (unsigned i = 0; i < dump.n_elems; i++) {
			/* An element about to expire is not worth keeping. */
			if (dump.elems[i].timeout_ms &&
			    dump.elems[i].expires_ms < 1000)
				continue;
			bans[n_bans].family = dump.elems[i].family;
			memcpy(bans[n_bans].addr, dump.elems[i].addr, 16);
			bans[n_bans].prefix_len = dump.elems[i].prefix_len;
			bans[n_bans].timeout_ms = dump.elems[i].expires_ms;
			n_bans++;
		}
	}
	fw_batch_init(&batch, batch_mem, sizeof(batch_mem), seq_base());
	if (fw_ruleset_build(&policy, bans, n_bans, bad_rule, &batch) < 0) {
		logx_err("policy too large: batch over %zu bytes or %d "
			 "messages", sizeof(batch_mem), FW_BATCH_MSGS_MAX);
		return 1;
	}
	if (check) {
		fw_policy_print(&policy, shown, sizeof(shown));
		printf("%s", shown);
		print_batch();
		return 0;
	}
	if (send_batch(fd, "apply") < 0)
		return 1;
	printf("keel-fw: loaded table inet %s: %u messages, %zu bytes, "
	       "%u bans kept\n", FW_TABLE, batch.n_msgs + 2, batch.nl.len,
	       n_bans);
	return 0;
}

static int not_loaded(int err)
{
	if (err == -ENOENT) {
		logx_err("table inet %s is not loaded (run keel-fw apply)",
			 FW_TABLE);
		return 1;
	}
	logx_err("dump: %s (errno %d)", strerror(-err), -err);
	return 1;
}

static int cmd_show(void)
{
	int fd = open_nft(), err;

	err = run_dump(fd, NFT_MSG_GETCHAIN, NULL, on_chain);
	if (err)
		return not_loaded(err);
	if (!dump.n_chains)
		return not_loaded(-ENOENT);
	printf("table inet %s\n", FW_TABLE);
	err = run_dump(fd, NFT_MSG_GETRULE, NULL, on_rule);
	if (err)
		return not_loaded(err);
	print_chains_until(NULL);
	if (dump.bad || dump.dropped)
		logx_warn("%d replies not understood, %u over the limits",
			  dump.bad, dump.dropped);
	return 0;
}

static int cmd_bans(void)
{
	int fd = open_nft(), err;
	char a[INET6_ADDRSTRLEN];

	err = dump_set(fd, FW_SET4);
	if (!err)
		err = dump_set(fd, FW_SET6);
	if (err)
		return not_loaded(err);
	for (unsigned i = 0; i < dump.n_elems; i++) {
		const struct fw_elem_info *e = &dump.elems[i];

		fwban_prefix_str(e->family, e->addr, e->prefix_len, a, sizeof(a));
		/* Elements on the set's default timeout report only
		 * their expiration. */
		if (e->expires_ms || e->timeout_ms)
			printf("%-40s expires in %llus\n", a,
			       (unsigned long long)(e->expires_ms + 999) / 1000);
		else
			printf("%-40s permanent\n", a);
	}
	printf("%u banned\n", dump.n_elems);
	return 0;
}

static int cmd_ban(int argc, char **argv, int del)
{
	uint8_t addr[16], first[16], end[16];
	int family, fd;
	uint32_t secs = 0;
	unsigned plen;

	if (argc < 2 || argc > (del ? 2 : 3))
		usage();
	if (parse_ban(argv[1], &family, addr, &plen) < 0) {
		logx_err("%s: not an IPv4 or IPv6 address[/length]", argv[1]);
		return 1;
	}
	if (argc == 3 && fw_uint_parse(argv[2], strlen(argv[2]), 1, 100000000,
				       &secs) < 0) {
		logx_err("%s: not a number of seconds", argv[2]);
		return 1;
	}
	fd = open_nft();
	if (del) {
		/* Unbanning what is not banned is an error worth a clear
		 * word, not the batch's ENOENT. */
		int found = 0;

		read_bans(fd);
		(void)fwban_range(family, addr, plen, first, end);
		for (unsigned i = 0; i < dump.n_elems; i++)
			found |= dump.elems[i].family == family &&
				dump.elems[i].prefix_len == plen &&
				!memcmp(dump.elems[i].addr, first,
					family == AF_INET ? 4 : 16);
		if (!found) {
			logx_err("%s is not banned", argv[1]);
			return 1;
		}
	}
	fw_batch_init(&batch, batch_mem, sizeof(batch_mem), seq_base());
	if (fw_ban_build(family, addr, plen, (uint64_t)secs * 1000, del,
			 &batch) < 0)
		return 1;
	return send_batch(fd, del ? "unban" : "ban") < 0;
}

int main(int argc, char **argv)
{
	log_init("keel-fw", KEEL_LOG_STDERR);
	if (argc < 2)
		usage();
	if (!strcmp(argv[1], "apply"))
		return cmd_apply(argc - 1, argv + 1);
	if (!strcmp(argv[1], "show") && argc == 2)
		return cmd_show();
	if (!strcmp(argv[1], "bans") && argc == 2)
		return cmd_bans();
	if (!strcmp(argv[1], "ban"))
		return cmd_ban(argc - 1, argv + 1, 0);
	if (!strcmp(argv[1], "unban"))
		return cmd_ban(argc - 1, argv + 1, 1);
	usage();
}
