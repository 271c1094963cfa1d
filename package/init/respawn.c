/*
 * respawn.c - crash-loop detection over a ring of recent exit times.
 */
#include <string.h>

#include "respawn.h"

#define RING (RESPAWN_BURST + 1)

void respawn_reset(struct respawn *r)
{
	memset(r, 0, sizeof(*r));
}

uint64_t respawn_note_exit(struct respawn *r, uint64_t now_ms)
{
	uint64_t oldest;

	r->exit_ms[r->next] = now_ms;
	r->next = (r->next + 1) % RING;
	if (r->count < RING)
		r->count++;
	if (r->count < RING)
		return 0;

	/* The ring is full; r->next now points at the oldest of the last
	 * RESPAWN_BURST + 1 exits. A clock that went backwards (it cannot:
	 * callers pass monotonic time) counts as "within the window". */
	oldest = r->exit_ms[r->next];
	if (now_ms < oldest || now_ms - oldest < RESPAWN_WINDOW_MS)
		return RESPAWN_BACKOFF_MS;
	return 0;
}
