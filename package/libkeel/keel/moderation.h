/*
 * keel/moderation.h - when a daemon should stop reading its socket as each
 * packet lands. A wakeup per packet is most of the cost of a small request
 * (a DHCP exchange, a cached DNS answer), so in a storm a daemon leaves the
 * socket alone for a moment and takes what gathered in one read, as a
 * NIC's interrupt moderation does. At a normal rate nothing waits.
 *
 * The rate is counted over fixed windows; times are monotonic milliseconds.
 */
#ifndef KEEL_MODERATION_H
#define KEEL_MODERATION_H

#include <stdbool.h>
#include <stdint.h>

struct moderation {
	uint32_t window_ms;	/* length of a counting window */
	uint32_t threshold;	/* packets in a window that mean a storm */
	uint64_t window_start;
	uint32_t count;		/* packets read in this window */
	bool hot;		/* the previous window was a storm */
};

void moderation_init(struct moderation *m, uint32_t window_ms,
		     uint32_t threshold);

/* Records that a read took pkts packets at now_ms; true while the rate is
 * a storm's (this window or the one before reached the threshold). */
bool moderation_after_read(struct moderation *m, uint64_t now_ms,
			   uint32_t pkts);

#endif /* KEEL_MODERATION_H */
