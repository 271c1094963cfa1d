/*
 * transition.c - keel-upgrade's boot state writes, as pure functions.
 */
#include "transition.h"

char slot_other(char slot)
{
	return slot == 'A' ? 'B' : 'A';
}

static enum transition make(const struct boot_state *cur, char order, int trial, char good,
			    struct boot_state *next, enum transition ok)
{
	if (cur->seq >= BOOT_SEQ_MAX)
		return TR_REFUSED_SEQ;
	next->seq = cur->seq + 1;
	next->order = order;
	next->trial = trial;
	next->good = good;
	return ok;
}

enum transition tr_install(const struct boot_state *cur, char running, struct boot_state *next)
{
	if (cur->order == running && cur->trial != BOOT_TRIAL_NONE)
		return TR_REFUSED_TRIAL;
	return make(cur, slot_other(running), BOOT_TRIAL_MAX, running, next, TR_WRITE);
}

enum transition tr_disarm(const struct boot_state *cur, char running, struct boot_state *next)
{
	if (cur->order == running && cur->good == running)
		return TR_NOTHING;
	return make(cur, running, BOOT_TRIAL_NONE, running, next, TR_WRITE);
}

enum transition tr_mark_good(const struct boot_state *cur, char running, struct boot_state *next)
{
	if (cur->order == running) {
		/* trial 0 here is the last trial boot: the bootloader wrote 0
		 * and booted the primary. */
		if (cur->trial == BOOT_TRIAL_NONE)
			return TR_NOTHING;
		return make(cur, running, BOOT_TRIAL_NONE, running, next, TR_CONFIRM);
	}
	/* The primary is the other slot. With trial 0 the bootloader gave up
	 * on it and booted keel_good: finish the rollback. Otherwise the
	 * switch (an install or --rollback) is waiting for the next reboot. */
	if (cur->trial == 0)
		return make(cur, running, BOOT_TRIAL_NONE, running, next, TR_ROLLBACK_DONE);
	return TR_PENDING;
}

enum transition tr_rollback(const struct boot_state *cur, char running, struct boot_state *next)
{
	return make(cur, slot_other(running), BOOT_TRIAL_NONE, cur->good, next, TR_WRITE);
}

const char *transition_name(enum transition t)
{
	switch (t) {
	case TR_WRITE: return "write";
	case TR_CONFIRM: return "confirm";
	case TR_ROLLBACK_DONE: return "rollback-done";
	case TR_NOTHING: return "nothing";
	case TR_PENDING: return "pending";
	case TR_REFUSED_TRIAL: return "refused-trial";
	case TR_REFUSED_SEQ: return "refused-seq";
	}
	return "?";
}
