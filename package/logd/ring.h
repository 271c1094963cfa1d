/*
 * ring.h - the log: one fixed-size byte ring of variable-length records.
 *
 * The memory is the caller's and never grows; a new record overwrites the
 * oldest ones it needs room for, counted in `overwritten`. Every record
 * has a sequence number, so a reader (logread -f, the forwarder) keeps a
 * cursor and learns how many records passed it by when it falls behind.
 */
#ifndef LOGD_RING_H
#define LOGD_RING_H

#include <stddef.h>
#include <stdint.h>

#include "logmsg.h"

struct ring {
	uint8_t *buf;
	size_t cap;		/* multiple of 8 */
	size_t head;		/* offset of the oldest record */
	size_t tail;		/* where the next record goes */
	size_t count;
	uint64_t first_seq;	/* seq of the oldest record */
	uint64_t next_seq;	/* seq the next record will get */
	uint64_t overwritten;
};

/* A record read back; strings point into the ring. */
struct ring_rec {
	uint64_t seq;
	uint64_t time_us;
	int32_t pid;
	uint8_t facility, severity;
	struct span host, prog, text;
};

struct ring_cursor {
	uint64_t seq;
	size_t off;
};

/* mem of cap bytes (at least 1 KiB; rounded down to 8), 8-byte aligned. */
void ring_init(struct ring *r, void *mem, size_t cap);

/* Stores m (host, prog and text cut to fit LOGMSG_*_MAX); returns its
 * seq. */
uint64_t ring_put(struct ring *r, const struct log_msg *m);

/* Cursors: at the oldest record, after the newest, or n records back. */
void ring_oldest(const struct ring *r, struct ring_cursor *c);
void ring_end(const struct ring *r, struct ring_cursor *c);
void ring_last(const struct ring *r, struct ring_cursor *c, size_t n);

/*
 * Reads the record at c and advances c: 1, or 0 when c is past the newest.
 * If the records under c were overwritten, c jumps to the oldest and *lost
 * (if not NULL) is increased by how many were missed.
 */
int ring_next(const struct ring *r, struct ring_cursor *c,
	      struct ring_rec *out, uint64_t *lost);

#endif /* LOGD_RING_H */
