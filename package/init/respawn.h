/*
 * respawn.h - how long to wait before restarting something that keeps dying.
 *
 * Pure: it sees only exit timestamps, so the policy is unit-tested without
 * processes or clocks.
 */
#ifndef KEEL_INIT_RESPAWN_H
#define KEEL_INIT_RESPAWN_H

#include <stddef.h>
#include <stdint.h>

/* More than RESPAWN_BURST exits within RESPAWN_WINDOW_MS means the thing is
 * crash-looping: wait RESPAWN_BACKOFF_MS before the next start instead of
 * flooding the console and burning the CPU. */
#define RESPAWN_BURST 5
#define RESPAWN_WINDOW_MS 10000
#define RESPAWN_BACKOFF_MS 5000

struct respawn {
	uint64_t exit_ms[RESPAWN_BURST + 1];	/* ring of the latest exits */
	size_t count;
	size_t next;
};

void respawn_reset(struct respawn *r);

/* Records an exit at now_ms; returns the delay before restarting, in ms. */
uint64_t respawn_note_exit(struct respawn *r, uint64_t now_ms);

#endif /* KEEL_INIT_RESPAWN_H */
