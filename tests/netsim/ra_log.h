/* The RAs a segment's wire carried (`ra-log`): a fixed ring of the last
 * RA_LOG_MAX, nothing allocated per frame; no I/O, the caller gives the time. */
#ifndef NETSIM_RA_LOG_H
#define NETSIM_RA_LOG_H

#include <stddef.h>
#include <stdint.h>

#include "ra_msg.h"

#define RA_LOG_MAX 16

struct ra_log_entry {
	unsigned long seq; /* 1, 2, ...: every RA since netsim started */
	uint32_t t_ms;     /* netsim's clock when it arrived */
	struct ra_msg msg;
};

struct ra_log {
	struct ra_log_entry ring[RA_LOG_MAX];
	unsigned long seq;     /* RAs logged since start (the last one's #) */
	unsigned count;        /* held in the ring, at most RA_LOG_MAX */
	unsigned long dropped; /* since the last clear: pushed out by newer ones */
	unsigned long bad;     /* since the last clear: RAs a host must drop */
};

/* Looks at one frame from the wire; logs it if it is an RA. */
void ra_log_frame(struct ra_log *log, uint32_t now_ms, const uint8_t *frame, size_t n);
void ra_log_clear(struct ra_log *log);
/* `count N dropped D bad B | #SEQ ... | #SEQ ...`, oldest first (README.md).
 * Returns the length, or -1 if BUF (CAP bytes) was too small. */
int ra_log_format(const struct ra_log *log, char *buf, size_t cap);
/* Enough for a full ring of RAs with every table full. */
#define RA_LOG_TEXT_MAX (RA_LOG_MAX * 1280 + 64)

#endif
