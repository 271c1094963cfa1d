/* boot state: the GRUB environment block both the bootloader and
 * keel-upgrade read; round trips, tolerance, every refusal. */
#include <string.h>

#include "boot_state.h"
#include "check.h"

static int same(const struct boot_state *a, const struct boot_state *b)
{
	return a->seq == b->seq && a->order == b->order && a->trial == b->trial &&
	       a->good == b->good;
}

#define SIG "# GRUB Environment Block\n"

/* A block holding the signature line, then text, padded with '#'. */
static int parse_text(const char *text, struct boot_state *s)
{
	uint8_t block[BOOT_STATE_SIZE];
	size_t len = strlen(text);

	memset(block, '#', sizeof(block));
	memcpy(block, SIG, sizeof(SIG) - 1);
	memcpy(block + sizeof(SIG) - 1, text, len);
	return boot_state_parse(block, sizeof(block), s);
}

int main(void)
{
	uint8_t block[BOOT_STATE_SIZE];
	struct boot_state s, back;

	/* Every state round-trips, and the text is what GRUB writes. */
	for (int order = 0; order < 2; order++)
		for (int trial = -1; trial <= BOOT_TRIAL_MAX; trial++)
			for (int good = 0; good < 2; good++) {
				s = (struct boot_state){ .seq = 1 + (uint64_t)(trial + 1) * 977,
							 .order = "AB"[order], .trial = trial,
							 .good = "AB"[good] };
				CHECK_EQ_INT(boot_state_serialize(&s, block), BS_OK);
				CHECK_EQ_INT(boot_state_parse(block, sizeof(block), &back), BS_OK);
				CHECK(same(&s, &back));
			}
	s = (struct boot_state){ .seq = 42, .order = 'B', .trial = 3, .good = 'A' };
	CHECK_EQ_INT(boot_state_serialize(&s, block), BS_OK);
	const char *want = "# GRUB Environment Block\nkeel_seq=42\nkeel_order=B\n"
			   "keel_trial=3\nkeel_good=A\nkeel_end=42\n#";
	CHECK_MEM(block, strlen(want), want, strlen(want));
	CHECK_EQ_UINT(block[BOOT_STATE_SIZE - 1], '#');
	s.seq = BOOT_SEQ_MAX;
	CHECK_EQ_INT(boot_state_serialize(&s, block), BS_OK);
	CHECK_EQ_INT(boot_state_parse(block, sizeof(block), &back), BS_OK);
	CHECK(back.seq == BOOT_SEQ_MAX);

	/* Serialize refuses what parse would refuse. */
	s = (struct boot_state){ .seq = 0, .order = 'A', .trial = BOOT_TRIAL_NONE, .good = 'A' };
	CHECK_EQ_INT(boot_state_serialize(&s, block), BS_ERR_VALUE);
	s.seq = 1;
	s.order = 'C';
	CHECK_EQ_INT(boot_state_serialize(&s, block), BS_ERR_VALUE);
	s.order = 'A';
	s.trial = 4;
	CHECK_EQ_INT(boot_state_serialize(&s, block), BS_ERR_VALUE);

	/* Tolerant: comments, unknown variables, other order, text after a
	 * NUL. */
	CHECK_EQ_INT(parse_text("keel_end=7\nsaved_entry=1\n# note\nkeel_good=B\n"
				"garbage line\nkeel_trial=none\nkeel_order=A\nkeel_seq=7\n", &s), BS_OK);
	CHECK(s.seq == 7 && s.order == 'A' && s.trial == BOOT_TRIAL_NONE && s.good == 'B');
	memset(block, 0, sizeof(block));
	memcpy(block, "keel_seq=3\nkeel_order=B\nkeel_trial=0\nkeel_good=A\nkeel_end=3", 59);
	/* No signature line: GRUB and U-Boot ignore such a block, so do we. */
	CHECK_EQ_INT(boot_state_parse(block, sizeof(block), &s), BS_ERR_SIGNATURE);
	memset(block, 0, sizeof(block));
	memcpy(block, SIG "keel_seq=3\nkeel_order=B\nkeel_trial=0\nkeel_good=A\nkeel_end=3",
	       sizeof(SIG) - 1 + 59);
	CHECK_EQ_INT(boot_state_parse(block, sizeof(block), &s), BS_OK);
	CHECK(s.seq == 3 && s.trial == 0);
	memcpy(block + sizeof(SIG) - 1 + 60, "keel_seq=9\n", 11);	/* after the NUL: not read */
	CHECK_EQ_INT(boot_state_parse(block, sizeof(block), &s), BS_OK);
	CHECK(s.seq == 3);

	/* Refusals. */
	CHECK_EQ_INT(parse_text("keel_seq=3\nkeel_order=B\nkeel_trial=0\nkeel_good=A\n", &s),
		     BS_ERR_MISSING);
	CHECK_EQ_INT(parse_text("", &s), BS_ERR_MISSING);
	CHECK_EQ_INT(parse_text("keel_seq=3\nkeel_order=B\nkeel_order=A\nkeel_trial=0\n"
				"keel_good=A\nkeel_end=3\n", &s), BS_ERR_DUPLICATE);
	CHECK_EQ_INT(parse_text("keel_seq=3\nkeel_order=B\nkeel_trial=0\nkeel_good=A\n"
				"keel_end=4\n", &s), BS_ERR_TORN);
	static const char *const bad_values[] = {
		"keel_seq=03\nkeel_order=B\nkeel_trial=0\nkeel_good=A\nkeel_end=03\n",
		"keel_seq=0\nkeel_order=B\nkeel_trial=0\nkeel_good=A\nkeel_end=0\n",
		"keel_seq=\nkeel_order=B\nkeel_trial=0\nkeel_good=A\nkeel_end=\n",
		"keel_seq=1234567890123456789\nkeel_order=B\nkeel_trial=0\nkeel_good=A\n"
		"keel_end=1234567890123456789\n",
		"keel_seq=3 \nkeel_order=B\nkeel_trial=0\nkeel_good=A\nkeel_end=3\n",
		"keel_seq=3\nkeel_order=b\nkeel_trial=0\nkeel_good=A\nkeel_end=3\n",
		"keel_seq=3\nkeel_order=AB\nkeel_trial=0\nkeel_good=A\nkeel_end=3\n",
		"keel_seq=3\nkeel_order=B\nkeel_trial=4\nkeel_good=A\nkeel_end=3\n",
		"keel_seq=3\nkeel_order=B\nkeel_trial=None\nkeel_good=A\nkeel_end=3\n",
		"keel_seq=3\nkeel_order=B\nkeel_trial=0\nkeel_good=\nkeel_end=3\n",
		"keel_seq=3\nkeel_order=B\nkeel_trial=0\nkeel_good=A\nkeel_end=3#\n",
	};
	for (size_t i = 0; i < sizeof(bad_values) / sizeof(bad_values[0]); i++)
		CHECK_EQ_INT(parse_text(bad_values[i], &s), BS_ERR_VALUE);
	CHECK_EQ_INT(boot_state_parse(block, 512, &s), BS_ERR_SIZE);
	memset(block, 0, sizeof(block));
	CHECK_EQ_INT(boot_state_parse(block, sizeof(block), &s), BS_ERR_SIGNATURE);
	memset(block, 0xff, sizeof(block));
	CHECK_EQ_INT(boot_state_parse(block, sizeof(block), &s), BS_ERR_SIGNATURE);
	CHECK_EQ_INT(parse_text("", &s), BS_ERR_MISSING);
	/* Ten digits: past what GRUB can compare. */
	CHECK_EQ_INT(parse_text("keel_seq=1000000000\nkeel_order=B\nkeel_trial=0\n"
				"keel_good=A\nkeel_end=1000000000\n", &s), BS_ERR_VALUE);

	/* Choosing, and which copy a writer overwrites. */
	struct boot_state st[2] = {
		{ .seq = 5, .order = 'A', .trial = BOOT_TRIAL_NONE, .good = 'A' },
		{ .seq = 6, .order = 'B', .trial = 3, .good = 'A' },
	};
	int both[2] = { 1, 1 }, first[2] = { 1, 0 }, second[2] = { 0, 1 }, none[2] = { 0, 0 };

	CHECK_EQ_INT(boot_state_choose(both, st), 1);
	CHECK_EQ_INT(boot_state_target(both, st), 0);
	CHECK_EQ_INT(boot_state_choose(first, st), 0);
	CHECK_EQ_INT(boot_state_target(first, st), 1);
	CHECK_EQ_INT(boot_state_choose(second, st), 1);
	CHECK_EQ_INT(boot_state_target(second, st), 0);
	CHECK_EQ_INT(boot_state_choose(none, st), -1);
	CHECK_EQ_INT(boot_state_target(none, st), 0);
	st[1].seq = 5;	/* a tie (no writer makes one): copy 0 wins, copy 1 is written */
	CHECK_EQ_INT(boot_state_choose(both, st), 0);
	CHECK_EQ_INT(boot_state_target(both, st), 1);
	s = boot_state_factory();
	CHECK(s.seq == 0 && s.order == 'A' && s.good == 'A' && s.trial == BOOT_TRIAL_NONE);
	CHECK_STR(boot_trial_name(BOOT_TRIAL_NONE), "none");
	CHECK_STR(boot_trial_name(2), "2");
	return check_done();
}
