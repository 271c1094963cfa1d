/*
 * A simulator of the bootloader algorithm of docs/ab-layout.md (the steps
 * the GRUB and U-Boot scripts take), driven together with keel-upgrade's
 * transitions through whole upgrade lives, with power cut at every byte of
 * every state write. The property: every boot lands in a slot that holds
 * a verified image, and a torn write leaves the old state or the new one,
 * never a mixture.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "boot_state.h"
#include "check.h"
#include "transition.h"

struct disk {
	uint8_t copy[BOOT_STATE_COPIES][BOOT_STATE_SIZE];
	int image_ok[2];	/* slot A, slot B hold a verified image */
	unsigned writes;	/* state writes, by anyone */
};

struct boot {
	char slot;
	int trial;		/* keel.trial=1 on the command line */
};

static int slot_index(char slot)
{
	return slot == 'B';
}

/* Reads both copies the way every reader does. Returns the chosen copy
 * index (-1: none valid) and fills *cur (factory state when none). */
static int read_state(const struct disk *d, struct boot_state *cur, int *target)
{
	struct boot_state st[2];
	int valid[2];

	for (int i = 0; i < 2; i++)
		valid[i] = boot_state_parse(d->copy[i], BOOT_STATE_SIZE, &st[i]) == BS_OK;
	int chosen = boot_state_choose(valid, st);

	*cur = chosen < 0 ? boot_state_factory() : st[chosen];
	*target = boot_state_target(valid, st);
	return chosen;
}

/* A state write cut after `cut` bytes (cut >= BOOT_STATE_SIZE: completes). */
static void write_state(struct disk *d, const struct boot_state *next, size_t cut)
{
	struct boot_state cur;
	uint8_t block[BOOT_STATE_SIZE];
	int target;

	read_state(d, &cur, &target);
	if (boot_state_serialize(next, block) != BS_OK)
		abort();
	memcpy(d->copy[target], block, cut < BOOT_STATE_SIZE ? cut : BOOT_STATE_SIZE);
	d->writes++;
}

/* The bootloader: steps 1-4 of docs/ab-layout.md. cut applies to its own
 * write in step 3. */
static struct boot sim_boot(struct disk *d, size_t cut)
{
	struct boot_state cur, next;
	int target;

	if (read_state(d, &cur, &target) < 0)
		return (struct boot){ 'A', 0 };
	if (cur.trial == BOOT_TRIAL_NONE)
		return (struct boot){ cur.order, 0 };
	if (cur.trial > 0) {
		next = cur;
		next.seq = cur.seq + 1;
		next.trial = cur.trial - 1;
		write_state(d, &next, cut);
		return (struct boot){ cur.order, 1 };
	}
	return (struct boot){ cur.good, 0 };
}

static int same(const struct boot_state *a, const struct boot_state *b)
{
	return a->seq == b->seq && a->order == b->order && a->trial == b->trial &&
	       a->good == b->good;
}

static void disk_init(struct disk *d, uint64_t seq)
{
	struct boot_state s = { .seq = seq, .order = 'A', .trial = BOOT_TRIAL_NONE, .good = 'A' };

	memset(d, 0, sizeof(*d));
	d->image_ok[0] = 1;
	if (seq)
		write_state(d, &s, BOOT_STATE_SIZE);
	d->writes = 0;
}

/* keel-upgrade install on a running system: slot write, then the state. */
static enum transition install(struct disk *d, char running, size_t cut)
{
	struct boot_state cur, next;
	int target;

	read_state(d, &cur, &target);
	enum transition t = tr_install(&cur, running, &next);

	if (t != TR_WRITE)
		return t;
	if (tr_disarm(&cur, running, &next) == TR_WRITE) {
		write_state(d, &next, BOOT_STATE_SIZE);
		read_state(d, &cur, &target);
	}
	d->image_ok[slot_index(slot_other(running))] = 1;
	tr_install(&cur, running, &next);
	write_state(d, &next, cut);
	return t;
}

