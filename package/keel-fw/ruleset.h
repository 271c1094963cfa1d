/*
 * ruleset.h - turns a struct fw_policy into one nf_tables batch that
 * replaces table `inet keel` atomically; and the small batches of
 * `keel-fw ban/unban`. Pure: everything lands in the caller's buffer.
 */
#ifndef KEEL_FW_RULESET_H
#define KEEL_FW_RULESET_H

#include <stdint.h>
#include <keel/fwban.h>
#include <keel/nlmsg.h>

#include "policy.h"

#define FW_TABLE	FWBAN_TABLE
#define FW_SET4		FWBAN_SET4
#define FW_SET6		FWBAN_SET6
#define FW_BATCH_MSGS_MAX	4096
#define FW_WHAT_MAX	64

/* A batch under construction, with what each message is, so an error the
 * kernel reports by sequence number can name the object that failed. */
struct fw_batch {
	struct nlbuf nl;
	uint32_t seq_first;	/* of the batch-begin message */
	uint32_t seq_next;
	unsigned n_msgs;	/* messages between begin and end */
	char what[FW_BATCH_MSGS_MAX][FW_WHAT_MAX];
};

void fw_batch_init(struct fw_batch *fb, void *mem, size_t cap,
		   uint32_t seq_first);
/* Seq of the message about to be added, recording what it is. */
__attribute__((format(printf, 2, 3)))
uint32_t fw_batch_msg(struct fw_batch *fb, const char *fmt, ...);
/* Ends the batch; 0, or -1 if the buffer or label table overflowed. */
int fw_batch_finish(struct fw_batch *fb);
/* What the message with this seq was ("?" if not ours). */
const char *fw_batch_what(const struct fw_batch *fb, uint32_t seq);

/* A ban to carry over into a new ruleset. */
struct fw_ban {
	int family;
	uint8_t addr[16];
	unsigned prefix_len;	/* 32/128: one address */
	uint64_t timeout_ms;	/* remaining; 0 = none */
};

/*
 * The whole ruleset: delete-if-exists + create `inet keel`, sets, chains,
 * rules, and the given bans, in one batch. bad_rule appends a rule the
 * kernel refuses (a jump to a missing chain): tests use it to prove a
 * rejected batch leaves the old ruleset in force.
 */
int fw_ruleset_build(const struct fw_policy *p, const struct fw_ban *bans,
		     unsigned n_bans, int bad_rule, struct fw_batch *fb);

/* Adds (or with del, removes) one address or prefix from banned4/banned6,
 * through libkeel's fwban_elem() (logd bans the same way). */
int fw_ban_build(int family, const uint8_t addr[16], unsigned prefix_len,
		 uint64_t timeout_ms, int del, struct fw_batch *fb);

#endif /* KEEL_FW_RULESET_H */
