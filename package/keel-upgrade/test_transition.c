/* transitions: what install, mark-good and rollback write, from every
 * state they can meet. */
#include "check.h"
#include "transition.h"

static struct boot_state st(uint64_t seq, char order, int trial, char good)
{
	return (struct boot_state){ .seq = seq, .order = order, .trial = trial, .good = good };
}

static int same(struct boot_state a, struct boot_state b)
{
	return a.seq == b.seq && a.order == b.order && a.trial == b.trial && a.good == b.good;
}

int main(void)
{
	struct boot_state cur, next;
	const int NONE = BOOT_TRIAL_NONE;

	CHECK(slot_other('A') == 'B' && slot_other('B') == 'A');

	/* install from the factory state and from a confirmed slot */
	cur = boot_state_factory();
	CHECK_EQ_INT(tr_install(&cur, 'A', &next), TR_WRITE);
	CHECK(same(next, st(1, 'B', 3, 'A')));
	cur = st(10, 'B', NONE, 'B');
	CHECK_EQ_INT(tr_install(&cur, 'B', &next), TR_WRITE);
	CHECK(same(next, st(11, 'A', 3, 'B')));
	/* ...refused while the running slot is on trial (its fallback is the
	 * slot we would overwrite), including the last trial boot (0) */
	for (int t = 0; t <= 3; t++) {
		cur = st(10, 'B', t, 'A');
		CHECK_EQ_INT(tr_install(&cur, 'B', &next), TR_REFUSED_TRIAL);
	}
	/* ...allowed after a fallback not yet confirmed: good = running */
	cur = st(10, 'B', 0, 'A');
	CHECK_EQ_INT(tr_install(&cur, 'A', &next), TR_WRITE);
	CHECK(same(next, st(11, 'B', 3, 'A')));
	cur = st(BOOT_SEQ_MAX, 'A', NONE, 'A');
	CHECK_EQ_INT(tr_install(&cur, 'A', &next), TR_REFUSED_SEQ);

	/* disarm: only when the state points at the slot about to be written */
	cur = st(4, 'A', NONE, 'A');
	CHECK_EQ_INT(tr_disarm(&cur, 'A', &next), TR_NOTHING);
	cur = st(4, 'B', 3, 'A');	/* install pending, installing again */
	CHECK_EQ_INT(tr_disarm(&cur, 'A', &next), TR_WRITE);
	CHECK(same(next, st(5, 'A', NONE, 'A')));
	cur = st(4, 'B', NONE, 'A');	/* rollback pending */
	CHECK_EQ_INT(tr_disarm(&cur, 'A', &next), TR_WRITE);
	/* after a --rollback to A: B is still keel_good, the fallback */
	cur = st(4, 'A', NONE, 'B');
	CHECK_EQ_INT(tr_disarm(&cur, 'A', &next), TR_WRITE);
	CHECK(same(next, st(5, 'A', NONE, 'A')));

	/* mark-good */
	cur = st(7, 'A', NONE, 'A');
	CHECK_EQ_INT(tr_mark_good(&cur, 'A', &next), TR_NOTHING);
	for (int t = 0; t <= 3; t++) {
		cur = st(7, 'B', t, 'A');
		CHECK_EQ_INT(tr_mark_good(&cur, 'B', &next), TR_CONFIRM);
		CHECK(same(next, st(8, 'B', NONE, 'B')));
	}
	cur = st(7, 'B', 0, 'A');	/* fallback: the bootloader booted A */
	CHECK_EQ_INT(tr_mark_good(&cur, 'A', &next), TR_ROLLBACK_DONE);
	CHECK(same(next, st(8, 'A', NONE, 'A')));
	for (int t = 1; t <= 3; t++) {	/* installed, not rebooted yet */
		cur = st(7, 'B', t, 'A');
		CHECK_EQ_INT(tr_mark_good(&cur, 'A', &next), TR_PENDING);
	}
	cur = st(7, 'B', NONE, 'A');	/* --rollback, not rebooted yet */
	CHECK_EQ_INT(tr_mark_good(&cur, 'A', &next), TR_PENDING);

	/* rollback */
	cur = st(9, 'B', NONE, 'B');
	CHECK_EQ_INT(tr_rollback(&cur, 'B', &next), TR_WRITE);
	CHECK(same(next, st(10, 'A', NONE, 'B')));
	CHECK_STR(transition_name(TR_PENDING), "pending");
	return check_done();
}