static enum transition mark_good(struct disk *d, char running, size_t cut)
{
	struct boot_state cur, next;
	int target;

	read_state(d, &cur, &target);
	enum transition t = tr_mark_good(&cur, running, &next);

	if (t == TR_CONFIRM || t == TR_ROLLBACK_DONE)
		write_state(d, &next, cut);
	return t;
}

/* The whole story of issue #6: install, three trial boots that never reach
 * mark-good, the fallback, and mark-good on the fallback finishing it. */
static void test_trial_fallback(void)
{
	struct disk d;
	struct boot b;
	struct boot_state cur;
	int target;

	disk_init(&d, 1);
	b = sim_boot(&d, BOOT_STATE_SIZE);
	CHECK(b.slot == 'A' && !b.trial && d.writes == 0);
	CHECK_EQ_INT(install(&d, 'A', BOOT_STATE_SIZE), TR_WRITE);
	for (int i = 0; i < 3; i++) {
		b = sim_boot(&d, BOOT_STATE_SIZE);
		CHECK(b.slot == 'B' && b.trial);
		/* no mark-good: the new image hangs or fails its health check */
	}
	b = sim_boot(&d, BOOT_STATE_SIZE);
	CHECK(b.slot == 'A' && !b.trial);
	/* Until init confirms, every further boot is the fallback, unwritten. */
	unsigned writes = d.writes;
	b = sim_boot(&d, BOOT_STATE_SIZE);
	CHECK(b.slot == 'A' && d.writes == writes);
	CHECK_EQ_INT(mark_good(&d, 'A', BOOT_STATE_SIZE), TR_ROLLBACK_DONE);
	read_state(&d, &cur, &target);
	CHECK(cur.order == 'A' && cur.trial == BOOT_TRIAL_NONE && cur.good == 'A');
	writes = d.writes;
	for (int i = 0; i < 5; i++) {
		b = sim_boot(&d, BOOT_STATE_SIZE);
		CHECK(b.slot == 'A' && !b.trial);
		CHECK_EQ_INT(mark_good(&d, 'A', BOOT_STATE_SIZE), TR_NOTHING);
	}
	CHECK_EQ_UINT(d.writes, writes);	/* confirmed: never written at boot */
}

/* The happy path, and a second upgrade back into slot A. */
static void test_confirm(void)
{
	struct disk d;
	struct boot b;

	disk_init(&d, 0);	/* no valid copy at all: factory, boots A */
	CHECK(sim_boot(&d, BOOT_STATE_SIZE).slot == 'A');
	CHECK_EQ_INT(install(&d, 'A', BOOT_STATE_SIZE), TR_WRITE);
	b = sim_boot(&d, BOOT_STATE_SIZE);
	CHECK(b.slot == 'B' && b.trial);
	CHECK_EQ_INT(install(&d, 'B', BOOT_STATE_SIZE), TR_REFUSED_TRIAL);
	CHECK_EQ_INT(mark_good(&d, 'B', BOOT_STATE_SIZE), TR_CONFIRM);
	for (int i = 0; i < 4; i++)
		CHECK(sim_boot(&d, BOOT_STATE_SIZE).slot == 'B');
	CHECK_EQ_INT(install(&d, 'B', BOOT_STATE_SIZE), TR_WRITE);
	b = sim_boot(&d, BOOT_STATE_SIZE);
	CHECK(b.slot == 'A' && b.trial);
	b = sim_boot(&d, BOOT_STATE_SIZE);	/* crashed before mark-good once */
	CHECK(b.slot == 'A' && b.trial);
	CHECK_EQ_INT(mark_good(&d, 'A', BOOT_STATE_SIZE), TR_CONFIRM);
	CHECK(sim_boot(&d, BOOT_STATE_SIZE).slot == 'A');
}

/* Garbage the older copy can hold before a write lands on it. */
enum stale { STALE_VALID, STALE_ZERO, STALE_HASH, STALE_RANDOM, STALE_TORN, STALE_KINDS };

