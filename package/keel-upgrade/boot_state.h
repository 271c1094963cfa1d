/*
 * boot_state.h - the A/B boot state of docs/ab-layout.md: two 1024-byte
 * GRUB environment blocks on the disk, the valid one with the higher
 * keel_seq wins. Everything here is pure (no I/O).
 */
#ifndef KEEL_UPGRADE_BOOT_STATE_H
#define KEEL_UPGRADE_BOOT_STATE_H

#include <stddef.h>
#include <stdint.h>

#define BOOT_STATE_SIZE		1024u
#define BOOT_STATE_COPIES	2
#define BOOT_TRIAL_NONE		(-1)	/* keel_trial=none: primary confirmed */
#define BOOT_TRIAL_MAX		3
/* keel_seq is at most 18 digits, so seq + 1 never overflows a uint64_t. */
/* 9 digits: GRUB on i386-pc compares numbers as 32-bit signed longs. */
#define BOOT_SEQ_MAX		999999999ull

struct boot_state {
	uint64_t seq;
	char order;	/* 'A' or 'B': boot this */
	int trial;	/* BOOT_TRIAL_NONE, or boots left 0..3 */
	char good;	/* 'A' or 'B': the fallback */
};

enum boot_state_error {
	BS_OK = 0,
	BS_ERR_MISSING = -1,	/* a keel_* variable is absent */
	BS_ERR_DUPLICATE = -2,	/* a keel_* variable appears twice */
	BS_ERR_VALUE = -3,	/* a keel_* value is malformed */
	BS_ERR_TORN = -4,	/* keel_end differs from keel_seq */
	BS_ERR_SIZE = -5,	/* the buffer is not one block */
	BS_ERR_SIGNATURE = -6,	/* no "# GRUB Environment Block" first line */
};

/* Parses one copy. Tolerant the way GRUB is: '#' lines, padding, unknown
 * variables and lines without '=' are ignored, and the block ends at the
 * first NUL. Strict about Keel's own variables: each exactly once, values
 * exactly as docs/ab-layout.md spells them. Returns BS_OK (out filled) or
 * an error. */
int boot_state_parse(const uint8_t *p, size_t n, struct boot_state *out);

/* Writes s as one full block (header line, variables, '#' padding). keel_seq
 * comes first and keel_end last, so a write torn anywhere cannot pair a new
 * keel_seq with a matching keel_end. Returns BS_OK or BS_ERR_VALUE. */
int boot_state_serialize(const struct boot_state *s, uint8_t out[BOOT_STATE_SIZE]);

const char *boot_state_strerror(int err);

/* Which copy the bootloader uses: the valid one with the higher seq; on a
 * tie, copy 0. -1 when neither is valid (factory state: boot A). */
int boot_state_choose(const int valid[BOOT_STATE_COPIES],
		      const struct boot_state st[BOOT_STATE_COPIES]);

/* Which copy a writer overwrites: an invalid one, else the older; never the
 * copy boot_state_choose picks. */
int boot_state_target(const int valid[BOOT_STATE_COPIES],
		      const struct boot_state st[BOOT_STATE_COPIES]);

/* The state the bootloader acts on when no copy is valid. seq 0, so the
 * first write is seq 1. */
struct boot_state boot_state_factory(void);

/* "none" or the digit, for printing. */
const char *boot_trial_name(int trial);

#endif /* KEEL_UPGRADE_BOOT_STATE_H */
