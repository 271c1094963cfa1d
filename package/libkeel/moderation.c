/*
 * moderation.c - storm detection over fixed windows (keel/moderation.h).
 */
#include "keel/moderation.h"

void moderation_init(struct moderation *m, uint32_t window_ms,
		     uint32_t threshold)
{
	*m = (struct moderation){ .window_ms = window_ms ? window_ms : 1,
				  .threshold = threshold ? threshold : 1 };
}

bool moderation_after_read(struct moderation *m, uint64_t now_ms,
			   uint32_t pkts)
{
	uint64_t age = now_ms - m->window_start;

	if (age >= m->window_ms) {
		/* A window that ended long ago says nothing about now. */
		m->hot = age < 2 * (uint64_t)m->window_ms &&
			 m->count >= m->threshold;
		m->window_start = now_ms;
		m->count = 0;
	}
	m->count = m->count + pkts < m->count ? UINT32_MAX : m->count + pkts;
	return m->hot || m->count >= m->threshold;
}