static void make_stale(struct disk *d, int kind, unsigned *rng)
{
	struct boot_state cur;
	int target;

	read_state(d, &cur, &target);
	uint8_t *p = d->copy[target];

	switch (kind) {
	case STALE_VALID:
		break;	/* whatever the last write left */
	case STALE_ZERO:
		memset(p, 0, BOOT_STATE_SIZE);
		break;
	case STALE_HASH:
		memset(p, '#', BOOT_STATE_SIZE);
		break;
	case STALE_RANDOM:
		for (size_t i = 0; i < BOOT_STATE_SIZE; i++) {
			*rng = *rng * 1103515245u + 12345u;
			p[i] = (uint8_t)(*rng >> 16);
		}
		break;
	case STALE_TORN: {
		/* an earlier cut write of the same seq, another order */
		struct boot_state next = cur;
		uint8_t block[BOOT_STATE_SIZE];

		next.seq = cur.seq + 1;
		next.order = slot_other(cur.order);
		next.trial = 2;
		boot_state_serialize(&next, block);
		memcpy(p, block, 40);
		break;
	}
	}
}

/* Cut every state write (keel-upgrade's and the bootloader's) at every
 * byte offset, from many starting points (seq digit-count changes shift
 * every line), over every kind of stale copy. After the cut the chosen
 * state is exactly the old one or exactly the new one, and the next boot
 * lands in a slot with a verified image. */
static void test_power_cut(void)
{
	static const uint64_t seqs[] = { 1, 2, 8, 9, 10, 11, 98, 99, 100, 998, 999, 1000,
					 9999, 99999, 99999999, BOOT_SEQ_MAX - 10 };
	unsigned rng = 1, cases = 0, bad = 0;

	for (size_t si = 0; si < sizeof(seqs) / sizeof(seqs[0]); si++)
		for (int kind = 0; kind < STALE_KINDS; kind++)
			/* step 0: install, 1-3: bootloader decrements,
			 * 4: mark-good, 5: fallback completion */
			for (int step = 0; step <= 5; step++)
				for (size_t cut = 0; cut <= BOOT_STATE_SIZE; cut++) {
					struct disk d;
					struct boot_state before, after;
					int target;
					char running = 'A';

					/* Bring the disk to the state just before the write. */
					disk_init(&d, seqs[si]);
					if (step > 0)
						install(&d, 'A', BOOT_STATE_SIZE);
					for (int i = 1; i < step && i <= 3; i++)
						running = sim_boot(&d, BOOT_STATE_SIZE).slot;
					if (step == 4)
						running = 'B';
					if (step == 5) {
						sim_boot(&d, BOOT_STATE_SIZE);
						sim_boot(&d, BOOT_STATE_SIZE);
						running = sim_boot(&d, BOOT_STATE_SIZE).slot;
						running = sim_boot(&d, BOOT_STATE_SIZE).slot;	/* fallback: A */
					}
					make_stale(&d, kind, &rng);
					read_state(&d, &before, &target);

					/* The write under test, cut. */
					struct boot b;

					struct boot_state intended = before;

					intended.seq = before.seq + 1;
					if (step == 0) {
						d.image_ok[1] = 1;
						tr_install(&before, running, &intended);
						write_state(&d, &intended, cut);
					} else if (step <= 3) {
						intended.trial = before.trial - 1;
						b = sim_boot(&d, cut);
						if (b.slot != 'B' || !b.trial)
							bad++;
					} else {
						tr_mark_good(&before, running, &intended);
						mark_good(&d, running, cut);
					}
					read_state(&d, &after, &target);
					cases++;
					int is_old = same(&after, &before);
					int is_new = same(&after, &intended);

					if (!is_old && !is_new) {
						bad++;
						fprintf(stderr, "seq %llu stale %d step %d cut %zu: mixed state\n",
							(unsigned long long)seqs[si], kind, step, cut);
					}
					if (cut == BOOT_STATE_SIZE && !is_new)
						bad++;
					/* The next boot, and the one after, land on an image. */
					for (int i = 0; i < 2; i++) {
						b = sim_boot(&d, BOOT_STATE_SIZE);
						if (!d.image_ok[slot_index(b.slot)]) {
							bad++;
							fprintf(stderr, "seq %llu stale %d step %d cut %zu: boots %c without image\n",
								(unsigned long long)seqs[si], kind, step, cut, b.slot);
						}
					}
				}
	CHECK_EQ_UINT(bad, 0);
	CHECK(cases > 400000);
	printf("power cut: %u cut writes simulated\n", cases);
}

