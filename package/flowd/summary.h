/*
 * summary.h - flowd's state as text for a person on the device: counters
 * and the biggest active flows. Written to /run/flowd/summary every few
 * seconds and on SIGUSR1, printed by `flowd -S`, and printed at the end of
 * an offline run. One "key value" per line, so scripts can read it too.
 */
#ifndef FLOWD_SUMMARY_H
#define FLOWD_SUMMARY_H

#include <stddef.h>
#include <stdint.h>

#include "engine.h"

#define SUMMARY_TOP	10

/* What only the capture side knows. */
struct capture_counts {
	uint64_t received;	/* by the kernel filter */
	uint64_t dropped;	/* ring full: never seen by flowd */
	uint64_t send_errors;	/* export datagrams a collector refused */
};

/*
 * Formats the summary into buf (always NUL-terminated when cap > 0).
 * Returns the length written; output is cut if cap is too small. Pure.
 */
size_t summary_format(char *buf, size_t cap, const struct engine *e,
		      const struct capture_counts *cc, uint64_t now_ms);

#endif /* FLOWD_SUMMARY_H */
