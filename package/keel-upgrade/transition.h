/*
 * transition.h - the writes keel-upgrade makes to the boot state
 * (docs/ab-layout.md, "keel-upgrade on the device"). Pure: each takes the
 * current state (the chosen copy, or boot_state_factory()) and the running
 * slot, and says whether to write and what.
 */
#ifndef KEEL_UPGRADE_TRANSITION_H
#define KEEL_UPGRADE_TRANSITION_H

#include "boot_state.h"

enum transition {
	TR_WRITE = 0,		/* write *next */
	TR_CONFIRM,		/* write *next: mark-good of a trial boot */
	TR_ROLLBACK_DONE,	/* write *next: mark-good after a fallback */
	TR_NOTHING,		/* nothing to write: already confirmed */
	TR_PENDING,		/* nothing to write: a switch waits for a reboot */
	TR_REFUSED_TRIAL,	/* install refused: the running slot is on trial */
	TR_REFUSED_SEQ,		/* keel_seq would overflow */
};

char slot_other(char slot);

/* install: the new image is in the other slot; boot it on trial, fall back
 * to the running slot. Refused while the running slot is itself on trial:
 * overwriting its fallback would leave nothing to fall back to. */
enum transition tr_install(const struct boot_state *cur, char running, struct boot_state *next);

/* Before writing the inactive slot: if the state would boot it (a pending
 * install or rollback, or a fallback not yet completed) or names it as
 * keel_good (the fallback after a --rollback), first point the state back
 * at the running slot alone, so a power cut mid-write boots the running
 * slot and never a half-written one. TR_WRITE or TR_NOTHING. (The caller
 * refused an install while the running slot is on trial.) */
enum transition tr_disarm(const struct boot_state *cur, char running, struct boot_state *next);

/* mark-good, run by init once the system is healthy. Only a trial boot or
 * a fallback is written; a confirmed slot's state is never rewritten. */
enum transition tr_mark_good(const struct boot_state *cur, char running, struct boot_state *next);

/* rollback: boot the other slot, confirmed (the caller checks it holds a
 * verified image). */
enum transition tr_rollback(const struct boot_state *cur, char running, struct boot_state *next);

const char *transition_name(enum transition t);

#endif /* KEEL_UPGRADE_TRANSITION_H */