/* A power cut while keel-upgrade writes the slot: the state must not point
 * at it. A pending install (order = B, trial) is disarmed first. */
static void test_slot_write_cut(void)
{
	struct disk d;
	struct boot_state cur, next;
	int target;

	disk_init(&d, 5);
	install(&d, 'A', BOOT_STATE_SIZE);	/* pending: order B, trial 3 */
	read_state(&d, &cur, &target);
	CHECK(cur.order == 'B');
	/* Second install: disarm, then the slot write is cut. */
	CHECK_EQ_INT(tr_disarm(&cur, 'A', &next), TR_WRITE);
	write_state(&d, &next, BOOT_STATE_SIZE);
	d.image_ok[1] = 0;
	for (int i = 0; i < 5; i++)
		CHECK(sim_boot(&d, BOOT_STATE_SIZE).slot == 'A');
}

/* Why every writer must put keel_seq first and keel_end last: U-Boot's
 * `env export -t` sorts names (keel_end, keel_good, keel_order, keel_seq,
 * keel_trial). A decrement written in that order and cut just before
 * keel_trial keeps the stale copy's "keel_trial=none" under the new seq:
 * the trial slot becomes confirmed with no mark-good. This pins the
 * hazard down so the U-Boot script cannot quietly use env export. */
static void write_sorted(const struct boot_state *s, uint8_t out[BOOT_STATE_SIZE])
{
	char text[256];
	int n = snprintf(text, sizeof(text),
			 "# GRUB Environment Block\n"
			 "keel_end=%llu\nkeel_good=%c\nkeel_order=%c\nkeel_seq=%llu\nkeel_trial=%s\n",
			 (unsigned long long)s->seq, s->good, s->order, (unsigned long long)s->seq,
			 boot_trial_name(s->trial));

	memset(out, 0, BOOT_STATE_SIZE);
	memcpy(out, text, (size_t)n);
}

static void test_writer_order(void)
{
	unsigned mixed_sorted = 0, mixed_canonical = 0;

	for (uint64_t base = 1; base < 120; base++) {
		struct boot_state stale = { base, 'A', BOOT_TRIAL_NONE, 'A' };
		struct boot_state next = { base + 2, 'B', 2, 'A' }, r;
		uint8_t old[BOOT_STATE_SIZE], sorted[BOOT_STATE_SIZE], canon[BOOT_STATE_SIZE];
		uint8_t mix[BOOT_STATE_SIZE];

		write_sorted(&stale, old);	/* the stale copy, as U-Boot left it */
		write_sorted(&next, sorted);
		boot_state_serialize(&next, canon);
		for (size_t cut = 0; cut <= BOOT_STATE_SIZE; cut++) {
			memcpy(mix, sorted, cut);
			memcpy(mix + cut, old + cut, BOOT_STATE_SIZE - cut);
			if (boot_state_parse(mix, sizeof(mix), &r) == BS_OK && r.seq == next.seq &&
			    r.trial != next.trial)
				mixed_sorted++;
			memcpy(mix, canon, cut);
			memcpy(mix + cut, old + cut, BOOT_STATE_SIZE - cut);
			if (boot_state_parse(mix, sizeof(mix), &r) == BS_OK && r.seq == next.seq &&
			    r.trial != next.trial)
				mixed_canonical++;
		}
	}
	CHECK(mixed_sorted > 0);
	CHECK_EQ_UINT(mixed_canonical, 0);
}

int main(void)
{
	test_trial_fallback();
	test_confirm();
	test_slot_write_cut();
	test_power_cut();
	test_writer_order();
	return check_done();
}
